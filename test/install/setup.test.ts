// The README's two commands on a machine that lacks something: scripts/prerequisites.mjs names the one apt-get
// line, the runners name a suite they cannot run as skipped (a failure under CI), and `npm start` takes its port
// in each way people type it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

/** A machine with a shell and nothing else on its PATH, and no code-server in its (empty) cache. */
function bareEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const bin = mkdtempSync(join(tmpdir(), 'rca-bare-bin-'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin, RCA_WRITER_CACHE: mkdtempSync(join(tmpdir(), 'rca-bare-cache-')) };
  delete env.CI;
  delete env.RCA_WRITER_ALLOW_MISSING;
  delete env.RCA_WRITER_CODE_SERVER;
  return { ...env, ...extra };
}

function node(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
}

describe('prerequisites on a machine that lacks them', () => {
  it('stops with one line naming the apt-get command for every missing package', () => {
    const result = node(['scripts/prerequisites.mjs', 'test'], bareEnvironment());
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /apt-get install -y --no-install-recommends .*poppler-utils/);
    assert.doesNotMatch(lines[0], /chromium/, 'Chromium is found by its path, not on the PATH');
    for (const name of ['ripgrep', 'make', 'g\\+\\+']) assert.match(lines[0], new RegExp(`install .*\\b${name}`));
  });

  it('names the browser suite as skipped in the summary, and fails under CI', () => {
    const quiet = node(['scripts/run-tests.mjs', 'browser'], bareEnvironment());
    assert.equal(quiet.status, 0, quiet.stdout);
    assert.match(quiet.stdout, /^0 passed, 0 failed, 1 skipped: browser \(needs .*poppler-utils.*apt-get install/m);
    const ci = node(['scripts/run-tests.mjs', 'browser'], bareEnvironment({ CI: 'true' }));
    assert.equal(ci.status, 1);
    assert.match(ci.stdout, /1 skipped: browser/);
  });

  it('names the real VS Code suite as skipped when code-server cannot be installed, and fails under CI', () => {
    const quiet = node(['scripts/e2e/run.mjs'], bareEnvironment());
    assert.equal(quiet.status, 0, quiet.stdout + quiet.stderr);
    assert.match(quiet.stdout, /^e2e: 0 passed, 0 failed, 1 skipped: the real VS Code suite \(needs .*ripgrep/m);
    assert.equal(node(['scripts/e2e/run.mjs'], bareEnvironment({ CI: 'true' })).status, 1);
  });

  it('names the web worker suite as skipped when code-server cannot be installed, and fails under CI', () => {
    const quiet = node(['scripts/e2e/web.mjs'], bareEnvironment());
    assert.equal(quiet.status, 0, quiet.stdout + quiet.stderr);
    assert.match(quiet.stdout, /^web e2e: skipped \(needs .*ripgrep/m);
    assert.equal(node(['scripts/e2e/web.mjs'], bareEnvironment({ CI: 'true' })).status, 1);
  });
});

describe('a checkout that moved on since the last npm ci', () => {
  it('names each package whose installed version is not the locked one, so the scripts can ask for npm ci', async () => {
    const { staleModules } = await import('../../scripts/prerequisites.mjs');
    const folder = mkdtempSync(join(tmpdir(), 'rca-stale-modules-'));
    const write = (file: string, data: unknown) => {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), JSON.stringify(data));
    };
    write('package.json', { dependencies: { alpha: '1.0.0' }, devDependencies: { beta: '2.0.0' } });
    write('package-lock.json', { packages: { 'node_modules/alpha': { version: '1.0.0' }, 'node_modules/beta': { version: '2.0.0' } } });
    write('node_modules/alpha/package.json', { version: '1.0.0' });
    assert.deepEqual(staleModules(folder), ['beta'], 'not installed');
    write('node_modules/beta/package.json', { version: '1.9.0' });
    assert.deepEqual(staleModules(folder), ['beta'], 'another version');
    write('node_modules/beta/package.json', { version: '2.0.0' });
    assert.deepEqual(staleModules(folder), []);
    assert.deepEqual(staleModules(root), [], 'this checkout was installed with npm ci');
  });
});

describe('npm start takes the port as people type it', () => {
  let busy: Server;
  let port: number;
  before(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as AddressInfo).port;
  });
  after(() => busy.close());

  // The port is taken, so start.mjs stops right after reading it, naming the port it read: nothing is built.
  const forms: [string, string[], Record<string, string>][] = [
    ['npm start --port N', ['start', '--port', 'PORT'], {}],
    ['npm start --port=N', ['start', '--port=PORT'], {}],
    ['npm start -- --port N', ['start', '--', '--port', 'PORT'], {}],
    ['RCA_WRITER_PORT=N npm start', ['start'], { RCA_WRITER_PORT: 'PORT' }],
  ];
  for (const [title, args, env] of forms) {
    it(title, () => {
      const withPort = (text: string) => text.replace('PORT', String(port));
      const extra = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, withPort(value)]));
      const result = spawnSync('npm', args.map(withPort), { cwd: root, encoding: 'utf8', env: { ...process.env, ...extra } });
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
    });
  }

  it('anything else: one line with the usage', () => {
    for (const args of [
      ['start', 'nonsense'],
      ['start', '--', '--port', 'eighty'],
      ['start', '--', '--colour'],
    ]) {
      const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 2);
      const ours = result.stderr.split('\n').filter((line) => line.startsWith('[start]'));
      assert.equal(ours.length, 1, result.stderr);
      assert.match(ours[0], /usage: npm start -- --port 8190/);
      assert.doesNotMatch(result.stderr, /ERR_PARSE_ARGS|\n\s+at /);
    }
  });
});
