// Findings as LSP diagnostics, and when the editor gets them: pulled (textDocument/diagnostic) when the
// client can ask, else pushed (publishDiagnostics) once the text has settled.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RcaDiagnostic, Severity } from '../engine/types';
import { cancelled, type Analyser, type Analysis } from './analysis';
import type { DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol';

const PUSH_DELAY_MS = 200;
/** A pull for a document changed less than this long ago waits until it has been quiet this long. */
const PULL_QUIET_MS = 50;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function docsUri(code: string): string {
  // dist/server.js sits next to docs/ in the extension and in the npm package.
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${code}.md`)).toString();
}

export function toLspDiagnostic(diagnostic: RcaDiagnostic, uri: string, version: number): Diagnostic {
  const data: DiagnosticData = { fixes: diagnostic.fixes ?? [], version };
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: docsUri(diagnostic.code) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({ location: { uri, range: related.range }, message: related.message })),
    data,
  };
}

export class DiagnosticsFeed {
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  /** Whether the client pulls diagnostics; set at initialize. Otherwise they are pushed. */
  canPull = false;
  /** Whether the client can be told to pull again (workspace/diagnostic/refresh); set at initialize. */
  canRefresh = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly analyser: Analyser,
  ) {
    // An open is not typing: its first check is pushed at once.
    documents.onDidOpen((document) => this.schedulePush(document, 0));
    documents.onDidEdit((document) => this.schedulePush(document));
    documents.onDidClose((document) => {
      clearTimeout(this.pushTimers.get(document.uri));
      this.pushTimers.delete(document.uri);
      if (!this.canPull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.languages.diagnostics.on(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // The version this pull was asked for. Not `document.version` later: incremental sync updates the
      // TextDocument object in place, so that would always be the newest version.
      const asked = document.version;
      // Debounce while typing: wait until the document has been quiet for a moment, then check the newest text.
      const quiet = documents.lastEdit(document.uri) + PULL_QUIET_MS - Date.now();
      if (quiet > 0) await new Promise((resolve) => setTimeout(resolve, quiet));
      const current = documents.get(params.textDocument.uri);
      if (token.isCancellationRequested || !current || current.version !== asked) throw cancelled();
      const analysis = await analyser.analyse(current, token);
      if (token.isCancellationRequested || documents.get(current.uri)?.version !== analysis.version) throw cancelled();
      return { kind: DocumentDiagnosticReportKind.Full, items: analysis.diagnostics };
    });
  }

  /** Every document's findings may have changed (settings, a config file): the editor gets them again. */
  refreshAll(): void {
    if (this.canPull) {
      if (this.canRefresh) void this.connection.languages.diagnostics.refresh();
    } else {
      for (const document of this.documents.all()) this.schedulePush(document, 0);
    }
  }

  private schedulePush(document: TextDocument, delay = PUSH_DELAY_MS): void {
    if (this.canPull) return;
    clearTimeout(this.pushTimers.get(document.uri));
    this.pushTimers.set(
      document.uri,
      setTimeout(async () => {
        this.pushTimers.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (!current) return;
        let analysis: Analysis;
        try {
          analysis = await this.analyser.analyse(current);
        } catch {
          return; // a newer version has its own push scheduled
        }
        if (this.documents.get(document.uri)?.version !== analysis.version) return;
        await this.connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: analysis.diagnostics });
      }, delay),
    );
  }
}
