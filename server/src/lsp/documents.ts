// The open documents as the editor syncs them, and the events the other parts of the server act on.
import { Emitter, TextDocuments, type Connection, type Disposable } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The editor's open documents. Besides the library's store it tells an open from an edit (an open is not
 * typing, so it must not be debounced) and remembers when each document was last edited.
 */
export class DocumentStore {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly lastEdits = new Map<string, number>();
  private readonly edits = new Emitter<TextDocument>();

  constructor() {
    // TextDocuments fires onDidChangeContent right after onDidOpen, with the same event object.
    let openEvent: unknown;
    this.documents.onDidOpen((event) => (openEvent = event));
    this.documents.onDidChangeContent((event) => {
      if (event === openEvent) {
        openEvent = undefined;
        return;
      }
      this.lastEdits.set(event.document.uri, Date.now());
      this.edits.fire(event.document);
    });
    this.documents.onDidClose((event) => this.lastEdits.delete(event.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** When the document was last edited (ms since the epoch), 0 if it has not been since it was opened. */
  lastEdit(uri: string): number {
    return this.lastEdits.get(uri) ?? 0;
  }

  onDidOpen(listener: (document: TextDocument) => void): Disposable {
    return this.documents.onDidOpen((event) => listener(event.document));
  }

  /** A change of text after the document was opened. */
  onDidEdit(listener: (document: TextDocument) => void): Disposable {
    return this.edits.event(listener);
  }

  onDidClose(listener: (document: TextDocument) => void): Disposable {
    return this.documents.onDidClose((event) => listener(event.document));
  }

  /** Follows the editor's document notifications; changes to a document that was never opened are logged and dropped. */
  listen(connection: Connection): void {
    const onDidChangeTextDocument = (handler: Parameters<Connection['onDidChangeTextDocument']>[0]) =>
      connection.onDidChangeTextDocument((params) => {
        if (!this.documents.get(params.textDocument.uri)) {
          connection.console.warn(`RCA Writer: ignored changes to ${params.textDocument.uri}, which was never opened.`);
          return;
        }
        return handler(params);
      });
    // The connection as the document manager sees it: the same object, except that changes pass the check above.
    this.documents.listen(new Proxy(connection, { get: (target, key) => (key === 'onDidChangeTextDocument' ? onDidChangeTextDocument : Reflect.get(target, key)) }));
  }
}
