// The layer boundaries in eslint.config.mjs, fed deliberate violations placed (virtually) inside each layer:
// the files are never written, ESLint lints the text as if it lived at that path.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
let eslint: ESLint;

/** The rule ids ESLint reports for `code` placed at `file`, with their messages. */
async function findings(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((message) => ({ rule: message.ruleId, message: message.message }));
}

async function assertBoundary(file: string, code: string, rule: string, explanation: RegExp): Promise<void> {
  const found = await findings(file, code);
  assert.ok(
    found.some((finding) => finding.rule === rule && explanation.test(finding.message)),
    `${file}: expected ${rule} for ${JSON.stringify(code)}, got ${JSON.stringify(found)}`,
  );
}

async function assertClean(file: string, code: string): Promise<void> {
  assert.deepEqual(await findings(file, code), [], `${file}: ${JSON.stringify(code)}`);
}

describe('lint: layer boundaries', () => {
  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('an engine file may not import the language server, VS Code, or the layers built on the engine', async () => {
    const engineFile = 'server/src/engine/rules/boundary-probe.ts';
    for (const source of ['vscode-languageserver/node', 'vscode-languageserver', 'vscode', 'vscode-languageserver-textdocument']) {
      await assertBoundary(engineFile, `import '${source}';\n`, 'no-restricted-imports', /engine is pure/);
    }
    for (const source of ['../../lsp/protocol', '../../cli/main', '../../render', '../../convert', '../../authoring/skeleton']) {
      await assertBoundary(engineFile, `export { x } from '${source}';\n`, 'no-restricted-imports', /engine is pure/);
    }
    // One level up, and a type-only import: the rule reads the path as written, at any depth.
    await assertBoundary('server/src/engine/check.ts', "import type { Connection } from '../lsp/server';\n", 'no-restricted-imports', /engine is pure/);
    await assertBoundary(
      'server/src/engine/check.ts',
      "export async function later() {\n  return import('../render');\n}\n",
      'no-restricted-syntax',
      /engine is pure/,
    );
  });

  it('the engine, the renderer and the converter spread no list into a call (RangeError past ~100,000 items)', async () => {
    for (const file of ['server/src/engine/rules/boundary-probe.ts', 'server/src/render/boundary-probe.ts', 'server/src/convert/boundary-probe.ts']) {
      for (const call of ['out.push(...items);', 'out.unshift(...items);', 'Math.max(...items);', 'Math.min(...items);', 'String.fromCharCode(...items);']) {
        await assertBoundary(file, `declare const out: number[];\ndeclare const items: number[];\n${call}\n`, 'no-restricted-syntax', /overflows/);
      }
    }
    // A spread into an array literal or a new object builds no argument list.
    await assertClean(
      'server/src/engine/rules/boundary-probe.ts',
      'declare const items: number[];\nexport const copy = [...items];\nexport const merged = { ...{ a: 1 } };\n',
    );
  });

  it('an engine file may import within the engine and plain libraries', async () => {
    await assertClean(
      'server/src/engine/rules/boundary-probe.ts',
      "import { parseTitle } from '../title';\nimport { DateTime } from 'luxon';\n\nexport const probe = [parseTitle, DateTime];\n",
    );
  });

  it('a writing aid may not import LSP types, the server or the CLI', async () => {
    const file = 'server/src/authoring/boundary-probe.ts';
    await assertBoundary(file, "import type { CompletionItem } from 'vscode-languageserver';\n", 'no-restricted-imports', /Writing aids/);
    await assertBoundary(file, "import { SERVER_NAME } from '../lsp/protocol';\n", 'no-restricted-imports', /Writing aids/);
    await assertBoundary(file, "import { main } from '../cli/main';\n", 'no-restricted-imports', /Writing aids/);
    await assertClean(file, "import { renderTemplate } from '../engine/template';\n\nexport const probe = renderTemplate;\n");
  });

  it('the client imports only the shared protocol from the server', async () => {
    const file = 'client/src/boundary-probe.ts';
    await assertBoundary(file, "import { htmlPage } from '../../server/src/render/page';\n", 'no-restricted-imports', /only server\/src\/lsp\/protocol\.ts/);
    await assertBoundary(file, "import { checkText } from '../../server/src/engine/check';\n", 'no-restricted-imports', /only server\/src\/lsp\/protocol\.ts/);
    await assertBoundary(file, "import { createConnection } from 'vscode-languageserver';\n", 'no-restricted-imports', /vscode-languageclient/);
    await assertClean(
      file,
      "import { SERVER_NAME } from '../../server/src/lsp/protocol';\nimport { window } from 'vscode';\n\nexport const probe = [SERVER_NAME, window];\n",
    );
  });
});
