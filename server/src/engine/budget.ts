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

/** The process's CPU time (user and system) in milliseconds; wall time where there is no process (a web worker). */
export const cpuClock: () => number =
  typeof process !== 'undefined' && typeof process.cpuUsage === 'function'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

/** A parse stopped at the deadline: the text before `line` (0-based, the first line not read) was parsed. */
export class ParseCut extends Error {
  constructor(readonly line: number) {
    super(`the parse stopped at line ${line + 1}`);
  }
}
