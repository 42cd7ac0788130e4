import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { applyEdits, LineIndex } from '../../server/src/engine/text';
import type { RcaDiagnostic, TextEdit } from '../../server/src/engine/types';
import { document, parameters, runs } from './arbitraries';
import { applyAsEditor, assertOnlyEditedRangesChanged } from './helpers';

const key = (d: RcaDiagnostic) => `${d.code} ${d.message}`;

/** Where an offset of the text before the edits is afterwards; undefined if the edits replaced it. */
function mapOffset(text: string, edits: readonly TextEdit[], offset: number): number | undefined {
  const index = new LineIndex(text);
  let shift = 0;
  for (const edit of edits) {
    const start = index.offsetAt(edit.range.start);
    const end = index.offsetAt(edit.range.end);
    if (offset > start && offset < end) return undefined;
    if (end <= offset && !(start === end && start === offset)) shift += edit.newText.length - (end - start);
  }
  return offset + shift;
}

/**
 * The same finding, after the fix: same code and message, starting where the original start moved to. Findings
 * alike that the edits move to the same place (two empty list items in a row: removing the first brings the
 * second to its place) are counted: the fix removed its finding when fewer of them are there afterwards.
 */
function survives(before: string, fixed: string, edits: readonly TextEdit[], diagnostic: RcaDiagnostic, all: RcaDiagnostic[], after: RcaDiagnostic[]): boolean {
  const beforeIndex = new LineIndex(before);
  const moved = mapOffset(before, edits, beforeIndex.offsetAt(diagnostic.range.start));
  if (moved === undefined) return false;
  const alike = all.filter((d) => key(d) === key(diagnostic) && mapOffset(before, edits, beforeIndex.offsetAt(d.range.start)) === moved).length;
  const index = new LineIndex(fixed);
  return after.filter((d) => key(d) === key(diagnostic) && index.offsetAt(d.range.start) === moved).length >= alike;
}

describe('quick fixes on random and mutated documents', () => {
  it('each offered fix removes its diagnostic and leaves every other character as it was', () => {
    let fixesTried = 0;
    fc.assert(
      fc.property(document, fc.nat(), (text, choice) => {
        const diagnostics = checkText(text).diagnostics;
        const offered = diagnostics.flatMap((diagnostic) => (diagnostic.fixes ?? []).map((fix) => ({ diagnostic, fix })));
        if (!offered.length) return;
        fixesTried++;
        const { diagnostic, fix } = offered[choice % offered.length];
        const fixed = applyEdits(text, fix.edits);
        assert.equal(fixed, applyAsEditor(text, fix.edits), 'the editor applies the edits to the same text');
        assertOnlyEditedRangesChanged(text, fixed, fix.edits);
        assert.ok(!survives(text, fixed, fix.edits, diagnostic, diagnostics, checkText(fixed).diagnostics), `"${fix.title}" removes ${key(diagnostic)}`);
      }),
      // Found by the long fuzz run (seed 1952278939): two empty list items in a row.
      { ...parameters(), examples: [['# RCA - April 11, 2026\n\n# RCA - April 11, 2026\n- \n- ', 1996196028]] },
    );
    // The property says nothing if no case had a fix to apply.
    assert.ok(fixesTried > runs() / 4, `only ${fixesTried} cases offered a fix`);
  });
});
