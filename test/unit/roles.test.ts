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

  // The rule fixtures of these three use exlibris aliases or sizes the rewrite above cannot carry over.
  const renamedReport = (timelineHeading: string, extra = '') =>
    [
      '# NA01 - RCA - April 11, 2026',
      '## Summary',
      'On April 11, 2026 the NA01 instance was unavailable from 10:00 to 11:00 CDT.',
      `## ${timelineHeading}`,
      '- 10:00 CDT: alerts fired.',
      '## Why it happened',
      'A database failover stalled.',
      '## Follow-ups',
      '- Add alerts.',
      '## Status updates',
      'Posted on http://status.exlibrisgroup.com/.',
      extra,
    ].join('\n\n');
  const codesUnderRenamed = (text: string) => {
    const codes = checkText(text, { profile: 'renamed', profiles: { renamed: renamedProfile } }).diagnostics.map((d) => d.code);
    for (const code of codes) fired.add(code);
    return codes;
  };

  it('RCA105: a misspelling of a renamed section', () => {
    assert.deepEqual(codesUnderRenamed(renamedReport('Sequence of events')), []);
    assert.deepEqual(codesUnderRenamed(renamedReport('Sequense of events')), ['RCA105']);
  });

  it('RCA103: a renamed section given twice', () => {
    assert.deepEqual(codesUnderRenamed(renamedReport('Sequence of events', '## Follow-ups\n\n- Add more alerts.')), ['RCA103']);
  });

  it('RCA001: a report too deeply nested to check', () => {
    assert.ok(codesUnderRenamed(renamedReport('Sequence of events', `${'> '.repeat(80)}deep`)).includes('RCA001'));
  });

  it('RCA215: a numeric date that reads two ways, whatever the profile calls its sections', () => {
    assert.deepEqual(codesUnderRenamed(renamedReport('Sequence of events', 'It happened again on 11/03/2026.')), ['RCA215']);
  });

  it('every rule fires under the renamed profile', () => {
    const silent = allRules.map((rule) => rule.code).filter((code) => !fired.has(code));
    assert.deepEqual(silent, []);
  });

  it('a heading under its renamed name is the section', () => {
    const text = '# NA01 - RCA - April 11, 2026\n\n## Sequence of events\n\n- 10:05 Alerts fired.\n';
    const { diagnostics } = checkText(text, { profile: 'renamed', profiles: { renamed: renamedProfile } });
    // RCA203: the timeline's time has no zone, which only the timeline rules look for.
    assert.ok(diagnostics.some((d) => d.code === 'RCA203' && d.range.start.line === 4));
  });
});
