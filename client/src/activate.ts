// The extension's life, shared by desktop VS Code (extension.ts: the Node server over IPC) and VS Code for the
// Web (browser.ts: the server's web worker). Each passes how to make its language client and its preview.
import { commands, Range, Uri, window, workspace, type CodeAction, type Disposable, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { convertPublishedPage, insertSection, newRca } from './commands';
import { fixAllMessage } from './fix-all-message';
import type { ServerRequests } from './preview';
import { ReportsView } from './reports-view';
import { RcaStatus } from './status';
import {
  CONFIGURATION_SECTION,
  FIX_ALL_KIND,
  READ_FILES_REQUEST,
  REPORTS_CHANGED_NOTIFICATION,
  SERVER_NAME,
  type ReadFilesParams,
  type ReadFilesResult,
} from '../../server/src/lsp/protocol';

/**
 * Where VS Code keeps Markdown that RCA Writer checks: files, unsaved documents, and virtual workspaces (the
 * manifest declares virtualWorkspaces): github.dev's and Remote Repositories' vscode-vfs:, the older github:,
 * and a remote's files as a web worker sees them (vscode-remote:, code-server and tunnels in the browser).
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'github', 'vscode-remote'];

export interface ClientPlatform {
  /** A language client for these options: the Node server, or the web worker. */
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** Registers the preview's and Export HTML's commands (rcaWriter.openPreview, openPreviewToSide, exportHtml). */
  registerPreview(context: ExtensionContext, requests: ServerRequests): Disposable[];
  /** The requests the editor's other commands send, where the platform answers some itself (the web's HTML print). */
  commandRequests?(requests: ServerRequests): ServerRequests;
}

let client: BaseLanguageClient | undefined;
let starting: Promise<void> = Promise.resolve();
let status: RcaStatus | undefined;
let reportsView: ReportsView | undefined;

/** Requests go to whichever client is current, so previews survive a server restart. */
const requests: ServerRequests = {
  sendRequest: <R>(method: string, params: unknown) => {
    if (!client) return Promise.reject(new Error('the RCA Writer language server is not running'));
    return client.sendRequest<R>(method, params);
  },
};

export function activateWith(context: ExtensionContext, platform: ClientPlatform): void {
  // One output channel for the extension's lifetime, whatever number of server restarts.
  const outputChannel = window.createOutputChannel(SERVER_NAME);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SCHEMES.map((scheme) => ({ language: 'markdown', scheme })),
    // The server registers the files it watches (config files, and the reports it indexes) itself.
    synchronize: { configurationSection: CONFIGURATION_SECTION },
    outputChannel,
  };
  context.subscriptions.push(
    outputChannel,
    (status = new RcaStatus(requests)),
    (reportsView = new ReportsView(requests)),
    { dispose: () => void client?.dispose() },
    ...platform.registerPreview(context, requests),
    commands.registerCommand('rcaWriter.fixAll', () => fixAll()),
    commands.registerCommand('rcaWriter.newRca', (args?: Parameters<typeof newRca>[1]) => newRca(requests, args)),
    // From the Explorer: the file clicked, and every file selected.
    commands.registerCommand('rcaWriter.convertPage', (args?: Parameters<typeof convertPublishedPage>[2], selected?: Uri[]) =>
      convertPublishedPage(platform.commandRequests?.(requests) ?? requests, (line) => outputChannel.appendLine(line), args, selected),
    ),
    commands.registerCommand('rcaWriter.insertSection', (args?: { id?: string }) => insertSection(requests, args)),
    commands.registerCommand('rcaWriter.restartServer', () => restartServer(() => platform.createClient(clientOptions))),
    commands.registerCommand('rcaWriter.showOutput', () => outputChannel.show(true)),
  );
  start(platform.createClient(clientOptions));
}

/** The web worker's server reads its config files through the editor's file systems (github.dev's included). */
async function readFiles({ uris }: ReadFilesParams): Promise<ReadFilesResult> {
  const decoder = new TextDecoder();
  return Promise.all(
    uris.map(async (uri) => {
      try {
        return decoder.decode(await workspace.fs.readFile(Uri.parse(uri)));
      } catch {
        return null; // no such file, or not readable: the search goes on
      }
    }),
  );
}

function start(next: BaseLanguageClient): void {
  client = next;
  next.onRequest(READ_FILES_REQUEST, readFiles);
  next.onNotification(REPORTS_CHANGED_NOTIFICATION, () => reportsView?.refresh());
  // Not awaited: activation returns at once and the server comes up in the background.
  starting = next.start().then(
    // A report with no problems gets no diagnostics event: the item asks once the server is up.
    () => {
      void status?.update(window.activeTextEditor);
      reportsView?.refresh();
    },
    (error: unknown) => {
      void window.showErrorMessage(`RCA Writer: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/**
 * A restart replaces the client with a fresh one: every open document is sent again and pulled anew, with
 * no state left from the old server. One asked for while the server is still starting waits for the start.
 */
async function restartServer(create: () => BaseLanguageClient): Promise<void> {
  await starting;
  const old = client;
  client = undefined;
  await old?.dispose();
  start(create());
  await starting;
}

async function fixAll(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('RCA Writer: open a Markdown RCA to fix its problems.');
    return;
  }
  // The provider is asked directly and its edit applied here: editor.action.sourceAction's request is replaced by
  // the light bulb's own when diagnostics arrive meanwhile, and then nothing is applied (seen in e2e under load).
  const document = editor.document;
  const version = document.version;
  const whole = new Range(0, 0, document.lineCount, 0);
  let actions: CodeAction[] | undefined;
  try {
    actions = await commands.executeCommand<CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND);
  } catch (error) {
    // A newer version makes the server answer ServerCancelled, which may reach here as a cancellation.
    if (document.version === version) throw error;
  }
  const fix = actions?.find((action) => action.kind?.value === FIX_ALL_KIND && action.edit);
  // The edit names the version it was made for: it is refused if the text changed meanwhile.
  const applied = fix?.edit ? await workspace.applyEdit(fix.edit) : false;
  const message = fixAllMessage({ textChanged: document.version !== version, fixOffered: Boolean(fix?.edit), applied });
  if (message) void window.showInformationMessage(message);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
