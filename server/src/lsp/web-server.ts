// The language server in a web worker, for VS Code for the Web (vscode.dev, github.dev): the same session as
// the Node server (session.ts) over the worker's messages. A worker has no files: documents are whatever URIs
// the editor syncs (vscode-vfs:, github:, untitled:, file:), the globs match their paths, and config files
// (.rca-writer.json) are read through the client (rcaWriter/readFiles).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/browser';
import { repository } from '../../../package.json';
import { CONFIG_FILE_NAMES, mergeSettings, parseConfigText, twoConfigFiles } from '../engine/config-text';
import type { RcaSettings } from '../engine/settings';
import type { ServerHost } from './host';
import { READ_FILES_REQUEST, type ReadFilesParams, type ReadFilesResult } from './protocol';
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

/** The folders a document's config file may be in, nearest first: its own, then each above it up to the root. */
export function configFolders(uri: string): URL[] {
  let url: URL;
  try {
    url = new URL('.', uri);
  } catch {
    return []; // untitled: and other URIs with no folder
  }
  const folders = [url];
  while (url.pathname !== '/' && url.pathname !== '') folders.push((url = new URL('..', url)));
  return folders;
}

/** The nearest config file above a document, read through the client: the same search as engine/config.ts. */
async function withConfigFile(connection: Connection, uri: string, editor: Partial<RcaSettings>) {
  for (const folder of configFolders(uri)) {
    const uris = CONFIG_FILE_NAMES.map((name) => new URL(name, folder).toString());
    const texts = await connection.sendRequest<ReadFilesResult>(READ_FILES_REQUEST, { uris } satisfies ReadFilesParams);
    const found = uris.flatMap((file, i) => (typeof texts[i] === 'string' ? [{ file, text: texts[i] }] : []));
    if (found.length > 1)
      throw twoConfigFiles(
        found.map(({ file }) => file),
        (file) => file.slice(file.lastIndexOf('/') + 1),
      );
    if (found.length === 1) return { settings: mergeSettings(editor, parseConfigText(found[0].file, found[0].text).settings), configPath: found[0].file };
  }
  return { settings: editor };
}

export function webHost(connection: Connection): ServerHost {
  return {
    runtime: 'a web worker',
    documentPath: uriPath,
    withConfigFile: (uri, editor) => withConfigFile(connection, uri, editor),
    // The published page: a worker's own address is no base (VS Code for the Web starts it from a blob: URL), and a
    // raw Markdown file in a browser tab would read worse than the rendered page.
    docsUri: (code) => `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/${code}.md`,
  };
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
// Last line of defence, as in the Node server: a fault in one request is logged, and the others are still served.
self.addEventListener('unhandledrejection', (event: { reason: unknown }) =>
  connection.console.error(`RCA Writer: unhandled rejection: ${String(event.reason)}`),
);
startServer(connection, webHost(connection));
