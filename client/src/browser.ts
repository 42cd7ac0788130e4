// VS Code for the Web (vscode.dev, github.dev): the language server runs in a web worker (dist/web-server.js), and
// the preview and Export HTML render in a worker of their own (dist/web-render.js, see web-renderer.ts).
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';
import { registerPreviewCommands } from './preview';
import { WebRenderer } from './web-renderer';
import { SERVER_NAME } from '../../server/src/lsp/protocol';

export { deactivate } from './activate';

/** The web extension host is a worker too; the project's types have no DOM library. */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] & { terminate(): void };

/**
 * The worker script's address. The web worker extension host refuses a worker from a remote's extension
 * ("Creating workers from remote extensions is currently not supported": code-server, where the extension is
 * installed on the server and its URI is vscode-remote:); then the script is read through the editor and
 * started from a blob: URL. vscode.dev and github.dev serve extensions over https and take the address as it is.
 */
async function workerScript(script: Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = await workerScript(Uri.joinPath(context.extensionUri, 'dist', 'web-server.js'));
  let worker: InstanceType<typeof Worker> | undefined;
  const renderer = new WebRenderer(Uri.joinPath(context.extensionUri, 'dist', 'web-render.js'), workerScript);
  activateWith(context, {
    // A new worker for each client, as the desktop starts a new process: a restart starts from nothing. The client
    // does not end its worker; the old one is ended here, after the restart has disposed of its client.
    createClient(clientOptions) {
      worker?.terminate();
      worker = new Worker(serverMain);
      return new LanguageClient('rcaWriter', SERVER_NAME, clientOptions, worker);
    },
    registerPreview(context, requests) {
      // No home folder to propose an untitled report's export in: the save dialog starts where the editor chooses.
      return [renderer, ...registerPreviewCommands(context, renderer.requests(requests), {})];
    },
    // Convert Published Page: the render worker prints a page saved as HTML, which the web's server cannot.
    commandRequests: (requests) => renderer.requests(requests),
  });
}
