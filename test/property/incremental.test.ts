import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/check';
import { IncrementalParser } from '../../server/src/incremental';
import { LineIndex } from '../../server/src/text';
import { document, parameters } from './arbitraries';

/** One incremental change as an editor sends it: a range of the current text and its replacement. */
const change = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 40 }),
  text: fc.oneof(fc.constantFrom('', '\n', '\r\n', '## Event Timeline\n', 'April 11, 2026 ', '10:16 CST', 'TODO', '- ', '> ', '```\n', '🔥', '\ud83d', '\u0000'), fc.string({ maxLength: 8 })),
});

describe('incremental document changes', () => {
  it('checking each version with the incremental parser, as the server does, equals a full check of the same text', () => {
    fc.assert(
      fc.property(document, fc.array(change, { minLength: 1, maxLength: 10 }), (start, changes) => {
        // The server keeps its documents exactly like this (TextDocuments with incremental sync).
        let synced = TextDocument.create('file:///rcas/x.md', 'markdown', 1, start);
        let full = start;
        // The server keeps one incremental parser per document and checks every version it is asked about.
        const parser = new IncrementalParser();
        const parse = (text: string) => parser.parse(text);
        checkText(start, {}, { parse });
        for (const [version, { from, length, text }] of changes.entries()) {
          const startOffset = Math.floor(from * full.length);
          const endOffset = Math.min(full.length, startOffset + length);
          const index = new LineIndex(full);
          const range = { start: index.positionAt(startOffset), end: index.positionAt(endOffset) };
          synced = TextDocument.update(synced, [{ range, text }], version + 2);
          // Positions count by \r\n as one break, as LSP does; offsets on either side of one are the same place.
          full = full.slice(0, index.offsetAt(range.start)) + text + full.slice(index.offsetAt(range.end));
          if (version % 2 === 1) checkText(synced.getText(), {}, { parse });
        }
        assert.equal(synced.getText(), full);
        const incremental = checkText(synced.getText(), {}, { parse });
        assert.equal(incremental.doc.text, full, 'the result is for the final text');
        assert.deepEqual(incremental, checkText(full));
      }),
      parameters(),
    );
  });
});
