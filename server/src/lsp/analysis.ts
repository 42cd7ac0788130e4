// The check of each open document, cached per state of the document and settings; one incremental parser per document.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reportMarks, type CheckResult } from '../engine/check';
import type { RcaSettings } from '../engine/settings';
import { isRcaDocument } from '../engine/detect';
import { IncrementalParser } from '../engine/incremental';
import { placeFindings } from '../engine/same-mistake';
import { checkInSlices, CheckStopped } from '../engine/sliced-check';
import type { RcaDiagnostic } from '../engine/types';
import type { Configuration } from './configuration';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentStore } from './documents';
import type { ServerHost } from './host';

/** One check of one state of a document. It belongs to that state (its generation), never just to a version. */
export interface Analysis {
  generation: number;
  version: number;
  /** The text that was checked: fixes and edits are made from it, never from a newer or an older text. */
  text: string;
  settings: RcaSettings;
  settingsKey: string;
  isRca: boolean;
  result?: CheckResult;
  diagnostics: Diagnostic[];
  /** The finding behind each of `diagnostics`, in the same order: the check's, and each repeated mistake's places. */
  findings: RcaDiagnostic[];
}

/** Thrown when a result would be for a version the editor no longer has, or was not wanted any more. */
export function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
}

/** A check in progress: shared by every request for the same state, and stopped once that state is gone. */
interface Running {
  generation: number;
  settingsKey: string;
  /** The analysis, or undefined when the check was stopped. */
  done: Promise<Analysis | undefined>;
  /** Why it should stop, once something said so. */
  stopReason?: string;
}

