// The check of each open document, cached per version and settings; one incremental parser per document.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type CheckResult } from '../engine/check';
import { isRcaDocument } from '../engine/detect';
import { IncrementalParser } from '../engine/incremental';
import type { Configuration } from './configuration';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentStore } from './documents';
import { filePath } from './uri';

export interface Analysis {
  version: number;
  settingsKey: string;
  isRca: boolean;
  result?: CheckResult;
  diagnostics: Diagnostic[];
}

/** Thrown when a result would be for a version the editor no longer has, or was not wanted any more. */
export function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
}

export class Analyser {
  private readonly analyses = new Map<string, Analysis>();
  // One incremental parser per open document: an edit re-parses only the sections it touched.
  private readonly parsers = new Map<string, IncrementalParser>();
  /** The folders the editor has open: files in them are matched against the include globs. */
  workspaceRoots: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly configuration: Configuration,
  ) {
    documents.onDidClose((document) => {
      this.analyses.delete(document.uri);
      this.parsers.delete(document.uri);
    });
  }

  /** Settings changed: every document is checked again when next asked for. */
  clear(): void {
    this.analyses.clear();
  }

  async analyse(document: TextDocument, token?: CancellationToken): Promise<Analysis> {
    const settings = await this.configuration.settingsFor(document.uri);
    const settingsKey = JSON.stringify(settings);
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached;
    // Settings were awaited: the request may have been cancelled, or the text changed, meanwhile.
    if (token?.isCancellationRequested) throw cancelled();
    // Never check text the editor has replaced: check its newest version (the caller compares versions).
    const latest = this.documents.get(document.uri);
    if (latest && latest.version !== document.version) return this.analyse(latest, token);
    const text = document.getText();
    let parser = this.parsers.get(document.uri);
    if (!parser && latest) this.parsers.set(document.uri, (parser = new IncrementalParser()));
    let analysis: Analysis;
    try {
      let isRca: boolean | undefined;
      const detect = (root: CheckResult['doc']['root'], titleWords: string[] | undefined) =>
        isRcaDocument({ path: filePath(document.uri), roots: this.workspaceRoots, text, include: settings.include, root, titleWords });
      // Only RCAs are checked: detection runs on the parsed tree, before the rules.
      const result = checkText(text, settings, {
        parse: parser ? (t) => parser.parse(t) : undefined,
        shouldCheck: (doc) => (isRca = detect(doc.root, doc.profile.titleWords)),
      });
      isRca ??= detect(result.doc.root, result.doc.profile.titleWords);
      analysis = {
        version: document.version,
        settingsKey,
        isRca,
        result: isRca ? result : undefined,
        diagnostics: isRca ? result.diagnostics.map((d) => toLspDiagnostic(d, document.uri, document.version)) : [],
      };
    } catch (error) {
      // A bug in a rule must never take the server down or leave stale problems on screen.
      this.connection.console.error(`RCA Writer could not check ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      // The incremental parser's state is not trusted after a failure.
      this.parsers.delete(document.uri);
      analysis = { version: document.version, settingsKey, isRca: false, diagnostics: [] };
    }
    this.analyses.set(document.uri, analysis);
    return analysis;
  }
}
