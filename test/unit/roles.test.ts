import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { matchHeading } from '../../server/src/engine/headings';
import { exlibrisProfile } from '../../server/src/engine/profiles/exlibris';
import type { SectionRole } from '../../server/src/engine/profiles';
import { allRules } from '../../server/src/engine/rules';
import { found, readFixtures, type Fixture } from '../helpers/fixtures';

/**
 * Rules find sections by role, not by a profile's ids. Every rule fixture is checked again under a user profile whose
 * sections have other names and ids (its headings rewritten line for line), and must give the same findings.
 */

const RENAMED: Record<SectionRole, string> = {
  'introduction': 'Summary',
  'impact': 'Products hit',
  'timeline': 'Sequence of events',
  'root-cause': 'Why it happened',
  'actions': 'Follow-ups',
  'communication': 'Status updates',
  'publication-history': 'Change log',
  'trigger': '',
  'resolution': '',
  'detection': '',
  'lessons': '',
};

/** Same order, title, skeletons and flags as exlibris; other names and ids, no aliases (so no id or alias is shared). */
const renamedProfile = {
  extends: 'exlibris',
  sections: exlibrisProfile.sections.map((def) => ({
    name: RENAMED[def.role!],
    id: `renamed-${def.role}`,
    role: def.role,
    required: def.required,
    skeleton: def.skeleton,
    implicit: def.mayBeImplicit ?? false,
    statusLink: def.needsStatusLink ?? false,
  })),
};

const HEADING = /^(#{1,6}[ \t]+)(.*?)([ \t]*)$/;

/** The fixture with each heading that is exactly an exlibris section's name given the renamed profile's name instead. */
function renamed(fixture: Fixture): { text: string; eligible: boolean } {
  let eligible = true;
  const names = new Map(exlibrisProfile.sections.map((def) => [def.name.toLowerCase(), RENAMED[def.role!]]));
  const text = fixture.text
    .split('\n')
    .map((line) => {
      const heading = HEADING.exec(line.replace(/\r$/, ''));
      if (!heading || heading[1].startsWith('# ')) return line;
      const words = heading[2].replace(/<!--.*?-->/g, '').trim();
      const name = names.get(words.toLowerCase());
      if (name) return line.replace(words, name);
      // Aliases, numbered or annotated headings, misspellings: the renamed profile would read them otherwise.
      if (matchHeading(words, exlibrisProfile)) eligible = false;
      return line;
    })
    .join('\n');
  return { text, eligible };
}

const fixtures = readFixtures(join(__dirname, '..', 'fixtures', 'rules'));

describe('rules find sections by role', () => {
  const fired = new Set<string>();
  for (const fixture of fixtures) {
    const { text, eligible } = renamed(fixture);
    if (!eligible) continue;
    it(fixture.name, () => {
      const settings = { ...fixture.settings, profile: 'renamed', profiles: { renamed: renamedProfile } };
      const { diagnostics } = checkText(text, settings);
      assert.deepEqual(found(diagnostics), fixture.expected);
      for (const d of diagnostics) fired.add(d.code);
    });
  }

  it('every rule fires under the renamed profile', () => {
    // Not yet covered by a fixture under the renamed profile: RCA001 (too large to check), RCA103 and RCA105 (their
    // fixtures use aliases, which the renamed profile does not share).
    const uncovered = ['RCA001', 'RCA103', 'RCA105'];
    const silent = allRules.map((rule) => rule.code).filter((code) => !fired.has(code) && !uncovered.includes(code));
    assert.deepEqual(silent, []);
  });

  it('a heading under its renamed name is the section', () => {
    const text = '# NA01 - RCA - April 11, 2026\n\n## Sequence of events\n\n- 10:05 Alerts fired.\n';
    const { diagnostics } = checkText(text, { profile: 'renamed', profiles: { renamed: renamedProfile } });
    // RCA203: the timeline's time has no zone, which only the timeline rules look for.
    assert.ok(diagnostics.some((d) => d.code === 'RCA203' && d.range.start.line === 4));
  });
});
