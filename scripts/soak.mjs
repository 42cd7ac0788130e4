// Soak: 10,000 incremental edits across 50 documents through the protocol, each followed by a diagnostics pull.
// Prints the server's resident memory as it goes; fails if it grows more than 20% past where it settled after
// the warm-up. Usage: node scripts/build.mjs && node scripts/soak.mjs [edits] [documents]
//
// Resident memory between collections swings by tens of MB with the garbage not yet collected, so at each sample
// the server (started with --expose-gc and a SIGUSR2 handler that only runs a full collection and reports its
// heap) collects first: the figures are what it retains. The figures before the collection are printed too.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import rpc from 'vscode-jsonrpc/node.js';

const EDITS = Number(process.argv[2] ?? 10_000);
const DOCUMENTS = Number(process.argv[3] ?? 50);
const WARM_UP = Math.floor(EDITS / 5);
const SAMPLE_EVERY = Math.max(1, Math.floor(EDITS / 40));
const ALLOWED_GROWTH = 0.2;

const fixtures = ['test/fixtures/rules', 'test/fixtures/seeds'].flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8')),
);
const insertions = ['TODO ', 'April 11, 2026 ', 'from 10:16 until 10:23 CST. ', '\n## Event Timeline\n\n', '\n- item\n', 'NA01 ', '🔥', ''];

const GC_ON_SIGNAL = `process.on('SIGUSR2', () => { globalThis.gc(); process.stderr.write('soak-heap ' + process.memoryUsage().heapUsed + '\\n'); });`;
const server = spawn(process.execPath, ['--expose-gc', '--import', `data:text/javascript,${encodeURIComponent(GC_ON_SIGNAL)}`, 'dist/server.js', '--stdio'], {
  stdio: ['pipe', 'pipe', 'pipe'],
});
let heapWaiter;
let stderr = '';
server.stderr.on('data', (chunk) => {
  stderr += String(chunk);
  let newline;
  while ((newline = stderr.indexOf('\n')) >= 0) {
    const line = stderr.slice(0, newline);
    stderr = stderr.slice(newline + 1);
    const heap = /^soak-heap (\d+)$/.exec(line);
    if (heap && heapWaiter) heapWaiter(Number(heap[1]) / 1024 / 1024);
    else if (!heap) process.stderr.write(`${line}\n`);
  }
});
/** Has the server run a full garbage collection; resolves with its heap in use afterwards, in MB. */
function collect() {
  return new Promise((resolve) => {
    heapWaiter = (mb) => {
      heapWaiter = undefined;
      // Let the freed pages go back to the system before resident memory is read.
      setTimeout(() => resolve(mb), 200);
    };
    server.kill('SIGUSR2');
  });
}
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
connection.onRequest('client/registerCapability', () => null);
connection.onNotification('window/logMessage', () => undefined);
connection.listen();

/** Resident set size of the server process, in MB, from /proc (Linux). */
function rssMb() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

// A deterministic pseudo-random sequence, so two runs do the same edits.
let state = 20260411;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
await connection.sendNotification('initialized', {});
const documents = Array.from({ length: DOCUMENTS }, (_, i) => ({ uri: `file:///soak/rcas/doc-${i}.md`, text: fixtures[i % fixtures.length], version: 1 }));
// Each document may grow this much past its first text and is then trimmed, so the work stays about the same
// size and memory that keeps growing would be held, not needed.
const GROWTH_CHARS = 300;
for (const doc of documents) doc.limit = Math.min(doc.text.length + GROWTH_CHARS, 6000);
for (const doc of documents)
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'markdown', version: 1, text: doc.text } });

const lines = (text) => text.split(/\r\n|\n|\r/);
const started = performance.now();
const samples = [];
let settled;
for (let edit = 1; edit <= EDITS; edit++) {
  const doc = documents[Math.floor(random() * documents.length)];
  const all = lines(doc.text);
  // Mostly insertions, some deletions of what is there; a document past its limit is trimmed (a deletion on a
  // line that has text), so documents neither vanish nor grow past their limit.
  const over = doc.text.length > doc.limit;
  const candidates = over ? all.flatMap((text, index) => (text.length ? [index] : [])) : all.map((_, index) => index);
  const line = candidates[Math.floor(random() * candidates.length)];
  const character = Math.floor(random() * (all[line].length + (over ? 0 : 1)));
  const remove = over || random() < 0.4 ? Math.min(all[line].length - character, 1 + Math.floor(random() * 20)) : 0;
  const insert = over || (remove > 0 && random() < 0.5) ? '' : insertions[Math.floor(random() * insertions.length)];
  const range = { start: { line, character }, end: { line, character: character + remove } };
  all[line] = all[line].slice(0, character) + insert + all[line].slice(character + remove);
  doc.text = all.join('\n');
  doc.version++;
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: doc.uri, version: doc.version },
    contentChanges: [{ range, text: insert }],
  });
  await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
  if (edit % SAMPLE_EVERY === 0) {
    const raw = rssMb();
    const heap = await collect();
    const rss = rssMb();
    const chars = documents.reduce((sum, d) => sum + d.text.length, 0);
    samples.push({ edit, rss, raw, heap });
    if (edit >= WARM_UP && settled === undefined) settled = rss;
    console.log(
      `edit ${String(edit).padStart(6)}  rss ${rss.toFixed(1)} MB after a full GC (${raw.toFixed(1)} MB before), heap ${heap.toFixed(1)} MB, documents ${(chars / 1000).toFixed(0)} thousand characters${edit === WARM_UP ? '  (settled after warm-up)' : ''}`,
    );
  }
}
const seconds = (performance.now() - started) / 1000;
const kept = samples.filter((sample) => sample.edit >= WARM_UP);
const after = kept.map((sample) => sample.rss);
const peak = Math.max(...after);
const final = after[after.length - 1];
const rawPeak = Math.max(...kept.map((sample) => sample.raw));
console.log(`\n${EDITS} edits across ${DOCUMENTS} documents in ${seconds.toFixed(1)} s (${((seconds * 1000) / EDITS).toFixed(1)} ms per edit and pull)`);
console.log(
  `resident memory: settled ${settled.toFixed(1)} MB after ${WARM_UP} edits, peak after that ${peak.toFixed(1)} MB (+${((peak / settled - 1) * 100).toFixed(1)}%), final ${final.toFixed(1)} MB (${final >= settled ? '+' : ''}${((final / settled - 1) * 100).toFixed(1)}%)`,
);
console.log(
  `heap in use after a full GC: settled ${kept[0].heap.toFixed(1)} MB, final ${kept[kept.length - 1].heap.toFixed(1)} MB; resident memory before the collections peaked at ${rawPeak.toFixed(1)} MB`,
);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
const within = peak <= settled * (1 + ALLOWED_GROWTH);
console.log(within ? `within ${ALLOWED_GROWTH * 100}% of the settled figure` : `FAILED: grew more than ${ALLOWED_GROWTH * 100}% past the settled figure`);
process.exitCode = within ? 0 : 1;
