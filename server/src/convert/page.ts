// How a printed page marks list items, and how to keep its sentences verbatim in Markdown.

export interface ListMarker {
  ordered: boolean;
  /** "1." for an ordered item, "-" otherwise. */
  marker: string;
  /** The item's text; empty for a lone marker. */
  text: string;
}

// "•" and "·" are how the pages print bullets; "-", "*", "+" and "–" are what writers type.
const PRINTED_BULLET = /^[\u2022\u00b7\u25e6\u25aa\u25cf\u2023\u2219]\s*(.*)$/u;
const TYPED_BULLET = /^[-*+\u2013](?:\s+(.*))?$/u;
const ORDERED = /^(\d{1,2})([.)])\s+(\S.*)$/; // "2024. A year…" is a sentence, not item 2024

/** The list marker a line starts with, if any. */
export function listMarker(text: string): ListMarker | undefined {
  const printed = PRINTED_BULLET.exec(text) ?? TYPED_BULLET.exec(text);
  if (printed) return { ordered: false, marker: '-', text: (printed[1] ?? '').trim() };
  const ordered = ORDERED.exec(text);
  if (ordered) return { ordered: true, marker: `${ordered[1]}${ordered[2]}`, text: ordered[3] };
  return undefined;
}

const URL = /\b(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+/gi;

function escapePlain(text: string): string {
  return (
    text
      // A backslash before punctuation would escape it; double it so it prints.
      .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
      .replace(/[*`[~]/g, (ch) => `\\${ch}`)
      // Underscores inside words never make emphasis; elsewhere they might.
      .replace(/_/g, (ch, offset: number, whole: string) =>
        /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? ch : `\\${ch}`,
      )
      // "<date>" or "<b>" would be read as HTML; "&amp;" as an entity.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/&(?=#?\w+;)/g, '\\&')
  );
}

/** Escapes what Markdown would read as markup inside a line, leaving web addresses as they are. */
export function escapeInline(text: string): string {
  let result = '';
  let cursor = 0;
  for (const match of text.matchAll(URL)) {
    result += escapePlain(text.slice(cursor, match.index)) + match[0];
    cursor = match.index + match[0].length;
  }
  return result + escapePlain(text.slice(cursor));
}

/** Escapes what Markdown would read as a block (heading, quote, list, rule, fence) at the start of a line. */
export function escapeBlockStart(text: string): string {
  if (/^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$|-{2,}\s*$|_{3,}\s*$|\|)/.test(text)) return `\\${text}`;
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1].length)}`;
  return text;
}

/** A line of body text as Markdown that renders to the same words. */
export function markdownLine(text: string): string {
  return escapeBlockStart(escapeInline(text));
}

/** A heading's text: like a body line, but a trailing run of "#" would be read as a closing sequence. */
export function markdownHeading(text: string): string {
  return escapeInline(text).replace(/(\s)(#+)$/, '$1\\$2');
}
