// dist/cli.js and dist/server.js are launchers that run their bundle with the V8 code cache the build wrote next
// to it (scripts/build.mjs). The cache may only ever make a start faster: a missing or broken one changes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import { readFileSync } from 'node:fs';
import { wrap } from 'node:module';
import { cli, root, seeds } from './helpers';

const dist = join(root, 'dist');

function run(launcher: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [launcher, 'check', '--format', 'json', ...seeds], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the V8 code cache of the launchers', () => {
  it('is written by the build for both bundles, and this Node accepts it', () => {
    for (const bundle of ['cli-bundle.js', 'server-bundle.js']) {
      const file = join(dist, bundle);
      assert.ok(existsSync(`${file}.cache`), `${bundle}.cache`);
      const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) });
      assert.equal(script.cachedDataRejected, false, bundle);
    }
  });

  it('changes no output: with it, without it (RCA_WRITER_CODE_CACHE=off), and with a broken one', () => {
    const expected = run(cli);
    assert.ok(expected.stdout.length > 0);
    assert.deepEqual(run(cli, { RCA_WRITER_CODE_CACHE: 'off' }), expected);
    const copy = mkdtempSync(join(tmpdir(), 'rca-code-cache-'));
    for (const name of ['cli.js', 'cli-bundle.js']) copyFileSync(join(dist, name), join(copy, name));
    writeFileSync(join(copy, 'cli-bundle.js.cache'), 'not a code cache');
    assert.deepEqual(run(join(copy, 'cli.js')), expected);
    assert.deepEqual(readdirSync(copy).sort(), ['cli-bundle.js', 'cli-bundle.js.cache', 'cli.js'], 'the launcher writes nothing');
    writeFileSync(join(copy, 'cli-bundle.js.cache'), '');
    assert.deepEqual(run(join(copy, 'cli.js')), expected);
  });
});
