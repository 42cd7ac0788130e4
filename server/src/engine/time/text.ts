import type { Nodes, RootContent } from 'mdast';
import { allNodes, blockNodes, nodesOutliveCheck } from '../block-facts';
import type { RcaDocument } from '../model';
import { isFrontMatter } from '../front-matter';
import { copyOf } from '../own-copy';
import { endOffset, startOffset } from '../nodes';
import { sectionLookup } from '../sections';

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
 * Each top-level block's masked text, with the source it was masked from. The incremental parser hands back the
 * very node objects of unchanged chunks (block-facts.ts), so after an edit only the re-parsed blocks are masked again.
 */
const maskedBlocks = new WeakMap<RootContent, { source: string; masked: string }>();

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const UNDERSCORE = 95;

/** Whether an underscore at `edge` touches a letter, digit or underscore on the other side of it. */
function underscoreAcross(text: string, edge: number): boolean {
  // Asked at both edges of every block on every check: most have no underscore there, and comparing a code unit
  // first spares the two one-character strings.
  if (text.charCodeAt(edge - 1) === UNDERSCORE) return isWordChar(text[edge]);
  if (text.charCodeAt(edge) === UNDERSCORE) return isWordChar(text[edge - 1]);
  return false;
}

export function maskedText(doc: RcaDocument): string {
  const { text } = doc;
  const keep = nodesOutliveCheck(doc.root);
  const parts: string[] = [];
  let at = 0;
  for (const block of doc.root.children) {
    const s = startOffset(block);
    const e = endOffset(block);
    // Masked block by block, the markers' pattern sees no character across a block's edge: the same result as over
    // the whole text unless an underscore there touches a letter, digit or underscore across it.
    if (underscoreAcross(text, s) || underscoreAcross(text, e)) return maskWhole(doc);
    if (s > at) parts.push(blankMarkers(text.slice(at, s)));
    if (!keep) parts.push(maskNodes(text, s, e, blockNodes(block)));
    else {
      const source = text.slice(s, e);
      let cached = maskedBlocks.get(block);
      if (cached?.source !== source) maskedBlocks.set(block, (cached = { source: copyOf(source), masked: maskNodes(text, s, e, blockNodes(block)) }));
      parts.push(cached.masked);
    }
    at = e;
  }
  if (at < text.length) parts.push(blankMarkers(text.slice(at)));
  return parts.join('');
}

/** The whole text masked at once, for the rare text whose blocks cannot be masked one by one. */
function maskWhole(doc: RcaDocument): string {
  return maskNodes(doc.text, 0, doc.text.length, allNodes(doc));
}

/**
 * The node each block was read from, by the block's index in its list: what the findings of a block are kept by
 * (mentions.ts). One entry per list, not one per block: a weak map entry for each of a long report's blocks on
 * every check cost more than the walk that lists them.
 */
const nodesByList = new WeakMap<readonly Block[], readonly Nodes[]>();

export function blockNodesOf(blocks: readonly Block[]): readonly Nodes[] | undefined {
  return nodesByList.get(blocks);
}

/**
 * A node the time engine reads as a block of prose, and the table row holding it (a cell), if any, with their
 * offsets from the start of the top-level node holding them: they stay put while the parser moves the unchanged
 * chunks' nodes, and reading them here spares an edit the positions of a long report's every leaf, scattered
 * through the heap.
 */
interface Leaf {
  node: Nodes;
  start: number;
  end: number;
  rowStart?: number;
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
  const walk = (node: Nodes, row?: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      found.push({ node, start: startOffset(node) - base, end: endOffset(node) - base, rowStart: row && startOffset(row) - base });
    else if (node.type === 'code' || node.type === 'html' || isFrontMatter(node)) return;
    else if ('children' in node) {
      const holder = node.type === 'tableRow' ? node : row;
      for (const child of node.children as RootContent[]) walk(child as Nodes, holder);
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
  let nodes: Nodes[] = [];
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
      blocks.push({
        start,
        end: base + leaf.end,
        section: isTitle ? -1 : sectionOf(start),
        isTitle,
        listItem: -1,
        tableRow: leaf.rowStart === undefined ? undefined : base + leaf.rowStart,
        ...(labels.has(node) ? { label: true as const } : {}),
      });
      nodes.push(node);
    }
  }
  if (!inOrder) {
    const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start || a - b);
    blocks = order.map((i) => blocks[i]);
    nodes = order.map((i) => nodes[i]);
  }
  // Only for a tree whose nodes a later check may hand back: the phrases found are kept by them (mentions.ts).
  if (keep) nodesByList.set(blocks, nodes);
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
