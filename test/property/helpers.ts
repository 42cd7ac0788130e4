import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/text';
import type { Range, RcaDiagnostic, TextEdit } from '../../server/src/engine/types';

/** A range the editor can use as is: on existing lines, within each line, start before end, no half a character. */
export function assertValidRange(text: string, index: LineIndex, range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < index.lineCount, `${what}: line ${position.line} of ${index.lineCount}`);
    const length = index.lineEnd(position.line) - index.lineStart(position.line);
    assert.ok(
      Number.isInteger(position.character) && position.character >= 0 && position.character <= length,
      `${what}: character ${position.character} on a line of ${length}`,
    );
  }
  const start = index.offsetAt(range.start);
  const end = index.offsetAt(range.end);
  assert.ok(start <= end, `${what}: starts after it ends`);
  for (const offset of [start, end]) {
    const low = text.charCodeAt(offset);
    const high = text.charCodeAt(offset - 1);
    assert.ok(!(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff), `${what}: splits a surrogate pair at ${offset}`);
  }
}

/** The edits applied as an editor applies them (the LSP library), for comparison with the engine's applyEdits. */
export function applyAsEditor(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), [...edits]);
}

/** Asserts that `after` is `before` with only the edited ranges replaced: every other character is unchanged. */
export function assertOnlyEditedRangesChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const index = new LineIndex(before);
  const spans = edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = 0;
  let at = 0;
  for (const span of spans) {
    assert.ok(span.start >= cursor, 'edits overlap');
    const kept = before.slice(cursor, span.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before offset ${span.start} unchanged`);
    at += kept.length;
    assert.equal(after.slice(at, at + span.newText.length), span.newText, 'the new text is inserted as given');
    at += span.newText.length;
    cursor = span.end;
  }
  assert.equal(after.slice(at), before.slice(cursor), 'text after the last edit unchanged');
}

export const key = (d: RcaDiagnostic) => `${d.code} ${d.message}`;

/** Where an offset of the text before the edits is afterwards; undefined if the edits replaced it. */
function mapOffset(text: string, edits: readonly TextEdit[], offset: number): number | undefined {
  const index = new LineIndex(text);
  let shift = 0;
  for (const edit of edits) {
    const start = index.offsetAt(edit.range.start);
    const end = index.offsetAt(edit.range.end);
    if (offset > start && offset < end) return undefined;
    if (end <= offset && !(start === end && start === offset)) shift += edit.newText.length - (end - start);
  }
  return offset + shift;
}

/**
 * The same finding, after the fix: same code and message, starting where the original start moved to. Findings
 * alike that the edits move to the same place (two empty list items in a row: removing the first brings the
 * second to its place) are counted: the fix removed its finding when fewer of them are there afterwards.
 */
export function survives(
  before: string,
  fixed: string,
  edits: readonly TextEdit[],
  diagnostic: RcaDiagnostic,
  all: RcaDiagnostic[],
  after: RcaDiagnostic[],
): boolean {
  const beforeIndex = new LineIndex(before);
  const moved = mapOffset(before, edits, beforeIndex.offsetAt(diagnostic.range.start));
  if (moved === undefined) return false;
  const alike = all.filter((d) => key(d) === key(diagnostic) && mapOffset(before, edits, beforeIndex.offsetAt(d.range.start)) === moved).length;
  const index = new LineIndex(fixed);
  return after.filter((d) => key(d) === key(diagnostic) && index.offsetAt(d.range.start) === moved).length >= alike;
}
