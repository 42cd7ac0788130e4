import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText as checkUnder } from '../../server/src/engine/check';
import type { RcaSettings } from '../../server/src/engine/settings';
import { fixAll } from '../../server/src/engine/fix-all';
import { applyEdits } from '../../server/src/engine/text';
import type { RcaDiagnostic } from '../../server/src/engine/types';

/** House reports broken on purpose: their fixes are those of the house profile, which `auto` picks only for a sound one. */
const HOUSE = { profile: 'exlibris' };
const checkText = (text: string, settings: Partial<RcaSettings> = {}) => checkUnder(text, { ...HOUSE, ...settings });

const seeds = join(__dirname, '..', 'fixtures', 'seeds');

function fixFor(text: string, code: string, index = 0): { diagnostic: RcaDiagnostic; fixed: string } {
  const diagnostic = checkText(text).diagnostics.filter((d) => d.code === code)[index];
  assert.ok(diagnostic, `${code} reported`);
  assert.ok(diagnostic.fixes?.length, `${code} has a fix`);
  return { diagnostic, fixed: applyEdits(text, diagnostic.fixes![0].edits) };
}

const base = [
  '# NA01 - RCA - April 11, 2026',
  '',
  '## Introduction',
  '',
  'Customers had no service on April 11, 2026.',
  '',
  '## Event Timeline',
  '',
  'April 11, 2026 from 10:16 until 10:23 Chicago time.',
  '',
  '## Root Cause Analysis',
  '',
  'The cause.',
  '',
  '## Technical Action Items and Preventive Measures',
  '',
  '- An action.',
  '',
  '## Customer Communication',
  '',
  'Updates at this address: http://status.exlibrisgroup.com/',
  '',
].join('\n');

function without(text: string, heading: string): string {
  const start = text.indexOf(`## ${heading}`);
  const next = text.indexOf('\n## ', start + 3);
  return text.slice(0, start) + (next < 0 ? '' : text.slice(next + 1));
}

