// What the language server needs from where it runs. The Node process (server.ts) reads config files and
// renders with Node's fs; a web worker (web-server.ts) has no files of its own and gets them through its client.
import type { Connection } from 'vscode-languageserver';
import type { FileJob, JobResult, WorkerOptions } from '../cli/check-worker';
import type { PrintedHtml } from '../engine/html-text';
import type { RcaSettings } from '../engine/settings';
import type { FeatureContext } from './features';

export interface ServerHost {
  /** Where this server runs, for the log's first line ("Node v20.19.0, process 4242"). */
  readonly runtime: string;
  /** The path the include and exclude globs match for a document or workspace folder; undefined when it has none. */
  documentPath(uri: string): string | undefined;
  /** The editor settings merged with the config file that applies to the document, and that file's name if any. */
  withConfigFile(uri: string, editor: Partial<RcaSettings>): Promise<{ settings: Partial<RcaSettings>; configPath?: string }>;
  /** The address of a rule's page (docs/rules/RCAnnn.md), for a diagnostic's link. */
  docsUri(code: string): string;
  /**
   * The workspace's files, for the folder index of the cross-report rules (workspace-index.ts): absent where the
   * server has no files of its own (the web worker), and then only the open documents are compared.
   */
  files?: WorkspaceFiles;
  /** Prints a page saved as HTML to text, for Convert Published Page: absent in the web worker, whose bundle has no HTML parser. */
  printHtml?(html: string): PrintedHtml;
  /** Handlers only this host can serve (the Node server's render), registered before the connection listens. */
  registerFeatures?(connection: Connection, context: FeatureContext): void;
}

export interface WorkspaceFiles {
  /** The Markdown files under a workspace folder's path. */
  markdownFiles(root: string): string[];
  /** A file's text, or undefined when it cannot be read as text. */
  readText(path: string): string | undefined;
  /** The URI the editor names a file by. */
  fileUri(path: string): string;
  /**
   * Checks the files' jobs in a worker thread, results in input order (undefined when `shouldStop` stopped it): where
   * threads exist (not in a web worker). The index's build parses every report of the folder, and that garbage
   * would grow this thread's heap for good.
   */
  checkInWorker?(jobs: FileJob[], options: Omit<WorkerOptions, 'inThisThread'>): Promise<JobResult[] | undefined>;
  /**
   * Fewer files than this are indexed on the server's thread even where checkInWorker exists: a worker's start
   * costs more.
   */
  workerMinFiles?: number;
}
