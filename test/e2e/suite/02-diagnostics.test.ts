/// <reference types="mocha" />
// Each example RCA shows in VS Code the diagnostics the CLI prints for it: same codes, ranges,
// severities. The CLI's output was computed before VS Code started (scripts/e2e/workspace.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, config, keys, listing, openInEditor, rcaDiagnostics, sameKeys, waitForDiagnostics, workspaceUri } from './helpers';

/** Codes VS Code showed, per example; filled by the example tests, read by the coverage test. */
const seen = new Map<string, Set<string>>();

suite('Diagnostics of the example RCAs match the CLI', function () {
  this.timeout(90_000);
  const { examples, nonRca } = config();
  suiteTeardown(closeAllWithoutSaving);

  test('there are example RCAs', () => {
    assert.ok(examples.length > 0, 'examples/ holds no *.md RCA');
  });

  for (const example of examples) {
    test(example.file, async () => {
      const uri = workspaceUri(example.file);
      await openInEditor(uri);
      const expected = keys(example.diagnostics);
      let actual: vscode.Diagnostic[];
      try {
        // An example with no problems is done at its first (empty) publication.
        actual = await waitForDiagnostics(
          uri,
          (diagnostics, events) => sameKeys(keys(diagnostics), expected) && (events > 0 || diagnostics.length > 0),
          "the CLI's diagnostics",
        );
      } catch {
        actual = rcaDiagnostics(uri);
      }
      seen.set(example.file, new Set(actual.map(codeOf)));
      assert.deepEqual(keys(actual), expected, `${example.file}: VS Code shows\n${listing(actual)}\nbut the CLI prints\n${listing(example.diagnostics)}`);
    });
  }

  for (const code of ['RCA101', 'RCA108']) {
    test(`at least one example shows ${code}`, () => {
      const withCode = [...seen].filter(([, codes]) => codes.has(code)).map(([file]) => file);
      const all = [...seen].map(([file, codes]) => `  ${file}: ${[...codes].sort().join(', ') || '(none)'}`).join('\n');
      assert.ok(withCode.length > 0, `no example showed ${code} in VS Code; codes seen:\n${all || '  (no example checked)'}`);
    });
  }

  test('non-RCA Markdown gets no rca-writer diagnostics', async () => {
    assert.ok(nonRca.length > 0, 'the test workspace has no non-RCA Markdown file');
    const uris = nonRca.map(workspaceUri);
    const appeared: string[] = [];
    const watch = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of uris) {
        if (event.uris.some((changed) => changed.toString() === uri.toString()) && rcaDiagnostics(uri).length) {
          appeared.push(`${vscode.workspace.asRelativePath(uri)}:\n${listing(rcaDiagnostics(uri))}`);
        }
      }
    });
    try {
      for (const uri of uris) await openInEditor(uri);
      // An RCA opened after them: once its diagnostics are in, the server has dealt with the files before it.
      const probe = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '# NA01 - RCA - March 3, 2024\n\nProbe opened after the non-RCA files.\n',
      });
      await vscode.window.showTextDocument(probe, { preview: false });
      await waitForDiagnostics(probe.uri, (diagnostics) => diagnostics.length > 0, 'diagnostics of an RCA opened after the non-RCA files');
      for (const uri of uris) {
        assert.deepEqual(
          rcaDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`),
          [],
          `${vscode.workspace.asRelativePath(uri)} is not an RCA`,
        );
      }
      assert.deepEqual(appeared, [], 'rca-writer diagnostics appeared on non-RCA Markdown');
    } finally {
      watch.dispose();
    }
  });
});
