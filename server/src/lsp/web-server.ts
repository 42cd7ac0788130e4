// The language server in a web worker, for VS Code for the Web (vscode.dev, github.dev): the same session as
// the Node server (session.ts) over the worker's messages. A worker has no files: documents are whatever URIs
// the editor syncs (vscode-vfs:, github:, untitled:, file:), the globs match their paths, and settings come
// from the editor through workspace/configuration.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { repository } from '../../../package.json';
import type { ServerHost } from './host';
import { startServer } from './session';

/** The worker's global scope, as much of it as this file uses (the project's types have no DOM library). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

/** The path of any URI: the globs match it as they match a file's path (`vscode-vfs://github/o/r/rca/x.md` -> /o/r/rca/x.md). */
export function uriPath(uri: string): string | undefined {
  try {
    return decodeURIComponent(new URL(uri).pathname) || undefined;
  } catch {
    return undefined;
  }
}

export const webHost: ServerHost = {
  runtime: 'a web worker',
  documentPath: uriPath,
  withConfigFile: async (_uri, editor) => ({ settings: editor }),
  // The published page: a worker's own address is no base (VS Code for the Web starts it from a blob: URL), and a
  // raw Markdown file in a browser tab would read worse than the rendered page.
  docsUri: (code) => `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/${code}.md`,
};

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
// Last line of defence, as in the Node server: a fault in one request is logged, and the others are still served.
self.addEventListener('unhandledrejection', (event: { reason: unknown }) =>
  connection.console.error(`RCA Writer: unhandled rejection: ${String(event.reason)}`),
);
startServer(connection, webHost);
