// One editor session: what the server offers at initialize, and the parts of the server wired to the connection.
// The checks live in the engine (check.ts and rules/), which knows nothing of LSP. The Node process (server.ts)
// and the web worker (web-server.ts) both start this, each with its host (host.ts).
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeConfigurationParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { Analyser } from './analysis';
import { CODE_ACTION_KINDS, registerCodeActions } from './code-actions';
import { Configuration } from './configuration';
import { DiagnosticsFeed } from './diagnostics';
import { DocumentStore } from './documents';
import { COMPLETION_TRIGGERS, registerEditorFeatures, type FeatureContext } from './features';
import { registerRenderInput } from './render-input';
import type { ServerHost } from './host';
import {
  CONFIGURATION_SECTION,
  DOCUMENT_STATUS_REQUEST,
  IS_RCA_REQUEST,
  SERVER_NAME,
  type DocumentStatus,
  type DocumentStatusParams,
  type IsRcaParams,
} from './protocol';
import { CONFIG_FILE_NAMES } from '../engine/config-text';
import { VERSION } from '../engine/version';
import { registerReports } from './reports-request';
import { WorkspaceDiagnostics } from './workspace-diagnostics';
import { WorkspaceIndex } from './workspace-index';

/** Files the workspace index watches: the reports it compares. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new DocumentStore();
  const configuration = new Configuration(connection, host);
  const analyser = new Analyser(connection, documents, configuration, host);
  const diagnostics = new DiagnosticsFeed(connection, documents, analyser);
  documents.onDidClose((document) => configuration.forget(document.uri));
  // The cross-report rules (RCA4xx) compare each open report with the workspace's others.
  const workspace = new WorkspaceIndex(connection, documents, configuration, host);
  analyser.onDidCheck = (uri, result) => workspace.update(uri, result);
  diagnostics.crossReport = (uri, analysis) => (analysis.isRca ? workspace.diagnostics(uri, analysis.settings, analysis.version) : []);
  const workspaceDiagnostics = new WorkspaceDiagnostics(connection, documents, configuration, workspace, host);
  // The Explorer's "RCAs" view: the indexed reports, each with the findings the editor shows for it.
  const reports = registerReports(connection, {
    reports: () => workspace.index.all(),
    findings: async (uri) => {
      if (!documents.get(uri)) return workspaceDiagnostics.findings(uri);
      const analysis = await analyser.analyse(uri).catch(() => undefined);
      return analysis && [...analysis.diagnostics, ...diagnostics.crossReport(uri, analysis)];
    },
  });
  workspace.onDidChange = (except) => {
    diagnostics.refreshAll(except);
    workspaceDiagnostics.changed();
    reports.changed();
  };
  let watchFiles = false;
  let canDisableActions = false;
  let registerConfiguration = false;
  let folderUris: string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    diagnostics.canPull = Boolean(capabilities.textDocument?.diagnostic);
    workspaceDiagnostics.canPull = diagnostics.canPull;
    diagnostics.canRefresh = Boolean(capabilities.workspace?.diagnostics?.refreshSupport);
    canDisableActions = Boolean(capabilities.textDocument?.codeAction?.disabledSupport);
    configuration.canAsk = Boolean(capabilities.workspace?.configuration);
    // Registering with a client that cannot take it only earns a warning there (eglot shows one).
    registerConfiguration = configuration.canAsk && Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    configuration.initialSettings = options?.settings;
    folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const roots = (params.workspaceFolders ?? []).map((folder) => host.documentPath(folder.uri)).filter((path): path is string => Boolean(path));
    if (!roots.length && params.rootUri) {
      const root = host.documentPath(params.rootUri);
      if (root) roots.push(root);
    }
    analyser.workspaceRoots = roots;
    workspace.roots = roots;
    watchFiles = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        ...(diagnostics.canPull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: SERVER_NAME },
    };
  });

  connection.onInitialized(() => {
    // The Output channel's first lines: enough to tell, from a user's paste, which server ran where and how.
    const folders = analyser.workspaceRoots.length ? analyser.workspaceRoots.join(', ') : 'none';
    const pull = diagnostics.canPull ? 'pulled by the editor' : 'pushed by the server';
    connection.console.info(`${SERVER_NAME} ${VERSION} started: ${host.runtime}; workspace folders: ${folders}; diagnostics ${pull}.`);
    void readEditorSettings();
    if (registerConfiguration) {
      // Dynamic registration is what makes VS Code send configuration changes.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION }).catch(() => undefined);
    }
    if (watchFiles) {
      // Config files change the settings of open and indexed reports alike, in any editor; the reports on disk change
      // under the index (a pull, another editor). The client tells of both.
      const watchers = CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` }));
      if (host.files) watchers.push({ globPattern: '**/*.md' }, { globPattern: '**/*.markdown' });
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    indexWorkspace();
  });

  /**
   * Run again when the settings change: the reports indexed from disk were read under the old settings (which files
   * are RCAs, their profile), and the cross-report findings must compare what the new settings make of them.
   */
  function indexWorkspace(): void {
    void workspace.build().catch((error: unknown) => connection.console.error(`RCA Writer: the workspace index stopped: ${String(error)}`));
  }
  /**
   * The editor settings last read, to tell a real change from a notification that changes nothing: VS Code sends one
   * right after the registration, and each would otherwise index the whole workspace again. Reads are chained so that
   * each change is compared with the one before it. The window's and each workspace folder's settings are read: a
   * document's are its folder's (or the window's), as VS Code gives them by resource.
   */
  let editorSettings: Promise<string | undefined> = Promise.resolve(undefined);
  function readEditorSettings(): Promise<string | undefined> {
    const read = editorSettings.then(() => configuration.editorSettingsKey(folderUris));
    editorSettings = read;
    return read;
  }
  async function editorSettingsChanged(params: DidChangeConfigurationParams): Promise<void> {
    // An editor that cannot be asked sends the settings with the notification.
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[CONFIGURATION_SECTION];
    if (!configuration.canAsk && pushed !== undefined) configuration.initialSettings = pushed;
    // The open documents' settings are dropped at once, so that a request right after the notification gets the new
    // ones; the reports not open wait for the answer.
    openDocumentsSettingsChanged();
    const before = editorSettings;
    const changed = readEditorSettings().then(async (after) => {
      const previous = await before;
      return previous === undefined || after === undefined || previous !== after;
    });
    workspaceDiagnostics.settingsMayHaveChanged(changed);
    if (!(await changed)) return;
    reports.changed();
    indexWorkspace();
  }
  function settingsChanged(): void {
    openDocumentsSettingsChanged();
    workspaceDiagnostics.settingsChanged();
    reports.changed();
    indexWorkspace();
  }
  function openDocumentsSettingsChanged(): void {
    configuration.reset();
    analyser.clear();
    diagnostics.refreshAll();
  }
  connection.onDidChangeConfiguration((params) => void editorSettingsChanged(params));
  // A config file (.rca-writer.json, .yaml) changed, appeared or went: any report's settings may have changed.
  // Markdown files are the workspace index's.
  connection.onDidChangeWatchedFiles((params) => {
    const reports = params.changes.filter((change) => MARKDOWN_FILE.test(change.uri));
    if (reports.length < params.changes.length) settingsChanged();
    if (reports.length) void workspace.filesChanged(reports);
  });

  connection.onRequest(IS_RCA_REQUEST, async (params: IsRcaParams) => {
    try {
      return (await analyser.analyse(params.uri)).isRca;
    } catch {
      return false; // not open, or closed meanwhile
    }
  });
  connection.onRequest(DOCUMENT_STATUS_REQUEST, async (params: DocumentStatusParams): Promise<DocumentStatus> => {
    try {
      const analysis = await analyser.analyse(params.uri);
      return { isRca: analysis.isRca, profile: analysis.result?.doc.profile.name ?? analysis.settings.profile, auto: analysis.result?.autoProfile ?? false };
    } catch {
      return null; // not open, or closed meanwhile
    }
  });
  registerCodeActions(connection, documents, analyser, () => canDisableActions);
  const context: FeatureContext = {
    analyse: (uri) => analyser.analyse(uri).catch(() => undefined),
    settingsFor: (uri) => configuration.settingsFor(uri),
    printHtml: host.printHtml,
  };
  registerEditorFeatures(connection, context);
  registerRenderInput(connection, context);
  host.registerFeatures?.(connection, context);

  // Protocol faults are logged and the session goes on: requests nobody handles are answered MethodNotFound,
  // unknown notifications and changes to documents that were never opened are dropped.
  connection.onRequest((method) => {
    connection.console.warn(`RCA Writer: no such request "${method}"; answered with MethodNotFound.`);
    return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
  connection.onNotification((method) => {
    // "$/" notifications are optional by the protocol's rules: a server may ignore them silently.
    if (!method.startsWith('$/')) connection.console.warn(`RCA Writer: ignored the unknown notification "${method}".`);
  });
  documents.listen(connection);
  connection.listen();
}
