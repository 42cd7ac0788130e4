/// <reference types="mocha" />
// Each command the extension contributes runs without throwing, with an example RCA in the editor.
// Runs last: one of the commands may restart the language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, config, manifest, openInEditor, runCommandBounded, skipBecause, workspaceUri } from './helpers';

interface ContributedCommand {
  command: string;
  title?: string;
  category?: string;
}

suite('Contributed commands run', function () {
  this.timeout(60_000);
  const contributes = manifest().contributes ?? {};
  const commands = (contributes.commands ?? []) as ContributedCommand[];
  // Commands hidden from the palette ("when": "false") take arguments from their callers; they are not run bare.
  const hidden = new Set(
    ((contributes.menus?.commandPalette ?? []) as { command: string; when?: string }[])
      .filter((entry) => entry.when === 'false')
      .map((entry) => entry.command),
  );
  // The example with the most diagnostics gives commands such as "fix all" something to do.
  const example = [...config().examples].sort((a, b) => b.diagnostics.length - a.diagnostics.length)[0];

  setup(async () => {
    if (example) await openInEditor(workspaceUri(example.file));
  });
  teardown(closeAllWithoutSaving);

  if (!commands.length) {
    test('each contributed command runs', function () {
      skipBecause(this, 'the extension contributes no commands');
    });
    return;
  }

  for (const { command, title, category } of commands) {
    test(`${category ? `${category}: ` : ''}${title ?? command} (${command})`, async function () {
      if (hidden.has(command)) skipBecause(this, 'hidden from the Command Palette; it needs arguments');
      const registered = await vscode.commands.getCommands(true);
      assert.ok(registered.includes(command), `${command} is contributed but not registered by the extension`);
      await runCommandBounded(command);
    });
  }
});
