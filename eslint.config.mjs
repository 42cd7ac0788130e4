// ESLint for the whole repository, and the layer boundaries that keep the engine usable without an editor.
// test/unit/lint-boundaries.test.ts feeds deliberate violations through this file.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import strings are matched as written, so a pattern names the folder a relative path reaches: from
// anywhere under server/src/engine, "../lsp/x" and "../../lsp/x" both leave the engine for server/src/lsp.
// The engine has no sub-folder of these names, so nothing inside it can match by accident.
const outside = (folders) => `^\\.\\.?/(?:.*/)?(?:${folders.join('|')})(?:/|$)`;

const LSP_PACKAGES = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-*',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-jsonrpc',
  'vscode-jsonrpc/*',
];

/** One no-restricted-imports setting: packages and folders a layer may not reach, with the reason. */
function forbid(why, folders) {
  return [
    'error',
    {
      patterns: [
        { group: LSP_PACKAGES, message: why },
        { regex: outside(folders), message: why },
      ],
    },
  ];
}

// Dynamic import() is not seen by no-restricted-imports; this catches an editor or adapter module loaded lazily.
function forbidDynamic(why, folders) {
  const packages = '^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:[-/]|$)';
  return [
    'error',
    { selector: `ImportExpression[source.value=/${packages}/]`, message: why },
    { selector: `ImportExpression[source.value=/${outside(folders).replaceAll('/', '\\/')}/]`, message: why },
  ];
}

// A spread into a call passes every item as an argument: past about 100,000 items (the findings or nodes of a
// large document) V8 throws RangeError. pushAll, maxOf and minOf (engine/numbers.ts) take any length.
const NO_ARGUMENT_SPREAD = [
  {
    selector: 'CallExpression[callee.property.name=/^(?:push|unshift|max|min|splice|concat)$/] > SpreadElement',
    message: 'A spread into push, unshift, splice, concat, Math.max or Math.min overflows on long lists: use pushAll, maxOf or minOf (engine/numbers.ts).',
  },
  {
    selector: "CallExpression[callee.object.name='String'][callee.property.name='fromCharCode'] > SpreadElement",
    message: 'String.fromCharCode(...codes) overflows on long lists.',
  },
];

const ENGINE = 'The engine is pure: no editor or LSP types, and nothing from lsp/, cli/, render/, convert/ or authoring/ (they build on it).';
const AUTHORING = 'Writing aids are plain data: no editor or LSP types, and nothing from lsp/ or cli/ (the server adapts them).';

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'node_modules/', 'test-results/', 'bench/tmp/', '.vscode-test/', 'test/fixtures/', '**/*.generated.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (noUnusedLocals, noUnusedParameters) already reports these, with the same intent.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // The preview's script runs in the webview, a browser page, as a classic script.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(ENGINE, ['lsp', 'cli', 'render', 'convert', 'authoring']),
      'no-restricted-syntax': [...forbidDynamic(ENGINE, ['lsp', 'cli', 'render', 'convert', 'authoring']), ...NO_ARGUMENT_SPREAD],
    },
  },
  {
    // The renderer and the converter walk whole documents too.
    files: ['server/src/render/**/*.ts', 'server/src/convert/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_ARGUMENT_SPREAD] },
  },
  {
    files: ['server/src/authoring/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(AUTHORING, ['lsp', 'cli']),
      'no-restricted-syntax': forbidDynamic(AUTHORING, ['lsp', 'cli']),
    },
  },
  {
    // The client is a thin adapter: it talks to the server over LSP and shares only the protocol's names.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode-languageserver', message: 'The client speaks LSP through vscode-languageclient.' }],
          patterns: [
            {
              regex: '^\\.\\.?/(?:.*/)?server/(?!src/lsp/protocol$)',
              message: 'The client imports only server/src/lsp/protocol.ts from the server; ask the server for the rest.',
            },
          ],
        },
      ],
    },
  },
);
