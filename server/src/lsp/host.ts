// What the language server needs from where it runs. The Node process (server.ts) reads config files and
// renders with Node's fs; a web worker (web-server.ts) has no files of its own and gets them through its client.
import type { Connection } from 'vscode-languageserver';
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
  /** Handlers only this host can serve (the Node server's render), registered before the connection listens. */
  registerFeatures?(connection: Connection, context: FeatureContext): void;
}
