/// <reference types="mocha" />
// The editor aids the server gives besides diagnostics, as VS Code asks for them: the inlay hint after a timeline
// window and the hover on the title. The server answers each once it has checked the document it was opened with.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, openInEditor, workspaceUri } from './helpers';

const labelText = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

suite('Editor aids', function () {
  this.timeout(60_000);
  teardown(closeAllWithoutSaving);

  test('the timeline window of clean.rca.md has an inlay hint with its duration and UTC times', async () => {
    const uri = workspaceUri('clean.rca.md');
    const editor = await openInEditor(uri);
    const document = editor.document;
    const hints =
      (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, document.lineCount, 0))) ?? [];
    // "March 17, 2026, from 9:05 AM until 10:41 AM." in Chicago time, after "10:41 AM".
    const shown = hints.map((hint) => `${hint.position.line}:${hint.position.character} ${labelText(hint)}`);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('from 9:05 AM until 10:41 AM'));
    const character = document.lineAt(line).text.indexOf('10:41 AM') + '10:41 AM'.length;
    assert.deepEqual(shown, [`${line}:${character} 1 h 36 min · 14:05–15:41 UTC`]);
  });

  test('the hover on the title names the profile that checks the report', async () => {
    const uri = workspaceUri('clean.rca.md');
    await openInEditor(uri);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 3))) ?? [];
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /exlibris/, `the hover on the title says:\n${text}`);
  });
});
