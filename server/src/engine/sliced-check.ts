// A check in slices, for a caller that must stay responsive while it runs: the language server checks on the
// thread that answers the editor, so a check of a pathological document (seconds) lets every other request run
// between its steps, and stops as soon as its result is no longer wanted (a newer version of the document).
// It uses only what both of the server's hosts have (Node and a web worker): setTimeout and a clock.
import { cpuClock, cpuClockNow } from './budget';
import { checkSteps, type CheckOptions, type CheckResult } from './check';
import type { RcaSettings } from './settings';

/**
 * How long a slice runs before the check lets other work in. A step (the parse, one rule) is never split, so a
 * slice can run longer; most checks of a real report end within one slice, and pay nothing for the pauses.
 */
export const SLICE_MS = 10;

export interface Slicing {
  /** Asked after every pause: a reason ("version 3 replaced it") stops the check there. */
  stopReason?: () => string | undefined;
  /** Lets other work run; a zero-delay timer unless given. */
  pause?: () => Promise<void>;
  sliceMs?: number;
  /** Told once, when the check first lets other work run: it is a long one. */
  onFirstPause?: () => void;
}

export interface SliceStats {
  /** The steps the check finished (the parse, each rule that ran): see checkSteps. */
  steps: number;
  slices: number;
  /** The longest time the check kept the thread, in milliseconds: how long another request waited at most. */
  longestSliceMs: number;
  /** The time the check itself ran, pauses left out. */
  runMs: number;
}

/** A check (or other sliced work) stopped before it finished: its result would have been for a text or settings that are gone. */
export class CheckStopped extends Error {
  constructor(
    readonly reason: string,
    readonly stats: SliceStats,
    /** The last step finished before the check stopped, if any. */
    readonly lastStep: string | undefined,
  ) {
    super(`stopped after ${stats.steps} steps: ${reason}`);
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * checkText's result, computed in slices. The check's work budget (CHECK_BUDGET_MS) counts only the time the check
 * itself ran, not the pauses, so two slow documents checked side by side are each cut where one alone would be.
 * Throws CheckStopped when `stopReason` gives a reason; the steps not run are never run.
 */
export function checkInSlices(
  text: string,
  settings: Partial<RcaSettings> | RcaSettings,
  options: CheckOptions = {},
  slicing: Slicing = {},
): Promise<{ result: CheckResult; stats: SliceStats }> {
  return runInSlices((clock) => checkSteps(text, settings, { ...options, clock }), slicing, options.clock);
}

/**
 * Work made of steps (a check, a fix's proof, Fix All) run in slices, as checkInSlices runs a check. `start` is given
 * the clock its work budgets must read: the process's CPU time less what the thread did during the pauses (other
 * requests), or `clock` when given (tests), which then measures the slices too.
 */
export async function runInSlices<T>(
  start: (clock: () => number) => Generator<string, T, void>,
  slicing: Slicing = {},
  clock?: () => number,
): Promise<{ result: T; stats: SliceStats }> {
  // Slices are measured on the wall (what the editor waits for); the budget in CPU time, as the CLI's, so a busy
  // machine cuts a report in the editor no sooner than on the command line. A given clock drives both (tests).
  const wall = clock ?? (() => performance.now());
  const cpu = clock ?? cpuClock;
  const cpuNow = clock ?? cpuClockNow;
  const pause = slicing.pause ?? nextTask;
  const sliceMs = slicing.sliceMs ?? SLICE_MS;
  let paused = 0;
  const stats: SliceStats = { steps: 0, slices: 1, longestSliceMs: 0, runMs: 0 };
  let lastStep: string | undefined;
  const stopIfAsked = () => {
    const reason = slicing.stopReason?.();
    if (reason !== undefined) throw new CheckStopped(reason, stats, lastStep);
  };
  stopIfAsked();
  const steps = start(() => cpu() - paused);
  let sliceStart = wall();
  const endSlice = () => {
    const ran = wall() - sliceStart;
    stats.runMs += ran;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, ran);
  };
  let finished = false;
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) {
        finished = true;
        endSlice();
        return { result: step.value, stats };
      }
      stats.steps++;
      lastStep = step.value;
      if (wall() - sliceStart < sliceMs) continue;
      endSlice();
      if (stats.slices === 1) slicing.onFirstPause?.();
      // What other work the thread does meanwhile is not this work's.
      const pausedAt = cpuNow();
      await pause();
      paused += cpuNow() - pausedAt;
      stats.slices++;
      sliceStart = wall();
      stopIfAsked();
    }
  } finally {
    // Stopped work's generator is closed, so its clean-up (the time analysis's deadline) runs now.
    if (!finished) steps.return(undefined as never);
  }
}
