// Each document's settings: the editor's (workspace/configuration, else the initialization options),
// overridden by the nearest .rca-writer.json. Problems with them are shown once, never fatal.
import type { Connection } from 'vscode-languageserver';
import { resolveProfile, UnknownProfileError } from '../engine/check';
import { resolveSettings, type RcaSettings } from '../engine/settings';
import type { ServerHost } from './host';
import { CONFIGURATION_SECTION } from './protocol';

export class Configuration {
  private readonly cache = new Map<string, Promise<RcaSettings>>();
  private warned = new Set<string>();
  /** Whether the editor answers workspace/configuration; set at initialize. */
  canAsk = false;
  /** The settings the client passed at initialize, used when the editor has none to give. */
  initialSettings: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
  ) {}

  settingsFor(uri: string, quiet = false): Promise<RcaSettings> {
    let cached = this.cache.get(uri);
    if (!cached) {
      const editor: Promise<unknown> = this.canAsk
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION }).then(
            (value: unknown) => value ?? this.initialSettings,
            () => this.initialSettings,
          )
        : Promise.resolve(this.initialSettings);
      cached = editor.then((value) => this.withConfigFile(uri, (value ?? {}) as Partial<RcaSettings>, quiet));
      this.cache.set(uri, cached);
    }
    return cached;
  }

  /**
   * What the editor's settings are now for the window and these workspace folders, as a comparable string;
   * undefined when the editor does not answer, so that the caller treats the settings as changed.
   */
  async editorSettingsKey(folderUris: string[]): Promise<string | undefined> {
    if (!this.canAsk) return JSON.stringify(this.initialSettings ?? null);
    const items = [undefined, ...folderUris].map((scopeUri) => ({ scopeUri, section: CONFIGURATION_SECTION }));
    try {
      return JSON.stringify(await this.connection.workspace.getConfiguration(items));
    } catch {
      return undefined;
    }
  }

  /** The document was closed: its settings are asked for again if it is reopened. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Settings or a config file changed: everything is asked for again, and problems are shown again. */
  reset(): void {
    this.cache.clear();
    this.warned = new Set();
  }

  /** Editor settings, overridden by the nearest .rca-writer.json; a broken file is reported, not fatal. */
  /** `quiet`: the settings of a file indexed in the background, which the log does not list one by one. */
  private async withConfigFile(uri: string, editor: Partial<RcaSettings>, quiet: boolean): Promise<RcaSettings> {
    let merged = editor;
    let source = 'the editor settings';
    try {
      const found = await this.host.withConfigFile(uri, editor);
      merged = found.settings;
      if (found.configPath) source = `the editor settings and ${found.configPath}`;
    } catch (error) {
      this.warnOnce(error instanceof Error ? error.message : String(error));
    }
    const settings = resolveSettings(merged, (message) => this.warnOnce(message));
    if (!quiet) this.connection.console.info(`${uri}: profile "${settings.profile}", from ${source}.`);
    try {
      resolveProfile(settings);
    } catch (error) {
      const detail = error instanceof UnknownProfileError ? `unknown profile "${settings.profile}"` : (error as Error).message;
      this.warnOnce(`${detail}; checking with the default profile`);
    }
    return settings;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(message);
    this.connection.window.showWarningMessage(`RCA Writer: ${message}`);
  }
}
