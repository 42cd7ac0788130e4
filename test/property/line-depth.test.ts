// lineDepth reads a line's quote and list markers a character at a time; the patterns it replaced are the
// reference here, on lines made of the characters that matter to them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lineDepth } from '../../server/src/engine/line-bounds';
import { parameters } from './arbitraries';

function depthByPatterns(line: string): number {
  const opened = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/.exec(line)![0];
  const markers = opened.match(/>|[-*+]|\d{1,9}[.)]/g) ?? [];
  const indent = markers.length && markers[0] !== '>' ? Math.floor(/^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length / 2) : 0;
  return markers.length + indent;
}

const pieces = [' ', '  ', '\t', '>', '-', '*', '+', '1', '12', '123456789', '1234567890', '.', ')', 'x', '- ', '1. ', '> ', '99) '];

describe('lineDepth', () => {
  it('counts what the patterns counted, on lines of markers, blanks, digits and text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const line = parts.join('');
        assert.equal(lineDepth(line), depthByPatterns(line), JSON.stringify(line));
      }),
      parameters(),
    );
  });

  it('reads the lines people write', () => {
    for (const [line, depth] of [
      ['- 10:16 UTC: alerts fired', 1],
      ['    - nested item', 3],
      ['\t1. tabbed', 3],
      ['> > quoted twice', 2],
      ['> - a list in a quote', 2],
      ['1234567890. not a marker', 0],
      ['-not a marker', 0],
      ['-', 1],
      ['plain text', 0],
    ] as const)
      assert.equal(lineDepth(line), depth, line);
  });
});
