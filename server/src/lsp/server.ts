// LSP wiring only: the checks live in the engine (check.ts and rules/), which knows nothing of LSP.
import { join } from 'node:path';
import { format } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, resolveProfile, UnknownProfileError, type CheckResult } from '../engine/check';
import { settingsForFile } from '../engine/config';
import { isRcaDocument } from '../engine/detect';
import { fixAll } from '../engine/fix-all';
import { IncrementalParser } from '../engine/incremental';
import { COMPLETION_TRIGGERS, registerEditorFeatures } from './features';
import { CONFIGURATION_SECTION, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, IS_RCA_REQUEST, SERVER_NAME, type DiagnosticData, type IsRcaParams } from './protocol';
import { resolveSettings, type RcaSettings } from '../engine/settings';
import { minimalEdit } from '../engine/text';
/** For scripts/build.mjs: compiles the engine before the bundle's code cache is written. */
export { warmUp } from '../engine/warm-up';
import type { RcaDiagnostic, Severity, TextEdit } from '../engine/types';

const PUSH_DELAY_MS = 200;
/** A pull for a document changed less than this long ago waits until it has been quiet this long. */
const PULL_QUIET_MS = 50;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface Analysis {
  version: number;
  settingsKey: string;
  isRca: boolean;
  result?: CheckResult;
  diagnostics: Diagnostic[];
}

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

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const settingsCache = new Map<string, Promise<RcaSettings>>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  const fixAllCache = new Map<string, { version: number; settingsKey: string; edit: TextEdit | undefined }>();
  // One incremental parser per open document: an edit re-parses only the sections it touched.
  const parsers = new Map<string, IncrementalParser>();
  const lastChange = new Map<string, number>();
  let workspaceRoots: string[] = [];
  let canPull = false;
  let canConfigure = false;
  let canRefresh = false;
  let initialSettings: unknown = undefined;
  let warned = new Set<string>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    canPull = Boolean(capabilities.textDocument?.diagnostic);
    canConfigure = Boolean(capabilities.workspace?.configuration);
    canRefresh = Boolean(capabilities.workspace?.diagnostics?.refreshSupport);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    initialSettings = options?.settings;
    workspaceRoots = (params.workspaceFolders ?? [])
      .map((folder) => filePath(folder.uri))
      .filter((path): path is string => Boolean(path));
    if (!workspaceRoots.length && params.rootUri) {
      const root = filePath(params.rootUri);
      if (root) workspaceRoots.push(root);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        ...(canPull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: SERVER_NAME },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) {
      // Dynamic registration is what makes VS Code send configuration changes.
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION })
        .catch(() => undefined);
    }
  });

  function settingsFor(uri: string): Promise<RcaSettings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      const editor: Promise<unknown> = canConfigure
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION }).then(
            (value: unknown) => value ?? initialSettings,
            () => initialSettings,
          )
        : Promise.resolve(initialSettings);
      cached = editor.then((value) => withConfigFile(uri, (value ?? {}) as Partial<RcaSettings>));
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** Editor settings, overridden by the nearest .rca-writer.json; a broken file is reported, not fatal. */
  function withConfigFile(uri: string, editor: Partial<RcaSettings>): RcaSettings {
    const path = filePath(uri);
    let merged = editor;
    if (path) {
      try {
        merged = settingsForFile(path, editor).settings;
      } catch (error) {
        warnOnce(error instanceof Error ? error.message : String(error));
      }
    }
    const settings = resolveSettings(merged);
    try {
      resolveProfile(settings);
    } catch (error) {
      const detail = error instanceof UnknownProfileError ? `unknown profile "${settings.profile}"` : (error as Error).message;
      warnOnce(`${detail}; checking with the default profile`);
    }
    return settings;
  }

  function warnOnce(message: string): void {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
    connection.window.showWarningMessage(`RCA Writer: ${message}`);
  }

  /** Thrown when a result would be for a version the editor no longer has, or was not wanted any more. */
  function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
    return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
  }

  async function analyse(document: TextDocument, token?: CancellationToken): Promise<Analysis> {
    const settings = await settingsFor(document.uri);
    const settingsKey = JSON.stringify(settings);
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached;
    // Settings were awaited: the request may have been cancelled, or the text changed, meanwhile.
    if (token?.isCancellationRequested) throw cancelled();
    // Never check text the editor has replaced: check its newest version (the caller compares versions).
    const latest = documents.get(document.uri);
    if (latest && latest.version !== document.version) return analyse(latest, token);
    const text = document.getText();
    let parser = parsers.get(document.uri);
    if (!parser && latest) parsers.set(document.uri, (parser = new IncrementalParser()));
    let analysis: Analysis;
    try {
      let isRca: boolean | undefined;
      const detect = (root: CheckResult['doc']['root'], titleWords: string[] | undefined) =>
        isRcaDocument({ path: filePath(document.uri), roots: workspaceRoots, text, include: settings.include, root, titleWords });
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
      connection.console.error(`RCA Writer could not check ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      // The incremental parser's state is not trusted after a failure.
      parsers.delete(document.uri);
      analysis = { version: document.version, settingsKey, isRca: false, diagnostics: [] };
    }
    analyses.set(document.uri, analysis);
    return analysis;
  }

  function schedulePush(document: TextDocument, delay = PUSH_DELAY_MS): void {
    if (canPull) return;
    clearTimeout(pushTimers.get(document.uri));
    pushTimers.set(
      document.uri,
      setTimeout(async () => {
        pushTimers.delete(document.uri);
        const current = documents.get(document.uri);
        if (!current) return;
        let analysis: Analysis;
        try {
          analysis = await analyse(current);
        } catch {
          return; // a newer version has its own push scheduled
        }
        if (documents.get(document.uri)?.version !== analysis.version) return;
        await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: analysis.diagnostics });
      }, delay),
    );
  }

  // TextDocuments fires onDidChangeContent right after onDidOpen, with the same event: an open is not typing, so
  // it must neither push the first check back by PUSH_DELAY_MS nor make the first pull wait PULL_QUIET_MS.
  let openEvent: unknown;
  documents.onDidOpen((event) => {
    openEvent = event;
    schedulePush(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    if (event === openEvent) {
      openEvent = undefined;
      return;
    }
    lastChange.set(event.document.uri, Date.now());
    schedulePush(event.document);
  });
  documents.onDidClose((event) => {
    clearTimeout(pushTimers.get(event.document.uri));
    pushTimers.delete(event.document.uri);
    analyses.delete(event.document.uri);
    parsers.delete(event.document.uri);
    lastChange.delete(event.document.uri);
    fixAllCache.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!canPull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // The version this pull was asked for. Not `document.version` later: incremental sync updates the
    // TextDocument object in place, so that would always be the newest version.
    const asked = document.version;
    // Debounce while typing: wait until the document has been quiet for a moment, then check the newest text.
    const quiet = (lastChange.get(document.uri) ?? 0) + PULL_QUIET_MS - Date.now();
    if (quiet > 0) await new Promise((resolve) => setTimeout(resolve, quiet));
    const current = documents.get(params.textDocument.uri);
    if (token.isCancellationRequested || !current || current.version !== asked) throw cancelled();
    const analysis = await analyse(current, token);
    if (token.isCancellationRequested || documents.get(current.uri)?.version !== analysis.version) throw cancelled();
    return { kind: DocumentDiagnosticReportKind.Full, items: analysis.diagnostics };
  });

  function settingsChanged(): void {
    settingsCache.clear();
    analyses.clear();
    warned = new Set();
    if (canPull) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedulePush(document, 0);
    }
  }

  connection.onDidChangeConfiguration(settingsChanged);
  // The client watches .rca-writer.json files; any change may affect any open document.
  connection.onDidChangeWatchedFiles(settingsChanged);

  connection.onRequest(IS_RCA_REQUEST, async (params: IsRcaParams) => {
    const document = documents.get(params.uri);
    return document ? (await analyse(document)).isRca : false;
  });

  connection.onCodeAction(async (params: CodeActionParams, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await analyse(document);
    if (token.isCancellationRequested || !analysis.result) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        // Fixes are taken from the current analysis, so an out-of-date diagnostic never applies stale edits.
        const current = analysis.diagnostics.find(
          (candidate) =>
            candidate.code === diagnostic.code &&
            candidate.message === diagnostic.message &&
            candidate.range.start.line === diagnostic.range.start.line &&
            candidate.range.start.character === diagnostic.range.start.character,
        );
        const data = current?.data as DiagnosticData | undefined;
        for (const fix of data?.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [current!],
            isPreferred: fix.isPreferred,
            edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits }] },
          });
        }
      }
    }
    // Fix-all re-checks the text several times: compute it when asked for, or beside a problem that has a
    // real fix (not only "Ignore"), and once per document version.
    const besideFixable = actions.some((action) => action.isPreferred);
    if (wants(FIX_ALL_KIND) && (only || besideFixable)) {
      let cached = fixAllCache.get(document.uri);
      if (!cached || cached.version !== document.version || cached.settingsKey !== analysis.settingsKey) {
        const text = document.getText();
        cached = { version: document.version, settingsKey: analysis.settingsKey, edit: minimalEdit(text, fixAll(text, await settingsFor(document.uri))) };
        fixAllCache.set(document.uri, cached);
      }
      const edit = cached.edit;
      if (edit) {
        actions.push({
          title: 'Fix all RCA Writer problems',
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }] },
        });
      }
    }
    return actions;
  });

  registerEditorFeatures(connection, { documents, analyse, settingsFor });

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
  const onDidChangeTextDocument = (handler: Parameters<Connection['onDidChangeTextDocument']>[0]) =>
    connection.onDidChangeTextDocument((params) => {
      if (!documents.get(params.textDocument.uri)) {
        connection.console.warn(`RCA Writer: ignored changes to ${params.textDocument.uri}, which was never opened.`);
        return;
      }
      return handler(params);
    });
  // The connection as the document manager sees it: the same object, except that changes pass the check above.
  documents.listen(new Proxy(connection, { get: (target, key) => (key === 'onDidChangeTextDocument' ? onDidChangeTextDocument : Reflect.get(target, key)) }));
  connection.listen();
}

function usage(): string {
  return [
    'Usage: rca-writer-language-server --stdio | --node-ipc | --socket=<port>',
    '',
    'The RCA Writer language server. It speaks the Language Server Protocol to any editor.',
  ].join('\n');
}

/**
 * The connection over stdin/stdout, with our own message reader so that a message that is not valid JSON is
 * logged (the library's reader drops it without a word). What the library does for `--stdio` is kept: the process
 * exits when stdin ends (code 0 after shutdown, else 1), and console output goes to the log, never to stdout.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  reader.onError((error) => connection.console.error(`RCA Writer: dropped a message that could not be read: ${error.message}`));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const log = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
    process.stderr.write(`rca-writer-language-server: choose a transport.\n${usage()}\n`);
    process.exit(2);
  }
  const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  // Last line of defence: a fault in one request is logged, and the server keeps serving the others.
  process.on('unhandledRejection', (reason) => connection.console.error(`RCA Writer: unhandled rejection: ${String(reason)}`));
  startServer(connection);
}
