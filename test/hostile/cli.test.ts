import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
    for (const args of [['check', folder], ['check', '--format', 'json', folder], ['check', '--format', 'sarif', folder], ['check', '--format', 'github', folder], ['convert', join(folder, 'a.rca.md')], ['render', join(folder, 'a.rca.md')]]) {
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
    assert.match(result.stderr, /\.rca-writer\.json: "rules" must be an object of severities/);
  });
});
