// What both runners (extension.ts in the Node extension host, web.ts in the web worker one) record of a Mocha run,
// in the shape the harnesses (scripts/e2e/run.mjs, scripts/e2e/web.mjs) read.
import type Mocha from 'mocha';

export interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export interface Results {
  status: 'running' | 'done' | 'crashed';
  startedAt: string;
  finishedAt?: string;
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
  error?: string;
}

export function newResults(): Results {
  return { status: 'running', startedAt: new Date().toISOString(), passed: 0, failed: 0, skipped: 0, tests: [] };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Adds each test to `results` as it ends, and marks the run done at its end; `save` is called after each change. */
export function record(runner: Mocha.Runner, results: Results, save: (results: Results) => void): void {
  const add = (test: Mocha.Test | Mocha.Hook, state: TestResult['state'], error?: unknown) => {
    results.tests.push({
      title: test.title,
      fullTitle: test.fullTitle(),
      state,
      durationMs: test.duration,
      error: error === undefined ? undefined : describeError(error),
    });
    results[state]++;
    save(results);
  };
  runner.on('pass', (test) => add(test, 'passed'));
  runner.on('fail', (test, error) => add(test, 'failed', error));
  runner.on('pending', (test) => add(test, 'skipped'));
  runner.on('end', () => {
    results.status = 'done';
    results.finishedAt = new Date().toISOString();
    save(results);
  });
}
