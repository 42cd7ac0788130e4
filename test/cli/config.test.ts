import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isReportTitle } from '../../server/src/engine/detect';
import { CLEAN, project, root, runIn } from './helpers';

describe('check: config choice, ignores and detection', () => {
  const off = '{"rules": {"RCA109": "off"}}';
  const withPlaceholder = CLEAN.replace(/^# .*$/m, '# NA01 - RCA - April 11, 2026\n\nTODO');

  it('--config FILE replaces the nearest file, --no-config uses none', () => {
    const dir = project({ 'rcas/a.md': withPlaceholder, '.rca-writer.json': off, 'other.yaml': 'rules:\n  RCA109: error\n' });
    assert.doesNotMatch(runIn(['check', 'rcas'], { cwd: dir }).stdout, /RCA109/);
    assert.match(runIn(['check', '--no-config', 'rcas'], { cwd: dir }).stdout, /warning RCA109/);
    assert.match(runIn(['check', '--config', 'other.yaml', 'rcas'], { cwd: dir }).stdout, /error RCA109/);
    assert.equal(runIn(['check', '--config', 'x.json', '--no-config', 'rcas'], { cwd: dir }).code, 2);
  });

  it('each folder of one run has its own nearest config file, and the folders under it share that one', () => {
    const dir = project({
      'a/rcas/1.md': withPlaceholder,
      'a/rcas/deeper/2.md': withPlaceholder,
      'a/.rca-writer.json': off,
      'b/rcas/3.md': withPlaceholder,
      'b/.rca-writer.yaml': 'rules:\n  RCA109: error\n',
      'c/rcas/4.md': withPlaceholder,
      'c/rcas/deeper/.rca-writer.json': '{"profile": "postmortem"}',
      'c/rcas/deeper/5.md': withPlaceholder,
    });
    const result = runIn(['check', '--format', 'json', 'a', 'b/rcas/3.md', 'c'], { cwd: dir });
    const reports = JSON.parse(result.stdout) as { file: string; profile: string; diagnostics: { code: string; severity: string }[] }[];
    const rca109 = (file: string) => reports.find((report) => report.file === file)!.diagnostics.find((d) => d.code === 'RCA109')?.severity;
    assert.deepEqual(
      reports.map((report) => [report.file, rca109(report.file)]),
      [
        [join('a', 'rcas', '1.md'), undefined],
        [join('a', 'rcas', 'deeper', '2.md'), undefined],
        ['b/rcas/3.md', 'error'],
        [join('c', 'rcas', '4.md'), 'warning'],
        [join('c', 'rcas', 'deeper', '5.md'), 'warning'],
      ],
    );
    assert.deepEqual(
      reports.filter((report) => report.file.startsWith('c')).map((report) => report.profile === 'postmortem'),
      [false, true],
    );
  });

  it('a broken config file below a good one stops the run, naming the file and the key', () => {
    const dir = project({
      'rcas/a.md': withPlaceholder,
      'rcas/old/b.md': withPlaceholder,
      '.rca-writer.json': off,
      'rcas/old/.rca-writer.json': '{\n  "rules": {"RCA109": "loud"}\n}',
    });
    const result = runIn(['check', 'rcas'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /rcas\/old\/\.rca-writer\.json:2:23: "rules\.RCA109" is "loud", not one of error, warning, information, hint, off\n$/);
  });

  it('a walk skips what .gitignore and "exclude" name, and --verbose says so', () => {
    const dir = project({
      '.git/HEAD': '',
      '.gitignore': 'build/\n',
      '.rca-writer.json': '{"exclude": ["rcas/drafts/**"]}',
      'build/rcas/a.md': CLEAN,
      'rcas/drafts/b.md': CLEAN,
      'rcas/c.md': CLEAN,
      'notes.md': '# The `rca-writer` command line\n',
    });
    const result = runIn(['check', '--verbose', '.'], { cwd: dir });
    assert.equal(result.stdout, '1 file checked, no problems\n');
    assert.match(result.stderr, /skipped rcas\/drafts\/b\.md: excluded by "exclude"/);
    assert.match(result.stderr, /skipped notes\.md: not an RCA/);
    assert.doesNotMatch(result.stderr, /build/);
  });

  it('a walk checks a postmortem by its sections when neither its path nor its title says report, and skips a README under rca/', () => {
    const postmortem = [
      '# Incident 2026-031: checkout API errors',
      '',
      '## Summary',
      '',
      'Checkout requests failed for 42 minutes on March 3, 2026.',
      '',
      '## Timeline',
      '',
      '- 14:02 UTC: error rate alert fired.',
      '- 14:10 UTC: the on-call engineer began investigating.',
      '- 14:44 UTC: the rollback completed.',
      '',
      '## Root cause',
      '',
      'A connection pool limit was lowered in the release of March 2.',
      '',
      '## Action items',
      '',
      '- Alert on pool saturation.',
      '',
    ].join('\n');
    const plan = '# Search v2\n\n## Overview\n\nText.\n\n## Timeline\n\nText.\n\n## Risks\n\nText.\n';
    const readme = '# RCAs\n\nOne file per incident.\n\n## How to add one\n\nCopy the template.\n';
    const dir = project({ 'docs/incidents/2026-031.md': postmortem, 'docs/search-v2.md': plan, 'docs/rca/README.md': readme });
    const result = runIn(['check', '--verbose', '--format', 'json', 'docs'], { cwd: dir });
    const checked = (JSON.parse(result.stdout) as { file: string }[]).map((entry) => entry.file);
    assert.deepEqual(checked, ['docs/incidents/2026-031.md']);
    assert.match(result.stderr, /skipped docs\/search-v2\.md: not an RCA/);
    // rca/ is in the include globs, but its README lists the reports: the folder's landing page is read for what it says.
    assert.match(result.stderr, /skipped docs\/rca\/README\.md: not an RCA/);
  });

  it("a walk skips the team's template by its name, and says why; named on its own, it is checked", () => {
    const template = '# [instances] - RCA - <Month D, YYYY>\n\n## Introduction\n\n[summary]\n';
    const dir = project({ 'rcas/TEMPLATE.md': template, 'rcas/postmortem-template.md': template, 'rcas/c.md': CLEAN });
    const walk = runIn(['check', '--verbose', 'rcas'], { cwd: dir });
    assert.equal(walk.stdout, '1 file checked, no problems\n');
    assert.match(walk.stderr, /skipped rcas\/TEMPLATE\.md: a template to copy reports from, by its name/);
    assert.match(walk.stderr, /skipped rcas\/postmortem-template\.md: a template/);
    const named = runIn(['check', 'rcas/TEMPLATE.md'], { cwd: dir });
    assert.match(named.stdout, /RCA109/);
  });

  it('text output ends with a summary line', () => {
    // Two copies of one report share their dates, paragraphs and incident (the cross-report rules): not what this test is about.
    const crossOff = '{ "rules": { "RCA401": "off", "RCA402": "off", "RCA403": "off", "RCA404": "off" } }';
    const dir = project({ 'rcas/a.md': withPlaceholder, 'rcas/b.md': CLEAN, '.rca-writer.json': crossOff });
    const lines = runIn(['check', 'rcas'], { cwd: dir }).stdout.trim().split('\n');
    assert.match(lines[lines.length - 1], /^(\d+ errors? and )?\d+ warnings? in 1 of 2 files$/);
  });

  it("examples/README.md's own command leaves the README alone", () => {
    const command = /`npx rca-writer (check [^`]+)`/.exec(readFileSync(join(root, 'examples', 'README.md'), 'utf8'))!;
    const result = runIn(command[1].split(' '), { cwd: root });
    assert.doesNotMatch(result.stdout, /README/);
    assert.match(result.stdout, /clean\.rca\.md|in \d+ of 5 files/);
  });

  for (const [title, expected] of [
    ['NA01 - RCA - April 11, 2026', true],
    ['Search outage RCA', true],
    ['Root Cause Analysis', true],
    ['Postmortem: search', true],
    ['Incident report, May 2', true],
    ['The rca-writer command line', false],
    ['Notes on the rca-writer tool', false],
    ['RCA101 missing section', false],
  ] as const) {
    it(`an H1 "${title}" is ${expected ? '' : 'not '}a report title`, () => assert.equal(isReportTitle(title), expected));
  }
});
