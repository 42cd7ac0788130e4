import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fix-all';
import { provenFixes } from '../../server/src/engine/fix-proof';
import { document, parameters } from './arbitraries';

// Under `auto` Fix All keeps the profile it chose for the text it was given (a fix that adds a section may make
// another profile the better fit afterwards); the second run is asked under that profile.
const chosenProfile = (text: string) => ({ profile: checkText(text).doc.profile.name });

describe('fix-all on random and mutated documents', () => {
  it('applied twice, changes nothing the second time', () => {
    fc.assert(
      fc.property(document, (text) => {
        const chosen = chosenProfile(text);
        const once = fixAll(text, {});
        assert.equal(fixAll(once, chosen), once);
        // What is left with a preferred fix is what did not prove itself: the editor does not prefer it either.
        const result = checkText(once, chosen);
        for (const diagnostic of result.diagnostics.filter((d) => d.fixes?.some((fix) => fix.isPreferred))) {
          const preferred = provenFixes(result, diagnostic).filter((fix) => fix.isPreferred);
          assert.deepEqual(
            preferred.map((fix) => fix.title),
            [],
            `no proven fix is left for ${diagnostic.code} ${diagnostic.message}`,
          );
        }
      }),
      parameters(),
    );
  });
});
