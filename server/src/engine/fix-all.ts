import { checkText } from './check';
import type { RcaSettings } from './settings';
import { applyEdits, LineIndex } from './text';
import type { RcaDiagnostic, TextEdit } from './types';

const MAX_ROUNDS = 10;

function editSpan(index: LineIndex, edits: TextEdit[]): [number, number] {
  const offsets = edits.flatMap((edit) => [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)]);
  return [Math.min(...offsets), Math.max(...offsets)];
}

/** Applies, in one pass, the preferred fix of each diagnostic whose edits don't collide with another's. */
export function applyPreferredFixes(text: string, diagnostics: RcaDiagnostic[]): string {
  const index = new LineIndex(text);
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((candidate) => candidate.isPreferred) ?? undefined;
    if (!fix || fix.edits.length === 0) continue;
    const spans = fix.edits.map((edit) => editSpan(index, [edit]));
    // Two inserts at one place would interleave unpredictably; leave the second for the next round.
    const collides = spans.some(([start, end]) => taken.some(([a, b]) => start <= b && end >= a));
    if (collides) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits.length ? applyEdits(text, edits) : text;
}

/**
 * Applies every preferred fix, re-checking between rounds, until nothing fixable is left.
 * Returns the final text; running it again on that text changes nothing.
 */
export function fixAll(text: string, settings: Partial<RcaSettings>): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = applyPreferredFixes(current, checkText(current, settings).diagnostics);
    if (next === current) break;
    current = next;
  }
  return current;
}
