// A published RCA saved as a web page (HTML), printed to text the way a browser prints it, so that the converter
// reads it as it reads a page printed by hand: headings and paragraphs on lines of their own, list items after a
// "•", table rows with their cells between tabs. The site's menus and footers are printed too; the converter leaves
// them out and lists them, as it does for a printed page.
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { ForwardLines } from './source-lines';
import {
  attribute,
  BLOCKS,
  BOLD_STYLE,
  boldClasses,
  CODE,
  isHidden,
  linkTarget,
  SECTIONING,
  siteReason,
  hasArticle,
  SPACED,
  TEXT_BLOCKS,
  UNPRINTED,
} from './html-elements';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface PrintedHtml {
  text: string;
  /** The line of the HTML (1-based) each line of `text` was printed from, by the text's line index (0-based). */
  sourceLines: number[];
  /** What the page's markup says of some printed lines, which their text alone cannot say. */
  marks?: LineMark[];
  /** Links and code inside printed lines, in the order printed. */
  spans?: InlineSpan[];
}

/**
 * What a printed line (`line`: its 0-based index) is, by the markup it came from: `body` is a paragraph's text
 * with words not in bold (never a heading, however it reads); `code` is a line of `<pre>` (`block` tells one
 * `<pre>` from the next); `site` is the site's navigation, header, footer or sidebar, `reason` saying which.
 */
export type LineMark = LineKind & { line: number };
export type LineKind = { kind: 'body' } | { kind: 'code'; block: number } | { kind: 'site'; reason: string };

/** A link (with its absolute `href`) or inline code (no `href`) whose `text` is printed on line `line`. */
export interface InlineSpan {
  line: number;
  text: string;
  href?: string;
}

const lineOf = (node: ChildNode | ParentNode) => ('sourceCodeLocation' in node ? node.sourceCodeLocation?.startLine : undefined);

/** Deeper list items are printed at this depth: a page nesting lists thousands deep would print the square of it. */
const MAX_LIST_INDENT = 8;

/**
 * The line being printed, in parts: a row of 100,000 cells is one line, and reading the end of a string built by
 * appending flattens it each time.
 */
class LineBuffer {
  private parts: string[] = [];

  get empty(): boolean {
    return this.parts.length === 0;
  }

  get last(): string {
    const part = this.parts[this.parts.length - 1];
    return part === undefined ? '' : part[part.length - 1];
  }

  push(text: string): void {
    if (text) this.parts.push(text);
  }

