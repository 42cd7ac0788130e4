// The cross-report rules in the editor: the server indexes the workspace folder's reports in the background, so a
// report opened alone is compared with the others on disk, and editing one report updates another's findings.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams, WorkspaceDiagnosticReport, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const FIXTURES = join(__dirname, '..', 'fixtures', 'folder');
const FILES = [
  '2025-04-02-na01.rca.md',
  '2026-04-11-na01.rca.md',
  '2025-11-05-na03.rca.md',
  '2025-12-02-na01.rca.md',
  '2026-03-17-ap02.rca.md',
  '2026-08-25-eu02.rca.md',
];

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const has = (code: string) => (p: PublishDiagnosticsParams) => codes(p).includes(code);
const lacks = (code: string) => (p: PublishDiagnosticsParams) => !codes(p).includes(code);

describe('workspace index over LSP: cross-report findings', () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rca-workspace-'));
    for (const file of FILES) copyFileSync(join(FIXTURES, file), join(dir, file));
    // A built copy of a report, which git ignores: not indexed, so no report overlaps its own copy (RCA403).
    mkdirSync(join(dir, 'build'));
    copyFileSync(join(FIXTURES, '2026-04-11-na01.rca.md'), join(dir, 'build', '2026-04-11-na01.rca.md'));
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    client = new TestClient({ workspaceFolder: dir, progress: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('indexes the workspace folder in the background, with progress shown, leaving out what .gitignore names', async () => {
    await client.progressEnded();
    assert.equal(client.progress[0].kind, 'begin');
    assert.equal(client.progress[0].text, 'RCA Writer: indexing reports');
    assert.equal(client.progress[client.progress.length - 1].kind, 'end');
    assert.ok(
      client.logs.some(
        // A handful of files: on the server's thread, which starts at once, where a worker first loads the bundle.
        (line) => line === `RCA Writer: indexed ${FILES.length} reports of ${FILES.length} Markdown files for the cross-report rules.`,
      ),
      client.logs.join('\n'),
    );
  });

  it('a report opened alone is compared with the reports on disk: RCA401 names the one its date came from', async () => {
    const copied = '2026-04-11-na01.rca.md';
    client.open(uri(copied), text(copied));
    const published = await client.diagnostics(uri(copied), has('RCA401'));
    const finding = published.diagnostics.find((d) => d.code === 'RCA401')!;
    assert.match(finding.message, /incident date of 'NA01, NA02, NA03 - RCA - April 2, 2025' \(2025-04-02-na01\.rca\.md\)/);
    assert.equal(finding.relatedInformation?.[0].location.uri, uri('2025-04-02-na01.rca.md'));
    assert.deepEqual(codes(published).sort(), ['RCA201', 'RCA401']);
  });

  it("editing one report updates another's cross-report findings, and undoing the edit brings them back", async () => {
    const copied = uri('2026-04-11-na01.rca.md');
    const original = '2025-04-02-na01.rca.md';
    const before = text(original);
    client.open(uri(original), before);
    // The earlier report's incident moves to April 3: April 2 is nobody's incident any more.
    client.replace(uri(original), before.replaceAll('April 2, 2025', 'April 3, 2025'), 2);
    const moved = await client.diagnostics(copied, lacks('RCA401'));
    assert.deepEqual(codes(moved), ['RCA201']);
    client.replace(uri(original), before, 3);
    await client.diagnostics(copied, has('RCA401'));
  });

  it('a report written on disk (a watched file) is indexed: its overlapping window shows on the open report', async () => {
    const open = '2025-11-05-na03.rca.md';
    client.open(uri(open), text(open));
    assert.ok(lacks('RCA403')(await client.diagnostics(uri(open))), 'no other report of that incident yet');
    const second = 'second-report.rca.md';
    writeFileSync(join(dir, second), readFileSync(join(FIXTURES, '2025-11-05-na03-second-report.rca.md'), 'utf8'));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(second), type: 1 }] });
    const overlapping = await client.diagnostics(uri(open), has('RCA403'));
    assert.match(overlapping.diagnostics.find((d) => d.code === 'RCA403')!.message, /\(second-report\.rca\.md\) on NA03/);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(second), type: 3 }] });
    await client.diagnostics(uri(open), lacks('RCA403'));
  });
});

describe('workspace index and configuration changes', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const indexed = () => client.logs.filter((line) => line.startsWith('RCA Writer: indexed '));

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rca-workspace-settings-'));
    for (const file of FILES) copyFileSync(join(FIXTURES, file), join(dir, file));
    client = new TestClient({ workspaceFolder: dir, progress: true, registerConfiguration: true, configuration: () => settings });
    await client.initialize();
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it('is not built again for a notification that changes no setting (VS Code sends one after the registration), and is for one that does', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    settings = { exclude: ['**/2025-*'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    while (indexed().length < 2) await client.nextProgressEnd();
    assert.deepEqual(indexed(), [
      `RCA Writer: indexed ${FILES.length} reports of ${FILES.length} Markdown files for the cross-report rules.`,
      `RCA Writer: indexed 3 reports of ${FILES.length} Markdown files for the cross-report rules.`,
    ]);
    assert.equal(client.progress.filter((p) => p.kind === 'begin').length, 2, JSON.stringify(client.progress));
  });
});

describe('workspace index built in a worker thread', () => {
  it("gives every report the findings, its own and the cross-report ones, that an index built on the server's thread gives", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rca-workspace-worker-'));
    for (const file of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, file), join(dir, file));
    // Not every Markdown file is an RCA: detection runs in the worker too.
    writeFileSync(join(dir, 'README.md'), '# Incident reports\n\nOne file per incident.\n');
    const indexedIn = async (env: Record<string, string>) => {
      const client = new TestClient({ workspaceFolder: dir, progress: true, pull: true, env });
      try {
        await client.initialize();
        await client.progressEnded();
        const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
        const items = report.items
          .map((item) => ({ uri: item.uri, diagnostics: (item as WorkspaceFullDocumentDiagnosticReport).items }))
          .sort((a, b) => a.uri.localeCompare(b.uri));
        return { items, logs: client.logs.filter((line) => line.startsWith('RCA Writer: indexed')) };
      } finally {
        await client.shutdown();
      }
    };
    // A folder this small is indexed on the server's thread by default; RCA_WRITER_WORKERS=2 asks for the worker.
    const inWorker = await indexedIn({ RCA_WRITER_WORKERS: '2' });
    const here = await indexedIn({});
    const reports = readdirSync(FIXTURES).length;
    assert.deepEqual(inWorker.logs, [
      `RCA Writer: indexed ${reports} reports of ${reports + 1} Markdown files for the cross-report rules, in a worker thread.`,
    ]);
    assert.deepEqual(here.logs, [`RCA Writer: indexed ${reports} reports of ${reports + 1} Markdown files for the cross-report rules.`]);
    assert.ok(
      inWorker.items.some((item) => item.diagnostics.some((d) => String(d.code).startsWith('RCA4'))),
      'cross-report findings are listed',
    );
    assert.deepEqual(inWorker.items, here.items);
  });
});
