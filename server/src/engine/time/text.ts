import type { Nodes, RootContent } from 'mdast';
import { allNodes, blockNodes, nodesOutliveCheck } from '../block-facts';
import type { RcaDocument } from '../model';
import { isFrontMatter } from '../front-matter';
import { commonEnds } from '../chunk-points';
import { copyOf } from '../own-copy';
import { endOffset, startOffset } from '../nodes';
import { sectionLookup } from '../sections';
import type { BlockFinds } from './mentions';
import { matchesOf } from '../regexp';

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
  /** A table cell: its table's first offset (its header row's too) and the cell's place in its row, from 0. */
  table?: number;
  tableColumn?: number;
  /** A bold paragraph that stands as a section's heading (model.ts): its note is read as a heading's. */
  label?: true;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  block: Block;
}

/** A code span that holds only a date and/or a time, perhaps with a zone: "`2024-11-02 09:41 UTC`", "`08:45`". */
const CLOCK_SPAN = /^\s*(?=[^`]*\d:\d\d|[^`]*\d{4}-\d\d-\d\d)[\d\s:/.,+\-TZ]+(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?\s*$/;

/** Emphasis and escapes: "**April 11, 2026**" reads as the date. Underscores stay: "America/Los_Angeles". */
const MARKERS = /[*\\]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

function blankMarkers(text: string): string {
  return text.replace(MARKERS, (m) => ' '.repeat(m.length));
}

/**
 * The text between two top-level blocks, its markers blanked: almost always a line break or two, which hold none, so
 * the pattern is not run on each of a long report's tens of thousands of gaps.
 */
function blankGap(text: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === ASTERISK || c === BACKSLASH || c === UNDERSCORE) return blankMarkers(text.slice(from, to));
  }
  return text.slice(from, to);
}

const ASTERISK = 42;
const BACKSLASH = 92;
const UNDERSCORE = 95;

/** `text[from, to)` with the nodes that hold no prose blanked out (the nodes are those of one top-level block). */
function maskNodes(text: string, from: number, to: number, nodes: readonly Nodes[]): string {
  // The spans to blank, gathered first: most blocks have none, and the others a few, so the text is cut at them
  // rather than split into an array of its characters and joined again.
  const spans: [number, number][] = [];
  const blank = (start: number, end: number) => {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) spans.push([s, e]);
  };
  for (const node of nodes) {
    const s = startOffset(node);
    const e = endOffset(node);
    if (node.type === 'inlineCode' && CLOCK_SPAN.test(node.value)) {
      // "`2024-11-02 09:41`", "`08:45`": a timeline's time set in code is still its time; only the backticks go.
      // A span over a line break has no such value in its source (the break reads as a space): it goes whole.
      const at = text.slice(s, e).indexOf(node.value);
      if (at < 0) blank(s, e);
      else {
        blank(s, s + at);
        blank(s + at + node.value.length, e);
      }
    } else if (node.type === 'code' || node.type === 'inlineCode' || isFrontMatter(node) || node.type === 'html') blank(s, e);
    // Struck-through text is withdrawn ("~~April 2~~ April 11"); a tilde elsewhere is text: "16:50 ~ 16:15" is a
    // range and "~10:00" an approximate time.
    else if (node.type === 'delete') blank(s, e);
    else if (node.type === 'link' || node.type === 'image') {
      const source = text.slice(s, e);
      const at = node.url ? source.lastIndexOf(node.url) : -1;
      const isAutolink = node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url;
      if (isAutolink) blank(s, e);
      else if (at > 0) blank(s + at, s + at + node.url.length);
    }
  }
  if (!spans.length) return blankMarkers(text.slice(from, to));
  spans.sort((a, b) => a[0] - b[0]);
  let masked = '';
  let at = from;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const s = Math.max(start, at);
    masked += text.slice(at, s) + text.slice(s, end).replace(LINE_BREAKS_KEPT, ' ');
    at = end;
  }
  return blankMarkers(masked + text.slice(at, to));
}

