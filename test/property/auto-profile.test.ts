import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { candidateProfiles, TEMPLATE_RULES, titleClaim } from '../../server/src/engine/auto-profile';
import { defaultSettings } from '../../server/src/engine/settings';
import { checkText } from '../../server/src/engine/check';
import { buildModel } from '../../server/src/engine/model';
import { builtInProfiles, DEFAULT_PROFILE, findProfile } from '../../server/src/engine/profiles';
import { document, parameters, runs } from './arbitraries';

const TEMPLATE_CODES = new Set(TEMPLATE_RULES.map((rule) => rule.code));
const PROFILES = builtInProfiles();

/** Every name and alias of every built-in profile's sections, and headings no profile knows. */
const headingNames = [
  ...new Set(PROFILES.flatMap((profile) => profile.sections.flatMap((def) => [def.name, ...def.aliases]))),
  'Notes',
  'Appendix',
  'Supporting information',
  'Root Cuase Analysis',
];

const title = fc.constantFrom(
  '# NA01 - RCA - April 11, 2026',
  '# Checkout outage postmortem',
  '# Incident report: registry unavailable',
  '# Search latency on 2024-07-02',
  '# RCA',
  '',
);

const body = fc.constantFrom('', 'On April 11, 2026 checkout failed.', '- 10:05 UTC alerts fired.\n- 10:40 UTC service restored.', 'A config push.');

const section = fc.record({ level: fc.constantFrom('##', '##', '###'), name: fc.constantFrom(...headingNames), body });

/** Postmortem-shaped documents: a title or none, then sections under any profile's names, in any order. */
const report = fc
  .record({ title, sections: fc.array(section, { maxLength: 12 }) })
  .map(({ title, sections }) => [title, ...sections.map((s) => `${s.level} ${s.name}\n\n${s.body}`)].filter(Boolean).join('\n\n') + '\n');

const templateCount = (text: string, profile: string) => checkText(text, { profile }).diagnostics.filter((d) => TEMPLATE_CODES.has(d.code)).length;

/** A new document (no title and no heading) gets the house profile whatever fits: the one documented exception. */
const hasTitleOrHeading = (text: string) => {
  const doc = buildModel(text, findProfile(DEFAULT_PROFILE)!);
  return !!doc.title || doc.sections.some((section) => section.heading);
};

/** The profile whose title form the document's title is written in ("<subject> - RCA - <date>"), if any. */
const claimedBy = (text: string) => titleClaim(buildModel(text, findProfile(DEFAULT_PROFILE)!), candidateProfiles(defaultSettings()));

describe('the auto profile', () => {
  it("checks a report whose title is in a profile's own form with that profile, whatever its sections", () => {
    fc.assert(
      fc.property(fc.oneof(report, document), (text) => {
        const claimed = claimedBy(text);
        fc.pre(!!claimed);
        assert.equal(checkText(text, { profile: 'auto' }).doc.profile.name, claimed!.name);
      }),
      { ...parameters(runs(300)) },
    );
  });

  it('otherwise never picks a profile that gives more template findings than another built-in profile would', () => {
    fc.assert(
      fc.property(fc.oneof(report, report, document), (text) => {
        fc.pre(hasTitleOrHeading(text) && !claimedBy(text));
        const chosen = checkText(text, { profile: 'auto' });
        const mine = chosen.diagnostics.filter((d) => TEMPLATE_CODES.has(d.code)).length;
        for (const profile of PROFILES) {
          const theirs = templateCount(text, profile.name);
          assert.ok(mine <= theirs, `auto chose ${chosen.doc.profile.name} with ${mine} template findings; ${profile.name} gives ${theirs}`);
        }
      }),
      { ...parameters(runs(1000)) },
    );
  });

  it('checks the chosen profile exactly as if it had been named', () => {
    fc.assert(
      fc.property(report, (text) => {
        const chosen = checkText(text, { profile: 'auto' });
        const named = checkText(text, { profile: chosen.doc.profile.name });
        assert.deepEqual(
          chosen.diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message}`),
          named.diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message}`),
        );
      }),
      { ...parameters(runs(300)) },
    );
  });
});
