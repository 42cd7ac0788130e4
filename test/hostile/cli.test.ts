import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_CHARS } from '../../server/src/engine/check';
import { loadConfigFile } from '../../server/src/engine/config';
import { resolveSettings } from '../../server/src/engine/settings';
import { run } from '../cli/helpers';

const defect = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nTODO on April 11, 2026 at 10:16.\n';

/** Every file under a folder with its bytes' hash and modification time. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
  }
  return files;
}

describe('hostile input to the CLI', () => {
  it('a binary file: a clear error or a normal result, never a crash', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-binary-'));
    const file = join(folder, 'image.rca.md');
    writeFileSync(file, Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256)));
    const result = run(['check', file]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /image\.rca\.md: looks like a binary file, not text/);
    assert.doesNotMatch(result.stderr, /at .*\(.*\.js:\d+:\d+\)/, 'no stack trace');
  });

  it('a directory passed as a file is searched like any folder: an empty one is a normal, empty result', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-folder-'));
    mkdirSync(join(folder, 'empty.md'));
    const result = run(['check', join(folder, 'empty.md')]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.doesNotMatch(result.stderr, /at .*\(.*\.js:\d+:\d+\)/, 'no stack trace');
  });

  it('a missing file is a clear error', () => {
    const result = run(['check', join(tmpdir(), 'no-such-rca-file.md')]);
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stderr, /at .*\(.*\.js:\d+:\d+\)/);
  });

  it('never writes to its input files, whatever the command and format', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-readonly-'));
    writeFileSync(join(folder, 'a.rca.md'), defect);
    writeFileSync(join(folder, 'b.rca.md'), defect.replace(/\n/g, '\r\n'));
    writeFileSync(join(folder, '.rca-writer.json'), '{"rules": {"RCA109": "error"}}');
    const before = snapshot(folder);
    for (const args of [
      ['check', folder],
      ['check', '--format', 'json', folder],
      ['check', '--format', 'sarif', folder],
      ['check', '--format', 'github', folder],
      ['convert', join(folder, 'a.rca.md')],
      ['render', join(folder, 'a.rca.md')],
    ]) {
      const result = run(args, { cwd: folder });
      assert.notEqual(result.code, null, `${args.join(' ')} finished`);
    }
    assert.deepEqual(snapshot(folder), before);
  });

  it('treats a config with JavaScript in it as data: nothing runs, the values are only strings', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-config-'));
    const marker = join(folder, 'pwned');
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    writeFileSync(join(folder, 'a.rca.md'), defect);
    writeFileSync(
      join(folder, '.rca-writer.json'),
      JSON.stringify({ profile: payload, statusPortalUrl: `javascript:${payload}`, rules: { RCA109: 'off' }, timeZoneAliases: { [payload]: 'UTC' } }),
    );
    writeFileSync(join(folder, '.rca-writer.js'), `${payload};`);
    const result = run(['check', '--format', 'json', 'a.rca.md'], { cwd: folder });
    assert.notEqual(result.code, null);
    assert.ok(!readdirSync(folder).includes('pwned'), 'the config was not executed');
    assert.match(result.stderr + result.stdout, /profile/, 'the unknown profile is reported as such');
  });

  it('rejects a config that tries to reach Object.prototype through "__proto__", with a clear error', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-proto-'));
    writeFileSync(join(folder, 'a.rca.md'), defect);
    writeFileSync(join(folder, '.rca-writer.json'), '{"rules": {"__proto__": {"RCA109": "off"}}}');
    const result = run(['check', 'a.rca.md'], { cwd: folder });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.rca-writer\.json:1:12: "rules": unknown rule "__proto__"/);
  });
  it('a 10 MB file and a 1 MB single line: a normal result with the RCA001 note', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-huge-'));
    const sentence = 'Customers on NA01 had no service on April 11, 2026 from 10:16 until 10:23 CST. TODO ';
    writeFileSync(join(folder, 'big.rca.md'), `# NA01 - RCA - April 11, 2026\n\n${`${sentence}\n\n`.repeat(Math.ceil(10_000_000 / sentence.length))}`);
    writeFileSync(join(folder, 'line.rca.md'), `# NA01 - RCA - April 11, 2026\n\n${sentence.repeat(Math.ceil(MAX_CHARS / sentence.length))}`);
    const result = run(['check', '--format', 'json', 'big.rca.md', 'line.rca.md'], { cwd: folder });
    assert.equal(result.code, 0, result.stderr);
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string; severity: string }[] }[];
    for (const report of reports)
      assert.deepEqual(
        report.diagnostics.map((d) => [d.code, d.severity]),
        [['RCA001', 'information']],
        report.file,
      );
  });

  it('a directory passed to convert or render as its file: a clear error naming it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-dir-'));
    mkdirSync(join(folder, 'report.rca.md'));
    for (const args of [
      ['convert', 'report.rca.md'],
      ['render', 'report.rca.md', '-o', '-'],
    ]) {
      const result = run(args, { cwd: folder });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^rca-writer: report\.rca\.md: is a directory/, args.join(' '));
      assert.doesNotMatch(result.stderr, /at .*\(.*\.js:\d+:\d+\)/, 'no stack trace');
    }
  });

  it('refuses an output that is one of its inputs, by name, symbolic link or hard link, even with --force', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-onto-input-'));
    writeFileSync(join(folder, 'a.rca.md'), defect);
    writeFileSync(join(folder, 'page.txt'), 'NA01 - RCA - April 11, 2026\n\nIntroduction\n\nTODO\n');
    symlinkSync(join(folder, 'a.rca.md'), join(folder, 'symlink.md'));
    linkSync(join(folder, 'a.rca.md'), join(folder, 'hardlink.md'));
    const before = snapshot(folder);
    const attempts = [
      ['check', 'a.rca.md', '-o', 'a.rca.md'],
      ['check', '.', '-o', 'a.rca.md'],
      ['check', '--format', 'sarif', 'a.rca.md', '-o', 'symlink.md'],
      ['check', 'a.rca.md', '-o', 'hardlink.md'],
      ['convert', 'page.txt', '-o', 'page.txt'],
      ['render', 'a.rca.md', '-o', 'a.rca.md'],
      ['render', 'a.rca.md', '-o', 'symlink.md'],
      ['render', 'a.rca.md', '-o', 'hardlink.md'],
      ['render', 'a.rca.md', '--pdf', 'a.rca.md'],
    ];
    for (const args of attempts) {
      for (const force of [[], ['--force']]) {
        const result = run([...args, ...force], { cwd: folder });
        assert.equal(result.code, 2, `${[...args, ...force].join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, /^rca-writer: \S+: (is also (an|the) input|already exists)/, [...args, ...force].join(' '));
      }
    }
    assert.deepEqual(snapshot(folder), before, 'no input changed');
  });

  it('config keys that reach for the prototype are data: no pollution, and a clear error naming the file where invalid', () => {
    const configs = [
      '{"__proto__": {"polluted": "yes"}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"timeZoneAliases": {"__proto__": "UTC", "constructor": "UTC"}, "instanceTimeZones": {"__proto__": "UTC"}}',
      '{"rules": {"__proto__": "off", "constructor": "off", "toString": "error"}}',
      '{"profiles": {"__proto__": {"extends": "exlibris"}, "constructor": {"extends": "exlibris"}}, "profile": "constructor"}',
    ];
    for (const config of configs) {
      const folder = mkdtempSync(join(tmpdir(), 'rca-proto-'));
      writeFileSync(join(folder, 'a.rca.md'), defect);
      writeFileSync(join(folder, '.rca-writer.json'), config);
      const result = run(['check', '--format', 'json', 'a.rca.md'], { cwd: folder });
      assert.ok(result.code === 1 || result.code === 2, `${config}: exit ${result.code}`);
      if (result.code === 2) assert.match(result.stderr, /^rca-writer: .*\.rca-writer\.json:\d+:\d+: /, config);
      else
        assert.ok(
          (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.some((d) => d.code === 'RCA109'),
          config,
        );
      assert.doesNotMatch(result.stderr, /at .*\(.*\.js:\d+:\d+\)/, 'no stack trace');
      // The same file read in this process leaves Object.prototype alone.
      try {
        resolveSettings(loadConfigFile(join(folder, '.rca-writer.json')).settings);
      } catch {
        // a ConfigError is the clear error above
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined, config);
      assert.deepEqual(Object.keys(Object.prototype), [], config);
    }
  });
});
