// Commands that need the editor's UI. Each accepts its inputs as an argument too, so that tests,
// keybindings and other extensions can run it without prompts.
import { Position, Range, Selection, Uri, window, workspace, WorkspaceEdit, type QuickPickItem } from 'vscode';
import type { ServerRequests } from './preview';
import {
  INSERT_SECTION_REQUEST,
  MISSING_SECTIONS_REQUEST,
  NEW_DOCUMENT_REQUEST,
  type InsertSectionResult,
  type MissingSection,
  type NewDocumentParams,
  type NewDocumentResult,
} from '../../server/src/lsp/protocol';

const ZONES = ['Chicago time', 'UTC', 'Amsterdam time', 'London time', 'Israel time', 'Singapore time', 'Beijing time', 'Sydney time'];

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "RCA Writer: New RCA": asks for instances, date and zone, then opens the new report. */
export async function newRca(client: ServerRequests, args?: Partial<NewDocumentParams>): Promise<void> {
  const instances = args?.instances ?? (await window.showInputBox({ title: 'New RCA (1/3)', prompt: 'Affected instances', placeHolder: 'NA01, NA02' }));
  if (instances === undefined) return;
  const date =
    args?.date ?? (await window.showInputBox({ title: 'New RCA (2/3)', prompt: 'Incident date', value: today(), placeHolder: '2026-04-11 or April 11, 2026' }));
  if (date === undefined) return;
  const zone = args?.zone ?? (await window.showQuickPick(ZONES, { title: 'New RCA (3/3)', placeHolder: 'Time zone of the timeline' }));
  if (zone === undefined) return;
  const folder = workspace.workspaceFolders?.[0]?.uri.toString();
  const result = await client.sendRequest<NewDocumentResult>(NEW_DOCUMENT_REQUEST, { uri: args?.uri ?? folder, instances, date, zone });
  if ('error' in result) {
    void window.showErrorMessage(`RCA Writer: ${result.error}`);
    return;
  }
  // An untitled document: nothing is written to disk until the writer saves, under a name they choose.
  const base = workspace.workspaceFolders?.[0]?.uri;
  const uri = base ? Uri.joinPath(base, result.fileName).with({ scheme: 'untitled' }) : Uri.parse(`untitled:${result.fileName}`);
  const document = await workspace.openTextDocument(uri);
  const edit = new WorkspaceEdit();
  edit.insert(uri, new Position(0, 0), result.text);
  await workspace.applyEdit(edit);
  await window.showTextDocument(document);
}

/** "RCA Writer: Insert Section…": a quick pick of the sections the report lacks. */
export async function insertSection(client: ServerRequests, args?: { id?: string }): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('RCA Writer: open an RCA to insert a section.');
    return;
  }
  const uri = editor.document.uri.toString();
  let id = args?.id;
  if (!id) {
    const missing = await client.sendRequest<MissingSection[]>(MISSING_SECTIONS_REQUEST, { uri });
    if (!missing.length) {
      void window.showInformationMessage('RCA Writer: this report has every section of its profile.');
      return;
    }
    const items: (QuickPickItem & { id: string })[] = missing.map((section) => ({
      label: section.name,
      description: section.required ? 'required' : 'optional',
      id: section.id,
    }));
    id = (await window.showQuickPick(items, { title: 'Insert Section', placeHolder: 'Section to insert in its place' }))?.id;
    if (!id) return;
  }
  const { edit } = await client.sendRequest<InsertSectionResult>(INSERT_SECTION_REQUEST, { uri, id });
  if (!edit) return;
  const range = new Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
  await editor.edit((builder) => builder.replace(range, edit.newText));
  const line = edit.range.start.line + (edit.newText.match(/^\s*\n/)?.[0].split('\n').length ?? 1) - 1;
  editor.selection = new Selection(line, 0, line, 0);
  editor.revealRange(new Range(line, 0, line, 0));
}