/** Every character but a line break's: what a blanked span loses. */
const LINE_BREAKS_KEPT = /[^\r\n]/g;

/**
 * Each top-level block's masked text. The incremental parser hands back the very node objects of unchanged chunks
 * only (block-facts.ts), whose source is what it was: after an edit only the re-parsed blocks are masked again, and
 * no block's source is copied to be compared on the next edit (a second copy of the whole document, and a
 * comparison of every block's text on every edit). The length is checked all the same.
 */
const maskedBlocks = new WeakMap<RootContent, string>();

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Whether an underscore at `edge` touches a letter, digit or underscore on the other side of it. */
function underscoreAcross(text: string, edge: number): boolean {
  // Asked at both edges of every block on every check: most have no underscore there, and comparing a code unit
  // first spares the two one-character strings.
  if (text.charCodeAt(edge - 1) === UNDERSCORE) return isWordChar(text[edge]);
  if (text.charCodeAt(edge) === UNDERSCORE) return isWordChar(text[edge - 1]);
  return false;
}

/**
 * The text of `children[from, to)` masked, from offset `at` (the end of the block before) to `end`, with the gaps
 * between blocks; undefined when an underscore at a block's edge touches a word across it, where masking block by
 * block would differ from masking the whole text.
 */
function maskBlocks(text: string, children: readonly RootContent[], from: number, to: number, at: number, end: number, keep: boolean): string | undefined {
  const parts: string[] = [];
  for (let index = from; index < to; index++) {
    const block = children[index];
    const s = startOffset(block);
    const e = endOffset(block);
    // Masked block by block, the markers' pattern sees no character across a block's edge: the same result as over
    // the whole text unless an underscore there touches a letter, digit or underscore across it.
    if (underscoreAcross(text, s) || underscoreAcross(text, e)) return undefined;
    if (s > at) parts.push(blankGap(text, at, s));
    if (!keep) parts.push(maskNodes(text, s, e, blockNodes(block)));
    else {
      let masked = maskedBlocks.get(block);
      if (masked?.length !== e - s) maskedBlocks.set(block, (masked = copyOf(maskNodes(text, s, e, blockNodes(block)))));
      parts.push(masked);
    }
    at = e;
  }
  if (at < end) parts.push(blankGap(text, at, end));
  return parts.join('');
}

/** A document version's masked text, made block by block, with the top-level nodes it was made from. */
interface MaskedVersion {
  text: string;
  masked: string;
  children: readonly RootContent[];
}

/**
 * The last masked version of each document, by its first and its last top-level node: the next version of a
 * document hands back most of its nodes, so one of the two finds it unless the edit touched both.
 */
const lastMasked = new WeakMap<RootContent, MaskedVersion>();

/**
 * The masked text of `text` from a masked version `last` of another text: the blocks that both have (the same node
 * objects, the parser's promise that they read the same) and that lie inside the texts' common start or common end,
 * with a character to spare so that the underscore check at their edges reads what it read then, are cut from the
 * last masked text; only what lies between is masked and joined. Joining a 1 MB report's 20,000 blocks and gaps
 * was the larger part of this function on every edit.
 */
function splicedMask(text: string, children: readonly RootContent[], last: MaskedVersion): string | undefined {
  const { prefix, suffix } = commonEnds(last.text, text);
  const before = last.children;
  let head = 0;
  while (head < children.length && head < before.length && children[head] === before[head] && endOffset(children[head]) < prefix) head++;
  let tail = 0;
  const room = Math.min(children.length, before.length) - head;
  while (
    tail < room &&
    children[children.length - 1 - tail] === before[before.length - 1 - tail] &&
    startOffset(children[children.length - 1 - tail]) > text.length - suffix
  )
    tail++;
  const from = head ? endOffset(children[head - 1]) : 0;
  const to = tail ? startOffset(children[children.length - tail]) : text.length;
  const middle = maskBlocks(text, children, head, children.length - tail, from, to, true);
  if (middle === undefined) return undefined;
  // Slices of a flat string and a join of three: V8 flattens the result when it is first read, and a later slice
  // flattens it at the latest, so no version keeps the one before it alive.
  return last.masked.slice(0, from) + middle + last.masked.slice(last.masked.length - (text.length - to));
}

