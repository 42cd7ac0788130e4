// Soak: 10,000 incremental edits across 50 documents through the protocol, each followed by a diagnostics pull.
// Prints the server's resident memory as it goes; fails if it grows more than 20% past where it settled after
// the warm-up. Usage: node scripts/build.mjs && node scripts/soak.mjs [edits] [documents]
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
  readdirSync(folder).filter((file) => file.endsWith('.md')).sort().map((file) => readFileSync(join(folder, file), 'utf8')),
);
const insertions = ['TODO ', 'April 11, 2026 ', 'from 10:16 until 10:23 CST. ', '\n## Event Timeline\n\n', '\n- item\n', 'NA01 ', '🔥', ''];

const server = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
await connection.sendNotification('initialized', {});
const documents = Array.from({ length: DOCUMENTS }, (_, i) => ({ uri: `file:///soak/rcas/doc-${i}.md`, text: fixtures[i % fixtures.length], version: 1 }));
for (const doc of documents) await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'markdown', version: 1, text: doc.text } });

const lines = (text) => text.split(/\r\n|\n|\r/);
const started = performance.now();
const samples = [];
let settled;
for (let edit = 1; edit <= EDITS; edit++) {
  const doc = documents[Math.floor(random() * documents.length)];
  const all = lines(doc.text);
  const line = Math.floor(random() * all.length);
  const character = Math.floor(random() * (all[line].length + 1));
  // Mostly insertions, some deletions of what is there, so documents neither vanish nor grow without end.
  const remove = doc.text.length > 6000 || random() < 0.4 ? Math.min(all[line].length - character, 1 + Math.floor(random() * 20)) : 0;
  const insert = remove > 0 && random() < 0.5 ? '' : insertions[Math.floor(random() * insertions.length)];
  const range = { start: { line, character }, end: { line, character: character + remove } };
  all[line] = all[line].slice(0, character) + insert + all[line].slice(character + remove);
  doc.text = all.join('\n');
  doc.version++;
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
  await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
  if (edit % SAMPLE_EVERY === 0) {
    const rss = rssMb();
    samples.push({ edit, rss });
    if (edit >= WARM_UP && settled === undefined) settled = rss;
    console.log(`edit ${String(edit).padStart(6)}  rss ${rss.toFixed(1)} MB${edit === WARM_UP ? '  (settled after warm-up)' : ''}`);
  }
}
const seconds = (performance.now() - started) / 1000;
const after = samples.filter((sample) => sample.edit >= WARM_UP).map((sample) => sample.rss);
const peak = Math.max(...after);
const final = after[after.length - 1];
console.log(`\n${EDITS} edits across ${DOCUMENTS} documents in ${seconds.toFixed(1)} s (${((seconds * 1000) / EDITS).toFixed(1)} ms per edit and pull)`);
console.log(`resident memory: settled ${settled.toFixed(1)} MB after ${WARM_UP} edits, peak after that ${peak.toFixed(1)} MB (+${((peak / settled - 1) * 100).toFixed(1)}%), final ${final.toFixed(1)} MB (${final >= settled ? '+' : ''}${((final / settled - 1) * 100).toFixed(1)}%)`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
const within = peak <= settled * (1 + ALLOWED_GROWTH);
console.log(within ? `within ${ALLOWED_GROWTH * 100}% of the settled figure` : `FAILED: grew more than ${ALLOWED_GROWTH * 100}% past the settled figure`);
process.exitCode = within ? 0 : 1;
