import type { RcaDocument, Section } from './model';
import type { SectionDef } from './profiles';
import { documentValues, renderSection } from './template';
import type { TextEdit } from './types';
import type { RcaSettings } from './settings';

/** The sections that count for order: the first one of each profile section. */
export function orderedSections(doc: RcaDocument, exclude?: Section): Section[] {
  const seen = new Set<string>();
  return doc.sections.filter((section) => {
    if (!section.def || section === exclude || seen.has(section.def.id)) return false;
    seen.add(section.def.id);
    return true;
  });
}

export function profileIndex(doc: RcaDocument, def: SectionDef): number {
  return doc.profile.sections.indexOf(def);
}

export interface Placement {
  offset: number;
  /** The section the new one follows, if any. */
  after?: Section;
  /** The section the new one precedes, if any. */
  before?: Section;
}

/**
 * Where a section belongs: right after its closest preceding neighbour in profile order, else right
 * before its closest following one. Always at a section boundary, never inside another section's text.
 */
export function canonicalPlacement(doc: RcaDocument, def: SectionDef, exclude?: Section): Placement {
  const target = profileIndex(doc, def);
  const present = orderedSections(doc, exclude);
  let after: Section | undefined;
  let before: Section | undefined;
  for (const section of present) {
    const index = profileIndex(doc, section.def!);
    if (index < target && (!after || index > profileIndex(doc, after.def!))) after = section;
    if (index > target && (!before || index < profileIndex(doc, before.def!))) before = section;
  }
  if (after) {
    const next = doc.sections[doc.sections.indexOf(after) + 1];
    // An implicit introduction ends at its last paragraph; the next heading is the boundary.
    const offset = after.match === 'implicit' ? (next ? next.start : doc.text.length) : after.end;
    return { offset, after, before: before && before.start === offset ? before : undefined };
  }
  if (before) return { offset: before.start, before };
  const title = doc.title;
  if (!title) return { offset: doc.text.length };
  const line = title.range.end.line;
  const underTitle = doc.lines.lineCount > line + 1 ? doc.lines.lineStart(line + 1) : doc.text.length;
  // The introduction takes the text written under the title without a heading: it is that text's heading. Any
  // other section would take that text in as its own body (a summary would read as the root cause), so it goes
  // after it, before the first heading that follows.
  if (def.role === 'introduction') return { offset: underTitle };
  const next = doc.sections.find((section) => section.start >= underTitle);
  return { offset: next ? next.start : doc.text.length };
}

/**
 * Pads text inserted at `offset` with line breaks so it stands as its own block: a blank line before
 * (unless the text before already ends with one) and a blank line after (unless it is the end).
 */
export function asBlock(doc: RcaDocument, offset: number, block: string): string {
  const eol = doc.lines.eol;
  const before = doc.text.slice(Math.max(0, offset - 4), offset).replace(/\r/g, '');
  let prefix = '';
  if (offset > 0) {
    if (!before.endsWith('\n')) prefix = eol + eol;
    else if (!before.endsWith('\n\n')) prefix = eol;
  }
  const body = block.replace(/\r?\n/g, eol).replace(/(\r?\n)+$/, '');
  // A blank line that already follows is the one after the block: a second would leave two (markdownlint's MD012).
  const atLineStart = offset === 0 || /[\r\n]/.test(doc.text[offset - 1]);
  const blankFollows = atLineStart && /^[ \t]*(?:\r?\n|\r)/.test(doc.text.slice(offset, offset + 64));
  const suffix = offset >= doc.text.length || blankFollows ? eol : eol + eol;
  return prefix + body + suffix;
}

export function insertSectionEdit(doc: RcaDocument, def: SectionDef, settings: Pick<RcaSettings, 'statusPortalUrl'>): TextEdit {
  const placement = canonicalPlacement(doc, def);
  const text = renderSection(def, doc.sectionLevel, 'text', documentValues(doc, settings));
  const position = doc.lines.positionAt(placement.offset);
  return { range: { start: position, end: position }, newText: asBlock(doc, placement.offset, text) };
}

/** Edits that move a whole section (heading and body) to where the profile puts it; none if it is there. */
export function moveSectionEdits(doc: RcaDocument, section: Section): TextEdit[] {
  if (!section.def || !(section.heading ?? section.label)) return [];
  const placement = canonicalPlacement(doc, section.def, section);
  const { start, end } = section;
  if (placement.offset >= start && placement.offset <= end) return [];
  const block = doc.text.slice(start, end);
  return [
    { range: doc.lines.range(start, end), newText: end >= doc.text.length ? trailingRemainder(doc, start) : '' },
    {
      range: doc.lines.range(placement.offset, placement.offset),
      newText: asBlock(doc, placement.offset, block),
    },
  ];
}

/** When the moved section was last, the text left behind should still end in one line break. */
function trailingRemainder(doc: RcaDocument, start: number): string {
  return doc.text.slice(0, start).endsWith('\n') || start === 0 ? '' : doc.lines.eol;
}

/** Range of whole lines from the node's first line to the start of the line after its last. */
export function wholeLines(doc: RcaDocument, startOffset: number, endOffset: number): { start: number; end: number } {
  const first = doc.lines.positionAt(startOffset).line;
  const last = doc.lines.positionAt(endOffset).line;
  const start = doc.lines.lineStart(first);
  const end = last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length;
  return { start, end };
}
