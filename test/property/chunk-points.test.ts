// After an edit the chunk points are searched again only around it (ChunkPoints); a search of the whole text is the
// reference here, on texts long enough that the search resumes after kept points, made of the lines that decide
// where a cut may fall.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockPoints, ChunkPoints, commonEnds, splitPoints } from '../../server/src/engine/chunk-points';
import { parameters } from './arbitraries';

const lines = [
  '',
  '',
  ' ',
  '\t',
  '## Event Timeline',
  '# Title',
  '#no heading',
  '---',
  '***',
  '* * *',
  '___',
  '===',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '-',
  '| a | b |',
  '| --- | --- |',
  '| 10:16 | alerts |',
  '> quoted',
  '    indented code',
  '```',
  '<!-- comment',
  '-->',
  '[label]: http://example.com',
  '+++',
  'April 11, 2026 at 10:16 CST the service failed.',
  'A long paragraph line that goes on for a while so that chunks reach their least length sooner than short lines would.',
];
const breaks = ['\n', '\n', '\n', '\r\n', '\r'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...lines), fc.constantFrom(...breaks)), { minLength: 20, maxLength: 160 })
  .map((parts) => parts.map(([line, lineBreak]) => line + lineBreak).join(''));

/** Edits of whole lines and runs of them, and of a character or two that turn one kind of line into another. */
const edit = fc.oneof(
  fc.record({
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 300 }),
    text: fc.oneof(
      fc.constantFrom('', '\n', '\r\n', '\r', '\n\n## Root Cause\n\n', '- ', '| x |\n', '---\n', '\n'.repeat(70), '```\n', 'word'),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.record({
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 4 }),
    text: fc.constantFrom('', '\n', '\r', '#', '\n#', '\n\n#', '-', '|', ' ', '*', '>', '\n\n', '1.', 'x'),
  }),
);

describe('ChunkPoints', () => {
  it('finds after each edit the points a search of the whole text finds', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 40, 200), (start, edits, minChunk) => {
        const points = new ChunkPoints(minChunk);
        let current = start;
        points.find(current);
        for (const { from, length, text: inserted } of edits) {
          const at = Math.floor(from * current.length);
          current = current.slice(0, at) + inserted + current.slice(Math.min(current.length, at + length));
          assert.deepEqual(points.find(current), { headings: splitPoints(current), blocks: blockPoints(current, minChunk) }, JSON.stringify(current));
        }
      }),
      parameters(),
    );
  });

  it('measures the common start and end without overlapping them', () => {
    // Texts up to 100,000 characters, so that every step of the comparison (slices of 64 Ki down to single
    // characters) is taken, and an edited copy of each.
    const long = fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 5000 })).map(([base, times]) => base.repeat(times));
    fc.assert(
      fc.property(long, edit, fc.boolean(), (a, { from, length, text: inserted }, unrelated) => {
        const at = Math.floor(from * a.length);
        const b = unrelated ? inserted : a.slice(0, at) + inserted + a.slice(Math.min(a.length, at + length));
        const { prefix, suffix } = commonEnds(a, b);
        assert.ok(prefix + suffix <= Math.min(a.length, b.length));
        assert.ok(a.startsWith(b.slice(0, prefix)));
        assert.ok(a.endsWith(b.slice(b.length - suffix)));
        if (prefix < Math.min(a.length, b.length)) assert.notEqual(a[prefix], b[prefix]);
        if (prefix + suffix < Math.min(a.length, b.length)) assert.notEqual(a[a.length - suffix - 1], b[b.length - suffix - 1]);
      }),
      parameters(),
    );
  });
});
