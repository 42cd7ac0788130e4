// The work budget of one check, over the whole of it: the Markdown parse, the rules and the date and time analysis.
// Each stage looks at it where it can stop cleanly: the parse between chunks (incremental.ts), the check between
// rules, the analysis every few sentences (time/deadline.ts). Past it the check returns what finished and RCA001
// says where it stopped and why.

/**
 * The time a check may take, in milliseconds of CPU where the process can tell (Node: the CLI, the server, the
 * tests), so a busy machine does not cut a report a quiet one checks in full. A real 100 KB report takes about
 * 0.5 s of it on the first check of a process (most of that compiling the engine's code), a 400 KB one about 1.2 s;
 * only a document built from thousands of one tiny block (a pasted log, a generated file) reaches it.
 */
export const CHECK_BUDGET_MS = 1500;

/** How many threads of this process are checking at once (the CLI's check workers); 1 otherwise. */
let busyThreads = 1;

/**
 * Node tells only the process's CPU time, every thread's together: while `threads` threads check at once, a
 * check's own share is that time divided by them. Without it a file near the budget would be cut in a batch that
 * uses workers and not in one that does not, and the CLI promises both give the same findings.
 */
export function shareCpuWith(threads: number): void {
  busyThreads = Math.max(1, threads);
}

/** This thread's share of the process's CPU time (user and system) in milliseconds; wall time where there is no process (a web worker). */
export const cpuClock: () => number =
  typeof process !== 'undefined' && typeof process.cpuUsage === 'function'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000 / busyThreads;
      }
    : () => performance.now();

/** A parse stopped at the deadline: the text before `line` (0-based, the first line not read) was parsed. */
export class ParseCut extends Error {
  constructor(readonly line: number) {
    super(`the parse stopped at line ${line + 1}`);
  }
}
