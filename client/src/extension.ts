// The VS Code side is deliberately thin: it starts the language server, forwards settings and
// offers a few commands. Everything that knows about RCAs lives in the server.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { insertSection, newRca } from './commands';
import { exportHtml, PreviewManager, type ExportArgs } from './preview';
import { CONFIG_FILE_NAME, CONFIGURATION_SECTION, FIX_ALL_KIND, SERVER_NAME } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: CONFIGURATION_SECTION,
      fileEvents: workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`),
    },
  };
  client = new LanguageClient('rcaWriter', SERVER_NAME, serverOptions, clientOptions);
  const previews = new PreviewManager(context, client);
  context.subscriptions.push(
    client,
    previews,
    commands.registerCommand('rcaWriter.openPreview', (uri?: Uri) => previews.open(false, uri)),
    commands.registerCommand('rcaWriter.openPreviewToSide', (uri?: Uri) => previews.open(true, uri)),
    commands.registerCommand('rcaWriter.exportHtml', (args?: ExportArgs) => exportHtml(client!, previews, args)),
    commands.registerCommand('rcaWriter.fixAll', () => fixAll()),
    commands.registerCommand('rcaWriter.newRca', (args?: Parameters<typeof newRca>[1]) => newRca(client!, args)),
    commands.registerCommand('rcaWriter.insertSection', (args?: { id?: string }) => insertSection(client!, args)),
    commands.registerCommand('rcaWriter.restartServer', () => client?.restart()),
    commands.registerCommand('rcaWriter.showOutput', () => client?.outputChannel.show(true)),
  );
  // Starting is not awaited: activation returns at once and the server comes up in the background.
  client.start().catch((error: unknown) => {
    void window.showErrorMessage(`RCA Writer: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
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
