/// <reference types="mocha" />
// Each snippet the extension contributes inserts its section: read from package.json's
// contributes.snippets, inserted by name (so VS Code must have loaded it), and offered by its prefix.
// The snippet files are bundled into the suite, as the tests are made before any can read a file (and the web
// worker extension host reads only asynchronously); the first test checks the installed files are the same.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import exlibris from '../../../snippets/exlibris.code-snippets';
import postmortem from '../../../snippets/postmortem.code-snippets';
import { closeAllWithoutSaving, extensionFile, manifest, parseJsonc, skipBecause } from './helpers';

/** The repository's snippet files, by their path in package.json. */
const BUNDLED: Record<string, string> = {
  'snippets/exlibris.code-snippets': exlibris,
  'snippets/postmortem.code-snippets': postmortem,
};

interface ContributedSnippet {
  file: string;
  language: string;
  name: string;
  prefixes: string[];
  body: string;
}

function contributedEntries(): { language?: string; path?: string }[] {
  return (manifest().contributes?.snippets ?? []) as { language?: string; path?: string }[];
}

const bundledText = (path: string): string | undefined => BUNDLED[path.replace(/^\.\//, '')];

function contributedSnippets(): { snippets: ContributedSnippet[]; problems: string[] } {
  const snippets: ContributedSnippet[] = [];
  const problems: string[] = [];
  for (const entry of contributedEntries()) {
    if (!entry.path) {
      problems.push(`a contributes.snippets entry has no path: ${JSON.stringify(entry)}`);
      continue;
    }
    const text = bundledText(entry.path);
    if (text === undefined) {
      problems.push(`${entry.path} is not among the snippet files bundled into this suite (BUNDLED in 04-snippets.test.ts)`);
      continue;
    }
    let data: Record<string, { prefix?: string | string[]; body?: string | string[] }>;
    try {
      data = parseJsonc(text) as typeof data;
    } catch (error) {
      problems.push(`${entry.path} is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    for (const [name, def] of Object.entries(data)) {
      if (!def || def.body === undefined) continue;
      snippets.push({
        file: entry.path,
        language: entry.language ?? 'markdown',
        name,
        prefixes: def.prefix === undefined ? [] : Array.isArray(def.prefix) ? def.prefix : [def.prefix],
        body: Array.isArray(def.body) ? def.body.join('\n') : def.body,
      });
    }
  }
  return { snippets, problems };
}

/** A regular expression for a heading line of a snippet body: literal text, with tab stops and variables as wildcards. */
export function headingPatterns(body: string): { heading: string; pattern: RegExp }[] {
  const token = /\$\{[^}]*\}|\$[0-9]+|\$[A-Za-z_]+/g;
  return body
    .split('\n')
    .filter((line) => /^#{1,6}\s+\S/.test(line))
    .map((heading) => {
      const parts = heading.split(token).map((part) => part.replace(/\\([$}\\])/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { heading, pattern: new RegExp(`^${parts.join('.*')}\\s*$`, 'm') };
    });
}

function waitForText(document: vscode.TextDocument, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(document.getText());
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.getText().length > 0) done();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (document.getText().length > 0) done();
  });
}

suite('Snippets insert their sections', function () {
  this.timeout(60_000);
  const { snippets, problems } = contributedSnippets();
  teardown(closeAllWithoutSaving);

  test('contributed snippet files are installed as the suite has them', async () => {
    const installed: string[] = [];
    for (const { path } of contributedEntries()) {
      const text = path && bundledText(path);
      if (!path || text === undefined) continue;
      try {
        const bytes = await vscode.workspace.fs.readFile(extensionFile(path));
        if (new TextDecoder().decode(bytes) !== text) installed.push(`${path} differs from the repository's`);
      } catch (error) {
        installed.push(`${path} is missing from the installed extension: ${(error as Error).message}`);
      }
    }
    assert.deepEqual([...problems, ...installed], []);
  });

  if (!snippets.length) {
    test('each contributed snippet inserts its section', function () {
      skipBecause(this, 'the extension contributes no snippets yet (package.json contributes.snippets is empty)');
    });
    return;
  }

  for (const snippet of snippets) {
    test(`${snippet.name} (${snippet.prefixes.join(', ') || 'no prefix'})`, async () => {
      const document = await vscode.workspace.openTextDocument({ language: snippet.language, content: '' });
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: snippet.language, name: snippet.name });
      const text = await waitForText(document, `snippet "${snippet.name}" to be inserted`);
      const headings = headingPatterns(snippet.body);
      if (headings.length) {
        for (const { heading, pattern } of headings) assert.match(text, pattern, `the heading "${heading}" is not in the inserted text:\n${text}`);
      } else {
        assert.ok(text.trim().length > 0, 'the snippet inserted nothing');
      }

      // And VS Code offers it when its prefix is typed.
      for (const prefix of snippet.prefixes) {
        await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), prefix));
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          new vscode.Position(0, prefix.length),
        );
        const labels = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        assert.ok(labels.includes(prefix), `typing "${prefix}" does not offer the snippet; offered: ${labels.slice(0, 30).join(', ')}`);
      }
    });
  }
});
