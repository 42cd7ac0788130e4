// `check --fix` and `--fix-dry-run`: what Fix All did to each file, said one line a fix, and the fixed text written
// back in place of the file (or shown as a diff), never over a file that changed since it was read.
import { accessSync, constants, readFileSync, statSync, type Stats } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import type { FixAllReport, SkippedFix } from '../engine/fix-all';
import { decodeText, encodeText, encodingOf, readFileBytes, TextFileError } from '../engine/text-file';
import { writeErrorReason, writeFileAtomically } from '../engine/write-file';
import type { JobResult } from './check-worker';
import type { CheckInput } from './inputs';
import type { CliIo } from './io';

/** What Fix All made of one file (computed where the file was checked: see check-worker.ts). */
export type FixOutcome = FixAllReport;

/** A file a run checked, with its findings (and, when fixing, what Fix All made of it). */
export interface Checked {
  input: CheckInput;
  result: NonNullable<JobResult>;
}

/**
 * Writes (or, in a dry run, shows as a diff) each fixed file and says what was fixed and what was not, one line a
 * fix and a count at the end, through `say`. A file that could not be written is named on stderr and keeps the
 * findings it was checked with; the others have the findings of their fixed text.
 */
export function applyFixes(
  checked: Checked[],
  options: { dryRun: boolean; io: CliIo; say: (text: string) => void },
): { checked: Checked[]; unwritten: number } {
  const { dryRun, io, say } = options;
  let unwritten = 0;
  let fixes = 0;
  let files = 0;
  const after = checked.map((entry): Checked => {
    const { input, result } = entry;
    const fixed = result.fixed;
    if (!fixed) return entry;
    const changes = fixed.text !== input.text;
    if (changes && dryRun) say(unifiedDiff(input.name, input.text, fixed.text));
    else if (changes) {
      try {
        if (!input.path) throw new FixWriteError(`${input.name}: not a file; not fixed`);
        writeFixed(input.name, input.path, input.text, fixed.text, io.beforeFixWrite);
      } catch (error) {
        if (!(error instanceof FixWriteError)) throw error;
        unwritten++;
        io.stderr(`rca-writer: ${error.message}\n`);
        return entry;
      }
    }
    say(describeFixes(input.name, fixed, dryRun));
    if (changes) {
      fixes += fixed.applied.length;
      files++;
    }
    return { input, result: { ...result, diagnostics: fixed.diagnostics, profile: fixed.profile } };
  });
  const counted = `${fixes} ${fixes === 1 ? 'fix' : 'fixes'} to ${files} of ${checked.length} ${checked.length === 1 ? 'file' : 'files'}`;
  say(dryRun ? `would apply ${counted} (a dry run: no file was changed)\n` : `applied ${counted}\n`);
  return { checked: after, unwritten };
}

const REASONS: Record<SkippedFix['reason'], (skipped: SkippedFix) => string> = {
  'overlap': (skipped) => `its edit overlaps the fix of ${skipped.overlaps?.code ?? 'another finding'} (${skipped.overlaps?.title ?? ''}); run --fix again`,
  'unproven': () => 'applied, it leaves its finding, raises another or changes how the rest of the report reads; fix it by hand',
  'repeats-heading': () => 'it would insert a heading that another fix inserted already',
  'budget': () => 'the checks allowed for one file ran out first; run --fix again',
  'rounds': () => 'the rounds of fixing ran out first; run --fix again',
};

/** One line a fix: `file: RCA104 fixed: title` and `file:line: RCA101 not fixed: title: why`. */
export function describeFixes(name: string, outcome: FixOutcome, dryRun: boolean): string {
  const lines = outcome.applied.map((fix) => `${name}: ${fix.code} ${dryRun ? 'would be fixed' : 'fixed'}: ${fix.title}`);
  for (const skipped of outcome.skipped)
    lines.push(`${name}:${skipped.line + 1}: ${skipped.code} not fixed: ${skipped.title}: ${REASONS[skipped.reason](skipped)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** What --fix-dry-run prints for a file: a unified diff that `git apply` or `patch -p1` applies. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const label = name.split('\\').join('/').replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

/** A fixed file that could not be written: the message names it and says why; the file is as it was. */
export class FixWriteError extends Error {}

/** Runs when the fixed file is ready to take the original's place, before the last comparison (a seam for tests). */
export type BeforeReplace = (path: string) => void;

/**
 * Writes `fixed` in place of the file at `path`, whose text was `checked` when it was read: in the file's own
 * encoding (its byte-order mark, UTF-16 or not; line breaks are the text's, which fixes write in the file's own),
 * with its permission bits and owner, atomically. Nothing is written to a read-only file, nor to one that no longer
 * holds `checked`: the file is read again and compared just before the new one takes its place.
 */
export function writeFixed(name: string, path: string, checked: string, fixed: string, beforeReplace?: BeforeReplace): void {
  let stats: Stats;
  let bytes: Buffer;
  try {
    stats = statSync(path);
    bytes = readFileBytes(path, name);
  } catch (error) {
    if (error instanceof TextFileError) throw new FixWriteError(`${error.message}; not fixed`);
    throw new FixWriteError(`${name}: cannot read the file again (${writeErrorReason(error)}); not fixed`);
  }
  if (!sameText(bytes, checked, name)) throw changed(name);
  // A read-only file says "leave me": renaming over it would succeed in a writable folder, and root may write anything.
  if ((stats.mode & 0o222) === 0 || !writable(path)) throw new FixWriteError(`${name}: read-only; not fixed`);
  // Another name of the same file would keep the old text once the new file takes this name.
  if (stats.nlink > 1) throw new FixWriteError(`${name}: has ${stats.nlink - 1} other hard ${stats.nlink === 2 ? 'link' : 'links'}; not fixed`);
  try {
    writeFileAtomically(path, encodeText(fixed, encodingOf(bytes)), {
      replace: true,
      mode: stats.mode & 0o7777,
      owner: { uid: stats.uid, gid: stats.gid },
      beforeReplace: () => {
        beforeReplace?.(path);
        let now: Buffer;
        try {
          now = readFileSync(path);
        } catch {
          throw changed(name);
        }
        if (!now.equals(bytes)) throw changed(name);
      },
    });
  } catch (error) {
    if (error instanceof FixWriteError) throw error;
    throw new FixWriteError(`${name}: cannot write the file (${writeErrorReason(error)}); it is as it was, not fixed`);
  }
}

function sameText(bytes: Buffer, text: string, name: string): boolean {
  try {
    return decodeText(bytes, name) === text;
  } catch {
    return false;
  }
}

const changed = (name: string) => new FixWriteError(`${name}: changed since it was read; left as it is, not fixed (run --fix again)`);

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
