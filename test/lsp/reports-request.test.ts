// rcaWriter/reports over LSP: the workspace's reports for the Explorer's "RCAs" view, newest incident first, each
// with the problems the editor shows for it (an open report's from its open text), and a notification when they change.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { REPORTS_CHANGED_NOTIFICATION, REPORTS_REQUEST, type ReportSummary } from '../../server/src/lsp/protocol';
import { TestClient } from '../helpers/lsp-client';

const FIXTURES = join(__dirname, '..', 'fixtures', 'folder');
const FILES = ['2025-04-02-na01.rca.md', '2026-04-11-na01.rca.md', '2025-11-05-na03.rca.md'];

describe('rcaWriter/reports', { timeout: 60_000 }, () => {
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();
  const reports = () => client.connection.sendRequest(REPORTS_REQUEST) as Promise<ReportSummary[]>;
  const changed = () => new Promise<void>((resolve) => client.connection.onNotification(REPORTS_CHANGED_NOTIFICATION, () => resolve()));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rca-reports-request-'));
    for (const file of FILES) copyFileSync(join(FIXTURES, file), join(dir, file));
    writeFileSync(join(dir, 'notes.md'), '# Team notes\n\nNot a report.\n');
    client = new TestClient({ workspaceFolder: dir, progress: true, pull: true });
    await client.initialize();
    await client.progressEnded();
  });
  after(() => client.shutdown());

  it('lists the indexed reports newest incident first, with title, date and the counts of their findings', async () => {
    assert.deepEqual(await reports(), [
      {
        uri: uriOf('2026-04-11-na01.rca.md'),
        name: '2026-04-11-na01.rca.md',
        title: 'NA01, NA02, NA03, NA91 - RCA - April 11, 2026',
        incident: '2026-04-11',
        // RCA201 (error) and RCA401 (warning): the introduction still gives the date of the report it was copied from.
        problems: { errors: 1, warnings: 1, others: 0 },
      },
      {
        uri: uriOf('2025-11-05-na03.rca.md'),
        name: '2025-11-05-na03.rca.md',
        title: 'NA03 - RCA - November 5, 2025',
        incident: '2025-11-05',
        problems: { errors: 0, warnings: 0, others: 0 },
      },
      {
        uri: uriOf('2025-04-02-na01.rca.md'),
        name: '2025-04-02-na01.rca.md',
        title: 'NA01, NA02, NA03 - RCA - April 2, 2025',
        incident: '2025-04-02',
        problems: { errors: 0, warnings: 0, others: 0 },
      },
    ]);
  });

  it("counts an open report's findings from its open text, unsaved edits included", async () => {
    const name = '2025-11-05-na03.rca.md';
    const text = readFileSync(join(dir, name), 'utf8');
    client.open(uriOf(name), text.replace(/\n## /, '\nTODO\n\n## '));
    await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(name) } });
    const open = (await reports()).find((report) => report.uri === uriOf(name));
    assert.deepEqual(open?.problems, { errors: 0, warnings: 1, others: 0 }, 'the TODO left in the open text (RCA109)');
    client.close(uriOf(name));
  });

  it('tells the client when a report is added, and lists it', async () => {
    const name = '2026-06-30-cn01.rca.md';
    copyFileSync(join(FIXTURES, name), join(dir, name));
    const told = changed();
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type: 1 }] });
    await told;
    const listed = await reports();
    // Its title gives March 17, 2026 (it was copied from another report, whose date the title kept): the incident
    // date is the title's, as the cross-report rules read it.
    assert.deepEqual(
      listed.map((report) => [report.name, report.incident]),
      [
        ['2026-04-11-na01.rca.md', '2026-04-11'],
        [name, '2026-03-17'],
        ['2025-11-05-na03.rca.md', '2025-11-05'],
        ['2025-04-02-na01.rca.md', '2025-04-02'],
      ],
    );
  });
});
