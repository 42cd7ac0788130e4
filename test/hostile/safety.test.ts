import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const root = join(__dirname, '..', '..');

describe('safety declarations', () => {
  it('the manifest says how the extension behaves in an untrusted workspace', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; description: string } };
    };
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, true);
    assert.match(untrusted.description, /reads and checks/);
    assert.match(untrusted.description, /never run/);
    assert.match(untrusted.description, /preview stays sanitised/);
  });

  it('the language server has no code that writes files: it changes text only through edits the client applies', async () => {
    const result = await build({
      entryPoints: [join(root, 'server', 'src', 'lsp', 'server.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['vscode-languageserver', 'vscode-languageserver-textdocument'],
    });
    const ours = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('server/src/'));
    assert.ok(ours.length > 20, 'the server and the engine are in the bundle');
    const writers =
      /\b(?:writeFileSync|writeFile|appendFile(?:Sync)?|createWriteStream|renameSync|rename|unlinkSync|unlink|rmSync|rmdirSync|mkdirSync|copyFileSync|truncateSync|applyEdit)\s*\(/;
    for (const input of ours) assert.doesNotMatch(readFileSync(join(root, input), 'utf8'), writers, input);
  });
  // Loaded into the server's process before it starts (node --import): every fs function that writes, creates,
  // moves or deletes is replaced by one that records the attempt on stderr and fails. A server that wrote a file
  // in any way would show up here, whatever it called the function or wherever it wrote.
  const FS_TRAP = `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const writes = ['writeFile', 'appendFile', 'createWriteStream', 'rename', 'unlink', 'rm', 'rmdir', 'mkdir', 'mkdtemp', 'copyFile', 'cp', 'truncate', 'ftruncate', 'symlink', 'link', 'chmod', 'chown', 'utimes', 'write', 'writev'];
    const flagged = (flags) => flags !== undefined && !/^r$|^rs?$/.test(String(flags)) && !(typeof flags === 'number' && (flags & 3) === 0);
    const trap = (name, path) => { process.stderr.write('rca-fs-write ' + name + ' ' + String(path) + '\\n'); const e = new Error('EACCES: writing is trapped: ' + name); e.code = 'EACCES'; throw e; };
    for (const base of writes) for (const name of [base, base + 'Sync']) {
      if (typeof fs[name] === 'function') fs[name] = (path) => trap(name, path);
      if (typeof fs.promises[base] === 'function') fs.promises[base] = async (path) => trap('promises.' + base, path);
    }
    for (const name of ['open', 'openSync']) { const original = fs[name]; fs[name] = (path, flags, ...rest) => (flagged(flags) ? trap(name, path) : original(path, flags, ...rest)); }
    const open = fs.promises.open; fs.promises.open = (path, flags, ...rest) => (flagged(flags) ? Promise.resolve().then(() => trap('promises.open', path)) : open(path, flags, ...rest));
    syncBuiltinESMExports();
  `;
  const trapArgs = ['--import', `data:text/javascript,${encodeURIComponent(FS_TRAP)}`];

  it('the trap below catches a write: a script that writes a file under it is stopped and reported', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-trap-'));
    const result = spawnSync(
      process.execPath,
      [
        ...trapArgs,
        '-e',
        `try { require('fs').writeFileSync(${JSON.stringify(join(folder, 'x'))}, 'x') } catch {} try { require('fs').openSync(${JSON.stringify(join(folder, 'y'))}, 'w') } catch {}`,
      ],
      { encoding: 'utf8' },
    );
    assert.match(result.stderr, /rca-fs-write writeFileSync .*x\n/);
    assert.match(result.stderr, /rca-fs-write openSync .*y\n/);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('the running language server writes no file through a whole session: open, edit, check, fixes, render, settings, close', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rca-no-writes-'));
    const file = join(folder, 'incident.rca.md');
    const text = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nCustomers had no service on April 2, 2026 from 10:16 until 10:23 CDT.\n\nTODO\n';
    writeFileSync(file, text);
    writeFileSync(join(folder, '.rca-writer.json'), '{"rules": {"RCA109": "error"}}');
    const fingerprint = () =>
      readdirSync(folder).map(
        (name) =>
          `${name} ${createHash('sha256')
            .update(readFileSync(join(folder, name)))
            .digest('hex')} ${statSync(join(folder, name)).mtimeMs}`,
      );
    const before = fingerprint();
    const client = new TestClient({ pull: true, workspaceFolder: folder, nodeArgs: trapArgs, configuration: () => ({ profile: 'exlibris' }) });
    await client.initialize();
    const uri = pathToFileURL(file).toString();
    client.open(uri, text);
    const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
    const { items } = await request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(
      items.some((d) => d.code === 'RCA109' && d.severity === 1),
      'the config file was read',
    );
    const everything = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: items } });
    assert.ok(
      actions.some((action) => action.edit),
      'fixes are offered as edits for the client to apply',
    );
    await request('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: [], only: ['source.fixAll.rcaWriter'] } });
    await request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 50 } });
    await request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 3 } });
    await request('textDocument/inlayHint', { textDocument: { uri }, range: everything });
    await request('rcaWriter/render', { uri, standalone: true });
    await request('rcaWriter/newDocument', { uri, instances: 'NA01', date: '2026-04-11', zone: 'America/Chicago' });
    await request('rcaWriter/insertSection', { uri, id: 'event-timeline' });
    client.replace(uri, `${text}\nMore TODO.\n`, 2);
    await request('textDocument/diagnostic', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(folder, '.rca-writer.json')).toString(), type: 2 }],
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await request('textDocument/diagnostic', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.shutdown();
    assert.doesNotMatch(client.stderr, /rca-fs-write/, 'the server tried to write a file');
    assert.deepEqual(fingerprint(), before, 'no file in the workspace changed');
  });

  it('the client does not change its behaviour by workspace trust, as the manifest says: it never asks', () => {
    const client = readdirSync(join(root, 'client', 'src'), { recursive: true })
      .filter((name) => String(name).endsWith('.ts'))
      .map((name) => readFileSync(join(root, 'client', 'src', String(name)), 'utf8'))
      .join('\n');
    assert.doesNotMatch(client, /isTrusted|onDidGrantWorkspaceTrust|untrustedWorkspaces/);
  });

  it('the preview page the client builds carries the strict CSP and only the sanitised render, trusted or not', async () => {
    // client/src/preview.ts bundled with a stand-in for the vscode module, driving a real server's render.
    const stub = `
      let trusted = true;
      const created = [];
      const noop = () => ({ dispose() {} });
      const uri = (path) => ({ path, scheme: 'file', toString: () => 'file://' + path });
      module.exports = globalThis.__rcaVscodeStub = {
        __created: created, __setTrusted: (value) => (trusted = value),
        Disposable: class {}, env: {}, ViewColumn: { Beside: -2, Active: -1 },
        Uri: { joinPath: (base, ...parts) => uri([base.path, ...parts].join('/')), file: uri, parse: (s) => uri(s.replace(/^file:\\/\\//, '')) },
        window: {
          activeTextEditor: undefined, showErrorMessage: async (m) => { throw new Error(m); }, showInformationMessage: async () => undefined,
          createWebviewPanel: (...args) => {
            const panel = { args, title: '', webview: { html: '', cspSource: 'https://webview.test', asWebviewUri: (u) => ({ toString: () => 'https://webview.test' + u.path }), onDidReceiveMessage: noop, postMessage: async () => true }, onDidDispose: noop, reveal() {}, dispose() {} };
            created.push(panel);
            return panel;
          },
        },
        workspace: { get isTrusted() { return trusted; }, onDidChangeTextDocument: noop, onDidChangeConfiguration: noop, openTextDocument: async (u) => ({ uri: u, languageId: 'markdown' }), workspaceFolders: [] },
      };`;
    const bundle = await build({
      entryPoints: [join(root, 'client', 'src', 'preview.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'vscode-stub',
          setup: (b) => {
            b.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'stub' }));
            b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: stub, loader: 'js' }));
          },
        },
      ],
    });
    const folder = mkdtempSync(join(tmpdir(), 'rca-preview-'));
    writeFileSync(join(folder, 'preview.js'), bundle.outputFiles[0].text);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PreviewManager } = require(join(folder, 'preview.js')) as {
      PreviewManager: new (context: unknown, client: unknown) => { open(toSide: boolean, uri: unknown): Promise<void> };
    };
    const vscode = (globalThis as unknown as { __rcaVscodeStub: { __created: { webview: { html: string } }[]; __setTrusted(value: boolean): void } })
      .__rcaVscodeStub;
    const server = new TestClient();
    await server.initialize();
    try {
      const uri = 'file:///virtual/rcas/hostile-preview.md';
      server.open(
        uri,
        '# NA01 - RCA - April 11, 2026\n\n<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="javascript:alert(3)"></iframe>\n\n[x](javascript:alert(4))\n',
      );
      const pages: string[] = [];
      for (const trusted of [true, false]) {
        const manager = new PreviewManager(
          { extensionUri: { path: '/ext', scheme: 'file', toString: () => 'file:///ext' } },
          { sendRequest: (method: string, params: unknown) => server.connection.sendRequest(method, params) },
        );
        vscode.__setTrusted(trusted);
        await manager.open(true, { path: '/virtual/rcas/hostile-preview.md', scheme: 'file', toString: () => uri });
        pages.push(vscode.__created[vscode.__created.length - 1].webview.html);
      }
      for (const html of pages) {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'");
        assert.ok(csp, 'the page has a CSP');
        assert.match(html, /NA01 - RCA - April 11, 2026/, 'the render is in the page');
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /script-src 'nonce-[^']+'/);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
        assert.match(csp, /img-src data:(;|$)/, 'no image from the web unless rcaWriter.allowRemoteImages');
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        assert.ok(
          scripts.length > 0 && scripts.every((tag) => /nonce="[^"]+"/.test(tag) && /src="https:\/\/webview\.test\/ext\/media\/preview\.js"/.test(tag)),
          scripts.join(' '),
        );
        assert.doesNotMatch(html, /alert\(|onerror|<iframe|javascript:/i, 'the render is sanitised');
      }
      const withoutNonce = (html: string) => html.replace(/nonce-[^';"]+|nonce="[^"]+"/g, 'NONCE');
      assert.equal(withoutNonce(pages[1]), withoutNonce(pages[0]), 'the same page whether or not the workspace is trusted');
    } finally {
      await server.shutdown();
    }
  });
});
