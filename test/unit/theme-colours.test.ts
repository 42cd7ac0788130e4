// Dates, times, zones and instance codes must each get a colour in VS Code's default themes, not only a scope.
// A scope no theme names is painted in the paragraph's own colour, which is what the first grammar did for dates
// and zones. This test tokenizes a line the way the editor does (vscode-textmate, Markdown's grammar with ours
// injected) and resolves each token's colour through the theme files VS Code itself ships, read from the
// code-server the e2e suite installs. The e2e suite takes the screenshots of the same themes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IRawTheme, type IRawThemeSetting } from 'vscode-textmate';
import { codeServerDir, CODE_SERVER_VERSION } from '../../scripts/e2e/code-server.mjs';
import { SCOPES } from '../../scripts/grammar.mjs';

const require = createRequire(import.meta.url);
const themesDir = join(codeServerDir(), 'node_modules/code-server/lib/vscode/extensions/theme-defaults/themes');

/** The themes a new user sees: the default pair, the previous default pair, and both high-contrast themes. */
const THEMES = ['dark_modern', 'light_modern', 'dark_plus', 'light_plus', 'hc_black', 'hc_light'];
const LINE = 'On April 11, 2026 at 10:30 CST the NA01 instance stopped answering.';
const KINDS: { kind: keyof typeof SCOPES; text: string }[] = [
  { kind: 'date', text: 'April 11, 2026' },
  { kind: 'time', text: '10:30' },
  { kind: 'zone', text: 'CST' },
  { kind: 'instance', text: 'NA01' },
];
const PLAIN = 'stopped';

// vscode-textmate's token metadata: the foreground colour's index in the colour map (MetadataConsts).
const FOREGROUND_MASK = 0b00000000_11111111_10000000_00000000;
const FOREGROUND_OFFSET = 15;

interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: IRawThemeSetting[];
}

/** A theme file with what it includes, as VS Code merges them: the includer's rules after the included ones. */
function loadTheme(name: string): IRawTheme {
  const settings: IRawThemeSetting[] = [];
  const colors: Record<string, string> = {};
  const visit = (file: string): void => {
    const theme = parseJsonc(readFileSync(file, 'utf8')) as ThemeFile;
    if (theme.include) visit(join(dirname(file), theme.include));
    Object.assign(colors, theme.colors);
    settings.push(...(theme.tokenColors ?? []));
  };
  visit(join(themesDir, `${name}.json`));
  // The editor's own foreground is the rule with no scope, first, as VS Code builds it.
  return { name, settings: [{ settings: { foreground: colors['editor.foreground'], background: colors['editor.background'] } }, ...settings] };
}

async function registry(): Promise<Registry> {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const grammars: Record<string, string> = {
    'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
    'rca.injection': join(import.meta.dirname, '../../syntaxes/rca.injection.tmLanguage.json'),
  };
  return new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => (grammars[scopeName] ? JSON.parse(readFileSync(grammars[scopeName], 'utf8')) : null),
    // package.json injects the grammar into Markdown (contributes.grammars[].injectTo).
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? ['rca.injection'] : undefined),
  });
}

/** The colour the editor paints the first character of `text` in, in `LINE`. */
function colourOf(tokens: Uint32Array, colourMap: string[], text: string): string {
  const offset = LINE.indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in the test line`);
  let metadata = tokens[1];
  for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= offset) metadata = tokens[i + 1];
  return colourMap[(metadata & FOREGROUND_MASK) >>> FOREGROUND_OFFSET].toUpperCase();
}

const missing = !existsSync(themesDir) && `code-server ${CODE_SERVER_VERSION} is not installed (npm test installs it): ${themesDir}`;

test('package.json injects the grammar into Markdown under the scope this test loads', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
  const grammar = manifest.contributes.grammars.find((entry: { scopeName: string }) => entry.scopeName === 'rca.injection');
  assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
});

for (const name of THEMES) {
  test(`${name}: dates, times, zones and instance codes each have a colour of their own`, { skip: missing }, async () => {
    const textmate = await registry();
    textmate.setTheme(loadTheme(name));
    const grammar = await textmate.loadGrammar('text.html.markdown');
    assert.ok(grammar, 'the Markdown grammar loads');
    const { tokens } = grammar.tokenizeLine2(LINE, INITIAL);
    const colourMap = textmate.getColorMap();
    const plain = colourOf(tokens, colourMap, PLAIN);
    const colours = new Map<string, string>();
    for (const { kind, text } of KINDS) {
      const colour = colourOf(tokens, colourMap, text);
      assert.notEqual(colour, plain, `${name}: ${kind} "${text}" (expected scope ${SCOPES[kind]}) is painted like the paragraph (${plain})`);
      colours.set(kind, colour);
    }
    assert.equal(new Set(colours.values()).size, KINDS.length, `${name}: two kinds share a colour: ${JSON.stringify(Object.fromEntries(colours))}`);
  });
}
