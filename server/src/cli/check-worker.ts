// Checks files in worker threads for large batches: the results come back in input order, identical to checking
// them one after the other in this thread.
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Root } from 'mdast';
import { shareCpuWith } from '../engine/budget';
import { checkText, reportMarks, type CheckResult } from '../engine/check';
import { isRcaDocument } from '../engine/detect';
import { fixAllReport, type FixAllReport } from '../engine/fix-all';
import type { FindingsLimit } from '../engine/findings-cap';
import { indexEntry, type ReportEntry } from '../engine/folder/entry';
import { sharedAsResolved, type RcaSettings } from '../engine/settings';
import { readTextFile } from '../engine/text-file';
import type { RcaDiagnostic } from '../engine/types';

const WORKER_MARK = 'rca-writer-check-worker';
/** Below this many files, starting a worker (loading the bundle, warming up its JIT) costs more than it saves. */
export const WORKER_MIN_FILES = 64;
/**
 * Nor below this much text, in UTF-16 units. Since the plain-block reader (engine/plain-blocks.ts) one thread checks
 * 1,000 seed-sized reports (2.4 MB) in 1.4-2.0 s, and a worker's start and warm-up no longer pay for themselves there:
 * at load 0.8-1.1, one thread took 1,512-1,963 ms against 1,802-2,221 ms with a worker; over the same reports three
 * times (7.2 MB), 4,306-4,338 ms against 4,059-4,123 ms with one.
 */
export const WORKER_MIN_CHARS = 5_000_000;
/** Files handed to a worker at a time: few messages, and no thread waits long at the end. */
const BATCH = 16;
/** Batches a worker holds at once, so that it never waits for this thread, which checks files too. */
const AHEAD = 2;

export interface CheckJob {
  text: string;
  settings: RcaSettings;
  /**
   * Check only if the file is an RCA by its path, front matter or title (see CheckInput.detect). `byContent`: the
   * caller found its path neither in `include` nor in `exclude` (the CLI's walk), so only its content decides, and
   * the globs are not matched again (a third of detection's time over a folder of 1,000 reports).
   */
  detect?: { path: string; roots: string[]; byContent?: boolean };
  /** Apply the preferred fixes too (`check --fix`, `--fix-dry-run`). */
  fix?: boolean;
  /** How many findings are listed (--max-findings); the engine's default when absent. */
  findingsLimit?: FindingsLimit;
  /** Build the file's folder-index entry too (cross-report rules), under this key and name. */
  index?: { key: string; name: string };
}

/** A job's findings and the profile they were checked with, or null when it asked for detection and the file is not an RCA. */
export type JobResult = {
  diagnostics: RcaDiagnostic[];
  profile: string;
  /** The folder-index entry, when the job asked for one. */
  entry?: ReportEntry;
  /** When the job asked to fix and there was something to fix: what Fix All did, and the findings of its text (and its entry). */
  fixed?: FixAllReport & { diagnostics: RcaDiagnostic[]; profile: string; entry?: ReportEntry };
} | null;

/** The job's folder-index entry for a checked text, from the model the check built. */
function entryOf(job: CheckJob, result: CheckResult): ReportEntry | undefined {
  return job.index ? indexEntry(result.doc, job.index.key, job.index.name) : undefined;
}

/**
 * Fix All on a checked file, and the findings its text has: checked again with the file's own settings, as `check`
 * would check the fixed file (under `auto`, Fix All proves every round with the profile chosen for the original).
 */
function withFixes(job: CheckJob, result: CheckResult, outcome: NonNullable<JobResult>): JobResult {
  if (!result.diagnostics.some((diagnostic) => diagnostic.fixes?.some((fix) => fix.isPreferred))) return outcome;
  const report = fixAllReport(job.text, job.settings, undefined, result);
  const after = report.text === job.text ? result : checkText(report.text, job.settings, { findingsLimit: job.findingsLimit });
  return { ...outcome, fixed: { ...report, diagnostics: after.diagnostics, profile: after.doc.profile.name, entry: entryOf(job, after) } };
}

/**
 * A job whose file is read where it is checked: the language server's index, whose thread never holds the texts.
 * A file that cannot be read (gone, binary) is no RCA to index.
 */
export type FileJob = Omit<CheckJob, 'text'> & { path: string };

/** Checks one file; detection, when asked for, runs on the tree the check parses (as the server does). */
export function runJob(job: CheckJob | FileJob): JobResult {
  if (!('text' in job)) {
    let text: string;
    try {
      text = readTextFile(job.path);
    } catch {
      return null;
    }
    return runJob({ ...job, text });
  }
  const { detect } = job;
  const outcome = (result: CheckResult): JobResult => {
    const entry = entryOf(job, result);
    const checked = { diagnostics: result.diagnostics, profile: result.doc.profile.name, ...(entry ? { entry } : {}) };
    return job.fix ? withFixes(job, result, checked) : checked;
  };
  const options = { findingsLimit: job.findingsLimit };
  if (!detect) return outcome(checkText(job.text, job.settings, options));
  const marks = reportMarks(job.settings);
  const isRca = (root?: Root) =>
    isRcaDocument({
      path: detect.path,
      roots: detect.roots,
      text: job.text,
      include: detect.byContent ? [] : job.settings.include,
      exclude: detect.byContent ? [] : job.settings.exclude,
      root,
      ...marks,
    });
  let detected: boolean | undefined;
  const result = checkText(job.text, job.settings, { ...options, shouldCheck: (doc) => (detected = isRca(doc.root)) });
  // The check read too little of the text to tell (too large, nested too deep): detection parses it on its own.
  detected ??= isRca();
  return detected ? outcome(result) : null;
}

