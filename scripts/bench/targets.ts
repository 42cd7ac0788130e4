// The targets both bench scripts measure, and bench/results.json, which holds them: `npm run bench` (bench.ts) writes
// most of it, `npm run bench:vscode` (vscode.ts) its own part, the typing feedback in real VS Code; each keeps the
// other's part as it was, with that run's date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const RESULTS_FILE = join(__dirname, '..', '..', 'bench', 'results.json');

/**
 * One target: `value` against `limit`, where the limit is either absolute (`unit` ms or MB) or `times` a
 * baseline measured in the same run. Met when the value is at most the limit (strictly less for "<").
 */
export interface Target {
  issue: number;
  what: string;
  value: number;
  unit: string;
  limit: number;
  targetText: string;
  baseline?: { name: string; value: number };
  strict?: boolean;
  /** Measured by `npm run bench:vscode`, not by `npm run bench`. */
  vscode?: boolean;
}

export interface TargetRow extends Target {
  /** Measured over the limit: at most 1 is met. */
  ratio: number;
  met: boolean;
}

export function assess(target: Target): TargetRow {
  return { ...target, ratio: target.value / target.limit, met: target.strict ? target.value < target.limit : target.value <= target.limit };
}

export const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The line that prints a target: met or missed, the value, the target and the ratio. */
export function targetLine(row: TargetRow): string {
  const against = row.baseline ? ` = ${fmt(row.limit)} ${row.unit}, ${row.baseline.name} ${fmt(row.baseline.value)} ${row.unit}` : '';
  return `${row.met ? 'met   ' : 'missed'} #${row.issue} ${row.what}: ${fmt(row.value)} ${row.unit} (target ${row.targetText}${against}); ratio ${fmt(row.ratio)}`;
}

/** The key of bench/results.json that `npm run bench:vscode` writes. */
export const VSCODE_KEY = 'typingFeedback';

/**
 * Writes bench/results.json from `results` and its target rows, keeping the other script's part of the file as it
 * was: with `vscode`, the rest of the file; without, the typing-feedback key and rows.
 */
export function writeResults(results: Record<string, unknown> & { targets: TargetRow[] }, vscode: boolean): void {
  const previous = (existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {}) as Record<string, unknown> & { targets?: TargetRow[] };
  const kept = (previous.targets ?? []).filter((row) => Boolean(row.vscode) !== vscode);
  const merged: Record<string, unknown> = vscode
    ? { ...previous, ...results, targets: [...kept, ...results.targets] }
    : { ...results, [VSCODE_KEY]: previous[VSCODE_KEY], targets: [...results.targets, ...kept] };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
}
