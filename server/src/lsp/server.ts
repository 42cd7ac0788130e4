// The language server's process: the transport the editor chose, and a session on it (session.ts) with what
// only Node has: config files and rule pages on disk, and the renderer.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { isMainThread } from 'node:worker_threads';
import { checkInWorkers, CheckWorkersStopped, WORKER_MIN_FILES, type FileJob, type JobResult, type WorkerOptions } from '../cli/check-worker';
import { settingsForFile } from '../engine/config';
import type { ServerHost, WorkspaceFiles } from './host';
import { registerRender } from './render-request';
import { printHtml } from '../engine/html-text';
import { startServer } from './session';
import { filePath } from './uri';
import { fileUri, markdownFiles, readText } from './workspace-files';
/** For scripts/build.mjs: compiles the engine before the bundle's code cache is written. */
export { warmUp } from '../engine/warm-up';

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
  const log =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(format(...args));
  console.log = console.info = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}

/** The index's build in a worker thread: two threads share the CPU, the worker and this one answering the editor (see budget.ts). */
function checkInWorker(jobs: FileJob[], options: WorkerOptions): Promise<JobResult[] | undefined> {
  return checkInWorkers(jobs, 2, { ...options, inThisThread: false }).catch((error: unknown) => {
    if (error instanceof CheckWorkersStopped) return undefined;
    throw error;
  });
}

/**
 * Where the index is built. RCA_WRITER_WORKERS as the CLI reads it: 0 or 1 keeps it on this thread, 2 or more puts
 * it in a worker for any folder. Otherwise a worker only for WORKER_MIN_FILES Markdown files or more: a worker starts
 * by loading and compiling the whole bundle in a new thread, and for a folder of 2 reports the index took 4 s of a
 * 2-core machine while VS Code opened the first, whose first keystrokes then waited 2.1 s and 0.8 s for their
 * squiggles (59 / 843 ms median / p95 over 20), against 45 / 139 ms with the index built on this thread (npm run
 * bench:vscode, load 0.4-2.6). What the worker spares this thread's heap matters for hundreds of reports.
 */
function indexWorker(): Pick<WorkspaceFiles, 'checkInWorker' | 'workerMinFiles'> {
  const forced = process.env.RCA_WRITER_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) > 1 ? { checkInWorker, workerMinFiles: 0 } : {};
  return { checkInWorker, workerMinFiles: WORKER_MIN_FILES };
}

export const nodeHost: ServerHost = {
  runtime: `Node ${process.version}, process ${process.pid}`,
  documentPath: filePath,
  async withConfigFile(uri, editor) {
    const path = filePath(uri);
    return path ? settingsForFile(path, editor) : { settings: editor };
  },
  // dist/server.js sits next to docs/ in the extension and in the npm package.
  docsUri: (code) => pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${code}.md`)).toString(),
  registerFeatures: registerRender,
  printHtml,
  files: {
    markdownFiles,
    readText,
    fileUri,
    ...indexWorker(),
  },
};

// In the index's check worker (cli/check-worker.ts) this bundle is loaded again: only the main thread serves.
if (require.main === module && isMainThread) {
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
  startServer(connection, nodeHost);
}
