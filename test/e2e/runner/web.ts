// The web twin of extension.ts, test only, never shipped: runs the same end-to-end Mocha suite in a web worker
// extension host (code-server's, which VS Code for the Web also uses), against the web-only build. A web worker has
// no file system, environment or Node: scripts/e2e/build.mjs bundles Mocha's browser build, the suite and this
// file into one script, and the harness (scripts/e2e/web.mjs) talks to it through the workspace folder, which
// the runner reads and writes with workspace.fs:
//   .rca-e2e/orders.json   { "config": <the E2EConfig the suite reads>, "timeoutMs": 60000, "grep": "optional" }
//   .rca-e2e/results.json  written after each test, as extension.ts writes its results file
// A window whose folder has no orders is left alone. A test that cannot run in the web skips itself with
// skipBecause(this, reason) when inWebWorker (suite/helpers.ts): its title says why, and it is counted as skipped.
import mocha from 'mocha/mocha.js';
import * as vscode from 'vscode';
import type { E2EConfig } from '../suite/helpers';
import { describeError, newResults, record, type Results } from './results';

interface Orders {
  config: E2EConfig;
  timeoutMs?: number;
  grep?: string;
}

export const ORDERS = '.rca-e2e/orders.json';
export const RESULTS = '.rca-e2e/results.json';

/** Writes the results one after another, each through a temporary file renamed into place. */
function resultsWriter(folder: vscode.Uri): (results: Results) => void {
  const target = vscode.Uri.joinPath(folder, RESULTS);
  const temp = vscode.Uri.joinPath(folder, `${RESULTS}.tmp`);
  let queue = Promise.resolve();
  return (results) => {
    const bytes = new TextEncoder().encode(`${JSON.stringify(results, null, 2)}\n`);
    queue = queue
      .then(async () => {
        await vscode.workspace.fs.writeFile(temp, bytes);
        await vscode.workspace.fs.rename(temp, target, { overwrite: true });
      })
      .catch((error: unknown) => console.error('[rca-e2e-web-runner] could not write the results', error));
  };
}

async function readOrders(folder: vscode.Uri): Promise<Orders | undefined> {
  const file = vscode.Uri.joinPath(folder, ORDERS);
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    return undefined;
  }
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Orders;
}

function runSuite(orders: Orders, loadSuite: () => void, save: (results: Results) => void): void {
  const results = newResults();
  save(results);
  globalThis.rcaE2EConfig = orders.config;
  mocha.setup({ ui: 'tdd', timeout: orders.timeoutMs ?? 60_000, reporter: (globalThis as unknown as { Mocha: typeof Mocha }).Mocha.reporters.Base });
  if (orders.grep) mocha.grep(orders.grep);
  loadSuite();
  record(mocha.run(), results, save);
}

/** The runner's activate, given the function that loads the suite's files (after Mocha's globals are set). */
export function runnerFor(loadSuite: () => void): () => Promise<void> {
  return async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return;
    const save = resultsWriter(folder);
    try {
      const orders = await readOrders(folder);
      if (orders) runSuite(orders, loadSuite, save);
    } catch (error) {
      save({ ...newResults(), status: 'crashed', error: describeError(error), failed: 1 });
    }
  };
}

export function deactivate(): void {}
