import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const seeds = ['seed-000.md', 'seed-003.md', 'seed-004.md'].map((f) => join('test', 'fixtures', 'seeds', f));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rca-writer check', () => {
  it('prints JSON with 0-based LSP ranges, the same findings as the engine', () => {
    const { code, stdout } = run('check', '--format', 'json', ...seeds);
    const reports = JSON.parse(stdout) as {
      file: string;
      profile: string;
      diagnostics: { code: string; severity: string; message: string; range: unknown }[];
    }[];
    assert.deepEqual(
      reports.map((r) => r.file),
      seeds,
    );
    // Under the default profile, auto, each report names the profile it was checked with: the seeds are house RCAs.
    assert.deepEqual(
      reports.map((r) => r.profile),
      ['exlibris', 'exlibris', 'exlibris'],
    );
    for (const report of reports) {
      const engine = checkText(readFileSync(join(root, report.file), 'utf8')).diagnostics;
      assert.deepEqual(
        report.diagnostics,
        engine.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
      );
    }
    const structural = reports.map((r) => r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('RCA1')));
    assert.deepEqual(structural, [[], ['RCA110', 'RCA108'], ['RCA110', 'RCA108']]);
    const hasError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
    assert.equal(code, hasError ? 1 : 0, 'exit 1 exactly when an error is reported');
  });

  it('prints file:line:col severity CODE message, 1-based, and exits 1 on errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rca-cli-'));
    const file = join(dir, 'broken.md');
    writeFileSync(file, '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText.\n');
    const { code, stdout } = run('check', '--profile', 'exlibris', file);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.length >= 4);
    assert.match(lines.pop()!, /^\d+ errors( and \d+ warnings?)? in 1 of 1 file$/);
    for (const line of lines) assert.match(line, /^.+broken\.md:\d+:\d+ (error|warning|information|hint) RCA\d{3} .+$/);
    assert.ok(lines.some((l) => /broken\.md:3:1 error RCA101 Missing required section "Event Timeline"/.test(l)));
  });

  it('takes --profile', () => {
    assert.equal(run('check', '--profile', 'exlibris', seeds[1]).code, 0);
    // The status-portal address is a house rule: a postmortem's communication is not held to it.
    assert.match(run('check', seeds[1]).stdout, /RCA108/);
    const postmortem = run('check', '--format', 'json', '--profile', 'postmortem', seeds[1]);
    assert.equal(postmortem.code, 0);
    assert.deepEqual(
      (JSON.parse(postmortem.stdout) as { profile: string; diagnostics: unknown[] }[]).map((r) => [r.profile, r.diagnostics.length]),
      [['postmortem', 0]],
    );
    const bad = run('check', '--profile', 'nope', seeds[0]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^rca-writer: unknown profile "nope"/);
  });

  for (const [name, args, pattern] of [
    ['a missing file', ['check', 'missing.md'], /^rca-writer: missing\.md: cannot read the file \(no such file\)\n$/],
    ['a glob that matches nothing', ['check', 'nowhere/**/*.md'], /^rca-writer: nowhere\/\*\*\/\*\.md: no files match this pattern\n$/],
    ['an unknown format', ['check', '--format', 'xml', seeds[0]], /^rca-writer: unknown format "xml"/],
    ['an unknown option', ['check', '--bogus', seeds[0]], /^rca-writer: Unknown option '--bogus'/],
    ['no files', ['check'], /^rca-writer: no files given/],
    ['an unknown command', ['lint'], /^rca-writer: unknown command "lint"/],
  ] as const) {
    it(`exits 2 with one line, no stack trace, for ${name}`, () => {
      const { code, stdout, stderr } = run(...args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, pattern);
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(stderr, /\n\s+at /);
    });
  }

  it('names a binary file as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rca-cli-'));
    const file = join(dir, 'image.md');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const { code, stderr } = run('check', file);
    assert.equal(code, 2);
    assert.match(stderr, /image\.md: looks like a binary file/);
  });

  it('prints help and the version', () => {
    assert.match(run('--help').stdout, /Usage: rca-writer/);
    assert.match(run('check', '--help').stdout, /--format json/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run('--version').stdout.trim(), pkg.version);
  });
});

describe('rca-writer check with .rca-writer.json', () => {
  function project(config: string) {
    const dir = mkdtempSync(join(tmpdir(), 'rca-cli-config-'));
    writeFileSync(join(dir, '.rca-writer.json'), config);
    const file = join(dir, 'seed-003.md');
    writeFileSync(file, readFileSync(join(root, seeds[1]), 'utf8'));
    return { dir, file };
  }

  it('reads the nearest config file, like the editor', () => {
    const { file } = project('{"rules": {"RCA108": "error"}}');
    const { code, stdout } = run('check', file);
    assert.equal(code, 1);
    assert.match(stdout, /error RCA108/);
  });

  it('lets --profile win over the file', () => {
    const { file } = project('{"profile": "postmortem"}');
    assert.doesNotMatch(run('check', file).stdout, /RCA108/);
    assert.match(run('check', '--profile', 'exlibris', file).stdout, /RCA108/);
  });

  it('exits 2 naming the config file when it is broken', () => {
    const { dir, file } = project('{"rules": [}');
    const { code, stderr } = run('check', file);
    assert.equal(code, 2);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.ok(stderr.includes(join(dir, '.rca-writer.json')));
    assert.match(stderr, /not valid JSON/);
  });

  it('names the config file that selects an unknown profile', () => {
    const { dir, file } = project('{"profile": "acme"}');
    const { code, stderr } = run('check', file);
    assert.equal(code, 2);
    assert.match(stderr, /unknown profile "acme" from .*\.rca-writer\.json/);
    assert.ok(stderr.includes(dir));
  });
});
