// Desktop VS Code: the language server as a Node process (dist/server.js) over IPC, and the preview, which the
// Node server renders (rcaWriter/render). The VS Code side is deliberately thin: everything that knows about RCAs lives in the server.
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { registerPreviewCommands } from './preview';
import { SERVER_NAME, SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';

export { deactivate } from './activate';

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  activateWith(context, {
    createClient: (clientOptions) => new LanguageClient('rcaWriter', SERVER_NAME, serverOptions, clientOptions),
    registerPreview: (context, requests) => registerPreviewCommands(context, requests, { home: Uri.file(homedir()) }),
  });
}
