import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { LineIndex } from '../../server/src/engine/text';
import { document, parameters } from './arbitraries';
import { assertValidRange } from './helpers';

/** Generated documents are under 50 KB and a check takes milliseconds: this bound is far above that, so it catches
 * runaway work (a hang, catastrophic backtracking), not slowness. Speed is measured in the benchmark, not here. */
const WORK_BOUND_MS = 10_000;

describe('the engine on random and mutated documents', () => {
  it('never throws, finishes within the work bound, and reports only ranges and edits the editor can use', () => {
    fc.assert(
      fc.property(document, (text) => {
        const started = performance.now();
        const { diagnostics } = checkText(text);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < WORK_BOUND_MS, `checked ${text.length} characters in ${Math.round(elapsed)} ms`);
        const index = new LineIndex(text);
        for (const diagnostic of diagnostics) {
          assert.ok(diagnostic.message.length > 0, `${diagnostic.code} has a message`);
          assertValidRange(text, index, diagnostic.range, diagnostic.code);
          for (const related of diagnostic.related ?? []) assertValidRange(text, index, related.range, `${diagnostic.code} related`);
          for (const fix of diagnostic.fixes ?? []) {
            for (const edit of fix.edits) assertValidRange(text, index, edit.range, `${diagnostic.code} "${fix.title}"`);
          }
        }
      }),
      parameters(),
    );
  });
});
