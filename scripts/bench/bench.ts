// `npm run bench`: RCA Writer against bare remark parsing, markdownlint and markdownlint-cli2, on the same generated
// inputs, in one run; prints every target of issues 8 and 20 with its measured value and ratio, says met or missed,
// and writes bench/results.json (keeping the typing-feedback part, which `npm run bench:vscode` measures in real VS
// Code: scripts/bench/vscode.ts). Timing lives here only: no test is timed. Quick run for trying it out:
// BENCH_QUICK=1; one part only: BENCH_ONLY=engine,edit,server,index,cli,package (a partial run is marked so in
// bench/results.json).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { checkText, MAX_CHARS, MAX_TIME_CHECK_CHARS } from '../../server/src/engine/check';
import { isRcaDocument } from '../../server/src/engine/detect';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';
import { TestClient } from '../../test/helpers/lsp-client';
import { largeRca, random, seedRca } from './inputs';
import { assess, fmt, targetLine, writeResults, type Target } from './targets';

const root = join(__dirname, '..', '..');
const tmp = join(root, 'bench', 'tmp');
const quick = Boolean(process.env.BENCH_QUICK);
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
/** Whether this run times a part of the bench (all of them unless BENCH_ONLY names some). */
const runs = (part: 'engine' | 'edit' | 'server' | 'index' | 'cli' | 'package') => only.size === 0 || only.has(part);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Medians of several contenders timed side by side: each is first warmed up `warmUps` times (so that none is
 * timed while the JIT is still cold, which made the first contender on a small input look slower), then the
 * rounds interleave them, so that a noisy moment on a shared machine hits all of them alike.
 */
