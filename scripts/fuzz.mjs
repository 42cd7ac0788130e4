// The long fuzz run: the property tests of test/property with many more cases than CI runs, and a fresh seed
// each time unless one is given (a failure prints the seed and the shrunk counterexample to replay it).
// Usage: node scripts/fuzz.mjs [cases per property, default 100000] [seed]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
const files = readdirSync('test/property')
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => join('test/property', file));
console.log(`fuzz: ${cases} cases for each of ${files.length} property files, seed ${seed}`);
const started = performance.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', RCA_PROPERTY_RUNS: String(cases), RCA_PROPERTY_SEED: String(seed) },
});
console.log(`fuzz: ${result.status === 0 ? 'no failure' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${seed}`);
process.exit(result.status ?? 1);
