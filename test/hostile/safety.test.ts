import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

describe('safety declarations', () => {
  it('the manifest says how the extension behaves in an untrusted workspace', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; description: string } } };
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, true);
    assert.match(untrusted.description, /reads and checks/);
    assert.match(untrusted.description, /never run/);
    assert.match(untrusted.description, /preview stays sanitised/);
  });

  it('the language server has no code that writes files: it changes text only through edits the client applies', async () => {
    const result = await build({ entryPoints: [join(root, 'server', 'src', 'server.ts')], bundle: true, platform: 'node', write: false, metafile: true, logLevel: 'silent', external: ['vscode-languageserver', 'vscode-languageserver-textdocument'] });
    const ours = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('server/src/'));
    assert.ok(ours.length > 20, 'the server and the engine are in the bundle');
    const writers = /\b(?:writeFileSync|writeFile|appendFile(?:Sync)?|createWriteStream|renameSync|rename|unlinkSync|unlink|rmSync|rmdirSync|mkdirSync|copyFileSync|truncateSync|applyEdit)\s*\(/;
    for (const input of ours) assert.doesNotMatch(readFileSync(join(root, input), 'utf8'), writers, input);
  });
});
