import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { provenFixes } from '../../server/src/engine/fix-proof';
import { applyEdits } from '../../server/src/engine/text';
import { document, parameters, runs } from './arbitraries';
import { applyAsEditor, assertOnlyEditedRangesChanged, key, survives } from './helpers';

describe('quick fixes on random and mutated documents', () => {
  it('each offered fix removes its diagnostic and leaves every other character as it was', () => {
    let fixesTried = 0;
    fc.assert(
      fc.property(document, fc.nat(), (text, choice) => {
        const result = checkText(text);
        const diagnostics = result.diagnostics;
        const fixable = diagnostics.filter((diagnostic) => diagnostic.fixes?.length);
        if (!fixable.length) return;
        // What the editor offers for one finding: its fixes once they have proved themselves.
        const diagnostic = fixable[choice % fixable.length];
        const offered = provenFixes(result, diagnostic);
        if (!offered.length) return;
        fixesTried++;
        const fix = offered[Math.floor(choice / fixable.length) % offered.length];
        const fixed = applyEdits(text, fix.edits);
        assert.equal(fixed, applyAsEditor(text, fix.edits), 'the editor applies the edits to the same text');
        assertOnlyEditedRangesChanged(text, fixed, fix.edits);
        assert.ok(
          !survives(text, fixed, fix.edits, diagnostic, diagnostics, checkText(fixed, result.settings).diagnostics),
          `"${fix.title}" removes ${key(diagnostic)}`,
        );
      }),
      // Found by the long fuzz run (seed 1952278939): two empty list items in a row.
      { ...parameters(), examples: [['# RCA - April 11, 2026\n\n# RCA - April 11, 2026\n- \n- ', 1996196028]] },
    );
    // The property says nothing if no case had a fix to apply.
    assert.ok(fixesTried > runs() / 4, `only ${fixesTried} cases offered a fix`);
  });
});
