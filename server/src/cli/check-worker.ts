// Checks files in worker threads, one per core, for large batches: the results come back in input order,
// identical to checking them one after the other in this thread.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkText } from '../check';
import type { RcaSettings } from '../settings';
import type { RcaDiagnostic } from '../types';

const WORKER_MARK = 'rca-writer-check-worker';
/** Below this many files, starting workers (about 100 ms each) costs more than it saves. */
export const WORKER_MIN_FILES = 64;
/** Files handed to a worker at a time: few messages, and no worker waits long at the end. */
const BATCH = 16;

export interface CheckJob {
  text: string;
  settings: RcaSettings;
}

/** How many workers a batch gets: RCA_WRITER_WORKERS overrides (0 or 1: none). */
export function workerCount(files: number): number {
  const forced = process.env.RCA_WRITER_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) > 1 ? Math.min(Number(forced), files) : 0;
  if (files < WORKER_MIN_FILES) return 0;
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, Math.ceil(files / BATCH)) : 0;
}

/** Checks every job across `count` workers; `onDone` is told how many have finished, for progress. */
export function checkInWorkers(jobs: CheckJob[], count: number, onDone?: (done: number) => void): Promise<RcaDiagnostic[][]> {
  const results: RcaDiagnostic[][] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    let running = count;
    for (let i = 0; i < count; i++) {
      // This very file runs in the worker: the bundle (dist/cli.js) or, under tsx, the source.
      const worker = new Worker(__filename, { workerData: { [WORKER_MARK]: true } });
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate();
          return;
        }
        const from = next;
        next = Math.min(jobs.length, next + BATCH);
        worker.postMessage({ from, jobs: jobs.slice(from, next) });
      };
      worker.on('message', (message: { from: number; diagnostics: RcaDiagnostic[][] }) => {
        message.diagnostics.forEach((diagnostics, i) => (results[message.from + i] = diagnostics));
        done += message.diagnostics.length;
        onDone?.(done);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--running === 0) {
          if (done === jobs.length) resolve(results);
          else reject(new Error('a check worker stopped before its files were checked'));
        }
      });
      feed();
    }
  });
}

function serve(): void {
  parentPort!.on('message', (message: { from: number; jobs: CheckJob[] }) => {
    const diagnostics = message.jobs.map((job) => checkText(job.text, job.settings).diagnostics);
    parentPort!.postMessage({ from: message.from, diagnostics });
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_MARK]) serve();
