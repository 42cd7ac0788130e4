// convert --out-dir: a team's saved pages, many at a time, each to DIR/NAME.rca.md. A page that cannot be converted
// stops none of the others, and is named on a line of its own.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { project, root, runIn, snapshot } from './helpers';

const fixtures = join(root, 'test', 'fixtures', 'convert');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const NOT_A_REPORT = 'Shopping list\nMilk\nBread\n';

describe('rca-writer convert --out-dir', () => {
  it('converts every page of a folder (.html, .htm, .txt), each to NAME.rca.md', () => {
    const dir = project({
      'pages/2024-01-08.html': read('chrome.html'),
      'pages/2024-01-08-printed.txt': read('chrome.txt'),
      'pages/notes.md': '# Notes\n',
      'pages/old/2020.txt': read('plain.txt'),
    });
    const result = runIn(['convert', 'pages', '--out-dir', 'rcas'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(join(dir, 'rcas', '2024-01-08.rca.md'), 'utf8'), read('chrome.md'));
    assert.equal(readFileSync(join(dir, 'rcas', '2024-01-08-printed.rca.md'), 'utf8'), read('chrome.md'));
    assert.ok(!existsSync(join(dir, 'rcas', 'notes.rca.md')), 'Markdown is no page');
    assert.ok(!existsSync(join(dir, 'rcas', '2020.rca.md')), 'a folder inside is not walked');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines[lines.length - 1], 'converted 2 of 2 pages into rcas');
    assert.ok(
      lines.some((line) => line.startsWith(`${join('pages', '2024-01-08.html')}:`) && line.includes(': note: an empty paragraph')),
      result.stderr,
    );
  });

  it('converts the pages named; one that is no report, or would overwrite another, is named and the rest are written', () => {
    const dir = project({ 'a.html': read('chrome.html'), 'a.txt': read('chrome.txt'), 'list.txt': NOT_A_REPORT, 'b.txt': read('plain.txt') });
    const result = runIn(['convert', 'a.html', 'a.txt', 'list.txt', 'b.txt', 'missing.txt', '-d', 'out'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(readFileSync(join(dir, 'out', 'a.rca.md'), 'utf8'), read('chrome.md'));
    assert.equal(readFileSync(join(dir, 'out', 'b.rca.md'), 'utf8'), read('chrome.md'));
    assert.ok(!existsSync(join(dir, 'out', 'list.rca.md')));
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('rca-writer: '));
    assert.equal(problems.length, 3, result.stderr);
    assert.equal(problems[0], `rca-writer: a.txt: its report would be ${join('out', 'a.rca.md')}, which a.html is written to; convert it on its own with -o`);
    assert.match(problems[1], /^rca-writer: list\.txt: has no title line/);
    assert.match(problems[2], /^rca-writer: missing\.txt: cannot read the file \(no such file\)$/);
    assert.match(result.stderr, /\nconverted 2 of 5 pages into out\n$/);
  });

  it('replaces a report only with --force', () => {
    const dir = project({ 'a.txt': read('chrome.txt'), 'out/a.rca.md': 'the writer’s own edits\n' });
    const result = runIn(['convert', 'a.txt', '--out-dir', 'out'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^rca-writer: out\/a\.rca\.md: already exists \(use --force to overwrite it\)\n/);
    assert.equal(readFileSync(join(dir, 'out', 'a.rca.md'), 'utf8'), 'the writer’s own edits\n');
    assert.equal(runIn(['convert', 'a.txt', '--out-dir', 'out', '--force'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(join(dir, 'out', 'a.rca.md'), 'utf8'), read('chrome.md'));
  });

  it('refuses, with one line and nothing written, what has no place to go', () => {
    const dir = project({ 'a.txt': read('chrome.txt'), 'b.txt': read('plain.txt'), 'empty/readme.md': '# Read me\n' });
    const before = snapshot(dir);
    for (const [args, message] of [
      [['convert', 'a.txt', 'b.txt'], /^rca-writer: convert: 2 inputs need --out-dir DIR, where each report is written as NAME\.rca\.md/],
      [['convert', 'a.txt', '-o', 'x.md', '--out-dir', 'out'], /^rca-writer: convert: -o names the report of one page, --out-dir the folder of several/],
      [['convert', '-', '--out-dir', 'out'], /^rca-writer: convert: "-" \(standard input\) has no name/],
    ] as const) {
      const result = runIn([...args], { cwd: dir });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
    assert.deepEqual(snapshot(dir), before);
    const empty = runIn(['convert', 'empty', '--out-dir', 'out'], { cwd: dir });
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, 'rca-writer: empty: is a folder with no page in it (.html, .htm or .txt)\nconverted 0 of 1 page into out\n');
  });
});