export function maskedText(doc: RcaDocument): string {
  const { text } = doc;
  const { children } = doc.root;
  if (!nodesOutliveCheck(doc.root)) return maskBlocks(text, children, 0, children.length, 0, text.length, false) ?? maskWhole(doc);
  const first = children[0];
  const final = children[children.length - 1];
  const last = first && (lastMasked.get(first) ?? lastMasked.get(final));
  const masked = (last && splicedMask(text, children, last)) ?? maskBlocks(text, children, 0, children.length, 0, text.length, true);
  if (masked === undefined) return maskWhole(doc);
  if (first) {
    const version = { text, masked, children: children.slice() };
    lastMasked.set(first, version);
    lastMasked.set(final, version);
  }
  return masked;
}

/** The whole text masked at once, for the rare text whose blocks cannot be masked one by one. */
function maskWhole(doc: RcaDocument): string {
  return maskNodes(doc.text, 0, doc.text.length, allNodes(doc));
}

/**
 * Each block's slot, by the block's index in its list: what the phrases of a block are kept in (mentions.ts). One
 * entry per list, not one per block: a weak map entry for each of a long report's blocks on every check cost more
 * than the walk that lists them.
 */
const slotsByList = new WeakMap<readonly Block[], readonly BlockSlot[]>();

/** The blocks' slots, for a tree whose nodes a later check may hand back; undefined otherwise. */
export function blockSlotsOf(blocks: readonly Block[]): readonly BlockSlot[] | undefined {
  return slotsByList.get(blocks);
}

/**
 * A prose block's node, with what the phrase finder found in it: kept with the walk of its top-level node, so it
 * lasts as long as the incremental parser hands that node back, and is found by a property read rather than a weak
 * map's lookup for each of a long report's blocks on every edit.
 */
export interface BlockSlot {
  readonly node: Nodes;
  finds?: BlockFinds;
}

/**
 * A node the time engine reads as a block of prose, and the table row holding it (a cell), if any, with their
 * offsets from the start of the top-level node holding them: they stay put while the parser moves the unchanged
 * chunks' nodes, and reading them here spares an edit the positions of a long report's every leaf, scattered
 * through the heap.
 */
interface Leaf extends BlockSlot {
  start: number;
  end: number;
  rowStart?: number;
  tableStart?: number;
  column?: number;
}

/**
 * The prose blocks of each top-level node, kept by the node: the incremental parser hands back the very node objects
 * of unchanged chunks, whose positions it moves in place, so after an edit only re-parsed nodes are walked.
 */
const leavesByNode = new WeakMap<RootContent, readonly Leaf[]>();

function leavesOf(top: RootContent, keep: boolean): readonly Leaf[] {
  const kept = keep ? leavesByNode.get(top) : undefined;
  if (kept) return kept;
  const found: Leaf[] = [];
  const base = startOffset(top);
  const walk = (node: Nodes, row?: Nodes, table?: Nodes, column?: number) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      found.push({
        node,
        start: startOffset(node) - base,
        end: endOffset(node) - base,
        rowStart: row && startOffset(row) - base,
        tableStart: table && startOffset(table) - base,
        column,
      });
    else if (node.type === 'code' || node.type === 'html' || isFrontMatter(node)) return;
    else if ('children' in node) {
      const holder = node.type === 'tableRow' ? node : row;
      const inTable = node.type === 'table' ? node : table;
      const children = node.children as RootContent[];
      for (let i = 0; i < children.length; i++) walk(children[i] as Nodes, holder, inTable, node.type === 'tableRow' ? i : column);
    }
  };
  walk(top);
  if (keep) leavesByNode.set(top, found);
  return found;
}

