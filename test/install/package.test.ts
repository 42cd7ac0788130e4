// The two packages as users get them: the npm tarball installed into a fresh prefix with an empty cache and no
// registry, both bins run from there; and the .vsix's contents and manifest. Both are made from the dist/ that
// `npm test` built (the release scripts build it minified first: `prepack`, `npm run package`).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { openVsxIssues, startOpenVsxRegistry } from './open-vsx-registry';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };

function sh(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Every file under `dir`, relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** Sends `initialize` to a language server over stdio and resolves with its answer's result. */
function initialize(command: string): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
  return new Promise((resolve, reject) => {
    const server = spawn(command, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let received = '';
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`the server exited (${code}) before answering: ${received}`)));
    server.stdout.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(received);
      if (!header) return;
      const body = received.slice(header.index + header[0].length);
      if (Buffer.byteLength(body) < Number(header[1])) return;
      server.removeAllListeners('exit');
      server.kill();
      resolve(JSON.parse(body.slice(0, Number(header[1]))).result);
    });
    const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
  });
}

describe('the npm package installed outside the repository', () => {
  const work = mkdtempSync(join(tmpdir(), 'rca-npm-'));
  const prefix = join(work, 'prefix');
  const installed = join(prefix, 'lib', 'node_modules', 'rca-writer');
  const bin = (name: string) => join(prefix, 'bin', name);

  before(() => {
    sh('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent']);
    const tarball = join(work, `rca-writer-${manifest.version}.tgz`);
    // An empty cache and --offline: the install may not fetch anything.
    const env = { ...process.env, npm_config_cache: join(work, 'cache') };
    sh('npm', ['install', '-g', tarball, '--prefix', prefix, '--offline', '--no-audit', '--no-fund'], { cwd: work, env });
  });

  it('declares no runtime dependencies: the bundles hold them', () => {
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
    assert.deepEqual(readdirSync(installed).includes('node_modules'), false);
  });

  it('ships no tests, fixtures, screenshots, sources or source maps', () => {
    const files = walk(installed);
    assert.ok(files.includes(join('dist', 'cli.js')) && files.includes(join('dist', 'server-bundle.js')));
    const unwanted = files.filter((file) => /^(test|server|client|scripts|examples|bench)\/|docs\/images\/|\.map$|\.ts$/.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('rca-writer checks a report, reads it from stdin and links rule pages inside the install', () => {
    const report = join(root, 'test', 'fixtures', 'seeds', 'seed-000.md');
    const text = spawnSync(bin('rca-writer'), ['check', report], { cwd: work, encoding: 'utf8' });
    assert.ok(text.status === 0 || text.status === 1, text.stderr);
    assert.match(text.stdout, /seed-000\.md/);
    const draft = readFileSync(report, 'utf8');
    const fromStdin = spawnSync(bin('rca-writer'), ['check', '--format', 'sarif', '--stdin-filename', 'draft.rca.md', '-'], {
      cwd: work,
      input: draft,
      encoding: 'utf8',
    });
    assert.ok(fromStdin.status === 0 || fromStdin.status === 1, fromStdin.stderr);
    const sarif = JSON.parse(fromStdin.stdout) as { runs: { tool: { driver: { rules: { helpUri?: string }[] } } }[] };
    const helpUri = sarif.runs[0].tool.driver.rules.find((rule) => rule.helpUri)?.helpUri ?? '';
    assert.ok(helpUri.startsWith('file://') ? helpUri.includes(installed) : helpUri.startsWith('http'), helpUri);
    assert.match(sh(bin('rca-writer'), ['--version'], { cwd: work }), new RegExp(manifest.version.replace(/\./g, '\\.')));
  });

  it('rca-writer-language-server answers initialize over stdio', async () => {
    const result = await initialize(bin('rca-writer-language-server'));
    assert.ok(result.capabilities.textDocumentSync !== undefined, JSON.stringify(result));
  });
});

describe('the .vsix', () => {
  const work = mkdtempSync(join(tmpdir(), 'rca-vsix-'));
  const vsix = join(work, 'rca-writer.vsix');
  let entries: string[] = [];
  const read = (name: string) => sh('unzip', ['-p', vsix, name]);

  before(() => {
    const vsce = join(dirname(createRequire(__filename).resolve('@vscode/vsce/package.json')), 'vsce');
    // As `npm run package` runs it (minus the build): no --allow-missing-repository, links rewritten.
    sh(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix]);
    entries = sh('unzip', ['-Z1', vsix]).trim().split('\n');
  });

  it('holds what the extension uses and nothing else', () => {
    for (const needed of [
      'dist/client.js',
      'dist/server.js',
      'dist/server-bundle.js',
      'dist/web-server.js',
      'dist/web-client.js',
      'dist/web-render.js',
      'media/icon.png',
      'media/preview.css',
      'changelog.md',
      'readme.md',
    ]) {
      assert.ok(entries.includes(`extension/${needed}`), `${needed} missing from ${entries.join(', ')}`);
    }
    assert.ok(
      entries.some((entry) => entry.startsWith('extension/docs/rules/RCA')),
      'the rule pages the diagnostics link to',
    );
    // The code cache too: V8 refuses it under VS Code's Node and the server's flags (.vscodeignore).
    const unwanted = entries.filter((entry) => /dist\/cli[.-]|\.map$|\.cache$|\/test\/|docs\/(images|cli|performance|reliability|preview)/.test(entry));
    assert.deepEqual(unwanted, []);
  });

  it('has the Marketplace metadata: icon, repository, homepage, bugs, banner', () => {
    const packaged = JSON.parse(read('extension/package.json')) as Record<string, unknown>;
    assert.equal(packaged.icon, 'media/icon.png');
    assert.match(sh('file', ['-b', join(root, 'media', 'icon.png')]), /PNG image data, (1[2-9]\d|[2-9]\d\d) x/);
    for (const key of ['repository', 'homepage', 'bugs', 'galleryBanner', 'license', 'publisher']) assert.ok(packaged[key], key);
    const xml = read('extension.vsixmanifest');
    assert.match(xml, /Microsoft\.VisualStudio\.Services\.Icons\.Default/);
    assert.match(xml, /Microsoft\.VisualStudio\.Services\.Links\.Source/);
  });

  it("Open VSX accepts it: the ovsx client publishes it to a local stand-in that makes the registry's checks", async () => {
    const registry = await startOpenVsxRegistry();
    try {
      const ovsx = join(dirname(createRequire(__filename).resolve('ovsx/package.json')), 'bin', 'ovsx');
      const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [ovsx, 'publish', vsix, '--registryUrl', registry.url, '--pat', 'test-token'], { cwd: work });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, output }));
      });
      assert.equal(result.code, 0, result.output);
      assert.match(result.output, new RegExp(`Published ${manifest.publisher}\\.${manifest.name}\\s+v${manifest.version.replace(/\./g, '\\.')}`));
      assert.deepEqual(
        registry.published.map(({ token, status }) => ({ token, status })),
        [{ token: 'test-token', status: 201 }],
        JSON.stringify(registry.published),
      );
    } finally {
      await registry.close();
    }
  });

  it('the Open VSX stand-in refuses what the registry refuses', () => {
    const packaged = JSON.parse(read('extension/package.json'));
    assert.deepEqual(openVsxIssues(packaged, entries), []);
    const refused = (change: Record<string, unknown>, without: string[] = []) =>
      openVsxIssues(
        { ...packaged, ...change },
        entries.filter((entry) => !without.includes(entry)),
      ).join('; ');
    assert.match(refused({ name: 'rca writer' }), /invalid name/);
    assert.match(refused({ publisher: '' }), /publisher must not be empty/);
    assert.match(refused({ version: 'latest' }), /reserved/);
    assert.match(refused({ version: '1.0.0/2' }), /invalid character "\/" in version/);
    assert.match(refused({ displayName: 'RCA\u0007Writer' }), /invalid character in displayName/);
    assert.match(refused({ description: 'x'.repeat(2049) }), /description is longer than 2048/);
    assert.match(refused({ homepage: 'rca-writer.example' }), /invalid URL in homepage/);
    assert.match(refused({ repository: { type: 'git', url: 'git+ssh' } }), /invalid URL in repository/);
    assert.match(refused({ galleryBanner: { color: '#1e3a5f', theme: 'blue' } }), /galleryBanner\.theme/);
    assert.match(refused({ galleryBanner: { color: 'a'.repeat(17), theme: 'dark' } }), /galleryBanner\.color is longer/);
    assert.match(refused({ markdown: 'commonmark' }), /invalid markdown/);
    assert.match(refused({ qna: 'elsewhere' }), /invalid qna/);
    assert.match(
      refused(
        { license: undefined },
        entries.filter((entry) => /licen[sc]e/i.test(entry)),
      ),
      /no license/,
    );
  });

  it('its README links and images work on the Marketplace: absolute, or anchors in the page', () => {
    const readme = read('extension/readme.md');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)/g)].map((match) => match[1]);
    assert.ok(targets.length > 20);
    assert.deepEqual(
      targets.filter((target) => !/^(https:\/\/|#)/.test(target)),
      [],
    );
  });
});
