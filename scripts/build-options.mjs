// esbuild's options for dist/, shared by scripts/build.mjs and the tests that read what the bundles hold (no Node
// built-in in the web bundles, test/unit/web-bundle.test.ts; no build-time package, test/unit/bundle-inputs.test.ts),
// so that they check the bundles as they are built.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The client, the language server and the CLI, for Node. */
export function nodeOptions(minify) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
    define: { RCA_WRITER_VERSION: JSON.stringify(version) },
    // The packages (npm pack, npm run package) are minified, but for the CLI (NODE_ENTRIES); names are kept so stack
    // traces still read.
    minify,
    keepNames: minify,
    // jsonc-parser's main entry is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  };
}

// The server and the CLI are each a bundle (dist/*-bundle.js) behind a small launcher (dist/server.js, dist/cli.js)
// that runs the bundle with a V8 code cache: see launcher() in build.mjs.
export const NODE_ENTRIES = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server-bundle.js' },
  // The CLI is built the same for the npm package as for the tests and the bench, which time what its users run:
  // not minified, since keeping names under minification wraps every function and closure made in a call to name it
  // (2.4% of a check over 1,000 reports, in a profile), and the npm package has no size bound.
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js', minify: false, keepNames: false },
];

/**
 * VS Code for the Web: platform 'browser' picks each package's browser build (vscode-languageserver/browser) and
 * fails on any import of a Node built-in, which a web worker or the web extension host does not have.
 */
export function webOptions(minify) {
  // Both run in web workers, which have no DOM: the "worker" condition picks, for example,
  // decode-named-character-reference's plain build over its "browser" one, which calls document.createElement.
  return { ...nodeOptions(minify), platform: 'browser', target: 'es2022', conditions: ['worker'] };
}

export const WEB_ENTRIES = [
  // package.json's "browser": the extension in VS Code for the Web's extension host.
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/web-client.js', external: ['vscode'] },
  // A classic worker script: VS Code for the Web starts it with new Worker(url).
  { entryPoints: ['server/src/lsp/web-server.ts'], outfile: 'dist/web-server.js', format: 'iife' },
  // The preview's and Export HTML's renderer in VS Code for the Web: a worker of its own, started on first use.
  { entryPoints: ['server/src/render/worker.ts'], outfile: 'dist/web-render.js', format: 'iife' },
];
