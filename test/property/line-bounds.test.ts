// The language server keeps each document's line facts and reads again only the lines an edit touched
// (line-bounds.ts, KeptLines): after any sequence of edits the bounds must be those of the text read afresh. The
// texts are made of what the bounds read (fences, blank lines, quotes and lists, inline markers, escapes and
// character references, rows too wide for a table) joined by every line break, "\r\n" included, and the edits
// insert and remove those pieces and single line-break characters anywhere, the middle of a "\r\n" too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeptLines, lineBounds, type LineBounds } from '../../server/src/engine/line-bounds';
import { MAX_TABLE_ROW_PIPES } from '../../server/src/engine/parse';
import { parameters } from './arbitraries';

const lines = [
  '```',
  '~~~~',
  '``` js `',
  '   ```',
  '',
  '   ',
  '\t',
  '> > quoted',
  '- item',
  '    1. nested',
  '* * *',
  'a*b_c [link] `code` ~x~',
  'C:\\temp\\* &amp; &#169; \\#',
  '| a | b |',
  'plain prose',
  `| ${'x | '.repeat(MAX_TABLE_ROW_PIPES)}`,
];
const breaks = ['\n', '\r\n', '\r'];

/** What the check reads of the bounds, with limits low enough for the texts here to pass them. */
function read(bounds: LineBounds) {
  return {
    lines: bounds.lineCount,
    deepest: bounds.deepest(),
    inlineWork: bounds.inlineWork(Infinity),
    escapes: bounds.escapeHeavyParagraph(1),
    wide: bounds.tooWideTableLine(),
  };
}

const text = fc
  .array(fc.tuple(fc.constantFrom(...lines), fc.constantFrom(...breaks)), { maxLength: 12 })
  .map((parts) => parts.map(([line, lineBreak]) => line + lineBreak).join(''));

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...breaks, '\n', '\r'), fc.constantFrom(...lines), fc.constant('')),
});

describe('KeptLines', () => {
  it('gives the bounds of the text read afresh after every edit', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const kept = new KeptLines();
        let current = start;
        kept.bounds(current);
        for (const { at, remove, insert } of edits) {
          const from = at % (current.length + 1);
          current = current.slice(0, from) + insert + current.slice(from + remove);
          const afresh = read(new KeptLines().bounds(current));
          assert.deepEqual(read(kept.bounds(current)), afresh, JSON.stringify(current));
          assert.equal(afresh.lines, current.split(/\r\n|\n|\r/).length);
          // A text read once, not kept, skips only what a short text cannot pass.
          const once = read(lineBounds(current));
          assert.deepEqual([once.lines, once.deepest, once.wide], [afresh.lines, afresh.deepest, afresh.wide]);
        }
      }),
      parameters(),
    );
  });

  it('reads a text kept unchanged, or emptied, as it is', () => {
    const kept = new KeptLines();
    const report = '# T\r\n\r\n```\r\n*a* \\#\r\n```\r\n> > q\r\n';
    assert.deepEqual(read(kept.bounds(report)), read(new KeptLines().bounds(report)));
    assert.deepEqual(read(kept.bounds(report)), read(new KeptLines().bounds(report)));
    assert.deepEqual(read(kept.bounds('')), { lines: 1, deepest: 0, inlineWork: 0, escapes: -1, wide: -1 });
    assert.deepEqual(read(kept.bounds(report)), read(new KeptLines().bounds(report)));
  });
});