/** An HTML block that opens, or closes, a collapsed part ("<details>", "</details>"): by how much it changes the depth. */
function detailsDepthChange(top: RootContent): number {
  if (top.type !== 'html') return 0;
  // A comment that names the element opens nothing.
  const tags = top.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const opened = tags.match(/<details\b/gi)?.length ?? 0;
  const closed = tags.match(/<\/details\s*>/gi)?.length ?? 0;
  return opened - closed;
}

export function blocksOf(doc: RcaDocument): Block[] {
  // Two lists side by side, in the order found, and sorted only if a block starts before the one found before it:
  // a pair per block and a sort of a long report's 11,000 blocks were most of this function's work on every edit.
  let blocks: Block[] = [];
  let slots: BlockSlot[] = [];
  let inOrder = true;
  const sectionOf = sectionLookup(doc);
  const keep = nodesOutliveCheck(doc.root);
  const labels = new Set<Nodes>();
  for (const section of doc.sections) if (section.label) labels.add(section.label);
  // What a "<details>" element collapses (a raw log, a chart's data) is evidence, not the report's account: its
  // times are not timeline entries, as a code block's are not. Only when every one is closed: a "<details>" left
  // open must not hide the rest of the report from the date and time rules.
  const changes = doc.root.children.map(detailsDepthChange);
  const balanced = changes.reduce((sum, change) => sum + change, 0) === 0;
  let collapsed = 0;
  for (const [index, top] of doc.root.children.entries()) {
    collapsed = balanced ? Math.max(0, collapsed + changes[index]) : 0;
    if (collapsed > 0) continue;
    const base = startOffset(top);
    for (const leaf of leavesOf(top, keep)) {
      const { node } = leaf;
      const start = base + leaf.start;
      const isTitle = node.type === 'heading' && doc.title?.node === node;
      if (blocks.length && start < blocks[blocks.length - 1].start) inOrder = false;
      const block: Block = {
        start,
        end: base + leaf.end,
        section: isTitle ? -1 : sectionOf(start),
        isTitle,
        listItem: -1,
        tableRow: leaf.rowStart === undefined ? undefined : base + leaf.rowStart,
        table: leaf.tableStart === undefined ? undefined : base + leaf.tableStart,
        tableColumn: leaf.column,
      };
      // Set apart, not spread into the literal: a spread made every block of a long report on the slow path.
      if (labels.has(node)) block.label = true;
      blocks.push(block);
      slots.push(leaf);
    }
  }
  if (!inOrder) {
    const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start || a - b);
    blocks = order.map((i) => blocks[i]);
    slots = order.map((i) => slots[i]);
  }
  // Only for a tree whose nodes a later check may hand back: the phrases found are kept by them (mentions.ts).
  if (keep) slotsByList.set(blocks, slots);
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
  const items = doc.listItems.map((item, index) => ({ index, start: startOffset(item.node), end: endOffset(item.node) }));
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

/** Where a sentence may end: its marks, before more text or the block's end. */
const SENTENCE_END = /[.!?]+(?=\s+\S|\s*$)/g;

export function sentencesOf(masked: string, block: Block): Sentence[] {
  const result: Sentence[] = [];
  let start = block.start;
  const text = masked.slice(block.start, block.end);
  for (const m of matchesOf(SENTENCE_END, text)) {
    const end = block.start + m.index + m[0].length;
    if (NO_BREAK_AFTER.test(masked.slice(Math.max(start, end - 12), end))) continue;
    if (end - start > 0) result.push({ start, end, text: masked.slice(start, end), block });
    start = end;
  }
  if (start < block.end && masked.slice(start, block.end).trim()) result.push({ start, end: block.end, text: masked.slice(start, block.end), block });
  return result;
}
