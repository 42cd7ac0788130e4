import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Nodes } from 'mdast';
import { checkText } from '../../server/src/engine/check';
import { convertText } from '../../server/src/convert';
import { plainText } from '../../server/src/engine/nodes';
import { parseMarkdown } from '../../server/src/engine/parse';
import { findProfile } from '../../server/src/engine/profiles';
import { project, root, run, runIn, seedNames, seedOriginals, seedText, sharedSeeds, snapshot } from './helpers';

const exlibris = findProfile('exlibris')!;
const fixtures = join(root, 'test', 'fixtures', 'convert');
const expectedCodes = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'seeds', 'expected.json'), 'utf8')) as Record<string, string[]>;

function findings(markdown: string) {
  return checkText(markdown).diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
}

/** The text of every paragraph and heading, as a reader sees it. */
function blockTexts(markdown: string): string[] {
  const texts: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') texts.push(plainText(node));
    else if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(markdown));
  return texts;
}

describe('convert: the seeds', () => {
  for (const name of seedNames) {
    it(`${seedOriginals[name]} converts to Markdown that checks like the hand-made ${name}`, () => {
      const original = join(sharedSeeds, seedOriginals[name]);
      assert.ok(existsSync(original), `${original} exists`);
      const { markdown, notes } = convertText(readFileSync(original, 'utf8'), exlibris);
      const expected = findings(seedText(name));
      assert.deepEqual(findings(markdown), expected);
      assert.deepEqual([...new Set(expected.map((d) => d.code))].sort(), [...expectedCodes[name]].sort());
      assert.deepEqual(notes, []);
      // The sentences are the hand-made fixture's, block for block.
      assert.deepEqual(blockTexts(markdown), blockTexts(seedText(name)));
    });
  }
});

describe('convert: page layout', () => {
  const input = readFileSync(join(fixtures, 'layout.txt'), 'utf8');
  const result = convertText(input, exlibris);

  it('turns a page with every layout feature into the expected Markdown', () => {
    assert.equal(result.markdown, readFileSync(join(fixtures, 'layout.md'), 'utf8'));
  });

  it('keeps every sentence unchanged and drops only navigation and footer lines', () => {
    const dropped = new Set([
      'Skip to main content',
      'Subscribe by RSS',
      'Ex Libris Knowledge Center',
      'Home > Alma > RCAs',
      'Was this article helpful?',
      'Yes',
      'No',
      'Related articles',
    ]);
    const lines = input
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
      .map((line) => line.replace(/^(?:[•·]\s*|- |\d\. )/, ''))
      .filter((line) => line && line !== '-' && !dropped.has(line));
    // The continuation line joins its item; the line before the title is kept right after it.
    const continued = lines.indexOf('and reports its result to the operations channel.');
    lines.splice(continued - 1, 2, `${lines[continued - 1]}\nand reports its result to the operations channel.`);
    const before = lines.indexOf('Posted by the Cloud team');
    lines.splice(before, 1);
    lines.splice(1, 0, 'Posted by the Cloud team');
    assert.deepEqual(blockTexts(result.markdown), lines);
  });

  it('recognises the title, the section headings (aliases too) and the lists', () => {
    const tree = parseMarkdown(result.markdown);
    const headings = tree.children.filter((n) => n.type === 'heading').map((n) => `${'#'.repeat(n.depth)} ${plainText(n)}`);
    assert.deepEqual(headings, [
      '# NA04, NA05 - RCA - May 6, 2024',
      '## Introduction',
      '## Effected Products',
      '## Event Timeline',
      '## Root Cause',
      '## Technical Action Items and Preventive Measures',
      '## Customer Communication',
    ]);
    const lists = tree.children.filter((n) => n.type === 'list').map((n) => n.children.map((item) => plainText(item)));
    assert.deepEqual(lists, [
      ['Alma', 'Primo VE'],
      [
        'Disk usage alerts were lowered to 70%.',
        'The cleanup job now runs hourly\nand reports its result to the operations channel.',
        'Storage was added to both nodes.',
      ],
      ['Review the retention policy.', 'Audit other clusters.'],
      [''],
    ]);
    assert.equal(tree.children.filter((n) => n.type === 'code').length, 0, 'indented text does not become code');
  });

  it('reports what it could not place, with its line', () => {
    assert.deepEqual(result.notes, [
      { line: 5, message: 'text before the title; kept after it' },
      { line: 45, message: 'a list marker with no text after it; kept as an empty list item' },
      { line: 57, message: 'text after the page footer; kept under "Customer Communication"' },
    ]);
    const lines = input.split('\n');
    assert.equal(lines[4], 'Posted by the Cloud team');
    assert.equal(lines[44].trim(), '-');
    assert.equal(lines[56], '    Contact the Cloud team for the full timeline.');
  });

  it('says when it finds no title, and keeps the text', () => {
    const { markdown, notes } = convertText('Introduction\nSome text.\nEvent Timeline\nMore text.\n', exlibris);
    assert.equal(markdown, '## Introduction\n\nSome text.\n\n## Event Timeline\n\nMore text.\n');
    assert.deepEqual(
      notes.map((n) => n.line),
      [1],
    );
    assert.match(notes[0].message, /no title line found/);
  });

  it('reports text between the title and the first heading when the profile has no implicit section', () => {
    const postmortem = findProfile('postmortem')!;
    const { notes } = convertText('Checkout outage - Postmortem\nA stray line.\nSummary\nText.\n', postmortem);
    assert.deepEqual(notes, [{ line: 2, message: 'text between the title and the first section heading; kept there' }]);
  });

  for (const line of [
    '# of hosts: 12',
    '> 5 minutes of downtime',
    '+5% more load than usual',
    '3.5 seconds was the worst latency',
    '2024. A year to remember.',
    '---',
    '===',
    '```',
    'a <b>bold</b> claim & a &amp; entity',
    'snake_case and _underscored_ words, *stars*, `ticks` and [brackets](x)',
    'a back\\slash and \\*escaped',
    '~~struck~~ and ~tilde',
    'see http://example.com/a_b_c*d for details',
  ]) {
    it(`keeps "${line}" as text`, () => {
      const { markdown } = convertText(`Introduction\n${line}\n`, exlibris);
      assert.deepEqual(blockTexts(markdown), ['Introduction', line]);
    });
  }
});

