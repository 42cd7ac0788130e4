/// <reference types="mocha" />
// Each command the extension contributes runs without throwing, with an example RCA in the editor.
// Runs last: one of the commands may restart the language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllWithoutSaving,
  config,
  keys,
  manifest,
  openInEditor,
  runCommandBounded,
  sameKeys,
  skipBecause,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

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
    ((contributes.menus?.commandPalette ?? []) as { command: string; when?: string }[]).filter((entry) => entry.when === 'false').map((entry) => entry.command),
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
      const prompts = await runCommandBounded(command);
      if (prompts && this.test) this.test.title += ` (answered ${prompts} prompt${prompts > 1 ? 's' : ''} with the first choice)`;
    });
  }

  // One of the commands may have restarted the language server: problems must still show, both for a file
  // that was open before and for one opened for the first time.
  test('after the commands, RCAs opened again or for the first time show their diagnostics', async () => {
    if (!example) return;
    await closeAllWithoutSaving();
    const expected = keys(example.diagnostics);
    const again = workspaceUri(example.file);
    const fresh = workspaceUri(`e2e-after-commands/${example.file.split('/').pop()}`);
    await vscode.workspace.fs.copy(again, fresh, { overwrite: true });
    for (const [uri, what] of [
      [again, 'opened again'],
      [fresh, 'opened for the first time'],
    ] as const) {
      await openInEditor(uri);
      await waitForDiagnostics(uri, (d) => sameKeys(keys(d), expected), `the CLI's diagnostics on an RCA ${what} after the commands ran`);
    }
  });
});
