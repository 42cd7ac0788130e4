// Commands that need the editor's UI. Each accepts its inputs as an argument too, so that tests,
// keybindings and other extensions can run it without prompts.
import { Position, Range, Selection, Uri, ViewColumn, window, workspace, WorkspaceEdit, type QuickPickItem, type TextDocument } from 'vscode';
import type { ServerRequests } from './preview';
import {
  CONVERT_PAGE_REQUEST,
  INSERT_SECTION_REQUEST,
  MISSING_SECTIONS_REQUEST,
  NEW_DOCUMENT_REQUEST,
  type ConvertPageResult,
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

/** A report's name beside `page` ("NA04.html" gives "NA04.rca.md", then "NA04-2.rca.md"): no open document has it, no file. */
async function reportBeside(page: TextDocument): Promise<Uri> {
  const name = page.uri.path.split('/').pop() || 'page';
  const stem = name.replace(/(?:\.rca)?\.(?:html?|txt|text|md|markdown)$/i, '') || 'page';
  const folder = page.isUntitled ? workspace.workspaceFolders?.[0]?.uri : Uri.joinPath(page.uri, '..');
  for (let n = 1; ; n++) {
    const file = `${stem}${n > 1 ? `-${n}` : ''}.rca.md`;
    const target = folder ? Uri.joinPath(folder, file) : Uri.parse(`untitled:${file}`);
    const untitled = target.with({ scheme: 'untitled' });
    if (workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString())) continue;
    if (
      folder &&
      target.scheme !== 'untitled' &&
      (await workspace.fs.stat(target).then(
        () => true,
        () => false,
      ))
    )
      continue;
    return untitled;
  }
}

/**
 * "RCA Writer: Convert Published Page to RCA": the page in the active editor (saved as HTML, or printed as text, or
 * pasted into a new file) converted as `rca-writer convert` converts it, opened beside it as a new report. The page is
 * not changed, and nothing is written to disk before the writer saves. From the Explorer's context menu, the file
 * clicked is the page, and each file selected when several are.
 */
export async function convertPublishedPage(
  client: ServerRequests,
  log: (line: string) => void,
  args?: Uri | { uri?: string },
  selected?: readonly Uri[],
): Promise<void> {
  if (args instanceof Uri && selected && selected.length > 1) {
    for (const uri of selected) await convertPublishedPage(client, log, uri);
    return;
  }
  const target = args instanceof Uri ? args : args?.uri ? Uri.parse(args.uri) : undefined;
  const page = target ? await workspace.openTextDocument(target) : window.activeTextEditor?.document;
  if (!page) {
    void window.showInformationMessage('RCA Writer: open the published page (saved as HTML, or printed as text) to convert it.');
    return;
  }
  const name = page.uri.path.split('/').pop() || page.uri.toString();
  const result = await client.sendRequest<ConvertPageResult>(CONVERT_PAGE_REQUEST, { uri: page.uri.toString(), text: page.getText() });
  if ('error' in result) {
    void window.showErrorMessage(`RCA Writer: ${name} ${result.error}.`);
    return;
  }
  const uri = await reportBeside(page);
  const report = await workspace.openTextDocument(uri);
  const edit = new WorkspaceEdit();
  edit.insert(uri, new Position(0, 0), result.markdown);
  await workspace.applyEdit(edit);
  await window.showTextDocument(report, { viewColumn: ViewColumn.Beside });
  for (const note of result.notes) log(`${name}:${note.line}: note: ${note.message}`);
  const leftOut = result.leftOut ? `; ${result.leftOut} line${result.leftOut === 1 ? '' : 's'} of the site left out` : '';
  const notes = result.notes.length ? `; ${result.notes.length} note${result.notes.length === 1 ? '' : 's'} in the output` : '';
  void window.showInformationMessage(`RCA Writer: converted ${name}${leftOut}${notes}.`);
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
