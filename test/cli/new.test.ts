import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { project, run, runIn } from './helpers';

const args = ['new', '--instances', 'NA01,NA02', '--date', '2026-04-11', '--zone', 'America/Chicago'];

describe('rca-writer new', () => {
  it('writes the profile skeleton with the instances, the date and the zone filled in', () => {
    const { code, stdout, stderr } = run(args);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(stdout.split('\n')[0], '# NA01, NA02 - RCA - April 11, 2026');
    assert.match(stdout, /served by the NA01, NA02 instances .* during the following hours, Chicago time:\n\nApril 11, 2026, from \[start\] until \[end\]\./);
    assert.match(stdout, /at this address: http:\/\/status\.exlibrisgroup\.com\//);
    // Only the values left for the writer are reported.
    const codes = new Set(checkText(stdout).diagnostics.map((d) => d.code));
    assert.deepEqual([...codes], ['RCA109']);
  });

  it('takes the date and zone in other forms, and the profile from --profile or .rca-writer.json', () => {
    const long = runIn(['new', '--instances', 'CN01', '--date', 'March 10, 2021', '--zone', 'Asia/Shanghai']);
    assert.equal(long.code, 0);
    assert.match(long.stdout, /^# CN01 - RCA - March 10, 2021\n/);
    assert.match(long.stdout, /Beijing time:/);
    assert.match(long.stdout, /served by the CN01 instance experienced/, 'one instance is named in the singular');
    assert.match(runIn(['new', '--instances', 'EU00', '--date', '2026-01-02', '--zone', 'UTC']).stdout, /following hours, UTC:/);
    const postmortem = runIn([...args, '--profile', 'postmortem']).stdout;
    assert.match(postmortem, /^## Summary$/m);
    assert.match(postmortem, /^# \[incident\] Postmortem: NA01, NA02, April 11, 2026\n/, 'the title carries the instances and the date');
    const dir = project({ 'team/.rca-writer.json': '{"profile": "postmortem", "statusPortalUrl": "https://status.example.com/"}' });
    const fromConfig = runIn([...args, '-o', 'team/new.md'], { cwd: dir });
    assert.equal(fromConfig.code, 0);
    assert.match(readFileSync(join(dir, 'team', 'new.md'), 'utf8'), /^## Summary$/m);
  });

  it('writes -o and refuses to overwrite it without --force', () => {
    const dir = project({ 'old.rca.md': 'keep me\n' });
    const refused = runIn([...args, '-o', 'old.rca.md'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'rca-writer: old.rca.md: already exists (use --force to overwrite it)\n');
    assert.equal(readFileSync(join(dir, 'old.rca.md'), 'utf8'), 'keep me\n');
    const forced = runIn([...args, '-o', 'old.rca.md', '--force'], { cwd: dir });
    assert.equal(forced.code, 0);
    assert.equal(forced.stdout, '');
    assert.match(readFileSync(join(dir, 'old.rca.md'), 'utf8'), /^# NA01, NA02 - RCA - April 11, 2026\n/);
  });

  for (const [name, argv, pattern] of [
    ['no instances', ['new', '--date', '2026-04-11'], /^rca-writer: new: --instances is required/],
    ['no date', ['new', '--instances', 'NA01'], /^rca-writer: new: --date is required/],
    ['a date that does not exist', ['new', '--instances', 'NA01', '--date', '2026-02-30'], /^rca-writer: new: "2026-02-30" is not a date/],
    [
      'an unknown zone',
      ['new', '--instances', 'NA01', '--date', '2026-04-11', '--zone', 'Mars/Olympus'],
      /^rca-writer: --zone: unknown time zone "Mars\/Olympus"/,
    ],
    ['an unknown profile', [...args, '--profile', 'nope'], /^rca-writer: unknown profile "nope" from the command line/],
    ['a stray argument', [...args, 'out.md'], /^rca-writer: new: unexpected argument "out\.md" \(use -o FILE/],
  ] as const) {
    it(`exits 2 with one line for ${name}`, () => {
      const { code, stdout, stderr } = runIn([...argv]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, pattern);
      assert.equal(stderr.trim().split('\n').length, 1);
    });
  }

  it('has --help, and every command does', () => {
    assert.match(run(['new', '--help']).stdout, /^Usage: rca-writer new --instances/);
    for (const command of ['check', 'convert', 'new']) {
      const { code, stdout } = runIn([command, '--help']);
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`^Usage: rca-writer ${command}`));
      assert.equal(runIn(['help', command]).stdout, stdout);
    }
    const unknown = runIn(['help', 'lint']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^rca-writer: unknown command "lint"/);
  });
});