  /** Takes away the trailing characters that are `char`. */
  dropTrailing(char: string): void {
    while (this.last === char) {
      const part = this.parts.pop()!;
      const kept = part.slice(0, -1);
      if (kept) this.parts.push(kept);
    }
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

/** Whether the link's text is its address: such a link stays the bare address it prints. */
const namesItself = (text: string, href: string) => [href, href.replace(/\/$/, ''), href.replace(/^mailto:/i, '')].includes(text);

/**
 * Larger pages are parsed without source locations, which double parse5's time (1 MB of `<br>`: 2.8 s against 0.9 s
 * at a load of 8 on two cores); their texts' lines are found by a forward search of the source instead.
 */
export const LOCATED_PARSE_LIMIT = 512 * 1024;

/** Prints HTML source as text, line by line, with the HTML line each printed line comes from. */
export function printHtml(html: string): PrintedHtml {
  const located = html.length <= LOCATED_PARSE_LIMIT;
  const document = parse(html, { sourceCodeLocationInfo: located });
  const forward = located ? undefined : new ForwardLines(html);
  const boldClass = boldClasses(html);
  const lines: string[] = [];
  const sourceLines: number[] = [];
  const marks: LineMark[] = [];
  const spans: InlineSpan[] = [];
  const current = new LineBuffer();
  let currentSource = 1;
  /** A blank line is owed before the next printed line (a spaced block ended or begins). */
  let blankOwed = false;
  let preDepth = 0;
  /** Counts the `<pre>` blocks, so that two in a row stay two code blocks. */
  let preBlocks = 0;
  /** Inside a table cell, a block ends no line: the row is one line. */
  let cellDepth = 0;
  /** Inside a list item, a paragraph is set apart by no blank line: the items stay one list. */
  let itemDepth = 0;
  /**
   * The line holds a list item's marker and nothing yet: a block that opens the item ("<li><p>…") goes on the
   * marker's line, as a browser shows it, not on a line of its own under a lone "•".
   */
  let markerOnly = false;
  const lists: { ordered: boolean; next: number }[] = [];

  // Where the walk stands: the innermost block's kind, the site's part it is in, how many sectioning elements and
  // bold elements are open, and the link or code whose text is being printed.
  let blockKind: 'text' | 'heading' | 'other' = 'other';
  let site: string | undefined;
  let sections = 0;
  let articles = 0;
  const pageHasArticle = hasArticle(html);
  let boldDepth = 0;
  let capture: { href?: string; parts: string[]; lineCount: number } | undefined;
  // What the line being printed is: taken when its first text is written.
  let lineMark: LineKind | undefined;
  let lineIsText = false;
  let linePlain = false;
  let lineSpans: Omit<InlineSpan, 'line'>[] = [];

  const pushLine = (text: string, source: number, mark?: LineKind) => {
    if (mark) marks.push(Object.assign(mark, { line: lines.length }));
    lines.push(text);
    sourceLines.push(source);
  };
  const endLine = () => {
    if (markerOnly) return;
    if (cellDepth > 0) {
      if (!current.empty && current.last !== ' ' && current.last !== '\t') current.push(' ');
      return;
    }
    const text = current.take().replace(/[ \t]+$/, '');
    const inline = lineSpans;
    lineSpans = [];
    if (!text) return;
    if (blankOwed && lines.length && lines[lines.length - 1] !== '') pushLine('', currentSource);
    for (const span of inline) spans.push({ ...span, line: lines.length });
    pushLine(text, currentSource, lineMark ?? (lineIsText && linePlain ? { kind: 'body' } : undefined));
    blankOwed = false;
  };
  const write = (text: string, source: number | undefined) => {
    if (current.empty) {
      currentSource = source ?? currentSource;
      // The site's header keeps its headings: the report's title may stand there.
      const siteReason = site && !(blockKind === 'heading' && site === "the site's header") ? site : undefined;
      lineMark = siteReason ? { kind: 'site', reason: siteReason } : preDepth > 0 && cellDepth === 0 ? { kind: 'code', block: preBlocks } : undefined;
      lineIsText = blockKind === 'text' && cellDepth === 0;
      linePlain = false;
    }
    current.push(text);
    markerOnly = false;
  };
  const writeText = (value: string, source: number | undefined) => {
    if (preDepth > 0) {
      value.split(/\r\n|\r|\n/).forEach((part, i) => {
        if (i > 0) {
          // A blank line of code is kept: it is text of the block.
          if (current.empty && cellDepth === 0) pushLine('', (source ?? currentSource) + i, site ? undefined : { kind: 'code', block: preBlocks });
          endLine();
        }
        if (part) write(part, source === undefined ? undefined : source + i);
      });
      return;
    }
    // HTML's white space (not the no-break space, which the converter reads as an empty paragraph) collapses to one space.
    let collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    if (current.empty || current.last === ' ') collapsed = collapsed.replace(/^ /, '');
    if (!collapsed) return;
    write(collapsed, source);
    if (boldDepth === 0 && /\S/.test(collapsed)) linePlain = true;
    capture?.parts.push(collapsed);
  };

  const isBold = (element: Element) => {
    if (element.tagName === 'b' || element.tagName === 'strong') return true;
    const style = attribute(element, 'style');
    if (style && BOLD_STYLE.test(style)) return true;
    const classes = boldClass.size ? attribute(element, 'class') : undefined;
    return !!classes && classes.split(/\s+/).some((name) => boldClass.has(name));
  };

  /** Sets where the walk stands inside an element; returns what restores it after, or undefined if nothing changed. */
  const context = (element: Element): (() => void) | undefined => {
    const tag = element.tagName;
    const role = attribute(element, 'role');
    const kind = role === 'heading' || /^h[1-6]$/.test(tag) ? 'heading' : TEXT_BLOCKS.has(tag) ? 'text' : BLOCKS.has(tag) ? 'other' : undefined;
    const reason = siteReason(element, { inSection: sections > 0, inArticle: articles > 0, pageHasArticle });
    const sectioning = SECTIONING.has(tag) || role === 'main' || role === 'article';
    const article = tag === 'article' || role === 'article';
    const bold = isBold(element);
    const href = tag === 'a' ? linkTarget(element) : undefined;
    const captures = !capture && preDepth === 0 && (href !== undefined || CODE.has(tag));
    if (!kind && !reason && !sectioning && !bold && !captures) return undefined;
    const saved = { blockKind, site };
    if (kind) blockKind = kind;
    if (reason) site = reason;
    if (sectioning) sections++;
    if (article) articles++;
    if (bold) boldDepth++;
    if (captures) capture = { href, parts: [], lineCount: lines.length };
    return () => {
      ({ blockKind, site } = saved);
      if (sectioning) sections--;
      if (article) articles--;
      if (bold) boldDepth--;
      if (!captures || !capture) return;
      const { href: target, parts, lineCount } = capture;
      capture = undefined;
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      // A link broken over lines is printed as its text alone.
      if (!text || lines.length !== lineCount || (target !== undefined && namesItself(text, target))) return;
      lineSpans.push(target === undefined ? { text } : { text, href: target });
    };
  };
  /** Prints what an element prints before its children; returns what it prints after them, or null to skip them. */
  const enter = (element: Element): (() => void) | undefined | null => {
    const tag = element.tagName;
    if (UNPRINTED.has(tag) || isHidden(element)) return null;
    if (tag === 'br') {
      if (cellDepth > 0) write(' ', undefined);
      else {
        if (current.empty) pushLine('', lineOf(element) ?? currentSource);
        endLine();
      }
      return null;
    }
    if (tag === 'td' || tag === 'th') {
      // Cells are printed between tabs, as a browser copies a row; the converter reads such rows as a table.
      if (!current.empty && current.last !== '\t') {
        current.dropTrailing(' ');
        current.push('\t');
      }
      cellDepth++;
      return () => {
        cellDepth--;
        current.dropTrailing(' ');
        if (current.last !== '\t') current.push('\t');
      };
    }
    const block = BLOCKS.has(tag);
    const spaced = SPACED.has(tag);
    const endBlock = () => {
      endLine();
      if (spaced && cellDepth === 0 && itemDepth === 0) blankOwed = true;
    };
    if (block) endBlock();
    if (tag === 'tr') {
      return () => {
        current.dropTrailing('\t');
        endLine();
      };
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'menu' || tag === 'dir') {
      const start = Number(attribute(element, 'start'));
      lists.push({ ordered: tag === 'ol', next: Number.isInteger(start) ? start : 1 });
      return () => {
        lists.pop();
        endBlock();
      };
    }
    if (tag === 'li' && cellDepth === 0) {
      const list = lists[lists.length - 1];
      const indent = '  '.repeat(Math.min(MAX_LIST_INDENT, Math.max(0, lists.length - 1)));
      write(`${indent}${list?.ordered ? `${list.next++}.` : '•'} `, lineOf(element));
      markerOnly = true;
      itemDepth++;
      return () => {
        // An item with nothing printed in it prints nothing, not a lone marker.
        if (markerOnly) {
          markerOnly = false;
          current.take();
          lineSpans = [];
        }
        itemDepth--;
        endBlock();
      };
    }
    if (tag === 'pre') {
      if (preDepth++ === 0) preBlocks++;
      return () => {
        preDepth--;
        endBlock();
      };
    }
    // A rule prints nothing a reader reads.
    if (tag === 'hr') return block ? (endBlock(), null) : null;
    return block ? endBlock : undefined;
  };

  // A walk with a stack of its own: a page may nest elements deeper than the call stack goes.
  const stack: (ChildNode | (() => void))[] = [...document.childNodes].reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'function') {
      item();
      continue;
    }
    if (item.nodeName === '#text') {
      const { value } = item as DefaultTreeAdapterTypes.TextNode;
      writeText(value, forward ? forward.lineOf(value) : lineOf(item));
      continue;
    }
    if (!('tagName' in item)) continue;
    const after = enter(item as Element);
    if (after === null) continue;
    const restore = context(item as Element);
    if (after && restore) {
      stack.push(() => {
        restore();
        after();
      });
    } else if (after ?? restore) stack.push((after ?? restore)!);
    const children = (item as Element).childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  endLine();
  return { text: lines.join('\n') + '\n', sourceLines, marks, spans };
}
