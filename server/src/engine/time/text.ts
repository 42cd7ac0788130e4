import type { Nodes, RootContent } from 'mdast';
import { allNodes } from '../block-facts';
import type { RcaDocument } from '../model';
import { isFrontMatter } from '../front-matter';
import { endOffset, startOffset } from '../nodes';
import { sectionAt } from '../sections';

/**
 * The prose of a document, as the time engine reads it: the source text with code, HTML, link targets and
 * emphasis markers blanked out (same length, so offsets stay those of the source), cut into blocks and sentences.
 */
export interface Block {
  start: number;
  end: number;
  /** Index into doc.sections, or -1 (the title and anything before the first section). */
  section: number;
  isTitle: boolean;
  /** Index into doc.listItems of the innermost list item holding the block, or -1. */
  listItem: number;
  /** A table cell: its row's first offset, so cells of one row share context. */
  tableRow?: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  block: Block;
}

/** A code span that holds only a date and/or a time, perhaps with a zone: "`2024-11-02 09:41 UTC`", "`08:45`". */
const CLOCK_SPAN = /^\s*(?=[^`]*\d:\d\d|[^`]*\d{4}-\d\d-\d\d)[\d\s:/.,+\-TZ]+(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?\s*$/;

export function maskedText(doc: RcaDocument): string {
  const chars = doc.text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  // allNodes, not visit: visit looks each node up among its siblings, which grew with the square of a long list.
  for (const node of allNodes(doc)) {
    const s = startOffset(node);
    const e = endOffset(node);
    if (node.type === 'inlineCode' && CLOCK_SPAN.test(node.value)) {
      // "`2024-11-02 09:41`", "`08:45`": a timeline's time set in code is still its time; only the backticks go.
      const at = doc.text.indexOf(node.value, s);
      blank(s, at);
      blank(at + node.value.length, e);
    } else if (node.type === 'code' || node.type === 'inlineCode' || isFrontMatter(node) || node.type === 'html') blank(s, e);
    // Struck-through text is withdrawn ("~~April 2~~ April 11"); a tilde elsewhere is text: "16:50 ~ 16:15" is a
    // range and "~10:00" an approximate time.
    else if (node.type === 'delete') blank(s, e);
    else if (node.type === 'link' || node.type === 'image') {
      const source = doc.text.slice(s, e);
      const at = node.url ? source.lastIndexOf(node.url) : -1;
      const isAutolink = node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url;
      if (isAutolink) blank(s, e);
      else if (at > 0) blank(s + at, s + at + node.url.length);
    }
  }
  const text = chars.join('');
  // Emphasis and escapes: "**April 11, 2026**" reads as the date (strikethrough tildes were blanked above). Underscores stay: "America/Los_Angeles".
  return text.replace(/[*\\]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m) => ' '.repeat(m.length));
}

export function blocksOf(doc: RcaDocument): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Nodes, row?: number) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const start = startOffset(node);
      const isTitle = node.type === 'heading' && doc.title?.node === node;
      blocks.push({
        start,
        end: endOffset(node),
        section: isTitle ? -1 : sectionAt(doc, start),
        isTitle,
        listItem: -1,
        tableRow: row,
      });
      return;
    }
    if (node.type === 'code' || node.type === 'html' || isFrontMatter(node)) return;
    if ('children' in node) {
      const rowStart = node.type === 'tableRow' ? startOffset(node) : row;
      for (const child of node.children as RootContent[]) walk(child as Nodes, rowStart);
    }
  };
  walk(doc.root);
  blocks.sort((a, b) => a.start - b.start);
  const innermost = innermostItems(doc);
  for (const block of blocks) block.listItem = innermost(block.start);
  return blocks;
}

/**
 * The innermost list item holding each offset, asked in rising order: one sweep over the items with a stack of those
 * open, instead of a walk of every item per block (a list of 100,000 items took minutes). List items nest or follow
 * each other, never cross, so the open ones hold one another and the last opened is the innermost; of two starting
 * at the same offset, the later in doc.listItems counts.
 */
function innermostItems(doc: RcaDocument): (offset: number) => number {
  const items = doc.listItems.map((item, index) => ({ index, start: doc.lines.offsetAt(item.range.start), end: doc.lines.offsetAt(item.range.end) }));
  items.sort((a, b) => a.start - b.start || a.index - b.index);
  const open: typeof items = [];
  let next = 0;
  return (offset) => {
    for (; next < items.length && items[next].start <= offset; next++) {
      while (open.length && open[open.length - 1].end <= items[next].start) open.pop();
      open.push(items[next]);
    }
    while (open.length && open[open.length - 1].end <= offset) open.pop();
    return open.length ? open[open.length - 1].index : -1;
  };
}

const NO_BREAK_AFTER =
  /(?:\b(?:U\.S|U\.K|a\.m|p\.m|A\.M|P\.M|e\.g|i\.e|etc|approx|vs|Inc|Ltd|Co|St|No|Mr|Mrs|Ms|Dr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$/;

export function sentencesOf(masked: string, block: Block): Sentence[] {
  const result: Sentence[] = [];
  let start = block.start;
  const text = masked.slice(block.start, block.end);
  const breaker = /[.!?]+(?=\s+\S|\s*$)/g;
  for (const m of text.matchAll(breaker)) {
    const end = block.start + m.index + m[0].length;
    if (NO_BREAK_AFTER.test(masked.slice(Math.max(start, end - 12), end))) continue;
    if (end - start > 0) result.push({ start, end, text: masked.slice(start, end), block });
    start = end;
  }
  if (start < block.end && masked.slice(start, block.end).trim()) result.push({ start, end: block.end, text: masked.slice(start, block.end), block });
  return result;
}
