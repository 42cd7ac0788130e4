import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, root } from './helpers';

/** The rule fixtures and seeds, several times over, as a batch large enough for workers. */
function batch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rca-workers-'));
  const sources = ['seeds', 'rules'].flatMap((folder) =>
    readdirSync(join(root, 'test', 'fixtures', folder))
      .filter((file) => file.endsWith('.md'))
      .map((file) => join(root, 'test', 'fixtures', folder, file)),
  );
  for (let copy = 0; copy < 3; copy++) {
    const sub = join(dir, `copy-${copy}`);
    mkdirSync(sub);
    for (const source of sources) writeFileSync(join(sub, source.split('/').slice(-2).join('-').replace(/\.md$/, '.rca.md')), readFileSync(source));
  }
  return dir;
}

function check(dir: string, workers: string, format: string) {
  return spawnSync(process.execPath, [cli, 'check', '--format', format, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, RCA_WRITER_WORKERS: workers } });
}

describe('rca-writer check across worker threads', () => {
  const dir = batch();
  for (const format of ['text', 'json', 'sarif']) {
    it(`prints the same ${format} report, in the same order, as one thread`, () => {
      const single = check(dir, '0', format);
      const parallel = check(dir, '2', format);
      assert.ok(single.stdout.length > 0);
      assert.equal(parallel.stderr, single.stderr);
      assert.equal(parallel.stdout, single.stdout);
      assert.equal(parallel.status, single.status);
    });
  }
});
