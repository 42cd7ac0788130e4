/// <reference types="mocha" />
// Every quick fix offered on an example's diagnostics, applied through the API, removes a diagnostic
// it was offered for. Each fix is applied to the example as VS Code loaded it, then reverted (never saved:
// the workspace holds copies of examples/ anyway).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllWithoutSaving,
  codeOf,
  config,
  keys,
  listing,
  openInEditor,
  rangeText,
  rcaDiagnostics,
  sameKeys,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

function identity(d: vscode.Diagnostic): string {
  return `${codeOf(d)}\u0000${d.message}`;
}

function count(diagnostics: readonly vscode.Diagnostic[], id: string): number {
  return diagnostics.filter((d) => identity(d) === id).length;
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const items =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
      100,
    )) ?? [];
  return items.filter(
    (item): item is vscode.CodeAction =>
      typeof (item as vscode.Command).command !== 'string' &&
      !!(item as vscode.CodeAction).kind &&
      vscode.CodeActionKind.QuickFix.contains((item as vscode.CodeAction).kind!),
  );
}

function actionSignature(action: vscode.CodeAction): string {
  const edits = action.edit?.entries().map(([uri, list]) => [uri.toString(), list.map((e) => [rangeText(e.range), e.newText])]);
  return JSON.stringify([action.title, edits, action.command?.command, action.command?.arguments]);
}

async function apply(action: vscode.CodeAction): Promise<boolean> {
  let ok = true;
  if (action.edit) ok = await vscode.workspace.applyEdit(action.edit);
  if (ok && action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return ok && !!(action.edit || action.command);
}

let applied = 0;

suite('Quick fixes remove their diagnostics', function () {
  this.timeout(240_000);
  const examples = config().examples.filter((example) => example.diagnostics.length > 0);
  teardown(closeAllWithoutSaving);

  for (const example of examples) {
    test(example.file, async () => {
      const uri = workspaceUri(example.file);
      const editor = await openInEditor(uri);
      const expected = keys(example.diagnostics);
      const initial = await waitForDiagnostics(uri, (d) => sameKeys(keys(d), expected), "the CLI's diagnostics");
      const groups = new Map<string, vscode.Diagnostic[]>();
      for (const d of initial) groups.set(rangeText(d.range), [...(groups.get(rangeText(d.range)) ?? []), d]);

      const failures: string[] = [];
      const tried = new Set<string>();
      groups: for (const [where, [first]] of groups) {
        // VS Code asks for the fixes of every diagnostic that touches the range, so any of those may be the one fixed.
        const group = initial.filter((d) => d.range.intersection(first!.range) !== undefined);
        const actions = await quickFixes(uri, first!.range);
        for (const action of actions) {
          const signature = actionSignature(action);
          if (tried.has(signature)) continue;
          tried.add(signature);
          const label = `"${action.title}" at ${where} (for ${group.map(codeOf).join(', ')})`;
          const before = rcaDiagnostics(uri);
          const versionBefore = editor.document.version;
          if (!(await apply(action))) {
            failures.push(`${label}: the edit could not be applied`);
          } else {
            try {
              await waitForDiagnostics(
                uri,
                (after) => group.some((d) => count(after, identity(d)) < count(before, identity(d))),
                `the diagnostic fixed by ${label} to go`,
              );
              applied++;
            } catch (error) {
              failures.push(`${label}: ${(error as Error).message}`);
            }
          }
          if (editor.document.version !== versionBefore || editor.document.isDirty) {
            const dirty = editor.document.isDirty;
            await vscode.window.showTextDocument(editor.document, { preview: false });
            await vscode.commands.executeCommand('workbench.action.files.revert');
            try {
              await waitForDiagnostics(
                uri,
                (d) => !editor.document.isDirty && sameKeys(keys(d), expected),
                `the diagnostics of the reverted example (dirty before revert: ${dirty}, now: ${editor.document.isDirty})`,
              );
            } catch (error) {
              failures.push(`after ${label}: ${(error as Error).message}`);
              break groups;
            }
          }
        }
      }
      assert.deepEqual(failures, [], `quick fixes that did not remove their diagnostic in ${example.file}:\n${failures.join('\n')}`);
    });
  }

  test('at least one quick fix was applied', function () {
    const all = examples.map((e) => `${e.file}:\n${listing(e.diagnostics)}`).join('\n');
    assert.ok(applied > 0, `no quick fix was offered for any diagnostic of the examples:\n${all || '(no example has diagnostics)'}`);
  });
});
