// Runs the test suites with node's test runner. Unit tests run once per time zone, because results
// must never depend on the machine's zone; protocol tests drive dist/server.js and run once.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suiteBlocker } from './prerequisites.mjs';

const ZONES = ['UTC', 'America/Chicago', 'Asia/Shanghai', 'Pacific/Kiritimati'];

function testFiles(folder) {
  const files = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...testFiles(path));
    else if (entry.endsWith('.test.ts')) files.push(path);
  }
  return files.sort();
}

// --full (or CI=true): 10,000 cases per property, as CI runs them; otherwise 1,000, so that `npm test` takes minutes.
const full = process.argv.includes('--full') || process.env.CI === 'true';
const propertyRuns = process.env.RCA_PROPERTY_RUNS || (full ? '10000' : '1000');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const suites = [
  { name: 'unit', files: testFiles('test/unit'), zones: ZONES },
  { name: 'lsp', files: testFiles('test/lsp'), zones: ['UTC'] },
  { name: 'cli', files: testFiles('test/cli'), zones: ['UTC'] },
  // Real headless Chromium (RCA_WRITER_CHROMIUM, default /usr/bin/chromium): XSS payloads and PDF export.
  { name: 'browser', files: testFiles('test/browser'), zones: ['UTC'] },
  // fast-check properties, 1,000 or (--full, CI) 10,000 cases each (RCA_PROPERTY_RUNS; scripts/fuzz.mjs runs more).
  { name: 'property', files: testFiles('test/property'), zones: ['UTC'], concurrency: 2, env: { RCA_PROPERTY_RUNS: propertyRuns } },
  { name: 'hostile', files: testFiles('test/hostile'), zones: ['UTC'] },
  // The set-up, the npm tarball, the .vsix, the GitHub Action and pre-commit hook, editors' configs.
  { name: 'install', files: testFiles('test/install'), zones: ['UTC'] },
].filter((suite) => suite.files.length && (!only.length || only.includes(suite.name)));

let failed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Suites (or tests) that could not run here, with the reason: named in the summary, and a failure under CI. */
const skippedSuites = [];
for (const suite of suites) {
  const blocker = suiteBlocker(suite.name);
  if (blocker) {
    console.log(`\n# ${suite.name} tests: skipped, ${blocker}`);
    skippedSuites.push(`${suite.name} (${blocker})`);
    continue;
  }
  for (const zone of suite.zones) {
    console.log(`\n# ${suite.name} tests, TZ=${zone}`);
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', ...(suite.concurrency ? [`--test-concurrency=${suite.concurrency}`] : []), ...suite.files],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, ...suite.env, TZ: zone },
      },
    );
    process.stdout.write(result.stdout);
    const count = (name) => Number(new RegExp(`^\\u2139 ${name} (\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
    if (result.status !== 0) {
      failed = true;
      // A crash before any test ran still has to show up in the count.
      if (count('fail') + count('cancelled') === 0) totals.failed += 1;
    }
  }
}
// TextMate grammar tests: each file under test/grammar is one test.
if (!only.length || only.includes('grammar')) {
  const grammarTests = readdirSync('test/grammar').filter((file) => file.endsWith('.test.md'));
  console.log('\n# grammar tests');
  for (const file of grammarTests) {
    const result = spawnSync(
      process.execPath,
      ['node_modules/vscode-tmgrammar-test/dist/unit.js', '-g', 'node_modules/tm-grammars/grammars/markdown.json', join('test/grammar', file)],
      { encoding: 'utf8' },
    );
    // Grammars for code fences in other languages are not needed here; their warnings are noise.
    const output = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('grammar not found'))
      .join('\n');
    process.stdout.write(`${output.trim()}\n`);
    if (result.status === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      failed = true;
    }
  }
}

const skipped = totals.skipped + skippedSuites.length;
const named = skippedSuites.length ? `: ${skippedSuites.join('; ')}` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${skipped} skipped${named}`);
if (skipped && process.env.CI === 'true') {
  console.log('CI=true: a skipped test or suite fails the run');
  failed = true;
}
process.exit(failed ? 1 : 0);
