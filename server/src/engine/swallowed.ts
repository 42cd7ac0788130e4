import type { RcaDocument } from './model';
import { endOffset, startOffset } from './nodes';
import type { RcaDiagnostic } from './types';

/**
 * Where a fenced code block or an HTML comment that never closes begins: from there to the end of the document,
 * anything a fix inserts becomes part of the code or the comment, and the fix would do nothing.
 */
function swallowedFrom(doc: RcaDocument): number | undefined {
  const last = doc.root.children[doc.root.children.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return undefined;
  const start = startOffset(last);
  const raw = doc.text.slice(start, endOffset(last));
  if (last.type === 'html') return /^\s*<!--/.test(raw) && !raw.includes('-->') ? start : undefined;
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!fence) return undefined;
  const closing = raw.trimEnd().split(/\r\n|\n|\r/).slice(1).pop()?.trim() ?? '';
  const closed = closing.startsWith(fence) && /^[`~]+$/.test(closing);
  return closed ? undefined : start;
}

/** Keeps only the fixes that can work: none whose edits would land inside unclosed code or comment. */
export function dropSwallowedFixes(doc: RcaDocument, diagnostics: RcaDiagnostic[]): void {
  const from = swallowedFrom(doc);
  if (from === undefined) return;
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes) continue;
    diagnostic.fixes = diagnostic.fixes.filter((fix) => fix.edits.every((edit) => doc.lines.offsetAt(edit.range.start) <= from));
  }
}
