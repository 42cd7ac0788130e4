// The generator suite of scripts/stress.mjs at a small size, as a hang detector only: no speed is asserted (the
// timings live in scripts/stress.mjs and docs/reliability.md), but a shape whose check grew back to quadratic or
// worse, or that throws, fails here. The bound is per shape and generous: a loaded CI machine must never trip it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Paragraph } from 'mdast';
import { convertPage } from '../../server/src/convert';
import { printHtml } from '../../server/src/engine/html-text';
import { ParseCut } from '../../server/src/engine/budget';
import { checkText } from '../../server/src/engine/check';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { parseMarkdown } from '../../server/src/engine/parse';
import { findProfile } from '../../server/src/engine/profiles';
import { generate, SHAPES } from '../../scripts/stress-shapes.mjs';

const SIZE = 20_000;

describe('generated document shapes (scripts/stress-shapes.mjs) at 20 KB', () => {
  it('has at least 60 shapes, each of about the size asked for', () => {
    assert.ok(SHAPES.length >= 60, `${SHAPES.length} shapes`);
    for (const shape of SHAPES) {
      const length = generate(shape, SIZE).length;
      assert.ok(length >= SIZE && length < SIZE + 2_000, `${shape.name}: ${length} characters`);
    }
  });

  // A line with more "|" than a table row may have is read as text (parse.ts), and RCA001 says so; every rule runs.
  const WIDE = new Set(['pipes-line', 'table-wide']);
  // The check's budget is CPU time, which a loaded machine stretches: the first check of a process runs on cold code
  // (empty list items at 20 KB took 1.1-1.3 s of the 1.2 s budget at load 4-10) and would be cut, which says nothing
  // about a hang. Here the budget is out of the way; the test's timeout is the hang detector, and test/unit/budget.test.ts
  // holds the budget to its word.
  const NO_BUDGET = { budgetMs: 60_000 };
  for (const shape of SHAPES) {
    it(`${shape.name}: checked, every rule run`, { timeout: 60_000 }, () => {
      const { diagnostics } = checkText(generate(shape, SIZE), {}, NO_BUDGET);
      const skipped = diagnostics.filter((d) => d.code === 'RCA001').map((d) => d.message);
      const wide = WIDE.has(shape.name) ? skipped.filter((message) => / as text, not as a table row: /.test(message)) : [];
      assert.equal(wide.length, WIDE.has(shape.name) ? 1 : 0, 'a line read as text, not as a table row');
      assert.deepEqual(
        skipped.filter((message) => !wide.includes(message)),
        [],
        'no rule failed or was skipped',
      );
    });
  }

  // The plain-block reader (plain-blocks.ts) placed each address of a paragraph by counting its lines from the
  // paragraph's start: 89 s for this megabyte. The timeout is the hang detector; it takes well under a second.
  it('a paragraph of 30,000 web addresses on 30,000 lines parses in linear time', { timeout: 30_000 }, () => {
    const text = `# T\n\n${Array.from({ length: 30_000 }, (_, i) => `see http://a${i}.example.com/x`).join('\n')}\n`;
    const paragraph = parseMarkdown(text).children[1] as Paragraph;
    assert.equal(paragraph.children.filter((node) => node.type === 'link').length, 30_000);
  });

  // Shapes whose whole text was one chunk for the parser, so the check's budget could not stop it (one long list
  // took 30 s at 800 KB): each is now cut into chunks of a few KB, and a parse allowed four chunks stops within the
  // first tenth of the document. A step count, not a time.
  const CUT = [
    'empty-list-items',
    'empty-list-items-ordered',
    'nested-lists',
    'ordered-list',
    'list-items-text',
    'task-list',
    'thematic-breaks',
    'hash-lines',
    'repeated-section-bare',
    'table-rows',
    'table-rows-dates',
  ];
  for (const name of CUT) {
    it(`${name}: the parse stops between chunks a few KB apart`, () => {
      const text = generate(
        SHAPES.find((shape) => shape.name === name)!,
        200_000,
      );
      const lines = text.split('\n').length;
      let chunks = 0;
      const steps = new IncrementalParser().parseSteps(text, () => ++chunks > 4);
      assert.throws(
        () => {
          while (!steps.next().done);
        },
        (error) => error instanceof ParseCut && error.line < lines / 10,
      );
    });
  }
});

// A page saved as HTML is printed to text before it is converted (engine/html-text.ts). Nesting deeper than the call
// stack, a row of 100,000 cells and thousands of nested lists once threw or took minutes (the row: 64 s, each cell read
// the end of the whole line again). No speed is asserted: the timeout is the hang detector.
describe('convert: hostile pages saved as HTML, at 1 MB', () => {
  const report = '<!DOCTYPE html><html><body><h1>NA01 - RCA - May 6, 2024</h1><h2>Introduction</h2>';
  const shapes: [string, string, (markdown: string) => boolean][] = [
    ['100,000 nested divs', `${report}${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`, (md) => md.endsWith('\n\ndeep\n')],
    ['100,000 nested spans left open', `${report}<p>${'<span>'.repeat(100_000)}deep`, (md) => md.endsWith('\n\ndeep\n')],
    ['20,000 nested lists', `${report}${'<ul><li>item'.repeat(20_000)}`, (md) => md.split('\n').filter((line) => line.includes('item')).length === 20_000],
    ['a row of 100,000 cells', `${report}<table><tr>${'<td>cell</td>'.repeat(100_000)}</tr></table>`, (md) => md.split('cell').length - 1 === 100_000],
    ['200,000 line breaks', `${report}<p>${'line<br>'.repeat(200_000)}</p>`, (md) => md.split('line').length - 1 === 200_000],
    // parse5 took 2.8 s on it at a load of 8 with source locations, which a page this large is parsed without.
    ['1 MB of line breaks', `${report}${'<br>'.repeat(250_000)}`, (md) => md === '# NA01 - RCA - May 6, 2024\n\n## Introduction\n'],
    [
      '500,000 lines of preformatted text',
      `${report}<pre>${'x\n'.repeat(500_000)}</pre>`,
      (md) => md.split('\nx').length - 1 === 500_000 && md.endsWith('x\n```\n'),
    ],
  ];
  for (const [name, html, keeps] of shapes) {
    it(`${name}: converted, every word kept`, { timeout: 60_000 }, () => {
      const { markdown } = convertPage(html, findProfile('exlibris')!, printHtml);
      assert.ok(markdown.startsWith('# NA01 - RCA - May 6, 2024\n\n## Introduction\n'), markdown.slice(0, 80));
      assert.ok(keeps(markdown), `${name}: words lost`);
    });
  }
});
