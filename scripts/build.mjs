// Bundles the client, the language server and the CLI into CommonJS files under dist/.
// unified and remark are ESM-only; esbuild turns them into a single CommonJS bundle each.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { RCA_WRITER_VERSION: JSON.stringify(version) },
  minify: process.argv.includes('--minify'),
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

for (const entry of entries) {
  if (watch) {
    const { context } = await import('esbuild');
    const ctx = await context({ ...common, ...entry });
    await ctx.watch();
  } else {
    await build({ ...common, ...entry });
  }
}

// One stylesheet: the export inlines it, the webview loads this copy (its CSP allows no inline style).
{
  const { outputFiles } = await build({ entryPoints: ['server/src/render/stylesheet.ts'], bundle: true, format: 'esm', write: false });
  const { STYLESHEET } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync('media', { recursive: true });
  writeFileSync('media/preview.css', STYLESHEET);
}

// The CLI and the server are also npm bins: they must be executable.
if (!watch) {
  const { chmodSync } = await import('node:fs');
  for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
}