describe('fixes produce exactly the expected text', () => {
  it('inserts a missing middle section between its neighbours, filled from the title', () => {
    const text = without(base, 'Root Cause Analysis');
    const { fixed } = fixFor(text, 'RCA101');
    assert.ok(
      fixed.includes(
        '10:23 Chicago time.\n\n## Root Cause Analysis\n\nOur engineers investigated the event and found the following:\n\n[cause]\n\n## Technical Action Items',
      ),
    );
    assert.equal(fixed.replace(/## Root Cause Analysis\n\n[\s\S]*?\n\n(?=## Technical)/, ''), text, 'nothing else changed');
  });

  it('inserts a missing last section at the end with one final line break', () => {
    const text = without(base, 'Customer Communication');
    const { fixed } = fixFor(text, 'RCA101');
    assert.ok(fixed.startsWith(text));
    assert.match(
      fixed.slice(text.length),
      /^\n?## Customer Communication\n\n.*http:\/\/status\.exlibrisgroup\.com\/\n\nRegistered customers receive these updates by email\.\n$/,
    );
  });

  it('inserts a missing first section right after the title', () => {
    const text = without(base, 'Introduction');
    // Without an Introduction heading the intro paragraph would count as implicit; drop it too.
    const { fixed } = fixFor(text, 'RCA101');
    assert.ok(
      fixed.startsWith(
        '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nThis report is the Root Cause Analysis of the [product] service interruption that customers experienced on April 11, 2026.',
      ),
    );
    assert.ok(fixed.endsWith(text.slice(text.indexOf('## Event Timeline'))));
  });

  it('puts a missing section after the text under the title, not over it, when no section of the profile is there', () => {
    // Slack-style: a title and one paragraph. A "Root Causes" heading right under the title would make the
    // summary paragraph read as the root cause.
    const paragraph = 'Someone ran the cleanup job against staging on May 2, 2025. Staging was rebuilt by the afternoon.';
    for (const eol of ['\n', '\r\n']) {
      const text = ['# Postmortem: staging wiped', '', paragraph, ''].join(eol);
      const diagnostic = checkUnder(text, { profile: 'postmortem' }).diagnostics.find((d) => d.code === 'RCA101' && /"Root Causes"/.test(d.message));
      assert.ok(diagnostic?.fixes?.length, 'RCA101 for Root Causes, with a fix');
      const fixed = applyEdits(text, diagnostic.fixes[0].edits);
      assert.ok(fixed.startsWith(['# Postmortem: staging wiped', '', paragraph, '', '## Root Causes', ''].join(eol)), JSON.stringify(fixed));
    }
  });

  it('leaves one blank line, not two, between an inserted section and the text after it', () => {
    // No section of the profile, so the introduction goes right under the title, where a blank line already is.
    const underTitle = ['# NA01 - RCA - April 11, 2026', '', '## Background', '', 'A storage array was replaced last week.', ''].join('\n');
    const intro = fixFor(underTitle, 'RCA101').fixed;
    assert.match(intro, /^# NA01 - RCA - April 11, 2026\n\n## Introduction\n\n[^\n][\s\S]*[^\n]\n\n## Background\n/);
    assert.doesNotMatch(intro, /\n\n\n/);
  });

  it('keeps CRLF line breaks in inserted text', () => {
    const text = without(base, 'Root Cause Analysis').replace(/\n/g, '\r\n');
    const { fixed } = fixFor(text, 'RCA101');
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  });

  it('moves an out-of-order section, heading and body, to its place', () => {
    const timeline = base.slice(base.indexOf('## Event Timeline'), base.indexOf('## Root Cause Analysis'));
    const text = base.replace(timeline, '') + '\n' + timeline.trimEnd() + '\n';
    const { fixed } = fixFor(text, 'RCA102');
    assert.equal(fixed.replace(/\n+$/, '\n'), base);
  });

  it('renames an alias heading and nothing else', () => {
    const text = base.replace('## Root Cause Analysis', '## Root Cause');
    const { fixed } = fixFor(text, 'RCA105');
    assert.equal(fixed, base);
  });

  it('keeps the space before a comment that ends the heading it rewrites', () => {
    const comment = '<!-- rca-writer-disable-line RCA203 -->';
    const text = base.replace('## Root Cause Analysis', `## Root Cause ${comment}`);
    assert.equal(fixFor(text, 'RCA105').fixed, base.replace('## Root Cause Analysis', `## Root Cause Analysis ${comment}`));
    const title = base.replace('# NA01 - RCA - April 11, 2026', `# NA01 - RCA - 2026-04-11 ${comment}`);
    assert.equal(fixFor(title, 'RCA106').fixed.split('\n')[0], `# NA01 - RCA - April 11, 2026 ${comment}`);
  });

  it('removes an empty list item line', () => {
    const text = base.replace('- An action.\n', '- An action.\n-\n- Another.\n');
    const { fixed } = fixFor(text, 'RCA107');
    assert.equal(fixed, base.replace('- An action.\n', '- An action.\n- Another.\n'));
  });

  it('completes a dangling "at this address:" with the portal address (seed 004)', () => {
    const text = readFileSync(join(seeds, 'seed-004.md'), 'utf8');
    const { fixed } = fixFor(text, 'RCA108');
    assert.equal(fixed, text.replace('at this address:\n', 'at this address: http://status.exlibrisgroup.com/\n'));
  });

  it('adds the portal sentence at the end of a section that has none', () => {
    const text = base.replace('Updates at this address: http://status.exlibrisgroup.com/', 'Updates by email.');
    const { fixed } = fixFor(text, 'RCA108');
    assert.equal(
      fixed,
      text.replace(
        'Updates by email.',
        'Updates by email.\n\nUpdates on service interruptions are posted while they happen on the system status portal at this address: http://status.exlibrisgroup.com/',
      ),
    );
  });

  it('writes the address after the status portal a sentence names, not in a second sentence', () => {
    const named = base.replace('Updates at this address: http://status.exlibrisgroup.com/', 'Updates are posted on the system Status  Page as they happen.');
    assert.equal(fixFor(named, 'RCA108').fixed, named.replace('Status  Page as', 'Status  Page (http://status.exlibrisgroup.com/) as'));
    // A name inside a link's text (to another address) or in code is left alone: the sentence is added instead.
    const linked = base.replace(
      'Updates at this address: http://status.exlibrisgroup.com/',
      'See the [status portal](https://example.com/) and `status page`.',
    );
    assert.match(fixFor(linked, 'RCA108').fixed, /`status page`\.\n\nUpdates on service interruptions are posted while they happen/);
  });

  it('leaves the publication date of an empty Publication History to the writer, not the incident date', () => {
    const text = `${base.trimEnd()}\n\n## Publication History\n`;
    const { fixed } = fixFor(text, 'RCA104');
    assert.equal(fixed, `${text}\n- <Month D, YYYY>: first publication.\n`);
    assert.ok(
      checkText(fixed).diagnostics.some((d) => d.code === 'RCA109' && d.message.includes('<Month D, YYYY>')),
      'RCA109 asks for the date',
    );
  });

  it('fills an empty section with its skeleton', () => {
    const text = base.replace('- An action.\n\n', '');
    const { fixed } = fixFor(text, 'RCA104');
    assert.ok(fixed.includes('## Technical Action Items and Preventive Measures\n\nThe following actions'));
    assert.equal(checkText(fixed).diagnostics.filter((d) => d.code === 'RCA104').length, 0);
  });

  it('gives a headless introduction its heading, below the disclaimer line (seed 003)', () => {
    const text = readFileSync(join(seeds, 'seed-003.md'), 'utf8');
    const { fixed } = fixFor(text, 'RCA110');
    assert.equal(fixed, text.replace('Trade Marks\n\nThis document serves', 'Trade Marks\n\n## Introduction\n\nThis document serves'));
    assert.deepEqual(
      checkText(fixed)
        .diagnostics.map((d) => d.code)
        .sort(),
      ['RCA108'],
    );
  });

  it('gives the introduction a heading at the level the sections use, even right under the title line', () => {
    const text = base.replace('\n## Introduction\n', '').replace(/^## /gm, '### ').replace('2026\n\nCustomers', '2026\nCustomers');
    const { diagnostic, fixed } = fixFor(text, 'RCA110');
    assert.equal(diagnostic.range.start.line, 1);
    assert.equal(fixed, base.replace(/^## /gm, '### '));
  });

  it('rewrites an ISO title date', () => {
    const text = base.replace('April 11, 2026', '2026-04-11');
    const { fixed } = fixFor(text, 'RCA106');
    assert.equal(fixed, base);
  });

  it('rewrites a title with slips to the standard form, keeping its instances and date', () => {
    const text = base.replace('# NA01 - RCA - April 11, 2026', '# NA01- RCA - Apr 11 ,2026');
    const { fixed } = fixFor(text, 'RCA106');
    assert.equal(fixed, base);
  });

  it('completes a title date that lacks its day from the timeline', () => {
    const text = base.replace('# NA01 - RCA - April 11, 2026', '# NA01 - RCA - April 2026');
    const { fixed } = fixFor(text, 'RCA106');
    assert.equal(fixed, base);
  });

  it('demotes a second H1 to the section level', () => {
    const text = base.replace('## Root Cause Analysis', '# Root Cause Analysis');
    assert.ok(checkText(text).diagnostics.some((d) => d.code === 'RCA106'));
    const { fixed } = fixFor(text, 'RCA106');
    assert.equal(fixed, base);
  });
});

describe('fix-all', () => {
  const messy = [
    '# NA01 - RCA - April 11, 2026',
    '',
    '## Intro',
    '',
    'Customers had no service on April 11, 2026.',
    '',
    '## Root Cause',
    '',
    'The cause.',
    '',
    '## Event Timeline',
    '',
    'April 11, 2026 from 10:16 until 10:23 Chicago time.',
    '',
    '-',
    '',
    '## Customer Communication',
    '',
    'Updates at this address:',
    '',
  ].join('\n');

  it('repairs everything fixable in rounds and converges', () => {
    const fixed = fixAll(messy, HOUSE);
    const left = checkText(fixed).diagnostics;
    assert.deepEqual(
      left.filter((d) => d.fixes?.some((f) => f.isPreferred)),
      [],
    );
    const order = [...fixed.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(order, [
      'Introduction',
      'Event Timeline',
      'Root Cause Analysis',
      'Technical Action Items and Preventive Measures',
      'Customer Communication',
    ]);
    assert.equal(fixAll(fixed, HOUSE), fixed, 'a second run changes nothing');
  });

  it('changes nothing in a clean document', () => {
    assert.equal(fixAll(base, HOUSE), base);
  });
});
