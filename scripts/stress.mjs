#!/usr/bin/env node
// The generator suite of issue 17: every shape of scripts/stress-shapes.mjs at several sizes, each checked in a
// process of its own, timed in CPU seconds (user + system, so a loaded machine does not inflate it), with the
// growth from the second size to the third. Not a test: it prints figures (docs/reliability.md keeps them).
//
//   node scripts/build.mjs && node scripts/stress.mjs                  # the CLI, dist/cli.js, 50/200/800 KB
//   node scripts/stress.mjs --engine                                   # checkText alone, through tsx
//   node scripts/stress.mjs --folder                                   # the CLI on a folder holding the document
//   node scripts/stress.mjs --only 'setext|pipes' --sizes 200,800 --timeout 30 --json out.json
//
// A run past --timeout (wall clock, default 60 s) is stopped and shown as "> N s".
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, SHAPES } from './stress-shapes.mjs';

const root = resolve(import.meta.dirname, '..');
const MARK = '\u0000stress-cpu ';
// Reports the process's own CPU time (every thread) as it exits, whatever the CLI does with its streams.
const CPU_PRELOAD = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write(${JSON.stringify(MARK)}+(u.user+u.system)/1e6+'\\n')})`;

const { values } = parseArgs({
  options: {
    engine: { type: 'boolean' },
    folder: { type: 'boolean' },
    only: { type: 'string' },
    sizes: { type: 'string', default: '50,200,800' },
    timeout: { type: 'string', default: '60' },
    json: { type: 'string' },
    child: { type: 'string' },
    size: { type: 'string' },
  },
});

if (values.child) {
  // --engine's child: generate the document and time checkText on it in this process (tsx loads the engine).
  const shape = SHAPES.find((s) => s.name === values.child);
  const text = generate(shape, Number(values.size));
  const { checkText } = await import(join(root, 'server/src/engine/check.ts'));
  checkText('# NA01 - RCA - April 11, 2026\n\nwarm up 10:00 CST.\n');
  const start = process.cpuUsage();
  const { diagnostics } = checkText(text);
  const used = process.cpuUsage(start);
  const rca001 = diagnostics.find((d) => d.code === 'RCA001');
  process.stdout.write(JSON.stringify({ cpu: (used.user + used.system) / 1e6, findings: diagnostics.length, rca001: rca001?.message }));
  process.exit(0);
}

const sizes = values.sizes.split(',').map((kb) => Number(kb) * 1000);
const timeout = Number(values.timeout) * 1000;
const only = values.only ? new RegExp(values.only) : undefined;
const tmp = join(tmpdir(), `rca-stress-${process.pid}`);
mkdirSync(tmp, { recursive: true });

/** One check of one document: CPU seconds, or undefined past the timeout; the number of findings; RCA001's text. */
function run(shape, size) {
  if (values.engine) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', shape.name, '--size', String(size)], {
      cwd: root,
      timeout,
      maxBuffer: 1 << 26,
      encoding: 'utf8',
    });
    if (child.error || child.status !== 0) return { cpu: undefined, error: child.error?.code ?? child.stderr.slice(0, 300) };
    return JSON.parse(child.stdout);
  }
  // --folder: the file alone in a folder, checked as a folder walk finds it (taken for an RCA by its title, which a
  // check stopped before its parse ended has to detect from the text's beginning).
  const folder = join(tmp, shape.name);
  mkdirSync(folder, { recursive: true });
  const file = join(values.folder ? folder : tmp, `${shape.name}.md`);
  writeFileSync(file, generate(shape, size));
  const child = spawnSync(
    process.execPath,
    ['--import', CPU_PRELOAD, join(root, 'dist/cli.js'), 'check', '--no-config', '--format', 'json', values.folder ? folder : file],
    {
      timeout,
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    },
  );
  if (child.error) return { cpu: undefined, error: child.error.code };
  const cpu = Number(child.stderr.split(MARK)[1]);
  let findings = 0;
  let rca001;
  try {
    const [report] = JSON.parse(child.stdout);
    findings = report?.diagnostics.length ?? 0;
    rca001 = report?.diagnostics.find((d) => d.code === 'RCA001')?.message;
  } catch {
    return { cpu, error: `exit ${child.status}: ${child.stderr.split(MARK)[0].slice(0, 300)}` };
  }
  return { cpu, findings, rca001 };
}

const show = (r) => (r.cpu === undefined ? `> ${values.timeout} s` : `${r.cpu.toFixed(2)} s`);
const results = [];
const header = ['shape', ...sizes.map((s) => `${s / 1000} KB`), sizes.length > 1 ? `${sizes.at(-2) / 1000}->${sizes.at(-1) / 1000}` : '', 'findings', 'RCA001'];
console.log(
  `${values.engine ? 'checkText (tsx)' : values.folder ? 'dist/cli.js check <folder>' : 'dist/cli.js check'}, CPU seconds per document, timeout ${values.timeout} s`,
);
console.log(header.join(' | '));
for (const shape of SHAPES) {
  if (only && !only.test(shape.name)) continue;
  const row = [];
  for (const size of sizes) {
    // Past a timeout the larger sizes would only time out too.
    row.push(row.at(-1)?.cpu === undefined && row.length ? { cpu: undefined } : run(shape, size));
  }
  const [a, b] = row.slice(-2);
  const growth = a?.cpu && b?.cpu ? b.cpu / a.cpu : undefined;
  const last = row.at(-1);
  results.push({ shape: shape.name, sizes, cpu: row.map((r) => r.cpu ?? null), growth, findings: last.findings, rca001: last.rca001, error: last.error });
  console.log(
    [
      shape.name,
      ...row.map(show),
      growth ? `${growth.toFixed(1)}x` : '',
      last.findings ?? '',
      last.error ?? (last.rca001 ? last.rca001.slice(0, 90) : ''),
    ].join(' | '),
  );
}
rmSync(tmp, { recursive: true, force: true });
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
const slow = results.filter((r) => r.cpu.at(-1) === null || r.cpu.at(-1) > 2 || (r.growth ?? 0) > 5);
console.log(
  `${results.length} shapes; ${slow.length} over 2 s at ${sizes.at(-1) / 1000} KB or growing more than 5x: ${slow.map((r) => r.shape).join(', ') || 'none'}`,
);
