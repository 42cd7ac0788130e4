// How a printed page marks list items, and how to keep its sentences verbatim in Markdown.
import type { InlineSpan } from '../engine/html-text';
import { maxOf } from '../engine/numbers';

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

/** A line of body text as Markdown that renders to the same words, with the page's links and code if it has any. */
export function markdownLine(text: string, spans: InlineSpan[] = []): string {
  return escapeBlockStart(inlineMarkdown(text, spans));
}

/** A heading's text: like a body line, but a trailing run of "#" would be read as a closing sequence. */
export function markdownHeading(text: string): string {
  return escapeInline(text).replace(/(\s)(#+)$/, '$1\\$2');
}

/** The longest run of backticks in a text. */
const longestTicks = (text: string) =>
  maxOf(
    (text.match(/`+/g) ?? []).map((run) => run.length),
    0,
  );

/** Code in a line, as written: fenced by more backticks than it holds, spaced off a backtick at either end. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestTicks(text) + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Lines of preformatted text as a fenced code block, untouched. */
export function codeBlock(lines: readonly string[]): string {
  const fence = '`'.repeat(
    maxOf(
      lines.map((line) => longestTicks(line) + 1),
      3,
    ),
  );
  return [fence, ...lines, fence].join('\n');
}

/** A link destination with nothing in it Markdown would end or read as an escape. */
const destination = (href: string) => href.replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `part` stands in `text` from `from` on, cutting no word in two (-1 if nowhere): a link's text found inside
 * a longer word is some other text, and the link is left as its text.
 */
function find(text: string, part: string, from: number): number {
  for (let at = text.indexOf(part, from); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + part.length] ?? ' ';
    if (!(WORD_CHAR.test(before) && WORD_CHAR.test(part[0])) && !(WORD_CHAR.test(after) && WORD_CHAR.test(part[part.length - 1]))) return at;
  }
  return -1;
}

/**
 * A line's text with the page's links and inline code in it as Markdown, the rest escaped as `escapeInline` does.
 * `spans` are the line's, in order; each found in the text (after the one before) is taken from the list, so that
 * the cells of a row can share the row's spans.
 */
export function inlineMarkdown(text: string, spans: InlineSpan[]): string {
  let result = '';
  let cursor = 0;
  while (spans.length) {
    const span = spans[0];
    const at = find(text, span.text, cursor);
    if (at < 0) break;
    spans.shift();
    const markup = span.href === undefined ? codeSpan(span.text) : `[${escapeInline(span.text).replace(/]/g, '\\]')}](${destination(span.href)})`;
    result += escapeInline(text.slice(cursor, at)) + markup;
    cursor = at + span.text.length;
  }
  return result + escapeInline(text.slice(cursor));
}