function timeSideBySide(runs: number, warmUps: number, contenders: (() => unknown)[]): number[] {
  for (const run of contenders) for (let i = 0; i < warmUps; i++) run();
  const times = contenders.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    contenders.forEach((run, index) => {
      const start = performance.now();
      run();
      times[index].push(performance.now() - start);
    });
  }
  return times.map(median);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  // markdownlint is ESM only.
  const { lint } = (await import('markdownlint/sync')) as typeof import('markdownlint/sync');
  // --- engine, side by side ---------------------------------------------------------------------------------
  const inputs = [
    { name: 'seed-sized RCA', text: seedRca(1), runs: quick ? 20 : 100, warmUps: 50 },
    { name: '100 KB RCA', text: largeRca(100_000), runs: quick ? 2 : 7, warmUps: 2 },
    // A real 1 MB (1,048,576 characters) once the engine checks that much; until then just under its bound, since
    // past MAX_CHARS it reads nothing but the title. The notes below say what the engine skipped on it.
    { name: '1 MB RCA', text: MAX_CHARS >= 1_048_576 ? largeRca(1_048_576, 1, true) : largeRca(MAX_CHARS - 10_000), runs: quick ? 1 : 3, warmUps: 1 },
  ];
  /** What the engine leaves out on an input because of its size (check.ts), so that no row hides it. */
  const skippedOn = (chars: number) =>
    chars > MAX_CHARS
      ? 'everything but the title'
      : chars > MAX_TIME_CHECK_CHARS
        ? `the date and time rules (past ${MAX_TIME_CHECK_CHARS.toLocaleString('en-US')} characters)`
        : undefined;
  const engine = (runs('engine') ? inputs : []).map((input) => {
    log(`timing ${input.name} (${input.text.length} characters)`);
    const [parse, markdownlint, check] = timeSideBySide(input.runs, input.warmUps, [
      () => fromMarkdown(input.text),
      () => lint({ strings: { doc: input.text } }),
      () => checkText(input.text),
    ]);
    return {
      input: input.name,
      characters: input.text.length,
      parseMs: parse,
      markdownlintMs: markdownlint,
      checkMs: check,
      engineSkipped: skippedOn(input.text.length),
    };
  });

  // --- edits inside the 1 MB RCA, through the server's incremental path --------------------------------------
  function editsInside(text: string, count: number, seed: number): string[] {
    const rnd = random(seed);
    const versions: string[] = [];
    const typed = ['a', 'e', ' ', 'the ', '1', ':', '.', ',', '\n'];
    for (let i = 0; i < count; i++) {
      const at = Math.floor(rnd() * text.length);
      const kind = rnd();
      if (kind < 0.6) text = text.slice(0, at) + typed[Math.floor(rnd() * typed.length)] + text.slice(at);
      else if (kind < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 5));
      else text = `${text.slice(0, at)}word ${text.slice(at)}`;
      versions.push(text);
    }
    return versions;
  }
  let edit:
    | {
        medianMs: number;
        maxMs: number;
        edits: number;
        chunks: number;
        medianChunksReparsed: number;
        fullCheckMs: number;
        characters: number;
        engineSkipped?: string;
      }
    | undefined;
  if (runs('edit')) {
    log('timing edits inside the 1 MB RCA');
    const big = inputs[2].text;
    const parser = new IncrementalParser();
    /**
     * What the server's analyse() does for a version (lsp/analysis.ts): the check with the document's kept parser, which
     * parses incrementally and keeps the lines' facts, RCA detection on the tree, the rules.
     */
    const analyse = (text: string) =>
      checkText(text, {}, { parser, shouldCheck: (doc) => isRcaDocument({ text, include: [], root: doc.root, titleWords: doc.profile.titleWords }) });
    analyse(big);
    const editTimes: number[] = [];
    const reparsed: number[] = [];
    let chunks = 0;
    for (const version of editsInside(big, quick ? 10 : 40, 7)) {
      const start = performance.now();
      analyse(version);
      editTimes.push(performance.now() - start);
      reparsed.push(parser.stats.reparsed);
      chunks = parser.stats.chunks;
    }
    // The same run's full check of the 1 MB RCA; timed here when the engine part did not run.
    const fullCheckMs = engine[2]?.checkMs ?? timeSideBySide(quick ? 1 : 3, 1, [() => checkText(big)])[0];
    edit = {
      medianMs: median(editTimes),
      maxMs: Math.max(...editTimes),
      edits: editTimes.length,
      chunks,
      medianChunksReparsed: median(reparsed),
      fullCheckMs,
      characters: big.length,
      engineSkipped: skippedOn(big.length),
    };
  }

  // --- the server: RSS with 200 RCAs open, the workspace index, and start to first diagnostics ---------------
  function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  // As VS Code starts it (client/src/extension.ts), with the server's Node flags.
  async function serverRss(count: number): Promise<{ rssMb: number; idleRssMb: number }> {
    const client = new TestClient({ nodeArgs: [...SERVER_NODE_FLAGS] });
    await client.initialize();
    const idle = rssMb(client.process.pid!);
    const waits: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const uri = `file:///bench/rca-${i}.md`;
      client.open(uri, seedRca(100 + i));
      waits.push(client.diagnosticsFor(uri, 1));
    }
    await Promise.all(waits);
    const rss = rssMb(client.process.pid!);
    await client.shutdown();
    return { rssMb: rss, idleRssMb: idle };
  }

  /** RSS of a server whose workspace folder holds the files, once its workspace index is built, against one with an empty folder. */
  async function indexRss(folder: string, empty: string): Promise<{ rssMb: number; emptyFolderRssMb: number; buildMs: number }> {
    const measure = async (root: string) => {
      const client = new TestClient({ workspaceFolder: root, progress: true, nodeArgs: [...SERVER_NODE_FLAGS] });
      const start = performance.now();
      await client.initialize();
      await client.progressEnded();
      const buildMs = performance.now() - start;
      // The index is built; let the pushes of the reports' findings that follow it settle before reading RSS.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rss = rssMb(client.process.pid!);
      await client.shutdown();
      return { rss, buildMs };
    };
    const withReports = await measure(folder);
    const without = await measure(empty);
    return { rssMb: withReports.rss, emptyFolderRssMb: without.rss, buildMs: withReports.buildMs };
  }

  async function startToDiagnostics(): Promise<number> {
    const start = performance.now();
    const client = new TestClient();
    await client.initialize();
    client.open('file:///bench/first.md', seedRca(1));
    await client.diagnosticsFor('file:///bench/first.md', 1);
    const elapsed = performance.now() - start;
    await client.shutdown();
    return elapsed;
  }

  // The 1,000 seed-sized RCAs of the CLI rows and of the workspace index: outside the repository, since bench/tmp/
  // is git-ignored and so skipped by the CLI's folder walk and the index (both apply .gitignore), which once made
  // the CLI row time a run that checked nothing.
  const cliDir = join(tmpdir(), 'rca-writer-bench', 'reports');
  if (runs('index') || runs('cli')) {
    rmSync(cliDir, { recursive: true, force: true });
    mkdirSync(cliDir, { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const file = join(cliDir, `rca-${String(i).padStart(4, '0')}.md`);
      writeFileSync(file, seedRca(10_000 + i));
      files.push(file);
    }
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'cli-files.txt'), files.join('\n'));
  }

  if (runs('server') || runs('index') || runs('cli') || runs('package')) {
    log('building dist/ (node scripts/build.mjs)');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  let server: { rssMb: number; idleRssMb: number; startToFirstDiagnosticsMs: number; startWithoutCodeCacheMs: number } | undefined;
  if (runs('server')) {
    log('opening 200 RCAs in the server');
    const rss = await serverRss(200);
    log('timing server start to first diagnostics');
    // dist/server.js runs its bundle with the V8 code cache the build wrote (scripts/build.mjs): the target row is a
    // start with it, as on the Node that built it; a start without it (another Node, VS Code's Electron) is timed too.
    const starts: number[] = [];
    for (let i = 0; i < (quick ? 2 : 7); i++) starts.push(await startToDiagnostics());
    const coldStarts: number[] = [];
    process.env.RCA_WRITER_CODE_CACHE = 'off';
    for (let i = 0; i < (quick ? 2 : 7); i++) coldStarts.push(await startToDiagnostics());
    delete process.env.RCA_WRITER_CODE_CACHE;
    server = { ...rss, startToFirstDiagnosticsMs: median(starts), startWithoutCodeCacheMs: median(coldStarts) };
  }
  let index: { reports: number; rssMb: number; emptyFolderRssMb: number; addedMb: number; buildMs: number } | undefined;
  if (runs('index')) {
    log('indexing a workspace folder of 1,000 seed-sized RCAs in the server');
    const empty = join(tmp, 'empty-folder');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty, { recursive: true });
    const measured = await indexRss(cliDir, empty);
    index = { reports: 1000, ...measured, addedMb: measured.rssMb - measured.emptyFolderRssMb };
  }

  // --- the CLI over 1,000 seed-sized RCAs vs markdownlint-cli2 and bare parsing of the same files --------------
  function wall(args: string[], env: NodeJS.ProcessEnv = {}): number {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
    return performance.now() - start;
  }
  let cli: { files: number; threads: number; workersMs: number; singleThreadMs: number; markdownlintCli2Ms: number; bareParseTwoCoresMs: number } | undefined;
  if (runs('cli')) {
    log('timing rca-writer check and markdownlint-cli2 over 1,000 seed-sized RCAs');
    const cliRuns = quick ? 1 : 5;
    const listed = JSON.parse(
      spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', cliDir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout || '[]',
    ) as unknown[];
    if (listed.length !== 1000)
      throw new Error(`rca-writer check listed ${listed.length} of the 1,000 reports in ${cliDir}: the timing would not be of a check`);
    const markdownlintCli2 = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    // Interleaved, as the engine's contenders are, so that a noisy moment hits each alike.
    const times: number[][] = [[], [], [], []];
    for (let round = 0; round < cliRuns; round++) {
      times[0].push(wall(['dist/cli.js', 'check', '--format', 'json', cliDir]));
      times[1].push(wall(['dist/cli.js', 'check', '--format', 'json', cliDir], { RCA_WRITER_WORKERS: '0' }));
      // Its default rules and output, over the same folder as a glob (its usual call).
      times[2].push(wall([markdownlintCli2, `${cliDir}/*.md`]));
      times[3].push(wall(['scripts/bench/parse-files.mjs', join(tmp, 'cli-files.txt')]));
    }
    const [workersMs, singleThreadMs, markdownlintCli2Ms, bareParseTwoCoresMs] = times.map(median);
    cli = { files: 1000, threads: availableParallelism(), workersMs, singleThreadMs, markdownlintCli2Ms, bareParseTwoCoresMs };
  }

  // --- extension activation (proxy) and the package ---------------------------------------------------------
  let activationMs: number | undefined;
  let vsixMb: number | undefined;
  let webWorkerMb: number | undefined;
  if (runs('package')) {
    log('timing extension activation (dist/client.js with a stub vscode module)');
    const activations = Array.from(
      { length: quick ? 3 : 9 },
      () => JSON.parse(execFileSync(process.execPath, ['scripts/bench/activation.cjs'], { cwd: root, encoding: 'utf8' })) as { total: number },
    );
    activationMs = median(activations.map((a) => a.total));
    log('packaging (npm run package)');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    vsixMb = statSync(join(root, 'rca-writer.vsix')).size / 1_000_000;
    // The package's build is minified: the worker as VS Code for the Web downloads it.
    webWorkerMb = statSync(join(root, 'dist', 'web-server.js')).size / 1_000_000;
  }

  // --- the targets --------------------------------------------------------------------------------------------
  const targets: Target[] = [];
  const seed = engine[0];
  if (seed) {
    const parse = { name: 'bare parsing', value: seed.parseMs };
    targets.push({
      issue: 20,
      what: 'full check of a seed-sized RCA',
      value: seed.checkMs,
      unit: 'ms',
      limit: 1.5 * seed.parseMs,
      targetText: '≤ 1.5× bare parsing',
      baseline: parse,
    });
    const markdownlint = { name: 'markdownlint', value: seed.markdownlintMs };
    targets.push({
      issue: 8,
      what: 'full check of a seed-sized RCA',
      value: seed.checkMs,
      unit: 'ms',
      limit: seed.markdownlintMs,
      targetText: '< markdownlint',
      baseline: markdownlint,
      strict: true,
    });
  }
  if (edit) {
    const skipped = edit.engineSkipped ? `, ${edit.engineSkipped} skipped` : '';
    targets.push({ issue: 20, what: `an edit inside a 1 MB RCA, median${skipped}`, value: edit.medianMs, unit: 'ms', limit: 50, targetText: '≤ 50 ms' });
    const full = { name: 'a full check of it', value: edit.fullCheckMs };
    targets.push({
      issue: 20,
      what: `an edit inside a 1 MB RCA, median${skipped}`,
      value: edit.medianMs,
      unit: 'ms',
      limit: edit.fullCheckMs / 20,
      targetText: '≤ 1/20 of a full check',
      baseline: full,
    });
  }
  if (server) {
    targets.push({
      issue: 20,
      what: 'RSS with 200 RCAs open in the server',
      value: server.rssMb,
      unit: 'MB',
      limit: 150,
      targetText: '< 150 MB',
      strict: true,
    });
  }
  if (index) {
    const empty = { name: 'a server with an empty workspace folder', value: index.emptyFolderRssMb };
    targets.push({
      issue: 20,
      what: 'RSS added by the workspace index of 1,000 RCAs',
      value: index.addedMb,
      unit: 'MB',
      limit: 50,
      targetText: '< 50 MB more',
      baseline: empty,
      strict: true,
    });
  }
  if (cli) {
    const cli2 = { name: 'markdownlint-cli2', value: cli.markdownlintCli2Ms };
    targets.push({
      issue: 20,
      what: 'rca-writer check, 1,000 seed-sized RCAs',
      value: cli.workersMs,
      unit: 'ms',
      limit: 0.5 * cli.markdownlintCli2Ms,
      targetText: '≤ ½ markdownlint-cli2',
      baseline: cli2,
    });
    const bare = { name: 'bare parsing on both cores', value: cli.bareParseTwoCoresMs };
    targets.push({
      issue: 8,
      what: 'rca-writer check, 1,000 seed-sized RCAs',
      value: cli.workersMs,
      unit: 'ms',
      limit: 1.2 * cli.bareParseTwoCoresMs,
      targetText: '≤ 1.2× bare parsing',
      baseline: bare,
    });
  }
  if (server)
    targets.push({
      issue: 8,
      what: 'server start to first diagnostics',
      value: server.startToFirstDiagnosticsMs,
      unit: 'ms',
      limit: 300,
      targetText: '≤ 300 ms',
    });
  if (activationMs !== undefined)
    targets.push({
      issue: 8,
      what: 'extension activation (require + activate, stub vscode)',
      value: activationMs,
      unit: 'ms',
      limit: 50,
      targetText: '≤ 50 ms',
    });
  if (vsixMb !== undefined) targets.push({ issue: 8, what: '.vsix size', value: vsixMb, unit: 'MB', limit: 2, targetText: '≤ 2 MB' });
  if (webWorkerMb !== undefined)
    targets.push({ issue: 8, what: 'web worker (dist/web-server.js, minified)', value: webWorkerMb, unit: 'MB', limit: 1, targetText: '≤ 1 MB' });
  const rows = targets.map(assess);

  if (engine.length) {
    console.log('\nSide by side (medians, ms):');
    console.log('input                  chars    bare parse  markdownlint  RCA Writer check  check/parse  check/markdownlint');
    for (const row of engine) {
      console.log(
        `${row.input.padEnd(20)} ${String(row.characters).padStart(8)} ${fmt(row.parseMs).padStart(11)} ${fmt(row.markdownlintMs).padStart(13)} ${fmt(row.checkMs).padStart(17)} ${fmt(row.checkMs / row.parseMs).padStart(11)}× ${fmt(row.checkMs / row.markdownlintMs).padStart(17)}×`,
      );
    }
    for (const row of engine)
      if (row.engineSkipped)
        console.log(`Note: on the ${row.input} (${row.characters.toLocaleString('en-US')} characters) the engine skipped ${row.engineSkipped}.`);
  }
  if (edit)
    console.log(
      `\nEdits inside the 1 MB RCA: median ${fmt(edit.medianMs)} ms, max ${fmt(edit.maxMs)} ms over ${edit.edits} edits; ${edit.chunks} chunks, median ${edit.medianChunksReparsed} re-parsed; a full check takes ${fmt(edit.fullCheckMs)} ms.${edit.engineSkipped ? ` The engine skipped ${edit.engineSkipped}.` : ''}`,
    );
  if (cli)
    console.log(
      `CLI: ${fmt(cli.workersMs)} ms by default, ${fmt(cli.singleThreadMs)} ms with RCA_WRITER_WORKERS=0; markdownlint-cli2 ${fmt(cli.markdownlintCli2Ms)} ms; bare parsing on ${cli.threads} cores: ${fmt(cli.bareParseTwoCoresMs)} ms.`,
    );
  if (server)
    console.log(
      `Server: ${fmt(server.idleRssMb)} MB RSS idle, ${fmt(server.rssMb)} MB with 200 RCAs open; start to first diagnostics ${fmt(server.startToFirstDiagnosticsMs)} ms, ${fmt(server.startWithoutCodeCacheMs)} ms without the code cache.`,
    );
  if (index)
    console.log(
      `Workspace index: ${fmt(index.rssMb)} MB RSS with 1,000 RCAs indexed (built in ${fmt(index.buildMs)} ms from start), ${fmt(index.emptyFolderRssMb)} MB with an empty folder.`,
    );
  console.log('\nTargets (issues 8 and 20; ratio: measured over the target, at most 1 is met):');
  for (const row of rows) console.log(targetLine(row));
  console.log('(The typing-feedback target of issue 20, keystroke to squiggle in real VS Code, is measured by npm run bench:vscode.)');

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart },
    baselines: {
      parser: 'mdast-util-from-markdown (bare, no extensions)',
      markdownlint: 'markdownlint 0.40.0, default rules (the newest that supports Node 20)',
      markdownlintCli2: 'markdownlint-cli2 0.20.0 (markdownlint 0.40.0), default rules and output, the folder as a glob',
    },
    quick,
    parts: only.size ? [...only] : 'all',
    engine,
    edit,
    server,
    workspaceIndex: index,
    cli,
    activation:
      activationMs === undefined
        ? undefined
        : {
            method: 'require dist/client.js with a stub vscode module, await activate(); the language client starts against the stub',
            medianMs: activationMs,
          },
    vsixMb,
    webWorkerMb,
    targets: rows,
  };
  writeResults(results, false);
  console.log('\nWrote bench/results.json');
}

const loadAtStart = loadavg();

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
