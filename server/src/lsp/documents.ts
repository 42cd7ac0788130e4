// The open documents as the editor syncs them, and the events the other parts of the server act on.
import { Emitter, TextDocuments, type Connection, type Disposable, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Applies an editor's changes the way the library does, except where the library's incremental line table
 * goes wrong: a change that brings a lone "\r" next to a "\n" (inserting "\n" after it or "\r" before a "\n",
 * or deleting what stood between them) makes one line break of two, which the library still counts as two.
 * Then the line table is rebuilt from the text, so every later position means what the editor meant.
 */
export function updateDocument(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  for (const change of changes) {
    if (!('range' in change)) {
      TextDocument.update(document, [change], version);
      continue;
    }
    const start = Math.min(document.offsetAt(change.range.start), document.offsetAt(change.range.end));
    TextDocument.update(document, [change], version);
    const text = document.getText();
    const joins = (at: number) => text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
    // A full-text change with the same text keeps the object and recomputes its line table on next use.
    if (joins(start) || joins(start + change.text.length)) TextDocument.update(document, [{ text }], version);
  }
  return document;
}

/**
 * The editor's open documents. Besides the library's store it numbers every state of a document (each open
 * and each change gets a new generation: versions repeat after a reopen, and some clients repeat them on
 * change), tells an open from an edit (an open is not typing, so it is not debounced) and remembers when
 * each document was last edited.
 */
export class DocumentStore {
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  private readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => {
      this.generations.set(uri, ++this.lastGeneration);
      return TextDocument.create(uri, languageId, version, text);
    },
    update: (document, changes, version) => {
      this.generations.set(document.uri, ++this.lastGeneration);
      return updateDocument(document, changes, version);
    },
  });
  /** When each document was last edited, and the edit before (ms since the epoch). */
  private readonly lastEdits = new Map<string, { at: number; before?: number }>();
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
      this.lastEdits.set(event.document.uri, { at: Date.now(), before: this.lastEdits.get(event.document.uri)?.at });
      this.edits.fire(event.document);
    });
    this.documents.onDidClose((event) => {
      this.lastEdits.delete(event.document.uri);
      this.generations.delete(event.document.uri);
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** Which state of the document is current: never the same for two opens or two changes; undefined once closed. */
  generation(uri: string): number | undefined {
    return this.generations.get(uri);
  }

  /** When the document was last edited (ms since the epoch), 0 if it has not been since it was opened. */
  lastEdit(uri: string): number {
    return this.lastEdits.get(uri)?.at ?? 0;
  }

  /** How long before its last edit the document was edited before (ms); Infinity after fewer than two edits since it was opened. */
  editInterval(uri: string): number {
    const edit = this.lastEdits.get(uri);
    return edit?.before === undefined ? Infinity : edit.at - edit.before;
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
    this.documents.listen(
      new Proxy(connection, { get: (target, key) => (key === 'onDidChangeTextDocument' ? onDidChangeTextDocument : Reflect.get(target, key)) }),
    );
  }
}
