// Issue 13, item 7: the server's documents keep a line table that it updates edit by edit. With lone "\r" line
// breaks in play (an edit may join a "\r" to a "\n", or take away what stood between them), that table must stay
// the one a fresh read of the text gives, or later edits land in the wrong place; and the incremental parser must
// still give a fresh parse's result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/engine/check';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { updateDocument } from '../../server/src/lsp/documents';
import { document, parameters } from './arbitraries';

/** A report with its line breaks made lone "\r", "\r\n", or a random mix of the three. */
const crText = fc.oneof(
  fc
    .tuple(document, fc.constantFrom('\r', '\r\n', 'mixed'), fc.array(fc.constantFrom('\n', '\r', '\r\n'), { minLength: 1, maxLength: 50 }))
    .map(([text, style, mix]) => {
      let i = 0;
      return text.replace(/\r\n|\n|\r/g, () => (style === 'mixed' ? mix[i++ % mix.length] : style));
    }),
  fc.string({ unit: fc.constantFrom('\r', '\n', 'a', ' ', '#', '\r\n', '## Event Timeline', 'April 11, 2026 10:16 CDT'), maxLength: 30 }),
);

/** One change as an editor sends it, placed by fractions of the current text so it always lands inside it. */
const change = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 6 }),
  text: fc.oneof(
    fc.constantFrom('', '\r', '\n', '\r\n', '\n\r', 'X', '\rX', 'X\r', '\nX', '## Event Timeline\r', '10:16 CDT\r\n'),
    fc.string({ unit: fc.constantFrom('\r', '\n', 'a', '#', ' '), maxLength: 5 }),
  ),
});

/** Each notification carries one to three changes, each against the text the previous one left. */
const notifications = fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

/** The document's line table is the one a fresh read of its text gives: same line starts, same positions. */
function assertSameLineTable(synced: TextDocument, text: string, when: string): void {
  const fresh = TextDocument.create(synced.uri, 'markdown', synced.version, text);
  assert.equal(synced.getText(), text, `${when}: the text`);
  assert.equal(synced.lineCount, fresh.lineCount, `${when}: the number of lines`);
  const lines = (document: TextDocument) =>
    Array.from({ length: document.lineCount }, (_, line) => {
      const start = document.offsetAt({ line, character: 0 });
      const end = document.offsetAt({ line, character: text.length + 1 });
      return [start, end, document.positionAt(start), document.positionAt(end), document.positionAt(end + 1)];
    });
  assert.deepEqual(lines(synced), lines(fresh), `${when}: where each line starts and ends`);
}

describe('line table under lone "\\r" line breaks', () => {
  it("after random edits the server's document reads like a fresh one, and the incremental check equals a fresh check", () => {
    fc.assert(
      fc.property(crText, notifications, (start, sent) => {
        const synced = TextDocument.create('file:///rcas/cr.md', 'markdown', 1, start);
        const parser = new IncrementalParser();
        const parse = (text: string) => parser.parse(text);
        checkText(start, {}, { parse });
        let expected = start;
        for (const [index, changes] of sent.entries()) {
          const version = index + 2;
          const placed = changes.map(({ from, length, text }) => {
            // The editor places each change on its own, correct, reading of the text it has at that point.
            const editor = TextDocument.create(synced.uri, 'markdown', version, expected);
            const startOffset = Math.floor(from * expected.length);
            const range = { start: editor.positionAt(startOffset), end: editor.positionAt(Math.min(expected.length, startOffset + length)) };
            expected = TextDocument.applyEdits(editor, [{ range, newText: text }]);
            return { range, text };
          });
          updateDocument(synced, placed, version);
          assertSameLineTable(synced, expected, `after notification ${version}`);
          assert.equal(synced.version, version);
          if (index % 2 === 1) checkText(synced.getText(), {}, { parse });
        }
        assert.deepEqual(checkText(synced.getText(), {}, { parse }), checkText(expected));
      }),
      {
        ...parameters(),
        examples: [
          // The cases: "\n" after a lone "\r", "\r" before a "\n", and the text between them deleted.
          ['a\rb', [[{ from: 2 / 3, length: 0, text: '\n' }], [{ from: 0.75, length: 1, text: 'c' }]]],
          ['a\nb', [[{ from: 1 / 3, length: 0, text: '\r' }], [{ from: 0.75, length: 1, text: 'c' }]]],
          ['a\rX\nb', [[{ from: 2 / 5, length: 1, text: '' }], [{ from: 0.75, length: 1, text: 'c' }]]],
        ],
      },
    );
  });

  it("the library's own update gets these cases wrong, so the check above can fail", () => {
    // Without the server's correction, "a\r" + "\n" keeps three lines where a fresh read has two.
    const plain = TextDocument.create('file:///x.md', 'markdown', 1, 'a\rb');
    TextDocument.update(plain, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 2);
    assert.equal(plain.getText(), 'a\r\nb');
    assert.equal(plain.lineCount, 3);
    const corrected = updateDocument(
      TextDocument.create('file:///x.md', 'markdown', 1, 'a\rb'),
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }],
      2,
    );
    assert.equal(corrected.lineCount, 2);
  });
});