describe('rca-writer convert', () => {
  const seed = join(sharedSeeds, seedOriginals['seed-004.md']);

  it('writes Markdown to stdout, the same as the engine', () => {
    const { code, stdout, stderr } = run(['convert', seed]);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(stdout, convertText(readFileSync(seed, 'utf8'), exlibris).markdown);
  });

  it('writes -o, refuses to overwrite it without --force, and never touches the input', () => {
    const dir = project({ 'page.txt': readFileSync(join(fixtures, 'layout.txt'), 'utf8') });
    const before = snapshot(dir);
    const first = runIn(['convert', 'page.txt', '-o', 'page.rca.md'], { cwd: dir });
    assert.equal(first.code, 0);
    assert.equal(first.stdout, '');
    assert.equal(readFileSync(join(dir, 'page.rca.md'), 'utf8'), readFileSync(join(fixtures, 'layout.md'), 'utf8'));
    assert.deepEqual(first.stderr.trim().split('\n'), [
      'page.txt:5: note: text before the title; kept after it',
      'page.txt:45: note: a list marker with no text after it; kept as an empty list item',
      'page.txt:57: note: text after the page footer; kept under "Customer Communication"',
    ]);
    const again = runIn(['convert', 'page.txt', '-o', 'page.rca.md'], { cwd: dir });
    assert.equal(again.code, 2);
    assert.equal(again.stderr, 'rca-writer: page.rca.md: already exists (use --force to overwrite it)\n');
    assert.equal(runIn(['convert', 'page.txt', '-o', 'page.rca.md', '--force'], { cwd: dir }).code, 0);
    const onto = runIn(['convert', 'page.txt', '-o', 'page.txt', '--force'], { cwd: dir });
    assert.equal(onto.code, 2);
    assert.match(onto.stderr, /^rca-writer: page\.txt: is also an input/);
    const after = snapshot(dir);
    delete after[join(dir, 'page.rca.md')];
    assert.deepEqual(after, before);
  });

  it('reads standard input for "-"', () => {
    const { code, stdout } = run(['convert', '-'], { input: readFileSync(seed, 'utf8') });
    assert.equal(code, 0);
    assert.deepEqual(findings(stdout), findings(seedText('seed-004.md')));
  });

  for (const [name, args, pattern] of [
    ['a missing file', ['convert', 'missing.txt'], /^rca-writer: missing\.txt: cannot read the file \(no such file\)\n$/],
    ['no input', ['convert'], /^rca-writer: convert: no input given/],
    ['two inputs', ['convert', 'a.txt', 'b.txt'], /^rca-writer: convert: 2 inputs need --out-dir DIR/],
    [
      'an output in a missing folder',
      ['convert', seed, '-o', 'no/such/dir/out.md'],
      /^rca-writer: no\/such\/dir\/out\.md: cannot write the file \(no such directory\)\n$/,
    ],
    ['an unknown option', ['convert', '--wat', seed], /^rca-writer: Unknown option '--wat' \(try: rca-writer convert --help\)\n$/],
  ] as const) {
    it(`exits 2 with one line for ${name}`, () => {
      const { code, stdout, stderr } = run([...args]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, pattern);
    });
  }

  it('has --help', () => {
    assert.match(run(['convert', '--help']).stdout, /^Usage: rca-writer convert/);
    assert.match(run(['help', 'convert']).stdout, /^Usage: rca-writer convert/);
  });
});
