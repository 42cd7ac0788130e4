// VS Code for the Web runs the client and the language server where Node's built-ins do not exist. Each web
// bundle is built here as scripts/build.mjs builds it (platform 'browser'), and any import of a built-in fails.
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build, type BuildFailure, type BuildOptions } from 'esbuild';
import { WEB_ENTRIES, webOptions } from '../../scripts/build-options.mjs';

const root = join(__dirname, '..', '..');
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** The minified worker's budget: what VS Code for the Web downloads before the first check. */
const WORKER_BUDGET_BYTES = 1_000_000;

/** Every import of a Node built-in in the bundle, as "importer -> module"; and the minified size when it builds. */
async function webBuild(options: BuildOptions): Promise<{ builtins: string[]; bytes?: number }> {
  try {
    const result = await build({ ...webOptions(true), ...options, absWorkingDir: root, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
    // A built-in that a package's "browser" field does not replace fails the build; one marked external would not.
    const builtins = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((item) => BUILTINS.has(item.path) || item.path.startsWith('node:')).map((item) => `${file} -> ${item.path}`),
    );
    return { builtins, bytes: result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0) };
  } catch (error) {
    const failure = error as BuildFailure;
    if (!failure.errors) throw error;
    const builtins = failure.errors
      .map((message) => ({ file: message.location?.file, module: /Could not resolve "([^"]+)"/.exec(message.text)?.[1] }))
      .filter((item) => item.module && (BUILTINS.has(item.module) || item.module.startsWith('node:')))
      .map((item) => `${item.file} -> ${item.module}`);
    if (builtins.length) return { builtins };
    throw error;
  }
}

describe('web bundles: no Node built-in', () => {
  for (const entry of WEB_ENTRIES) {
    it(`${entry.outfile} imports no Node built-in`, async () => {
      const { builtins } = await webBuild(entry);
      assert.deepEqual(builtins, []);
    });
  }

  it('the worker, minified, stays under 1 MB', async () => {
    const worker = WEB_ENTRIES.find((entry) => entry.outfile === 'dist/web-server.js');
    assert.ok(worker, 'dist/web-server.js is one of the web bundles');
    const { bytes } = await webBuild(worker);
    assert.ok(bytes && bytes < WORKER_BUDGET_BYTES, `dist/web-server.js: ${bytes} bytes minified`);
  });

  it('names the importer of a built-in, as the import is written', async () => {
    const stdin = {
      contents: "import { readFileSync } from 'node:fs'; import { join } from 'path'; console.log(readFileSync, join);",
      resolveDir: root,
      sourcefile: 'probe.ts',
      loader: 'ts' as const,
    };
    const { builtins } = await webBuild({ stdin, format: 'iife' });
    assert.deepEqual(builtins.sort(), ['probe.ts -> node:fs', 'probe.ts -> path']);
  });
});
