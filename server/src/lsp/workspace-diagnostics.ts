// Workspace diagnostics: the findings of the indexed reports that are not open, so that the Problems panel lists
// every RCA of the folder. Pulled (workspace/diagnostic) when the editor pulls diagnostics, else pushed. Each
// report is checked lazily, when first asked for, and its findings kept until its file or the settings change;
// the open documents are the document pull's (or push's), never listed here.
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { RcaSettings } from '../engine/settings';
import { cancelled } from './analysis';
import type { Configuration } from './configuration';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentStore } from './documents';
import type { ServerHost } from './host';
import type { WorkspaceIndex } from './workspace-index';

/** What is kept of one report that is not open. */
interface FileReport {
  /** The read of the file (WorkspaceIndex.stamp) and the settings generation its own findings were made from. */
  stamp: number;
  settingsGeneration: number;
  settings: RcaSettings;
  /** Its own findings (checkText's); undefined when the file is no RCA under its settings, or the setting is off. */
  own: Diagnostic[] | undefined;
  /** The index generation its cross-report findings were made from, and all its findings then. */
  indexGeneration: number;
  items: Diagnostic[];
  /** Names `items`: the same id while they stay the same, so that the editor is told "unchanged". */
  resultId: string;
}

/** The version workspace findings carry: no document of the editor's, so their fixes are never offered. */
const ON_DISK = -1;

export class WorkspaceDiagnostics {
  private readonly reports = new Map<string, FileReport>();
  /** The reports the editor was given findings for and not told since that they have none: told once they go. */
  private readonly listed = new Map<string, string>();
  /** Pushed: the result each report's last push had, so that findings that did not change are not sent again. */
  private readonly sent = new Map<string, string>();
  private settingsGeneration = 0;
  private lastResultId = 0;
  /** Whether the editor pulls (workspace/diagnostic); otherwise the findings are pushed. Set at initialize. */
  canPull = false;
  private pushing: Promise<void> | undefined;
  private pushAgain = false;
  private settingsDecided: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly configuration: Configuration,
    private readonly workspace: WorkspaceIndex,
    private readonly host: ServerHost,
  ) {
    // An opened report's own diagnostics replace these; once closed, it is read from disk again and listed anew.
    documents.onDidOpen((document) => {
      this.listed.delete(document.uri);
      this.sent.delete(document.uri);
    });
    connection.languages.diagnostics.onWorkspace(async (params, token) => {
      const previous = new Map(params.previousResultIds.map((entry) => [entry.uri, entry.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const [uri, report] of await this.current(token)) {
        if (report && previous.get(uri) === report.resultId) {
          items.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
        } else {
          items.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, resultId: report?.resultId, items: report?.items ?? [] });
        }
      }
      return { items };
    });
  }

  /** A report's findings as they are listed, its own and the cross-report ones; undefined when it is not checked (the setting is off). */
  async findings(uri: string): Promise<Diagnostic[] | undefined> {
    const report = await this.report(uri);
    return report?.own ? report.items : undefined;
  }

  /**
   * The editor's settings may have changed, which `changed` tells once they have been read again: until then nothing is
   * listed, so that the findings made under the old settings are not given out as current.
   */
  settingsMayHaveChanged(changed: Promise<boolean>): void {
    const decided = changed.then((yes) => yes && this.settingsChanged());
    this.settingsDecided = Promise.all([this.settingsDecided, decided]);
  }

  /** Settings or a config file changed: every report's findings are made again when next asked for. */
  settingsChanged(): void {
    this.settingsGeneration++;
    this.changed();
  }

  /** The index changed (a file on disk, an edit, the first build): pushed findings are brought up to date. */
  changed(): void {
    if (this.canPull) return; // the editor is told to pull again (workspace/diagnostic/refresh) by the session
    if (this.pushing) {
      this.pushAgain = true;
      return;
    }
    this.pushing = this.push().finally(() => {
      this.pushing = undefined;
      if (this.pushAgain) {
        this.pushAgain = false;
        this.changed();
      }
    });
  }

  private async push(): Promise<void> {
    for (const [uri, report] of await this.current()) {
      // Opened meanwhile: its own diagnostics are the ones shown.
      if (this.documents.get(uri)) continue;
      await this.connection.sendDiagnostics({ uri, diagnostics: report?.items ?? [] });
    }
  }

  /**
   * The reports whose findings the editor does not have yet, with what it should have now: findings for the
   * indexed reports that are not open, nothing (undefined) for those listed before that have none any more.
   */
  private async current(token?: CancellationToken): Promise<Map<string, FileReport | undefined>> {
    await this.settingsDecided;
    const result = new Map<string, FileReport | undefined>();
    const indexed = new Set(this.workspace.uris());
    for (const uri of indexed) {
      if (token?.isCancellationRequested) throw cancelled();
      if (this.documents.get(uri)) continue;
      const report = await this.report(uri);
      if (report?.items.length) {
        result.set(uri, report);
        this.listed.set(uri, report.resultId);
      } else if (this.listed.delete(uri)) result.set(uri, report);
    }
    for (const uri of this.reports.keys()) if (!indexed.has(uri)) this.reports.delete(uri);
    // Deleted, no longer an RCA, or turned off: the editor drops what it was given.
    for (const uri of [...this.listed.keys()]) {
      if (!result.has(uri) && !indexed.has(uri)) {
        this.listed.delete(uri);
        result.set(uri, undefined);
      }
    }
    if (!this.canPull) {
      for (const [uri, report] of result) if (report && this.sent.get(uri) === report.resultId) result.delete(uri);
      for (const [uri, report] of result) this.sent.set(uri, report?.resultId ?? '');
    }
    return result;
  }

  /** One report's findings, made again only for what changed since they were last made. */
  private async report(uri: string): Promise<FileReport | undefined> {
    const stamp = this.workspace.stamp(uri);
    if (stamp === undefined) return undefined;
    let report = this.reports.get(uri);
    if (!report || report.stamp !== stamp || report.settingsGeneration !== this.settingsGeneration) {
      const settingsGeneration = this.settingsGeneration;
      const settings = report?.settingsGeneration === settingsGeneration ? report.settings : await this.settingsFor(uri);
      const findings = settings.workspaceDiagnostics ? await this.workspace.findingsOnDisk(uri, settings) : undefined;
      const own = findings?.map((finding) => toLspDiagnostic(finding, uri, ON_DISK, this.host.docsUri));
      report = { stamp, settingsGeneration, settings, own, indexGeneration: -1, items: report?.items ?? [], resultId: report?.resultId ?? '' };
      this.reports.set(uri, report);
    }
    if (report.indexGeneration !== this.workspace.generation) {
      const cross = report.own ? this.workspace.diagnostics(uri, report.settings, ON_DISK) : [];
      const items = [...(report.own ?? []), ...cross];
      if (!report.resultId || JSON.stringify(items) !== JSON.stringify(report.items)) report.resultId = String(++this.lastResultId);
      report.items = items;
      report.indexGeneration = this.workspace.generation;
    }
    return report;
  }

  private async settingsFor(uri: string): Promise<RcaSettings> {
    const settings = await this.configuration.settingsFor(uri, true);
    // Settings of a file that is not open are not kept by the configuration: a large workspace would hold them all.
    if (!this.documents.get(uri)) this.configuration.forget(uri);
    return settings;
  }
}