export class Analyser {
  private readonly analyses = new Map<string, Analysis>();
  private readonly running = new Map<string, Running>();
  // One incremental parser per open document: an edit re-parses only the sections it touched.
  private readonly parsers = new Map<string, IncrementalParser>();
  /** Under `auto`, the profile each open document was last checked with: kept while no other fits it better. */
  private readonly profiles = new Map<string, string>();
  /** The folders the editor has open: files in them are matched against the include globs. */
  workspaceRoots: string[] = [];
  /** Told of each new check of a document: its result when it is an RCA (the workspace index takes its entry). */
  onDidCheck: (uri: string, result: CheckResult | undefined) => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly configuration: Configuration,
    private readonly host: ServerHost,
  ) {
    // A check of a state the editor no longer has stops at its next pause: a newer version is checked instead.
    documents.onDidEdit((document) => this.stop(document.uri, `version ${document.version} replaced it`));
    documents.onDidClose((document) => {
      this.stop(document.uri, 'the document was closed');
      this.analyses.delete(document.uri);
      this.parsers.delete(document.uri);
      this.profiles.delete(document.uri);
    });
  }

  /** Settings changed: every document is checked again when next asked for. */
  clear(): void {
    for (const uri of this.running.keys()) this.stop(uri, 'the settings changed');
    this.analyses.clear();
    // The profiles themselves may have changed: each document is matched afresh.
    this.profiles.clear();
  }

  /**
   * The check of the document's current state. Settings may take a while to come: if the document changed,
   * closed or was reopened meanwhile, the newest text is checked instead; if it is closed, or the request was
   * cancelled, this throws `cancelled()`. A result is never computed for, or cached from, a state that is gone.
   */
  async analyse(uri: string, token?: CancellationToken): Promise<Analysis> {
    for (;;) {
      const generation = this.documents.generation(uri);
      const document = this.documents.get(uri);
      if (!document || generation === undefined) throw cancelled();
      const settings = await this.configuration.settingsFor(uri);
      if (this.documents.generation(uri) !== generation) continue;
      const settingsKey = JSON.stringify(settings);
      const cached = this.analyses.get(uri);
      if (cached && cached.generation === generation && cached.settingsKey === settingsKey) return cached;
      if (token?.isCancellationRequested) throw cancelled();
      let running = this.running.get(uri);
      if (!running || running.generation !== generation || running.settingsKey !== settingsKey) {
        if (running) this.stop(uri, 'the settings changed');
        running = this.start(document, generation, settings, settingsKey);
      }
      const analysis = await running.done;
      // Stopped: the document changed, closed or its settings changed meanwhile; the newest state is checked.
      if (analysis) return analysis;
    }
  }

  private stop(uri: string, reason: string): void {
    const running = this.running.get(uri);
    if (!running) return;
    running.stopReason ??= reason;
    this.running.delete(uri);
  }

  /**
   * Checks the document in slices: other requests are answered between them (checkInSlices), and a check whose
   * state is gone stops at its next pause. Only a finished check is kept and told of.
   */
  private start(document: TextDocument, generation: number, settings: RcaSettings, settingsKey: string): Running {
    const uri = document.uri;
    const running: Running = { generation, settingsKey, done: Promise.resolve(undefined) };
    running.done = this.check(document, generation, settings, settingsKey, () => running.stopReason).then((analysis) => {
      if (this.running.get(uri) === running) this.running.delete(uri);
      if (!analysis || running.stopReason !== undefined) return undefined;
      this.analyses.set(uri, analysis);
      this.onDidCheck(uri, analysis.result);
      return analysis;
    });
    this.running.set(uri, running);
    return running;
  }

  private async check(
    document: TextDocument,
    generation: number,
    settings: RcaSettings,
    settingsKey: string,
    stopReason: () => string | undefined,
  ): Promise<Analysis | undefined> {
    const { uri, version } = document;
    const text = document.getText();
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
    try {
      let isRca: boolean | undefined;
      const marks = reportMarks(settings);
      const detect = (root: CheckResult['doc']['root']) =>
        isRcaDocument({
          path: this.host.documentPath(uri),
          roots: this.workspaceRoots,
          text,
          include: settings.include,
          exclude: settings.exclude,
          root,
          ...marks,
        });
      // Only RCAs are checked: detection runs on the parsed tree, before the rules.
      const { result, stats } = await checkInSlices(
        text,
        settings,
        { parser, shouldCheck: (doc) => (isRca = detect(doc.root)), keepProfile: this.profiles.get(uri) },
        {
          stopReason,
          onFirstPause: () =>
            this.connection.tracer.log(`RCA Writer is checking ${uri} (version ${version}) in slices; other requests are answered meanwhile.`),
        },
      );
      if (stats.slices > 1) {
        this.connection.tracer.log(
          `RCA Writer checked ${uri} (version ${version}) in ${stats.slices} slices: ${Math.round(stats.runMs)} ms of work, at most ${Math.round(stats.longestSliceMs)} ms at a time.`,
        );
      }
      isRca ??= detect(result.doc.root);
      if (isRca && result.autoProfile) this.profiles.set(uri, result.doc.profile.name);
      // A repeated mistake is listed once; each of its other places is marked with a hint, which the editor draws
      // in the text but leaves out of the Problems panel.
      const findings = isRca ? [...result.diagnostics, ...result.diagnostics.flatMap(placeFindings)] : [];
      const listed = isRca ? result.diagnostics.length : 0;
      const diagnostics = findings.map((d, i) => {
        if (i < listed) return toLspDiagnostic(d, uri, version, this.host.docsUri);
        const marked = toLspDiagnostic(d, uri, version, this.host.docsUri, 'hint');
        return { ...marked, message: `${d.message} (Repeated: listed once, at line ${d.places![0].range.start.line + 1}.)` };
      });
      return { generation, version, text, settings, settingsKey, isRca, result: isRca ? result : undefined, diagnostics, findings };
    } catch (error) {
      if (error instanceof CheckStopped) {
        const after = error.lastStep ? `, the last ${error.lastStep}` : '';
        this.connection.tracer.log(`RCA Writer stopped checking ${uri} (version ${version}) after ${error.stats.steps} steps${after}: ${error.reason}.`);
        return undefined;
      }
      // A bug in a rule must never take the server down or leave stale problems on screen.
      this.connection.console.error(`RCA Writer could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // The incremental parser's state is not trusted after a failure.
      this.parsers.delete(uri);
      return { generation, version, text, settings, settingsKey, isRca: false, diagnostics: [], findings: [] };
    }
  }
}