/**
 * How many threads check a batch, this one included: RCA_WRITER_WORKERS overrides (0 or 1: this thread alone).
 * 0 means no workers at all. Threads are only for cores the machine leaves idle (by the last minute's load
 * average): on a busy one a worker adds its warm-up and takes no time off the run (one thread was as fast or faster in
 * every pair timed at load 2 to 14).
 */
export function workerCount(files: number, chars: number, load = loadavg()[0]): number {
  const forced = process.env.RCA_WRITER_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) > 1 ? Math.min(Number(forced), files) : 0;
  if (files < WORKER_MIN_FILES || chars < WORKER_MIN_CHARS) return 0;
  const cores = availableParallelism();
  const threads = Math.min(cores, Math.ceil(cores - load), Math.ceil(files / BATCH));
  return threads > 1 ? threads : 0;
}

export interface WorkerOptions {
  /** Told how many jobs have finished, for progress. */
  onDone?: (done: number) => void;
  /**
   * Whether this thread checks batches too (the CLI's). The language server's does not: it answers the editor, and
   * the garbage of a thousand checks would grow its heap for good, while a worker's heap goes when it exits.
   */
  inThisThread?: boolean;
  /** Asked as each batch comes back: true terminates the workers, and the promise rejects with CheckWorkersStopped. */
  shouldStop?: () => boolean;
}

/** What checkInWorkers rejects with when its caller no longer wants the results. */
export class CheckWorkersStopped extends Error {
  constructor() {
    super('the check workers were stopped');
  }
}

/**
 * Checks every job on `threads` threads: this one and `threads - 1` workers, all taking batches from one queue.
 * This thread has the bundle loaded already, so it starts at once while the workers load theirs; it checks a
 * batch at a time and lets the workers' messages in between. Without `inThisThread`, this thread counts as one
 * of the `threads` sharing the CPU but checks nothing.
 */
export function checkInWorkers(jobs: (CheckJob | FileJob)[], threads: number, options: WorkerOptions = {}): Promise<JobResult[]> {
  const { onDone, inThisThread = true, shouldStop } = options;
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const take = (): { from: number; jobs: (CheckJob | FileJob)[] } | undefined => {
    if (next >= jobs.length) return undefined;
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    return { from, jobs: jobs.slice(from, next) };
  };
  const store = (from: number, batch: JobResult[]) => {
    batch.forEach((result, i) => (results[from + i] = result));
    done += batch.length;
    onDone?.(done);
  };
  return new Promise((resolve, reject) => {
    let failed = false;
    let running = threads;
    const finished = () => {
      if (--running > 0 || failed) return;
      shareCpuWith(1);
      if (done === jobs.length) resolve(results);
      else reject(new Error('a check worker stopped before its files were checked'));
    };
    const workers: Worker[] = [];
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      shareCpuWith(1);
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    // Every thread's checks share the process's CPU clock (see budget.ts); this one's until the batch is done.
    shareCpuWith(threads);
    for (let i = 1; i < threads; i++) {
      // This very file runs in the worker: the CLI's launcher (dist/cli.js) or, under tsx, the source.
      const worker = new Worker(__filename, { workerData: { [WORKER_MARK]: true, threads } });
      workers.push(worker);
      let held = 0;
      const feed = () => {
        while (held < AHEAD) {
          const batch = take();
          if (!batch) break;
          held++;
          worker.postMessage(batch);
        }
        if (held === 0) void worker.terminate();
      };
      worker.on('message', (message: { from: number; results: JobResult[] }) => {
        if (shouldStop?.()) return fail(new CheckWorkersStopped());
        held--;
        store(message.from, message.results);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', finished);
      feed();
    }
    const own = () => {
      if (failed) return;
      const batch = take();
      if (!batch) return finished();
      try {
        store(batch.from, batch.jobs.map(runJob));
      } catch (error) {
        return fail(error);
      }
      // Between batches: the workers' results come in and they get more work.
      setImmediate(own);
    };
    if (inThisThread) own();
    else finished();
  });
}

function serve(threads: number): void {
  shareCpuWith(threads);
  parentPort!.on('message', (message: { from: number; jobs: (CheckJob | FileJob)[] }) => {
    // Settings the sending thread resolved: shared as they are (see sharedSettings), not resolved again for each check.
    // The jobs of a batch that shared one settings object there share one copy of it here.
    const results = message.jobs.map((job) => {
      sharedAsResolved(job.settings);
      return runJob(job);
    });
    parentPort!.postMessage({ from: message.from, results });
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_MARK]) serve(Number((workerData as { threads?: number }).threads) || 1);
