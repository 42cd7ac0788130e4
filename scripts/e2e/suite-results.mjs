// Reads the results file a runner extension writes as the Mocha suite runs (test/e2e/runner/results.ts), for both
// harnesses: run.mjs (Node extension host) and web.mjs (web worker extension host).
import { existsSync, readFileSync } from 'node:fs';

/** One line per test, and the first lines of its error. */
export function printTest(test, say) {
  const mark = test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip';
  say(`  ${mark} ${test.fullTitle}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
  if (test.error) for (const line of test.error.split('\n').slice(0, 25)) process.stdout.write(`         ${line}\n`);
}

/**
 * Waits for the runner's results (the file is polled: it is written by another process, or through the editor);
 * prints each test as it finishes. Stops early when `isRunning()` turns false.
 */
export async function collectSuiteResults(file, timeoutMs, { say, isRunning = () => true }) {
  const deadline = Date.now() + timeoutMs;
  let printed = 0;
  let results;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error('code-server exited while the suite was running');
    if (existsSync(file)) {
      try {
        results = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        results = undefined; // Being written: the runner renames into place, but be lenient.
      }
      if (results) {
        for (const test of results.tests.slice(printed)) printTest(test, say);
        printed = results.tests.length;
        if (results.status !== 'running') return results;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { ...(results ?? { tests: [], passed: 0, failed: 0, skipped: 0 }), status: 'timed-out' };
}
