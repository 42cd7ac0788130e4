// `rca-writer check --fix` and `--fix-dry-run`: what they write, what they refuse to write, and what they print.
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { describeFixes } from '../../server/src/cli/fix';
import { fixAllReport } from '../../server/src/engine/fix-all';
import { ProofBudget } from '../../server/src/engine/fix-proof';
import { project, runAsUser, runIn, snapshot } from './helpers';

/** A report with four fixable findings: an introduction date from another day, a summer zone in winter, two headings under other names. */
const REPORT = `# EU02 - RCA - February 3, 2026

## Introduction

This is the Root Cause Analysis of the service interruption that customers of Esploro experienced on February 4, 2026.

## Effected Products

- Esploro

## Event Timeline

On February 3, 2026 customers served by the EU02 instance could not sign in from 09:40 until 10:55 CEST.

## Root Cause

A certificate on the sign-in proxy expired, and the proxy refused every connection made to it.

## Technical Action Items and Preventive Measures

- Certificates are now renewed thirty days before they expire, and an alarm sounds when one has fewer than ten days left.

## Customer Communication

Updates on service interruptions are posted on the system status portal at this address: http://status.exlibrisgroup.com/
`;

/** What --fix makes of REPORT. */
const FIXED = REPORT.replace('February 4, 2026', 'February 3, 2026')
  .replace('## Effected Products', '## Affected Products')
  .replace('10:55 CEST', '10:55 CET')
  .replace('## Root Cause\n', '## Root Cause Analysis\n');

/** A title and nothing else: five missing sections, each inserted at the same place, so each fix overlaps the others. */
const TITLE_ONLY = '# NA01 - RCA - April 11, 2026\n';

const files = (dir: string) => readdirSync(dir).sort();

