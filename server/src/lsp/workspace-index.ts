// The folder index of the workspace, for the cross-report rules (RCA4xx): built in the background at start-up from
// the workspace folders' reports (with progress), kept current from the open documents' checks and from watched
// file changes, and asked for one document's cross-report findings when its diagnostics are given.
import type { Connection, Diagnostic, FileEvent } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import { reportMarks, type CheckResult } from '../engine/check';
import type { RcaDiagnostic } from '../engine/types';
import { checkInSlices } from '../engine/sliced-check';
import { isRcaDocument } from '../engine/detect';
import { checkFolderEntry } from '../engine/folder/check-folder';
import { indexEntry, type ReportEntry } from '../engine/folder/entry';
import { FolderIndex } from '../engine/folder/folder-index';
import type { RcaSettings } from '../engine/settings';
import type { FileJob } from '../cli/check-worker';
import type { Configuration } from './configuration';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentStore } from './documents';
import type { ServerHost, WorkspaceFiles } from './host';

/** Settings with their JSON, which tells whether a report's findings were made under the settings asked for. */
interface KeyedSettings {
  settings: RcaSettings;
  key: string;
}

/** Changes to the index are told to the editor once they have settled this long (a burst of watched files). */
const REFRESH_DELAY_MS = 100;

export class WorkspaceIndex {
  readonly index = new FolderIndex();
  /** The workspace folders' paths, as the include globs match them. */
  roots: string[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Told when the index changed, so that the other open documents' diagnostics are given again. */
  onDidChange: (except?: string) => void = () => {};
  /** The document whose edit changed the index last: its own diagnostics are on their way already. */
  private changedBy: string | undefined;
  /** Each file's read from disk: a new number whenever it is read again or dropped, so what was made of it is known stale. */
  private readonly stamps = new Map<string, number>();
  private lastStamp = 0;
  /** The findings of each report's indexing, until workspace diagnostics take them (findingsOnDisk). */
  private readonly checkedOnDisk = new Map<string, { stamp: number; settingsKey: string; findings: RcaDiagnostic[] }>();
  /** A new number at each change of the index: the cross-report findings made before it may be stale. */
  generation = 0;
  /** A new number at each build: a build that a newer one (settings changed again) overtook stops. */
  private builds = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly configuration: Configuration,
    private readonly host: ServerHost,
  ) {
    // A closed document is indexed again as it stands on disk: its unsaved edits are gone.
    documents.onDidClose((document) => void this.indexFile(document.uri).then((changed) => changed && this.changed()));
  }

  /**
   * The open document was checked: its entry is that of its current text (none when it is no RCA). The other
   * documents are told only when what they are compared with changed, not at each keystroke.
   */
  update(uri: string, result: CheckResult | undefined): void {
    // The folder is the workspace's: a document outside its folders (untitled, another folder) is compared with nothing.
    if (this.workspaceName(uri) === undefined) return;
    const before = this.index.get(uri);
    const after = result ? indexEntry(result.doc, uri, this.nameOf(uri)) : undefined;
    if (after) this.index.set(after);
    else this.index.remove(uri);
    if (signature(before) !== signature(after)) this.changed(uri);
  }

  /** The reports indexed, open or not. */
  uris(): string[] {
    return [...this.index.all()].map((entry) => entry.key);
  }

  /** Which read of the file from disk the index holds; undefined when it holds none. */
  stamp(uri: string): number | undefined {
    return this.stamps.get(uri);
  }

  /** The cross-report findings of a document, as diagnostics of its version. */
  diagnostics(uri: string, settings: RcaSettings, version: number): Diagnostic[] {
    return checkFolderEntry(this.index, uri, settings).map((finding) => toLspDiagnostic(finding, uri, version, this.host.docsUri));
  }

