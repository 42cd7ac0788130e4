// Workspace diagnostics over LSP: the editor's Problems panel lists the findings of the folder's reports that were
// never opened (workspace/diagnostic pulled, publishDiagnostics pushed to an editor that cannot pull), and a
// setting turns them off.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceDiagnosticReport, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const FIXTURES = join(__dirname, '..', 'fixtures', 'folder');
const FILES = ['2025-04-02-na01.rca.md', '2026-04-11-na01.rca.md', '2025-11-05-na03.rca.md'];
/** Started by copying the April 2, 2025 report: its introduction still gives that report's date. */
const COPIED = '2026-04-11-na01.rca.md';

function workspaceFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rca-workspace-diagnostics-'));
  for (const file of FILES) copyFileSync(join(FIXTURES, file), join(dir, file));
  return dir;
}

const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).toString();

async function pull(client: TestClient, previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport['items']> {
  const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
  return report.items;
}

function codesOf(items: WorkspaceDiagnosticReport['items'], uri: string): string[] | undefined {
  const report = items.find((item) => item.uri === uri);
  if (!report) return undefined;
  assert.equal(report.kind, 'full', `${uri} is ${report.kind}`);
  return (report as WorkspaceFullDocumentDiagnosticReport).items.map((d) => String(d.code)).sort();
}

describe('workspace diagnostics, pulled (workspace/diagnostic)', () => {
  let client: TestClient;
  let dir: string;
  let initialized: { capabilities: { diagnosticProvider?: { workspaceDiagnostics?: boolean } } };

  before(async () => {
    dir = workspaceFolder();
    client = new TestClient({ workspaceFolder: dir, progress: true, pull: true });
    initialized = (await client.initialize()) as typeof initialized;
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it('advertises workspace diagnostics to an editor that pulls', () => {
    assert.equal(initialized.capabilities.diagnosticProvider?.workspaceDiagnostics, true);
  });

  it('lists a report that was never opened with its own and its cross-report findings, and leaves the open ones to the document pull', async () => {
    const open = '2025-11-05-na03.rca.md';
    client.open(uriOf(dir, open), readFileSync(join(dir, open), 'utf8'));
    // The open report's own pull is answered once the server has it, so the workspace pull after it knows it is open.
    await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(dir, open) } });
    const items = await pull(client);
    assert.deepEqual(codesOf(items, uriOf(dir, COPIED)), ['RCA201', 'RCA401']);
    const copied = items.find((item) => item.uri === uriOf(dir, COPIED)) as WorkspaceFullDocumentDiagnosticReport;
    const rca401 = copied.items.find((d) => d.code === 'RCA401')!;
    assert.match(rca401.message, /\(2025-04-02-na01\.rca\.md\)/);
    assert.equal(rca401.relatedInformation?.[0].location.uri, uriOf(dir, '2025-04-02-na01.rca.md'));
    assert.equal(codesOf(items, uriOf(dir, open)), undefined, 'the open report is not listed');
    client.close(uriOf(dir, open));
  });

  it('answers "unchanged" for a report whose findings the editor has', async () => {
    const first = await pull(client);
    const copied = first.find((item) => item.uri === uriOf(dir, COPIED)) as WorkspaceFullDocumentDiagnosticReport;
    assert.ok(copied.resultId);
    const again = await pull(client, [{ uri: copied.uri, value: copied.resultId }]);
    assert.equal(again.find((item) => item.uri === copied.uri)?.kind, 'unchanged');
  });

  it('after the file changes on disk (a watched file), the next pull shows its new findings', async () => {
    const path = join(dir, COPIED);
    // The introduction now gives this report's own date, and a placeholder is left in it.
    const fixed = readFileSync(path, 'utf8').replaceAll('April 2, 2025', 'April 11, 2026').replace(/\n## /, '\nTBD\n\n## ');
    writeFileSync(path, fixed);
    const refreshed = client.nextRefresh();
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, COPIED), type: 2 }] });
    await refreshed;
    assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), ['RCA109']);
  });

  it('a deleted report is told to have no findings any more', async () => {
    const refreshed = client.nextRefresh();
    unlinkSync(join(dir, COPIED));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, COPIED), type: 3 }] });
    await refreshed;
    assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), []);
  });
});

