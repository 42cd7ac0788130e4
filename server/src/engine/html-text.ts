// A published RCA saved as a web page (HTML), printed to text the way a browser prints it, so that the converter
// reads it as it reads a page printed by hand: headings and paragraphs on lines of their own, list items after a
// "•", table rows with their cells between tabs. The site's menus and footers are printed too; the converter leaves
// them out and lists them, as it does for a printed page.
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface PrintedHtml {
  text: string;
  /** The line of the HTML (1-based) each line of `text` was printed from, by the text's line index (0-based). */
  sourceLines: number[];
}

/** Elements whose content a browser never prints. */
const UNPRINTED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'input',
  'select',
  'textarea',
  'img',
  'picture',
  'map',
  'dialog',
]);

/** Elements that begin and end a line of their own (CSS display: block, list-item, table parts). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  // A page's buttons ("Yes", "No", "Share") are controls, each printed apart from the text around it.
  'button',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'tr',
  'ul',
]);

/** Blocks a browser sets apart with a blank line (their margins), as a printed page shows them. */
const SPACED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure', 'hr']);

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/**
 * Hidden by the page (`hidden`, `display: none`), or from screen readers (`aria-hidden`: icons, separators, the visual
 * twin of a text the page also gives a screen reader, which is printed instead).
 */
function isHidden(element: Element): boolean {
  if (attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
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

/** Prints HTML source as text, line by line, with the HTML line each printed line comes from. */
export function printHtml(html: string): PrintedHtml {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const lines: string[] = [];
  const sourceLines: number[] = [];
  const current = new LineBuffer();
  let currentSource = 1;
  /** A blank line is owed before the next printed line (a spaced block ended or begins). */
  let blankOwed = false;
  let preDepth = 0;
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

  const pushLine = (text: string, source: number) => {
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
    if (!text) return;
    if (blankOwed && lines.length && lines[lines.length - 1] !== '') pushLine('', currentSource);
    pushLine(text, currentSource);
    blankOwed = false;
  };
  const write = (text: string, source: number | undefined) => {
    if (current.empty) currentSource = source ?? currentSource;
    current.push(text);
    markerOnly = false;
  };
  const writeText = (value: string, source: number | undefined) => {
    if (preDepth > 0) {
      value.split(/\r\n|\r|\n/).forEach((part, i) => {
        if (i > 0) {
          // A blank line of code is kept: it is text of the block.
          if (current.empty && cellDepth === 0) pushLine('', (source ?? currentSource) + i);
          endLine();
        }
        if (part) write(part, source === undefined ? undefined : source + i);
      });
      return;
    }
    // HTML's white space (not the no-break space, which the converter reads as an empty paragraph) collapses to one space.
    let collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    if (current.empty || current.last === ' ') collapsed = collapsed.replace(/^ /, '');
    if (collapsed) write(collapsed, source);
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
        }
        itemDepth--;
        endBlock();
      };
    }
    if (tag === 'pre') {
      preDepth++;
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
      writeText((item as DefaultTreeAdapterTypes.TextNode).value, lineOf(item));
      continue;
    }
    if (!('tagName' in item)) continue;
    const after = enter(item as Element);
    if (after === null) continue;
    if (after) stack.push(after);
    const children = (item as Element).childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  endLine();
  return { text: lines.join('\n') + '\n', sourceLines };
}
