// Desktop VS Code: the language server as a Node process (dist/server.js) over IPC, and the preview, which the
// Node server renders. The VS Code side is deliberately thin: everything that knows about RCAs lives in the server.
import * as path from 'node:path';
import { commands, type ExtensionContext, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { exportHtml, PreviewManager, type ExportArgs } from './preview';
import { SERVER_NAME } from '../../server/src/lsp/protocol';

export { deactivate } from './activate';

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  activateWith(context, {
    createClient: (clientOptions) => new LanguageClient('rcaWriter', SERVER_NAME, serverOptions, clientOptions),
    registerPreview(context, requests) {
      const previews = new PreviewManager(context, requests);
      return [
        previews,
        commands.registerCommand('rcaWriter.openPreview', (uri?: Uri) => previews.open(false, uri)),
        commands.registerCommand('rcaWriter.openPreviewToSide', (uri?: Uri) => previews.open(true, uri)),
        commands.registerCommand('rcaWriter.exportHtml', (args?: ExportArgs) => exportHtml(requests, previews, args)),
      ];
    },
  });
}
