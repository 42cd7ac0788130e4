import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { found, readFixture } from '../helpers/fixtures';
import { root, runIn } from './helpers';

interface JsonReport {
  file: string;
  diagnostics: {
    code: string;
    message: string;
    range: { start: { line: number; character: number } };
    related?: { file: string; range: { start: { line: number } }; message: string }[];
  }[];
}

const FOLDER = join('test', 'fixtures', 'folder');
const files = readdirSync(join(root, FOLDER))
  .filter((file) => file.endsWith('.md'))
  .sort();

function checkJson(args: string[]): JsonReport[] {
  const { stdout } = runIn(['check', '--format', 'json', ...args]);
  return JSON.parse(stdout) as JsonReport[];
}

describe('check <folder>: cross-report rules over a folder of reports', () => {
  const reports = checkJson([FOLDER]);
  const byFile = new Map(reports.map((report) => [report.file.split(/[\\/]/).pop()!, report]));

  it('the fixture folder holds 20+ reports over two years', () => {
    assert.ok(files.length >= 20, `${files.length} reports`);
    const years = new Set(files.map((file) => file.slice(0, 4)));
    assert.deepEqual([...years].sort(), ['2025', '2026']);
    assert.equal(reports.length, files.length);
  });

  for (const file of files) {
    it(`${file}: exactly the findings carried inline`, () => {
      const fixture = readFixture(join(root, FOLDER, file), file);
      assert.deepEqual(found(byFile.get(file)!.diagnostics), fixture.expected);
    });
  }

  it('every cross-report rule fires in the folder, and the clean reports (most of them) get nothing', () => {
    const codes = new Set(reports.flatMap((report) => report.diagnostics.map((d) => d.code)));
    for (const code of ['RCA401', 'RCA402', 'RCA403', 'RCA404']) assert.ok(codes.has(code), code);
    const clean = reports.filter((report) => report.diagnostics.length === 0);
    assert.ok(clean.length >= 14, `${clean.length} clean reports`);
  });

  it('a finding names the other report and points at it (JSON related)', () => {
    const copied = byFile.get('2026-04-11-na01.rca.md')!.diagnostics.find((d) => d.code === 'RCA401')!;
    assert.equal(
      copied.message,
      "The introduction says April 2, 2025: that is the incident date of 'NA01, NA02, NA03 - RCA - April 2, 2025' (test/fixtures/folder/2025-04-02-na01.rca.md); this report's timeline says April 11, 2026.",
    );
    assert.deepEqual(copied.related, [
      {
        file: 'test/fixtures/folder/2025-04-02-na01.rca.md',
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 40 } },
        message: "The incident of 'NA01, NA02, NA03 - RCA - April 2, 2025'",
      },
    ]);
  });

  it("text output prints the other report's place under the finding; GitHub annotations name it", () => {
    const text = runIn(['check', FOLDER]).stdout.split('\n');
    const at = text.findIndex((line) => line.startsWith('test/fixtures/folder/2026-02-03-ap01.rca.md:21:1 information RCA402 '));
    assert.ok(at >= 0, text.join('\n'));
    assert.equal(text[at + 1], "  test/fixtures/folder/2025-07-22-eu02.rca.md:21:1 The paragraph in 'EU02 - RCA - July 22, 2025'");
    const github = runIn(['check', '--format', 'github', FOLDER]).stdout;
    assert.match(
      github,
      /::notice file=test\/fixtures\/folder\/2026-01-20-eu00\.rca\.md,line=27,.*\(see test\/fixtures\/folder\/2025-03-12-eu00\.rca\.md:27:3\)$/m,
    );
  });

  it("SARIF relatedLocations point into the other report's artifact", () => {
    const log = JSON.parse(runIn(['check', '--format', 'sarif', FOLDER]).stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'RCA403');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/folder/2025-11-05-na03-second-report.rca.md');
    assert.deepEqual(result.relatedLocations[0].physicalLocation, {
      artifactLocation: { uri: 'test/fixtures/folder/2025-11-05-na03.rca.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 13, startColumn: 24, endLine: 13, endColumn: 45 },
    });
  });
});

describe('check <file> --index-folder <folder>', () => {
  const file = join(FOLDER, '2026-04-11-na01.rca.md');

  it('a file named alone gets no cross-report finding', () => {
    const [report] = checkJson([file]);
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      ['RCA201'],
    );
  });

  it('with --index-folder it is compared with the folder, and only it is reported', () => {
    const reports = checkJson(['--index-folder', FOLDER, file]);
    assert.equal(reports.length, 1);
    assert.deepEqual(
      reports[0].diagnostics.map((d) => d.code),
      ['RCA201', 'RCA401'],
    );
  });

  it('--index-folder must name a folder', () => {
    const { code, stderr } = runIn(['check', '--index-folder', file, file]);
    assert.equal(code, 2);
    assert.match(stderr, /--index-folder: ".*2026-04-11-na01\.rca\.md" is not a folder/);
  });
});
