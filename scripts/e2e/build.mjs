// Bundles the end-to-end suite, the test-only runner extension and the UI test into out/e2e/.
//   out/e2e/suite/*.test.js   one bundle per suite file (vscode and mocha stay external)
//   out/e2e/runner/           the runner extension: extension.js (Mocha bundled in) + package.json
//   out/e2e/web-runner/       the web runner extension (browser entry): Mocha's browser build, the suite and
//                             test/e2e/runner/web.ts in one script, for a web worker extension host
//   out/e2e/ui.js             the playwright-core steps run by scripts/e2e/run.mjs
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = join(repoRoot, 'out', 'e2e');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  legalComments: 'none',
  // 04-snippets.test.ts bundles the snippet files it checks.
  loader: { '.code-snippets': 'text' },
};

export async function buildE2E() {
  rmSync(outDir, { recursive: true, force: true });
  const suiteDir = join(repoRoot, 'test', 'e2e', 'suite');
  const suiteFiles = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(suiteDir, name));
  await build({ ...common, entryPoints: suiteFiles, outdir: join(outDir, 'suite'), external: ['vscode', 'mocha'] });
  await build({
    ...common,
    entryPoints: [join(repoRoot, 'test', 'e2e', 'runner', 'extension.ts')],
    outfile: join(outDir, 'runner', 'extension.js'),
    external: ['vscode'],
    sourcemap: false,
    // Mocha's parallel mode (unused here) resolves files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  mkdirSync(join(outDir, 'runner'), { recursive: true });
  copyFileSync(join(repoRoot, 'test', 'e2e', 'runner', 'package.json'), join(outDir, 'runner', 'package.json'));
  await buildWebRunner(suiteFiles);
  await build({
    ...common,
    entryPoints: [join(repoRoot, 'test', 'e2e', 'ui', 'workbench.ts')],
    outfile: join(outDir, 'ui.js'),
    external: ['playwright-core'],
  });
  return outDir;
}

/** One script: the suite's files are loaded by the runner once its orders are read, in the order run.mjs runs them. */
async function buildWebRunner(suiteFiles) {
  const runnerDir = join(repoRoot, 'test', 'e2e', 'runner');
  const load = suiteFiles.map((file) => `  require(${JSON.stringify(file)});`).join('\n');
  await build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    stdin: {
      contents: `import { runnerFor } from './web';\nexport { deactivate } from './web';\nexport const activate = runnerFor(() => {\n${load}\n});\n`,
      resolveDir: runnerDir,
      sourcefile: 'web-runner-entry.js',
      loader: 'js',
    },
    outfile: join(outDir, 'web-runner', 'extension.js'),
    external: ['vscode'],
    sourcemap: false,
    alias: { 'node:assert/strict': join(runnerDir, 'web-assert.cjs'), 'node:fs': join(runnerDir, 'web-node-fs.ts') },
    // The `assert` package's `util` asks whether to log; there is no environment to ask in a worker.
    define: { 'process.env.NODE_DEBUG': 'false' },
  });
  copyFileSync(join(runnerDir, 'web-package.json'), join(outDir, 'web-runner', 'package.json'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildE2E();
  console.log(`[e2e] built ${outDir}`);
}