  /**
   * Indexes the workspace folders' reports in the background, with progress in the editor (window/workDoneProgress)
   * when it shows progress: in a worker thread where the host has one and the folders hold enough files to repay its
   * start, else one file at a time between the editor's requests. Run at start-up and again when the settings change: every file not open is read again, and a report
   * the walk no longer finds is dropped.
   */
  async build(): Promise<void> {
    const files = this.host.files;
    if (!files || !this.roots.length) return;
    const build = ++this.builds;
    const paths = this.roots.flatMap((root) => files.markdownFiles(root));
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('RCA Writer: indexing reports', 0, `${paths.length} Markdown files`, false);
    const report = (done: number) => progress?.report(Math.round((done * 100) / paths.length), `${done} of ${paths.length} files`);
    try {
      const uris = paths.map((path) => files.fileUri(path));
      const stopped = () => build !== this.builds;
      let inWorker = false;
      if (files.checkInWorker && paths.length >= (files.workerMinFiles ?? 0)) {
        inWorker = await this.indexInWorker(uris, files.checkInWorker, report, stopped).catch((error: unknown) => {
          if (!stopped()) this.connection.console.warn(`RCA Writer: indexing in a worker thread failed, indexing here instead: ${String(error)}`);
          return false;
        });
      }
      if (!inWorker) {
        for (const [done, uri] of uris.entries()) {
          if (stopped()) return;
          if (!this.documents.get(uri)) await this.indexFile(uri);
          if (done % 20 === 0) report(done);
          // Let the editor's requests in between files.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      if (stopped()) return;
      const walked = new Set(uris);
      for (const uri of this.uris()) {
        if (walked.has(uri) || this.documents.get(uri)) continue;
        this.drop(uri);
      }
      const reports = uris.filter((uri) => this.index.get(uri)).length;
      const where = inWorker ? ', in a worker thread' : '';
      this.connection.console.info(`RCA Writer: indexed ${reports} reports of ${paths.length} Markdown files for the cross-report rules${where}.`);
      this.changed();
    } finally {
      progress?.done();
    }
  }

  /**
   * Checks and indexes the files that are not open in a worker thread, whose heap (the trees and garbage of a
   * thousand checks) goes when it exits: this thread keeps the entries and findings alone. A file read again or
   * opened while the worker ran keeps what that gave. Whether the files were indexed (false: the build was overtaken).
   */
  private async indexInWorker(
    uris: string[],
    checkInWorker: NonNullable<WorkspaceFiles['checkInWorker']>,
    onDone: (done: number) => void,
    shouldStop: () => boolean,
  ): Promise<boolean> {
    const jobs: FileJob[] = [];
    const sent: { uri: string; stamp: number; settings: KeyedSettings }[] = [];
    // Reports under the same settings share one copy of them, here and in the worker's messages.
    const shared = new Map<string, KeyedSettings>();
    for (const uri of uris) {
      if (shouldStop()) return false;
      if (this.documents.get(uri) || this.workspaceName(uri) === undefined) continue;
      const stamp = ++this.lastStamp;
      this.stamps.set(uri, stamp);
      const path = this.host.documentPath(uri);
      if (!path) {
        this.drop(uri);
        continue;
      }
      const own = await this.settingsOnDisk(uri);
      const key = JSON.stringify(own);
      const settings = shared.get(key) ?? { settings: own, key };
      shared.set(key, settings);
      jobs.push({ path, settings: settings.settings, detect: { path, roots: this.roots }, index: { key: uri, name: this.nameOf(uri) } });
      sent.push({ uri, stamp, settings });
    }
    const results = await checkInWorker(jobs, { onDone, shouldStop });
    if (!results) return false;
    for (const [i, { uri, stamp, settings }] of sent.entries()) {
      if (this.stamps.get(uri) !== stamp || this.documents.get(uri)) continue;
      this.indexed(uri, stamp, settings, results[i]?.entry, results[i]?.diagnostics);
    }
    return true;
  }

  /** Watched Markdown files changed on disk: those not open are indexed again, deleted ones dropped. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    let changed = false;
    for (const change of changes) {
      if (this.documents.get(change.uri)) continue; // the open document's text is the one that counts
      if (change.type === FileChangeType.Deleted) {
        changed = this.index.get(change.uri) !== undefined || changed;
        this.drop(change.uri);
      } else changed = (await this.indexFile(change.uri)) || changed;
    }
    if (changed) this.changed();
  }

  /** Reads, checks and indexes one file from disk; whether the index changed. */
  private async indexFile(uri: string): Promise<boolean> {
    if (this.workspaceName(uri) === undefined) return false;
    const had = this.index.get(uri) !== undefined;
    const stamp = ++this.lastStamp;
    this.stamps.set(uri, stamp);
    const checked = await this.checkOnDisk(uri);
    const entry = checked?.result ? indexEntry(checked.result.doc, uri, this.nameOf(uri)) : undefined;
    // Read again meanwhile: that read's index entry counts.
    if (this.stamps.get(uri) !== stamp) return had || entry !== undefined;
    const settings = checked && { settings: checked.settings, key: JSON.stringify(checked.settings) };
    this.indexed(uri, stamp, settings, entry, checked?.result?.diagnostics);
    return had || entry !== undefined;
  }

  /** A file read from disk was checked: its entry (none when it is no RCA or cannot be read) and its own findings. */
  private indexed(
    uri: string,
    stamp: number,
    settings: KeyedSettings | undefined,
    entry: ReportEntry | undefined,
    findings: RcaDiagnostic[] | undefined,
  ): void {
    if (!entry || !settings || !findings) return this.drop(uri);
    this.index.set(entry);
    if (settings.settings.workspaceDiagnostics) this.checkedOnDisk.set(uri, { stamp, settingsKey: settings.key, findings });
  }

  /**
   * A report's own findings as it stands on disk under these settings; undefined when it is no RCA or cannot be read.
   * Its indexing's check is used once when the file was not read again since, under the same settings: a folder's
   * reports are otherwise all checked twice at start-up, for the index and then for the Problems panel.
   */
  async findingsOnDisk(uri: string, settings: RcaSettings): Promise<RcaDiagnostic[] | undefined> {
    const kept = this.checkedOnDisk.get(uri);
    this.checkedOnDisk.delete(uri);
    if (kept && kept.stamp === this.stamps.get(uri) && kept.settingsKey === JSON.stringify(settings)) return kept.findings;
    return (await this.checkOnDisk(uri, settings))?.result?.diagnostics;
  }

  private drop(uri: string): void {
    this.index.remove(uri);
    this.stamps.delete(uri);
    this.checkedOnDisk.delete(uri);
  }

  /**
   * A file of the workspace checked as it stands on disk, under its settings: its check when it is an RCA, none when
   * it is not, undefined when it cannot be read.
   */
  async checkOnDisk(uri: string, given?: RcaSettings): Promise<{ settings: RcaSettings; result?: CheckResult } | undefined> {
    const file = await this.readOnDisk(uri, given);
    if (!file) return undefined;
    const { path, text, settings } = file;
    const marks = reportMarks(settings);
    const include = settings.include;
    const exclude = settings.exclude;
    const detect = (root?: CheckResult['doc']['root']) => isRcaDocument({ path, roots: this.roots, text, include, exclude, root, ...marks });
    let isRca: boolean | undefined;
    try {
      // In slices, as an open document's: a pathological file in the folder must not hold up the editor's requests.
      const { result } = await checkInSlices(text, settings, { shouldCheck: (doc) => (isRca = detect(doc.root)) });
      isRca ??= detect();
      return { settings, result: isRca ? result : undefined };
    } catch {
      return { settings }; // a file the engine cannot read is left out of the index, never a fault of the server
    }
  }

  /** A file of the workspace as it stands on disk, with its settings (these, when given); undefined when it cannot be read. */
  private async readOnDisk(uri: string, settings?: RcaSettings): Promise<{ path: string; text: string; settings: RcaSettings } | undefined> {
    const path = this.host.documentPath(uri);
    const files = this.host.files;
    const text = path && files ? files.readText(path) : undefined;
    if (text === undefined || !path) return undefined;
    return { path, text, settings: settings ?? (await this.settingsOnDisk(uri)) };
  }

  private async settingsOnDisk(uri: string): Promise<RcaSettings> {
    const open = this.documents.get(uri) !== undefined;
    const settings = await this.configuration.settingsFor(uri, !open);
    // Settings of a file that is not open are not kept: a large workspace would hold them all.
    if (!open) this.configuration.forget(uri);
    return settings;
  }

  /** How messages name a report: its path in the workspace folder, else its URI. */
  private nameOf(uri: string): string {
    return this.workspaceName(uri) ?? uri;
  }

  /** The document's path in its workspace folder; undefined when it lies in none. */
  private workspaceName(uri: string): string | undefined {
    const path = this.host.documentPath(uri)?.split('\\').join('/');
    if (!path) return undefined;
    for (const root of this.roots) {
      const folder = root.split('\\').join('/').replace(/\/$/, '');
      if (path.startsWith(`${folder}/`)) return path.slice(folder.length + 1);
    }
    return undefined;
  }

  private changed(by?: string): void {
    this.generation++;
    // Changes from two sources within the delay: nobody's diagnostics are on their way for both.
    this.changedBy = this.refreshTimer === undefined ? by : by === this.changedBy ? by : undefined;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const except = this.changedBy;
      // The reports that are not open have diagnostics too (workspace diagnostics).
      if (this.index.size || this.documents.all().some((document) => document.uri !== except)) this.onDidChange(except);
    }, REFRESH_DELAY_MS);
  }
}

/**
 * What other reports' findings depend on in an entry: its facts without their places, so that typing that moves
 * lines does not make every open report be checked again.
 */
function signature(entry: ReportEntry | undefined): string {
  if (!entry) return '';
  return JSON.stringify([
    entry.title,
    entry.incident,
    entry.windows.map((w) => [w.start, w.end]),
    entry.instances,
    entry.products,
    entry.paragraphs.map((p) => [p.role, p.fingerprint.text]),
  ]);
}
