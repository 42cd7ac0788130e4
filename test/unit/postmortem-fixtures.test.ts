import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TEMPLATE_RULES } from '../../server/src/engine/auto-profile';
import { checkText } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/text';
import { found, readFixtures } from '../helpers/fixtures';

/**
 * Postmortems in other organisations' formats (Google SRE template, GitLab, Cloudflare, Atlassian, Azure PIR,
 * open-source incident reports, short chat-style ones), written for these tests, each with its findings inline.
 * They run under `auto`, the default, unless a fixture names a profile.
 */
const fixtures = readFixtures(join(__dirname, '..', 'fixtures', 'postmortems'));
const TEMPLATE_CODES = new Set(TEMPLATE_RULES.map((rule) => rule.code));

describe('postmortems in other formats, under auto', () => {
  it('are at least 20, and several of them clean', () => {
    assert.ok(fixtures.length >= 20, `${fixtures.length} fixtures`);
    assert.ok(fixtures.filter((fixture) => fixture.expected.length === 0).length >= 8, 'clean fixtures');
  });

  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const { diagnostics } = checkText(fixture.text, fixture.settings);
      assert.deepEqual(found(diagnostics), fixture.expected);
    });

    it(`${fixture.name}: every fix removes its finding`, () => {
      const { diagnostics, settings } = checkText(fixture.text, fixture.settings);
      for (const diagnostic of diagnostics) {
        for (const fix of diagnostic.fixes ?? []) {
          const after = checkText(applyEdits(fixture.text, fix.edits), settings).diagnostics;
          assert.equal(after.filter((d) => d.code === diagnostic.code && d.message === diagnostic.message).length, 0, `"${fix.title}" left ${diagnostic.code}`);
        }
      }
    });
  }

  it('get the postmortem profile, but the house RCA, which gets the house one', () => {
    const chosen = fixtures.map((fixture) => [fixture.name, checkText(fixture.text, fixture.settings).doc.profile.name]);
    assert.deepEqual(
      chosen.filter(([, profile]) => profile !== 'postmortem'),
      [['22-house-format.md', 'exlibris']],
    );
  });

  it('get fewer than one template finding per document on average', () => {
    const template = fixtures.flatMap((fixture) => checkText(fixture.text, fixture.settings).diagnostics.filter((d) => TEMPLATE_CODES.has(d.code)));
    assert.ok(template.length / fixtures.length < 1, `${template.length} template findings in ${fixtures.length} documents`);
  });
});