describe('check --fix', () => {
  it('writes the fixes, names each one, and reports and exits on what is left', () => {
    const dir = project({ 'r.rca.md': REPORT });
    assert.equal(runIn(['check', 'r.rca.md'], { cwd: dir }).code, 1, 'the error is there before fixing');
    const { code, stdout, stderr } = runIn(['check', '--fix', 'r.rca.md'], { cwd: dir });
    assert.equal(stderr, '');
    assert.equal(readFileSync(join(dir, 'r.rca.md'), 'utf8'), FIXED);
    assert.equal(
      stdout,
      [
        "r.rca.md: RCA201 fixed: Use the timeline's date, February 3, 2026",
        'r.rca.md: RCA105 fixed: Rename to "Affected Products"',
        'r.rca.md: RCA205 fixed: Write CET',
        'r.rca.md: RCA105 fixed: Rename to "Root Cause Analysis"',
        'applied 4 fixes to 1 of 1 file',
        '1 file checked, no problems',
        '',
      ].join('\n'),
    );
    assert.equal(code, 0, 'the exit code is that of the findings left');
    assert.deepEqual(files(dir), ['r.rca.md'], 'no temporary file is left');
  });

  it('changes nothing the second time (idempotent), also where fixes overlapped and took several rounds', () => {
    const dir = project({ 'r.rca.md': REPORT, 'title.rca.md': TITLE_ONLY });
    const first = runIn(['check', '--fix', '.'], { cwd: dir });
    assert.match(first.stdout, /^applied 9 fixes to 2 of 2 files$/m);
    const inserted = first.stdout.split('\n').filter((line) => line.startsWith('title.rca.md: RCA101 fixed: Insert the '));
    assert.equal(inserted.length, 5, 'five inserts at one place: one a round, none lost');
    const after = snapshot(dir);
    const second = runIn(['check', '--fix', '.'], { cwd: dir });
    assert.match(second.stdout, /^applied 0 fixes to 0 of 2 files$/m);
    assert.doesNotMatch(second.stdout, / fixed: /);
    assert.deepEqual(snapshot(dir), after, 'neither content nor modification time changed');
  });

  it('reports a fix left because its edit overlaps another, naming both, one line each', () => {
    // The check budget allows one round: the first insert is applied, the next is over budget, the rest overlap it.
    const outcome = fixAllReport(TITLE_ONLY, {}, new ProofBudget(TITLE_ONLY.length + 300));
    assert.deepEqual(
      outcome.applied.map((fix) => fix.title),
      ['Insert the "Introduction" section'],
    );
    const lines = describeFixes('t.rca.md', outcome, false).trimEnd().split('\n');
    assert.equal(lines[0], 't.rca.md: RCA101 fixed: Insert the "Introduction" section');
    assert.equal(lines[1], 't.rca.md:3: RCA101 not fixed: Insert the "Event Timeline" section: the checks allowed for one file ran out first; run --fix again');
    assert.equal(
      lines[2],
      't.rca.md:3: RCA101 not fixed: Insert the "Root Cause Analysis" section: its edit overlaps the fix of RCA101 (Insert the "Event Timeline" section); run --fix again',
    );
    assert.equal(lines.length, 5);
  });

  it('names a fix that did not prove itself, and exits 1 on the error it leaves', () => {
    // A team's profile whose timeline skeleton is an empty list item: inserted, it raises RCA107, so it is not applied.
    const config = {
      profile: 'acme',
      profiles: {
        acme: {
          title: { form: 'Postmortem: <what>', marker: 'Postmortem', requiresDate: false },
          sections: [
            { name: 'Summary', skeleton: '{{summary}}' },
            { name: 'Timeline', skeleton: '-' },
            { name: 'Root Causes', skeleton: '{{cause}}' },
          ],
        },
      },
    };
    const text =
      '# Postmortem: search index rebuilt twice\n\n## Summary\n\nA deploy on March 9, 2026 started a second rebuild of the search index while the first was running.\n';
    const dir = project({ 'p.md': text, '.rca-writer.json': JSON.stringify(config) });
    const { code, stdout } = runIn(['check', '--fix', 'p.md'], { cwd: dir });
    assert.match(stdout, /^p\.md: RCA101 fixed: Insert the "Root Causes" section$/m);
    assert.match(
      stdout,
      /^p\.md:\d+: RCA101 not fixed: Insert the "Timeline" section: applied, it leaves its finding, raises another or changes how the rest of the report reads; fix it by hand$/m,
    );
    assert.match(stdout, /^p\.md:\d+:1 error RCA101 Missing required section "Timeline"/m);
    assert.equal(code, 1);
    assert.notEqual(readFileSync(join(dir, 'p.md'), 'utf8'), text);
  });

  it('gives a postmortem of one paragraph its three sections, below the paragraph, with markers a page shows', () => {
    const summary = 'A deploy on March 9, 2026 started a second rebuild of the search index while the first was running.';
    const dir = project({ 'p.md': `# Postmortem: search index rebuilt twice\n\n${summary}\n` });
    const { stdout } = runIn(['check', '--fix', 'p.md'], { cwd: dir });
    assert.match(stdout, /^applied 3 fixes to 1 of 1 file$/m);
    const fixed = readFileSync(join(dir, 'p.md'), 'utf8');
    assert.ok(fixed.startsWith(`# Postmortem: search index rebuilt twice\n\n${summary}\n\n## `), fixed);
    assert.doesNotMatch(fixed, /<[a-z-]+>|\n\n\n/, 'no HTML-like marker, no double blank line');
    assert.match(fixed, /\[cause\]/);
  });

  it('never touches a Markdown file a folder walk found that is not an RCA', () => {
    const dir = project({ 'docs/notes.md': '# Notes\n\n## Effected Products\n\n- \n' });
    const before = snapshot(dir);
    const { code, stdout } = runIn(['check', '--fix', 'docs'], { cwd: dir });
    assert.equal(code, 0);
    assert.match(stdout, /^applied 0 fixes to 0 of 0 files$/m);
    assert.deepEqual(snapshot(dir), before);
  });

  it('leaves a file that changed after it was read, and says so in one line', () => {
    const dir = project({ 'r.rca.md': REPORT });
    const path = join(dir, 'r.rca.md');
    const edited = `${REPORT}\nA line the writer added meanwhile.\n`;
    const { code, stderr } = runIn(['check', '--fix', 'r.rca.md'], { cwd: dir, beforeFixWrite: (target) => writeFileSync(target, edited) });
    assert.equal(readFileSync(path, 'utf8'), edited, "the writer's text stays");
    assert.equal(
      stderr,
      'rca-writer: r.rca.md: changed since it was read; left as it is, not fixed (run --fix again)\n' +
        'rca-writer: 1 file could not be fixed; its findings are reported as they stand\n',
    );
    assert.equal(code, 2);
    assert.deepEqual(files(dir), ['r.rca.md']);
  });

  it('leaves a read-only file alone (even as root), keeps its findings, and goes on with the others', () => {
    // Two copies of one report are one incident reported twice (RCA403): not what this test is about.
    const dir = project({ 'locked.rca.md': REPORT, 'open.rca.md': REPORT, '.rca-writer.json': '{ "rules": { "overlapping-incident": "off" } }' });
    chmodSync(join(dir, 'locked.rca.md'), 0o444);
    const { code, stdout, stderr } = runIn(['check', '--fix', '.'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'locked.rca.md'), 'utf8'), REPORT);
    assert.equal(readFileSync(join(dir, 'open.rca.md'), 'utf8'), FIXED);
    assert.match(stderr, /^rca-writer: locked\.rca\.md: read-only; not fixed\n/);
    assert.match(stdout, /^locked\.rca\.md:5:\d+ error RCA201 /m);
    assert.doesNotMatch(stdout, /^open\.rca\.md:\d+:\d+ /m);
    assert.equal(code, 2);
  });

  it('keeps the original whole and removes its temporary file when the write fails', () => {
    const dir = project({ 'r.rca.md': REPORT });
    let temporary: string[] = [];
    const full = () => {
      temporary = files(dir).filter((name) => name !== 'r.rca.md');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const { code, stdout, stderr } = runIn(['check', '--fix', 'r.rca.md'], { cwd: dir, beforeFixWrite: full });
    assert.equal(temporary.length, 1, 'the new text was in a temporary file when the write failed');
    assert.match(temporary[0], /^\.r\.rca\.md\.\d+\.\d+\.tmp$/);
    assert.deepEqual(files(dir), ['r.rca.md'], 'and that file is gone');
    assert.equal(readFileSync(join(dir, 'r.rca.md'), 'utf8'), REPORT);
    assert.match(stderr, /^rca-writer: r\.rca\.md: cannot write the file \(no space left on the device\); it is as it was, not fixed\n/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.match(stdout, /^r\.rca\.md:5:\d+ error RCA201 /m);
    assert.equal(code, 2);
  });

  it('names a folder it cannot write in', () => {
    const dir = project({ 'ro/r.rca.md': REPORT });
    // The file itself may be written: only the folder, where the temporary file goes, may not.
    chmodSync(join(dir, 'ro', 'r.rca.md'), 0o666);
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      const { code, stderr } = runAsUser(['check', '--fix', 'ro/r.rca.md'], dir);
      assert.match(stderr, /^rca-writer: ro\/r\.rca\.md: cannot write the file \(permission denied\); it is as it was, not fixed\n/);
      assert.equal(code, 2);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
    assert.equal(readFileSync(join(dir, 'ro', 'r.rca.md'), 'utf8'), REPORT);
  });

  it('keeps CRLF line breaks, the byte-order mark, UTF-16, and the permission bits', () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const dir = project({});
    writeFileSync(join(dir, 'crlf.rca.md'), crlf);
    writeFileSync(join(dir, 'bom.rca.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
    writeFileSync(join(dir, 'utf16.rca.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
    chmodSync(join(dir, 'crlf.rca.md'), 0o640);
    const { code } = runIn(['check', '--fix', '.'], { cwd: dir });
    assert.equal(code, 0);
    const fixedCrlf = FIXED.replace(/\n/g, '\r\n');
    assert.equal(readFileSync(join(dir, 'crlf.rca.md'), 'utf8'), fixedCrlf);
    assert.deepEqual(readFileSync(join(dir, 'bom.rca.md')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixedCrlf)]));
    assert.deepEqual(readFileSync(join(dir, 'utf16.rca.md')), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXED, 'utf16le')]));
    assert.equal(statSync(join(dir, 'crlf.rca.md')).mode & 0o777, 0o640);
  });

  it('keeps the owner and group of a fixed file', () => {
    const dir = project({ 'r.rca.md': REPORT });
    // Only root can give a file to another user; anyone else checks that the new file is the old one's owner's.
    const owner = process.getuid?.() === 0 ? [4321, 4322] : [statSync(join(dir, 'r.rca.md')).uid, statSync(join(dir, 'r.rca.md')).gid];
    if (process.getuid?.() === 0) chownSync(join(dir, 'r.rca.md'), owner[0], owner[1]);
    assert.equal(runIn(['check', '--fix', 'r.rca.md'], { cwd: dir }).code, 0);
    const stats = statSync(join(dir, 'r.rca.md'));
    assert.deepEqual([stats.uid, stats.gid], owner);
    assert.equal(readFileSync(join(dir, 'r.rca.md'), 'utf8'), FIXED);
  });

  it('fixes the file a symbolic link points to and keeps the link; refuses a file with hard links', () => {
    const dir = project({ 'real.rca.md': REPORT, 'linked.rca.md': REPORT });
    symlinkSync('real.rca.md', join(dir, 'via-symlink.rca.md'));
    linkSync(join(dir, 'linked.rca.md'), join(dir, 'other-name.md'));
    const symlinked = runIn(['check', '--fix', 'via-symlink.rca.md'], { cwd: dir });
    assert.equal(symlinked.code, 0);
    assert.ok(statSync(join(dir, 'via-symlink.rca.md'), { throwIfNoEntry: true }).isFile());
    assert.equal(readFileSync(join(dir, 'real.rca.md'), 'utf8'), FIXED);
    assert.deepEqual(files(dir), ['linked.rca.md', 'other-name.md', 'real.rca.md', 'via-symlink.rca.md']);
    const hard = runIn(['check', '--fix', 'linked.rca.md'], { cwd: dir });
    assert.equal(hard.code, 2);
    assert.match(hard.stderr, /^rca-writer: linked\.rca\.md: has 1 other hard link; not fixed\n/);
    assert.equal(readFileSync(join(dir, 'other-name.md'), 'utf8'), REPORT);
  });

  it('keeps stdout one document for machine formats: what it fixed goes to stderr', () => {
    const dir = project({ 'r.rca.md': REPORT });
    const { code, stdout, stderr } = runIn(['check', '--fix', '--format', 'json', 'r.rca.md'], { cwd: dir });
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), [{ file: 'r.rca.md', profile: 'exlibris', diagnostics: [] }]);
    assert.match(stderr, /^r\.rca\.md: RCA205 fixed: Write CET$/m);
  });

  it('refuses standard input and --fix with --fix-dry-run, in one line', () => {
    const stdin = runIn(['check', '--fix', '-'], { stdin: REPORT });
    assert.equal(stdin.code, 2);
    assert.equal(stdin.stderr, 'rca-writer: -: --fix writes files, and standard input is none (--fix-dry-run shows the diff)\n');
    const both = runIn(['check', '--fix', '--fix-dry-run', 'x.md']);
    assert.equal(both.code, 2);
    assert.equal(both.stderr, 'rca-writer: --fix and --fix-dry-run cannot go together\n');
  });
});

