// Findings as LSP diagnostics, and when the editor gets them: pulled (textDocument/diagnostic) when the
// client can ask, else pushed (publishDiagnostics) once the text has settled.
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RcaDiagnostic, Severity } from '../engine/types';
import { cancelled, type Analyser, type Analysis } from './analysis';
import type { DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol';

const PUSH_DELAY_MS = 200;
/**
 * While edits come less than this far apart (a burst: a held key, a macro, an extension's edits), a pull waits until
 * the document has been quiet this long. A keystroke after a pause is checked at once: a wait for every keystroke
 * was most of the typing feedback of a seed-sized report in VS Code (docs/performance.md, `npm run bench:vscode`).
 */
const PULL_QUIET_MS = 50;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as the editor shows it, at its own severity unless given another; `docsUri` gives its rule's page. */
export function toLspDiagnostic(
  diagnostic: RcaDiagnostic,
  uri: string,
  version: number,
  docsUri: (code: string) => string,
  severity: Severity = diagnostic.severity,
): Diagnostic {
  const data: DiagnosticData = { fixes: diagnostic.fixes ?? [], version };
  return {
    range: diagnostic.range,
    severity: SEVERITY[severity],
    code: diagnostic.code,
    codeDescription: { href: docsUri(diagnostic.code) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({ location: { uri: related.file ?? uri, range: related.range }, message: related.message })),
    data,
  };
}

export class DiagnosticsFeed {
  private readonly pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Whether the client pulls diagnostics; set at initialize. Otherwise they are pushed. */
  canPull = false;
  /** Whether the client can be told to pull again (workspace/diagnostic/refresh); set at initialize. */
  canRefresh = false;
  /** Findings that depend on other documents (the cross-report rules'), added fresh to each answer. */
  crossReport: (uri: string, analysis: Analysis) => Diagnostic[] = () => [];

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
      const uri = params.textDocument.uri;
      // The state this pull was asked for: it is answered for exactly that state, or ServerCancelled so that the
      // editor asks again (its text changed, or it was closed and reopened, while the check waited).
      const asked = documents.generation(uri);
      if (asked === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // Debounce a burst: wait until the document has been quiet for a moment, then check the newest text.
      const quiet = documents.editInterval(uri) < PULL_QUIET_MS ? documents.lastEdit(uri) + PULL_QUIET_MS - Date.now() : 0;
      if (quiet > 0) await new Promise((resolve) => setTimeout(resolve, quiet));
      if (token.isCancellationRequested || documents.generation(uri) !== asked) throw cancelled();
      const analysis = await analyser.analyse(uri, token);
      if (token.isCancellationRequested || analysis.generation !== asked || documents.generation(uri) !== asked) throw cancelled();
      return { kind: DocumentDiagnosticReportKind.Full, items: [...analysis.diagnostics, ...this.crossReport(uri, analysis)] };
    });
  }

  /**
   * Every document's findings may have changed (settings, a config file, another report): the editor gets them
   * again; pushed ones but those of `except`, whose own push is on its way.
   */
  refreshAll(except?: string): void {
    if (this.canPull) {
      if (this.canRefresh) void this.connection.languages.diagnostics.refresh();
    } else {
      for (const document of this.documents.all()) if (document.uri !== except) this.schedulePush(document, 0);
    }
  }

  private schedulePush(document: TextDocument, delay = PUSH_DELAY_MS): void {
    if (this.canPull) return;
    const uri = document.uri;
    clearTimeout(this.pushTimers.get(uri));
    this.pushTimers.set(
      uri,
      setTimeout(async () => {
        this.pushTimers.delete(uri);
        const generation = this.documents.generation(uri);
        if (generation === undefined) return;
        let analysis: Analysis;
        try {
          analysis = await this.analyser.analyse(uri);
        } catch {
          return; // closed meanwhile
        }
        // A newer state of the document (a change, a reopen) has its own push scheduled.
        if (analysis.generation !== generation || this.documents.generation(uri) !== generation) return;
        await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: [...analysis.diagnostics, ...this.crossReport(uri, analysis)] });
      }, delay),
    );
  }
}