describe('workspace diagnostics after the index is built', () => {
  // Loaded into the server before it starts: each Markdown file the server opens is named on stderr.
  const COUNT_READS = `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const openSync = fs.openSync;
    fs.openSync = (path, ...rest) => {
      // Straight to the descriptor: the index reads in a worker thread, whose process.stderr is forwarded
      // asynchronously and loses what is pending when the worker ends.
      if (/\\.md$/.test(String(path))) fs.writeSync(2, 'rca-read ' + String(path) + '\\n');
      return openSync(path, ...rest);
    };
    syncBuiltinESMExports();
  `;
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = workspaceFolder();
    client = new TestClient({
      workspaceFolder: dir,
      progress: true,
      pull: true,
      nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(COUNT_READS)}`],
    });
    await client.initialize();
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it("are the index's own checks: each report is read and checked once at start-up, not again for the Problems panel", async () => {
    assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), ['RCA201', 'RCA401']);
    const reads = client.stderr.split('\n').filter((line) => line.startsWith('rca-read '));
    assert.deepEqual(reads.sort(), FILES.map((file) => `rca-read ${join(dir, file)}`).sort());
  });
});

describe('workspace diagnostics turned off (rcaWriter.workspaceDiagnostics: false)', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient({ workspaceFolder: workspaceFolder(), progress: true, pull: true, configuration: () => ({ workspaceDiagnostics: false }) });
    await client.initialize();
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it('lists nothing', async () => {
    assert.deepEqual(await pull(client), []);
  });
});

describe('workspace diagnostics turned off while listed', () => {
  let client: TestClient;
  let dir: string;
  let settings = { workspaceDiagnostics: true };

  before(async () => {
    dir = workspaceFolder();
    client = new TestClient({ workspaceFolder: dir, progress: true, pull: true, configuration: () => settings });
    await client.initialize();
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it('the editor is told that the reports it was given have no findings any more, then nothing is listed', async () => {
    assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), ['RCA201', 'RCA401']);
    settings = { workspaceDiagnostics: false };
    const refreshed = client.nextRefresh();
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), []);
    assert.deepEqual(await pull(client), []);
  });
});

describe('workspace diagnostics pushed to an editor that cannot pull', () => {
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = workspaceFolder();
    client = new TestClient({ workspaceFolder: dir });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('publishes the findings of a report never opened once the index is built', async () => {
    const published = await client.diagnostics(uriOf(dir, COPIED), (p) => p.diagnostics.some((d) => d.code === 'RCA401'));
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['RCA201', 'RCA401']);
  });

  it("an opened report's own diagnostics take over, and a deleted report's are cleared", async () => {
    const uri = uriOf(dir, COPIED);
    client.open(uri, readFileSync(join(dir, COPIED), 'utf8'), 7);
    assert.deepEqual((await client.diagnosticsFor(uri, 7)).map((d) => d.code).sort(), ['RCA201', 'RCA401']);
    client.close(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    // Closed, it is read from disk again and listed again.
    await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 2);
    unlinkSync(join(dir, COPIED));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });
});

// A server that does not read the index again never ends a second progress: the time-out fails the test, it does not hang.
describe('a config file changed on disk: the reports indexed from disk are read again under it', { timeout: 30_000 }, () => {
  /** Leaves the report COPIED was copied from out of the RCAs: COPIED's RCA401 names it, so it goes with it. */
  const EXCLUDE_SOURCE = `${JSON.stringify({ exclude: ['**/2025-04-02-na01.rca.md'] })}\n`;

  it('pulled: after a new .rca-writer.json (a watched file), a report never opened loses the finding against a report the config leaves out', async () => {
    const dir = workspaceFolder();
    const client = new TestClient({ workspaceFolder: dir, progress: true, pull: true, watchFiles: true });
    try {
      await client.initialize();
      await client.progressEnded();
      assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), ['RCA201', 'RCA401']);
      const config = join(dir, '.rca-writer.json');
      writeFileSync(config, EXCLUDE_SOURCE);
      // The index is read again, with progress: once it has ended, a pull compares what the new settings make of the folder.
      const indexed = client.nextProgressEnd();
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
      await indexed;
      const items = await pull(client);
      // As \`rca-writer check\` says of the folder under that config: with two reports left, the paragraph the three
      // shared is no longer boilerplate, and is reported as copied from the other one.
      assert.deepEqual(codesOf(items, uriOf(dir, COPIED)), ['RCA201', 'RCA402']);
      assert.ok(!codesOf(items, uriOf(dir, '2025-04-02-na01.rca.md'))?.length, 'the report left out is listed with findings');
      // The config file changed back: the finding is back too.
      unlinkSync(config);
      const again = client.nextProgressEnd();
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 3 }] });
      await again;
      assert.deepEqual(codesOf(await pull(client), uriOf(dir, COPIED)), ['RCA201', 'RCA401']);
    } finally {
      await client.shutdown();
    }
  });

  it('pushed, in an editor that registers watchers: it watches the config files, and publishes the new findings of a report never opened', async () => {
    const dir = workspaceFolder();
    const client = new TestClient({ workspaceFolder: dir, watchFiles: true });
    try {
      await client.initialize();
      await client.diagnostics(uriOf(dir, COPIED), (p) => p.diagnostics.some((d) => d.code === 'RCA401'));
      const watched = client.registrations
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
      for (const glob of ['**/.rca-writer.json', '**/.rca-writer.yaml', '**/.rca-writer.yml', '**/*.md'])
        assert.ok(watched.includes(glob), `${glob} is not watched: ${watched.join(', ')}`);
      const config = join(dir, '.rca-writer.json');
      writeFileSync(config, EXCLUDE_SOURCE);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
      const published = await client.diagnostics(uriOf(dir, COPIED), (p) => !p.diagnostics.some((d) => d.code === 'RCA401'));
      assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['RCA201', 'RCA402']);
    } finally {
      await client.shutdown();
    }
  });
});
