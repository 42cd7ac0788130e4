// A test-only extension, never shipped. code-server takes no --extensionTestsPath, so this extension
// runs the end-to-end Mocha suite when its extension host starts, and writes the results to the JSON file
// the harness (scripts/e2e/run.mjs) waits for.
//
// Where it finds its orders: the file named by RCA_E2E_RUNNER (the harness starts code-server with it
// in the environment, which the extension host inherits), or else `.rca-e2e-runner.json` at the top of
// the first workspace folder. Neither: it does nothing.
//   { "config": "<file for RCA_E2E_CONFIG>", "files": ["<suite>.test.js", ...], "results": "<file>",
//     "timeoutMs": 60000, "grep": "optional", "startWhen": "<optional file: run once it exists>" }
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { describeError, newResults, record, type Results } from './results';

interface Orders {
  config: string;
  files: string[];
  results: string;
  timeoutMs?: number;
  grep?: string;
  /** The harness drives the UI first; it creates this file when the suite may start. */
  startWhen?: string;
}

function readOrders(): Orders | undefined {
  const fromEnv = process.env.RCA_E2E_RUNNER;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const candidates = [fromEnv, folder && folder.uri.scheme === 'file' ? path.join(folder.uri.fsPath, '.rca-e2e-runner.json') : undefined];
  for (const file of candidates) {
    if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Orders;
  }
  return undefined;
}

function write(file: string, results: Results): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(temp, file);
}

/** Resolves once `file` exists: on a change in its folder, never by polling. */
function whenExists(file: string, context: vscode.ExtensionContext): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) {
        watcher.close();
        resolve();
      }
    });
    context.subscriptions.push({ dispose: () => watcher.close() });
    if (fs.existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

export function activate(context: vscode.ExtensionContext): void {
  let orders: Orders | undefined;
  try {
    orders = readOrders();
  } catch (error) {
    console.error('[rca-e2e-runner] unreadable orders', error);
    return;
  }
  if (!orders) return;
  const start = orders.startWhen ? whenExists(orders.startWhen, context) : Promise.resolve();
  void start.then(() => runSuite(orders!));
}

function runSuite(orders: Orders): void {
  const { results: resultsFile } = orders;
  const results = newResults();
  try {
    process.env.RCA_E2E_CONFIG = orders.config;
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: orders.timeoutMs ?? 60_000, reporter: Mocha.reporters.Base });
    if (orders.grep) mocha.grep(orders.grep);
    for (const file of orders.files) mocha.addFile(file);
    write(resultsFile, results);
    record(mocha.run(), results, (current) => write(resultsFile, current));
  } catch (error) {
    results.status = 'crashed';
    results.error = describeError(error);
    results.failed++;
    write(resultsFile, results);
  }
}

export function deactivate(): void {}
