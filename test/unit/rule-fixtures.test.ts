import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/text';
import { found, readFixtures } from '../helpers/fixtures';

const folder = join(__dirname, '..', 'fixtures', 'rules');
/**
 * The rule fixtures are house reports that show each rule, broken on purpose: they test the rules under the house
 * profile. Which profile `auto` picks is tested on test/fixtures/postmortems (postmortem-fixtures.test.ts).
 */
const HOUSE = { profile: 'exlibris' };

describe('rule fixtures (expected findings inline)', () => {
  for (const fixture of readFixtures(folder, HOUSE)) {
    it(fixture.name, () => {
      const { diagnostics } = checkText(fixture.text, fixture.settings);
      assert.deepEqual(found(diagnostics), fixture.expected);
    });

    it(`${fixture.name}: every fix removes its finding`, () => {
      const { diagnostics } = checkText(fixture.text, fixture.settings);
      for (const diagnostic of diagnostics) {
        for (const fix of diagnostic.fixes ?? []) {
          const fixed = applyEdits(fixture.text, fix.edits);
          const after = checkText(fixed, fixture.settings).diagnostics;
          const same = after.filter((d) => d.code === diagnostic.code && d.message === diagnostic.message);
          assert.equal(same.length, 0, `${diagnostic.code} "${diagnostic.message}" still reported after "${fix.title}"`);
        }
      }
    });
  }
});