describe('check --fix-dry-run', () => {
  it('writes nothing and prints the diff that --fix would apply', () => {
    const dir = project({ 'r.rca.md': REPORT });
    const before = snapshot(dir);
    const { code, stdout } = runIn(['check', '--fix-dry-run', 'r.rca.md'], { cwd: dir });
    assert.deepEqual(snapshot(dir), before);
    assert.equal(code, 0, 'the exit code is what --fix would give');
    const patch = stdout.slice(0, stdout.indexOf('r.rca.md: RCA201 would be fixed'));
    assert.match(patch, /^--- a\/r\.rca\.md\n\+\+\+ b\/r\.rca\.md\n@@ /);
    assert.match(patch, /^-## Effected Products\n\+## Affected Products$/m);
    assert.equal(applyPatch(REPORT, patch), FIXED, 'the diff turns the file into what --fix writes');
    assert.match(stdout, /^would apply 4 fixes to 1 of 1 file \(a dry run: no file was changed\)$/m);
  });

  it('shows the diff of standard input too', () => {
    const { stdout } = runIn(['check', '--fix-dry-run', '--stdin-filename', 'in.rca.md', '-'], { stdin: REPORT });
    assert.match(stdout, /^--- a\/in\.rca\.md\n/);
    assert.match(stdout, /^\+On February 3, 2026 .* 10:55 CET\.$/m);
  });
});
