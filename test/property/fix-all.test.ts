import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { applyPreferredFixes, fixAll } from '../../server/src/engine/fix-all';
import { document, parameters } from './arbitraries';

describe('fix-all on random and mutated documents', () => {
  it('applied twice, changes nothing the second time', () => {
    fc.assert(
      fc.property(document, (text) => {
        const once = fixAll(text, {});
        assert.equal(fixAll(once, {}), once);
        assert.equal(applyPreferredFixes(once, checkText(once).diagnostics), once, 'no preferred fix is left to apply');
      }),
      parameters(),
    );
  });
});
