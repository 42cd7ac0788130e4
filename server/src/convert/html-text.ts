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

/** What the first line of a saved page starts with: a doctype, the document's own elements, or a page's first block. */
const HTML_START = /^(?:\ufeff)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<\?xml[^>]*>\s*<(?:!doctype|html))/i;

/** Whether a text is HTML source: a saved page, not a printed one. */
export function isHtmlSource(text: string): boolean {
  return HTML_START.test(text.slice(0, 1000));
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

/** Hidden by the page itself: a browser shows none of it. */
function isHidden(element: Element): boolean {
  if (attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

const lineOf = (node: ChildNode | ParentNode) => ('sourceCodeLocation' in node ? node.sourceCodeLocation?.startLine : undefined);

/** Prints HTML source as text, line by line, with the HTML line each printed line comes from. */
export function printHtml(html: string): PrintedHtml {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const lines: string[] = [];
  const sourceLines: number[] = [];
  let current = '';
  let currentSource = 1;
  /** A blank line is owed before the next printed line (a spaced block ended or begins). */
  let blankOwed = false;
  let preDepth = 0;
  /** Inside a table cell, a block ends no line: the row is one line. */
  let cellDepth = 0;
  const lists: { ordered: boolean; next: number }[] = [];

  const endLine = () => {
    if (cellDepth > 0) {
      if (current && !/[ \t]$/.test(current)) current += ' ';
      return;
    }
    const text = current.replace(/[ \t]+$/, '');
    if (text) {
      if (blankOwed && lines.length && lines[lines.length - 1] !== '') {
        lines.push('');
        sourceLines.push(currentSource);
      }
      lines.push(text);
      sourceLines.push(currentSource);
      blankOwed = false;
    }
    current = '';
  };
  const write = (text: string, source: number | undefined) => {
    if (!current) currentSource = source ?? currentSource;
    current += text;
  };
  const writeText = (value: string, source: number | undefined) => {
    if (preDepth > 0) {
      const parts = value.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) {
          // A blank line of code is kept: it is text of the block.
          if (!current && cellDepth === 0) {
            lines.push('');
            sourceLines.push((source ?? currentSource) + i);
          }
          endLine();
        }
        if (part) write(part, source === undefined ? undefined : source + i);
      });
      return;
    }
    // HTML's white space (not the no-break space, which the converter reads as an empty paragraph) collapses to one space.
    let collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    if (!current || current.endsWith(' ')) collapsed = collapsed.replace(/^ /, '');
    if (collapsed) write(collapsed, source);
  };

  const visit = (node: ChildNode) => {
    if (node.nodeName === '#text') {
      writeText((node as DefaultTreeAdapterTypes.TextNode).value, lineOf(node));
      return;
    }
    if (!('tagName' in node)) return;
    const element = node as Element;
    const tag = element.tagName;
    if (UNPRINTED.has(tag) || isHidden(element)) return;
    if (tag === 'br') {
      if (cellDepth > 0) write(' ', undefined);
      else {
        if (!current) {
          lines.push('');
          sourceLines.push(lineOf(element) ?? currentSource);
        }
        endLine();
      }
      return;
    }
    if (tag === 'td' || tag === 'th') {
      // Cells are printed between tabs, as a browser copies a row; the converter reads such rows as a table.
      if (current && !/\t$/.test(current)) current = current.replace(/ $/, '') + '\t';
      cellDepth++;
      children(element);
      cellDepth--;
      current = current.replace(/ $/, '');
      if (!current.endsWith('\t')) current += '\t';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      endLine();
      if (SPACED.has(tag) && cellDepth === 0) blankOwed = true;
    }
    if (tag === 'tr') {
      children(element);
      current = current.replace(/\t+$/, '');
      endLine();
      return;
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'menu' || tag === 'dir') {
      const start = Number(attribute(element, 'start'));
      lists.push({ ordered: tag === 'ol', next: Number.isInteger(start) ? start : 1 });
      children(element);
      lists.pop();
    } else if (tag === 'li' && cellDepth === 0) {
      const list = lists[lists.length - 1];
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      write(`${indent}${list?.ordered ? `${list.next++}.` : '•'} `, lineOf(element));
      children(element);
    } else if (tag === 'pre') {
      preDepth++;
      children(element);
      preDepth--;
    } else if (tag === 'hr') {
      // A rule prints nothing a reader reads.
    } else children(element);
    if (block) {
      endLine();
      if (SPACED.has(tag) && cellDepth === 0) blankOwed = true;
    }
  };
  const children = (parent: ParentNode) => {
    for (const child of parent.childNodes) visit(child);
  };

  children(document);
  endLine();
  return { text: lines.join('\n') + '\n', sourceLines };
}
