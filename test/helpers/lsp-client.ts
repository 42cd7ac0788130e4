import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** Declare pull-diagnostics support (textDocument.diagnostic). */
  pull?: boolean;
  /** Answer workspace/configuration with this (a promise holds the answer back until it settles); undefined: don't declare the capability. */
  configuration?: () => unknown;
  initializationOptions?: unknown;
  workspaceFolder?: string;
  /** Options for node before the server's path, e.g. ["--import", preload]. */
  nodeArgs?: string[];
  /** Declare that the client shows progress the server starts (window.workDoneProgress). */
  progress?: boolean;
  /** Declare that the server may register the files it wants watched (workspace.didChangeWatchedFiles.dynamicRegistration). */
  watchFiles?: boolean;
  /** Environment variables for the server's process, over this process's. */
  env?: Record<string, string>;
  /** Ask for the server's trace ($/logTrace), as the rcaWriter.trace.server setting does. */
  trace?: 'messages' | 'verbose';
  /** Declare that the server may register for configuration changes (workspace.didChangeConfiguration.dynamicRegistration). */
  registerConfiguration?: boolean;
}

/** A minimal LSP client over stdio: the protocol as any editor speaks it, with waits on notifications. */
export class TestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';
  /** Messages the server asked the editor to show. */
  readonly messages: string[] = [];
  /** What the server logged (window/logMessage), in order. */
  readonly logs: string[] = [];
  /** Every publishDiagnostics notification, in the order they came. */
  readonly history: PublishDiagnosticsParams[] = [];
  /** The kinds of the $/progress reports the server sent ("begin", "report", "end"), in order, with their titles or messages. */
  readonly progress: { kind: string; text?: string }[] = [];
  /** What the server traced ($/logTrace), in order: only sent when `trace` is set. */
  readonly traces: string[] = [];
  private traceWaiters: { test: (message: string) => boolean; resolve: (message: string) => void }[] = [];
  private progressEnd: (() => void)[] = [];
  private refreshWaiters: (() => void)[] = [];
  /** What the server registered (client/registerCapability), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  constructor(readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.process.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.history.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      Promise.all(params.items.map(async () => (await options.configuration?.()) ?? null)),
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (params: { value: { kind: string; title?: string; message?: string } }) => {
      this.progress.push({ kind: params.value.kind, text: params.value.title ?? params.value.message });
      if (params.value.kind === 'end') for (const resolve of this.progressEnd.splice(0)) resolve();
    });
    this.connection.onNotification('$/logTrace', (params: { message: string }) => {
      this.traces.push(params.message);
      for (const waiter of [...this.traceWaiters]) {
        if (waiter.test(params.message)) {
          this.traceWaiters.splice(this.traceWaiters.indexOf(waiter), 1);
          waiter.resolve(params.message);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => void this.logs.push(params.message));
    this.connection.onNotification('window/showMessage', (params: { message: string }) => void this.messages.push(params.message));
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.messages.push(params.message);
      return null;
    });
    this.connection.listen();
  }

  async initialize(): Promise<unknown> {
    const folder = this.options.workspaceFolder;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? `file://${folder}` : null,
      workspaceFolders: folder ? [{ uri: `file://${folder}`, name: 'test' }] : null,
      initializationOptions: this.options.initializationOptions,
      trace: this.options.trace,
      capabilities: {
        workspace: {
          configuration: Boolean(this.options.configuration),
          diagnostics: { refreshSupport: true },
          ...(this.options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
          ...(this.options.registerConfiguration ? { didChangeConfiguration: { dynamicRegistration: true } } : {}),
        },
        ...(this.options.progress ? { window: { workDoneProgress: true } } : {}),
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  replace(uri: string, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the next published diagnostics for `uri` that pass `test` (or the last ones, if they already do). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const last = this.published.get(uri);
    if (last && test(last)) return Promise.resolve(last);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** Resolves with the first trace that passes `test`, whether it came already or comes later. */
  trace(test: (message: string) => boolean): Promise<string> {
    const seen = this.traces.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.traceWaiters.push({ test, resolve }));
  }

  /** Resolves once a progress the server started has ended (at once if one has). */
  progressEnded(): Promise<void> {
    if (this.progress.some((p) => p.kind === 'end')) return Promise.resolve();
    return new Promise((resolve) => this.progressEnd.push(resolve));
  }

  /** Resolves when a progress the server starts from now on ends. */
  nextProgressEnd(): Promise<void> {
    return new Promise((resolve) => this.progressEnd.push(resolve));
  }

  /** Resolves when the server next asks the editor to pull diagnostics again (workspace/diagnostic/refresh). */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  /** Waits for diagnostics published for this exact document version. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}
