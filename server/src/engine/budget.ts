// The work budget of one check, over the whole of it: the Markdown parse, the rules and the date and time analysis.
// Each stage looks at it where it can stop cleanly: the parse between chunks (incremental.ts), the check between
// rules, the analysis every few sentences (time/deadline.ts). Past it the check returns what finished and RCA001
// says where it stopped and why.

/**
 * The time a check may take, in milliseconds of CPU where the process can tell (Node: the CLI, the server, the
 * tests), so a busy machine does not cut a report a quiet one checks in full. The CLI on a generated report, its
 * first check in the process included, took 0.43 s in all for 100 KB and 0.8 to 0.9 s for 400 KB (2026-12-06, load
 * 1); only a document built from thousands of one tiny block (a pasted log, a generated file) or a report near 1 MB
 * reaches it. It was 1.5 s: with the CLI's start-up (0.15 s) and the step under way when it ran out, a document it
 * stopped took 1.65 to 1.8 s of CPU in all, and a noisy moment of a shared machine took some past 2 s.
 */
export const CHECK_BUDGET_MS = 1200;

/**
 * The time the proofs of one quick-fix request may take (fix-proof.ts), in the same clock: a few re-checks of a
 * large report, some hundreds of a typical one. Past it the fixes proved so far are offered and the rest are not.
 */
export const QUICK_FIX_BUDGET_MS = 3000;

/**
 * The time Fix All may take over all its rounds (fix-all.ts): a typical report's Fix All takes well under a second
 * of it, a 100 KB one a few seconds. Past it Fix All stops with what it has proved, and a second one does more.
 */
export const FIX_ALL_BUDGET_MS = 6000;

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

/**
 * How long a reading of the process's CPU time is used again, in milliseconds of wall time. Reading it is a system
 * call that sums every thread's time: a check asks the clock after each parsed chunk, each rule and every few
 * sentences, and with a fresh reading each time it was 35,000 readings over 1,000 seed-sized reports, a fifth of the
 * CLI's time with two threads reading at once (each waits for the other's). With a reading this old a check runs at
 * most this long (times the cores) past its budget.
 */
export const CPU_READING_REUSE_MS = 25;

/**
 * A clock of the work this thread did, from `readCpuMs` (the process's CPU time) and `wallMs`: each step it moves by
 * this thread's share of the CPU time spent, but never by more than the wall time that passed. The process's CPU
 * time counts every thread, V8's garbage collector's helpers too: on a machine of many cores a check that took a
 * second on the wall read 1.2 s of CPU and was cut, on the CI machine, in a test its two-core twin passed. A busy
 * machine still counts only the CPU the process got. `reusing` reads it again only when the last reading is
 * `CPU_READING_REUSE_MS` old by `wallMs`; `fresh` always reads it (and keeps the reading for `reusing`).
 */
export function cpuClocks(readCpuMs: () => number, wallMs: () => number): { reusing: () => number; fresh: () => number } {
  let readAt = -Infinity;
  let lastCpu = 0;
  let worked = 0;
  const fresh = () => {
    const cpu = readCpuMs();
    const wall = wallMs();
    const spent = (cpu - lastCpu) / busyThreads;
    worked += readAt === -Infinity ? spent : Math.max(0, Math.min(spent, wall - readAt));
    lastCpu = cpu;
    readAt = wall;
    return worked;
  };
  const reusing = () => (wallMs() - readAt >= CPU_READING_REUSE_MS ? fresh() : worked);
  return { reusing, fresh };
}

const processClocks: { reusing: () => number; fresh: () => number } =
  typeof process !== 'undefined' && typeof process.cpuUsage === 'function'
    ? cpuClocks(
        () => {
          const { user, system } = process.cpuUsage();
          return (user + system) / 1000;
        },
        () => performance.now(),
      )
    : { reusing: () => performance.now(), fresh: () => performance.now() };

/**
 * This thread's share of the process's CPU time (user and system) in milliseconds, never moving faster than the wall
 * clock, from a reading at most `CPU_READING_REUSE_MS` old; wall time where there is no process (a web worker). For
 * a check's budget.
 */
export const cpuClock: () => number = processClocks.reusing;

/** cpuClock read now: for the CPU spent during a check's pause, which a reading from before it would blur. */
export const cpuClockNow: () => number = processClocks.fresh;

/** A parse stopped at the deadline: the text before `line` (0-based, the first line not read) was parsed. */
export class ParseCut extends Error {
  constructor(readonly line: number) {
    super(`the parse stopped at line ${line + 1}`);
  }
}

/**
 * A rule stopped at the deadline while it reported: one that reports a finding per phrase of a long document (RCA205
 * on 35,000 "CST" in April: half a second) would otherwise run to its end past the budget. Its findings so far are
 * dropped, and RCA001 names it with the rules skipped.
 */
export class RuleCut extends Error {}

/** How often, in findings, a rule's report looks at the deadline: rarely enough to cost nothing, often enough to stop within milliseconds. */
export const REPORTS_PER_LOOK = 1024;
