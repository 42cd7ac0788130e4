// The VS Code side is deliberately thin: it starts the language server, forwards settings and
// offers a few commands. Everything that knows about RCAs lives in the server.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { insertSection, newRca } from './commands';
import { exportHtml, PreviewManager, type ExportArgs, type ServerRequests } from './preview';
import { RcaStatus } from './status';
import { CONFIG_FILE_NAME, CONFIGURATION_SECTION, FIX_ALL_KIND, SERVER_NAME } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;
let starting: Promise<void> = Promise.resolve();
let status: RcaStatus | undefined;

/** Requests go to whichever client is current, so previews survive a server restart. */
const requests: ServerRequests = {
  sendRequest: <R>(method: string, params: unknown) => {
    if (!client) return Promise.reject(new Error('the RCA Writer language server is not running'));
    return client.sendRequest<R>(method, params);
  },
};

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // One output channel for the extension's lifetime, whatever number of server restarts.
  const outputChannel = window.createOutputChannel(SERVER_NAME);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: CONFIGURATION_SECTION,
      fileEvents: workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`),
    },
    outputChannel,
  };
  const previews = new PreviewManager(context, requests);
  context.subscriptions.push(
    outputChannel,
    previews,
    (status = new RcaStatus(requests)),
    { dispose: () => void client?.dispose() },
    commands.registerCommand('rcaWriter.openPreview', (uri?: Uri) => previews.open(false, uri)),
    commands.registerCommand('rcaWriter.openPreviewToSide', (uri?: Uri) => previews.open(true, uri)),
    commands.registerCommand('rcaWriter.exportHtml', (args?: ExportArgs) => exportHtml(requests, previews, args)),
    commands.registerCommand('rcaWriter.fixAll', () => fixAll()),
    commands.registerCommand('rcaWriter.newRca', (args?: Parameters<typeof newRca>[1]) => newRca(requests, args)),
    commands.registerCommand('rcaWriter.insertSection', (args?: { id?: string }) => insertSection(requests, args)),
    commands.registerCommand('rcaWriter.restartServer', () => restartServer(() => new LanguageClient('rcaWriter', SERVER_NAME, serverOptions, clientOptions))),
    commands.registerCommand('rcaWriter.showOutput', () => outputChannel.show(true)),
  );
  start(new LanguageClient('rcaWriter', SERVER_NAME, serverOptions, clientOptions));
}

function start(next: LanguageClient): void {
  client = next;
  // Not awaited: activation returns at once and the server comes up in the background.
  starting = next.start().then(
    // A report with no problems gets no diagnostics event: the item asks once the server is up.
    () => void status?.update(window.activeTextEditor),
    (error: unknown) => {
      void window.showErrorMessage(`RCA Writer: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/**
 * A restart replaces the client with a fresh one: every open document is sent again and pulled anew, with
 * no state left from the old server. One asked for while the server is still starting waits for the start.
 */
async function restartServer(create: () => LanguageClient): Promise<void> {
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
  await commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
