// Incremental parsing for edits: the text is cut into chunks at headings, each chunk is parsed on its own and
// kept, and an edit re-parses only the chunks whose text changed. The tree it gives equals a full parse's; where
// that cannot be shown cheaply it parses in full.
import type { Definition, FootnoteDefinition, List, ListItem, Root, RootContent, Table, TableRow } from 'mdast';
import type { Node, Point } from 'unist';
import { ParseCut } from './budget';
import { parseMarkdown, tooWideForTable, type DefinedElsewhere } from './parse';
import { ChunkPoints, lineStartBefore, MIN_CHUNK, type BlockPoint } from './chunk-points';
import { copyOf } from './own-copy';
import { movePositions } from './move-positions';
import { mayRunOn } from './runs-on';

interface Chunk {
  /** A private copy of the chunk's text (not a slice of a document version, which would keep it alive). */
  text: string;
  /** Top-level nodes, with positions counted from `base`. */
  nodes: RootContent[];
  /** Where the positions currently start: offset and line (0-based) of the chunk in the document. */
  base: { offset: number; line: number };
  /** The last node may run on past the chunk's end in the whole text (an unclosed fence or HTML block). */
  open: boolean;
  /** The labels of its link and footnote definitions (mdast identifiers): they change how other chunks parse. */
  defines: Labels;
  /** What each "[…]" of its text would be as a label (see `labelsIn`): the references it may hold. */
  mentions: Labels;
  /** The labels defined in other chunks it was parsed knowing (see `DefinedElsewhere`), as a key. */
  knows: string;
  /** Line breaks in `text`, `head` left out. */
  lines: number;
  /**
   * For a chunk cut inside a table (a `row` point): the table's header and delimiter rows, which `text` starts with so
   * that its rows parse as the table's (positions then count from before the chunk, see `base`); '' otherwise.
   */
  head: string;
}

export interface IncrementalStats {
  chunks: number;
  reparsed: number;
  /** Why the last parse was a full one, if it was. */
  fullParse?: string;
}

/** The marker that continues a list: "-", "+" or "*" itself, or an ordered item's "." or ")". */
function listMarker(text: string, at: number): string {
  const marker = /^[ \t]*(?:([-+*])|\d{1,9}([.)]))/.exec(text.slice(at, at + 16));
  return marker ? (marker[1] ?? `1${marker[2]}`) : '';
}

/**
 * Whether the chunk ends with a top-level list that the line at `at` (an item's first line, see `itemLine`)
 * continues: the list's last item has the same marker and nothing follows the list in the chunk.
 */
function continuesList(chunk: Chunk, text: string, at: number): boolean {
  const last = chunk.nodes[chunk.nodes.length - 1];
  if (!last || last.type !== 'list' || chunk.open) return false;
  const item = last.children[last.children.length - 1];
  const start = item?.position?.start.offset;
  if (start === undefined) return false;
  // The nodes' positions are the document's: the chunk starts at its base.
  return listMarker(chunk.text, start - chunk.base.offset) === listMarker(text, at);
}

/** Whether the chunk's last top-level node is one of `types` and ends at the chunk's end. */
function endsWith(chunk: Chunk, types: readonly string[]): boolean {
  const last = chunk.nodes[chunk.nodes.length - 1];
  if (!last || !types.includes(last.type)) return false;
  // The nodes' positions are the document's: the chunk starts at its base.
  return /^[ \t]*(?:\r\n|\r|\n)?$/.test(chunk.text.slice((last.position?.end.offset ?? 0) - chunk.base.offset));
}

/** Whether the chunk ends with a top-level heading or thematic break (a `break` point holds). */
function endsClosed(chunk: Chunk): boolean {
  return endsWith(chunk, ['heading', 'thematicBreak']);
}

/**
 * Whether the chunk ends with a top-level table, and the line at `at` is its next row (a `row` point holds): a line
 * too wide for a row is read as a paragraph instead (parse.ts).
 */
function endsWithTable(chunk: Chunk, text: string, at: number): boolean {
  return !chunk.open && endsWith(chunk, ['table']) && !tooWideForTable(text, at);
}

/**
 * The header and delimiter rows of the table the chunk ends with: its own head if the table began in an earlier
 * chunk too, else the table's first two lines in the text.
 */
function tableHead(chunk: Chunk, text: string): string {
  const table = chunk.nodes[chunk.nodes.length - 1];
  if (chunk.head && table === chunk.nodes[0]) return chunk.head;
  const start = table.position!.start.offset!;
  const lineStart = lineStartBefore(text, start);
  const twoLines = /^[^\r\n]*(?:\r\n|\r|\n)[^\r\n]*(?:\r\n|\r|\n)/.exec(text.slice(lineStart, lineStart + 20_000));
  return twoLines?.[0] ?? '';
}

function lineBreaks(text: string): number {
  let count = 0;
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) count++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** Labels as mdast identifies them, by kind; each maps to the form micromark looks up. */
interface Labels {
  links: Map<string, string>;
  footnotes: Map<string, string>;
}

/** micromark's normalizeIdentifier (micromark-util-normalize-identifier 2.0.1): how micromark looks a label up. */
function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

function definitionsIn(nodes: RootContent[]): Labels {
  const labels: Labels = { links: new Map(), footnotes: new Map() };
  // A stack, not visit: visit looks each node up among its siblings, which grew with the square of a long list.
  const stack: Node[] = nodes.slice();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition') labels.links.set((node as Definition).identifier, '');
    else if (node.type === 'footnoteDefinition') labels.footnotes.set((node as FootnoteDefinition).identifier, '');
    if ('children' in node) for (const child of node.children as Node[]) stack.push(child);
  }
  return labels;
}

/**
 * Every "[…]" in the text (at most 999 characters, no unescaped bracket inside, as a label is), as the label it
 * would be: a reference's label is one of them. A label running over lines is taken both as written and without the
 * quote markers and indentation that open its later lines (inside a quote or list item they are not part of it).
 */
function labelsIn(text: string): Labels {
  const labels: Labels = { links: new Map(), footnotes: new Map() };
  const bracket = /\[(\^?)((?:[^[\]\\]|\\[\s\S]){0,999})\]/g;
  const add = (kind: Map<string, string>, raw: string) => {
    const normal = normalizeIdentifier(raw);
    kind.set(normal.toLowerCase(), normal);
  };
  for (let match = bracket.exec(text); match; match = bracket.exec(text)) {
    const kind = match[1] ? labels.footnotes : labels.links;
    add(kind, match[2]);
    // "[^a]" is also the link label "^a".
    if (match[1]) add(labels.links, `^${match[2]}`);
    if (/[\r\n]/.test(match[2])) add(kind, match[2].replace(/([\r\n])[ \t>]*/g, '$1'));
  }
  return labels;
}

/** The labels `mentions` holds that `defined` (every chunk's definitions) has and `own` has not. */
function definedElsewhere(mentions: Labels, own: Labels, defined: Labels): DefinedElsewhere {
  const pick = (mentioned: Map<string, string>, mine: Map<string, string>, all: Map<string, string>) => {
    const picked: string[] = [];
    for (const [id, normal] of mentioned) if (all.has(id) && !mine.has(id)) picked.push(normal);
    return picked.sort();
  };
  return { links: pick(mentions.links, own.links, defined.links), footnotes: pick(mentions.footnotes, own.footnotes, defined.footnotes) };
}

/**
 * One document's parses, version after version. `parse` returns a tree equal to `parseMarkdown(text)`
 * (same nodes, same positions), re-parsing only chunks whose text is new. The nodes of unchanged chunks are
 * reused and their positions moved in place, so a tree returned earlier must not be used after a later call.
 */
export class IncrementalParser {
  private chunks = new Map<string, Chunk>();
  /**
   * The last whole parse's chunks by where their own text starts (`ownStart`), found again without reading their
   * text; emptied while a parse runs, so that one abandoned or cut leaves none for the next.
   */
  private chunksAt = new Map<number, Chunk>();
  /** `chunksAt` of the parse before the one running. */
  private placed = new Map<number, Chunk>();
  /** The lists and tables the last parse joined from chunks, by their first part: see `joinChunks`. */
  private joins: Joins = new Map();
  /** `minChunk`: the least length of a chunk cut at a block point (tests cut at every one). */
  /** `parse`: the parser of each chunk (a test counts its calls). */
  private readonly points: ChunkPoints;
  constructor(
    minChunk = MIN_CHUNK,
    private readonly parseText: (text: string, defined?: DefinedElsewhere) => Root = parseMarkdown,
  ) {
    this.points = new ChunkPoints(minChunk);
  }
  stats: IncrementalStats = { chunks: 0, reparsed: 0 };

  parse(text: string): Root {
    const steps = this.parseSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `parse` in steps: it yields after each chunk it parsed, so a check in slices (sliced-check.ts) lets other work
   * run during the parse of a long document. A parse abandoned between steps leaves the parser usable: the chunks
   * it had taken out are parsed again next time. Past `pastDeadline` (the check's budget, budget.ts) it stops
   * between chunks with ParseCut.
   */
  *parseSteps(text: string, pastDeadline?: () => boolean): Generator<'parse', Root, void> {
    const stats: IncrementalStats = { chunks: 0, reparsed: 0 };
    this.stats = stats;
    const full = (why: string): Root => {
      this.chunks = new Map();
      this.chunksAt = new Map();
      this.placed = new Map();
      this.joins = new Map();
      stats.fullParse = why;
      stats.chunks = 1;
      stats.reparsed = 1;
      return this.parseText(text);
    };
    this.placed = this.chunksAt;
    this.chunksAt = new Map();
    const { headings, blocks } = this.points.find(text);
    const bounds = mergePoints(headings, blocks);
    if (bounds.length === 0) return full('no split point');
    bounds.unshift({ at: 0, kind: 'heading' });
    bounds.push({ at: text.length, kind: 'heading' });
    const used: Chunk[] = [];
    /** Per chunk used: its first node, a list or table, is the rest of the previous chunk's last one. */
    const joined: ('item' | 'row' | undefined)[] = [];
    const next = new Map<string, Chunk>();
    let line = 0;
    let reparsed = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const previous = used[used.length - 1];
      if (previous?.open) {
        // An unclosed fence or HTML block runs on past the heading: the rest of the text is one chunk.
        const from = ownStart(previous);
        used[used.length - 1] = this.chunk(text, from.offset, text.length, from.line, next, stats, previous.head);
        break;
      }
      if (stats.reparsed > reparsed) yield 'parse';
      reparsed = stats.reparsed;
      let end = i + 1;
      // A chunk cut inside a table is parsed after its header rows; without them (a table too long for them to be
      // found) its rows would be a paragraph, and the join below parses in full.
      const head = bounds[i].kind === 'row' && previous ? tableHead(previous, text) : '';
      let chunk = this.chunk(text, bounds[i].at, bounds[end].at, line, next, stats, head);
      // A cut after a "---" line holds only where the chunk ends with that line's heading or break, one before a
      // list item only where the chunk ends with the same list; elsewhere the line is inside a block that may go
      // on, and the chunk runs to the next cut.
      while (!holds(chunk, text, bounds[end])) {
        if (pastDeadline?.()) this.cut(next, line);
        next.delete(chunk.text);
        end++;
        chunk = this.chunk(text, bounds[i].at, bounds[end].at, line, next, stats, head);
      }
      const kind = bounds[i].kind;
      joined.push(used.length > 0 && (kind === 'item' || kind === 'row') ? kind : undefined);
      i = end - 1;
      used.push(chunk);
      line += chunk.lines;
      // Past the check's budget the rest is not read (budget.ts); the chunks parsed so far are kept for the next parse.
      if (i + 2 < bounds.length && pastDeadline?.()) this.cut(next, line);
    }
    // A reference in one chunk to a definition in another: that chunk is parsed again knowing the label.
    const defined: Labels = { links: new Map(), footnotes: new Map() };
    for (const chunk of used) {
      for (const id of chunk.defines.links.keys()) defined.links.set(id, '');
      for (const id of chunk.defines.footnotes.keys()) defined.footnotes.set(id, '');
    }
    for (const chunk of used) {
      const elsewhere = definedElsewhere(chunk.mentions, chunk.defines, defined);
      const knows = JSON.stringify(elsewhere);
      if (knows === chunk.knows) continue;
      if (stats.reparsed > reparsed) yield 'parse';
      reparsed = stats.reparsed;
      if (pastDeadline?.()) this.cut(next, ownStart(chunk).line);
      const nodes = this.parseText(chunk.text, elsewhere.links.length + elsewhere.footnotes.length ? elsewhere : undefined).children;
      movePositions(nodes, chunk.base.offset, chunk.base.line);
      chunk.nodes = nodes;
      chunk.knows = knows;
      stats.reparsed++;
    }
    if (/^\uFEFF?(?:---|\+\+\+)/.test(text) && used[0].nodes[0]?.type !== 'yaml' && used[0].nodes[0]?.type !== 'toml')
      return full('front matter that may span chunks');

    this.chunks = next;
    this.chunksAt = new Map(used.map((chunk) => [ownStart(chunk).offset, chunk]));
    this.placed = new Map();
    stats.chunks = used.length;
    const join = joinChunks(used, joined, this.joins);
    if (!join) return full('a list or table cut where it did not go on');
    const { children } = join;
    this.joins = join.joins;
    const bom = text.charCodeAt(0) === 0xfeff;
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: bom ? 2 : 1, offset: bom ? 1 : 0 }, end: endPoint(text, used) },
    };
  }

  /** Stops the parse at `line`: the chunks parsed so far are kept for the next parse. */
  private cut(next: Map<string, Chunk>, line: number): never {
    for (const [key, kept] of next) this.chunks.set(key, kept);
    throw new ParseCut(line);
  }

  private chunk(text: string, start: number, end: number, line: number, next: Map<string, Chunk>, stats: IncrementalStats, head = ''): Chunk {
    // A table's head is parsed as if it stood right before the chunk: its positions are dropped when joined.
    const headLines = head ? lineBreaks(head) : 0;
    const base = { offset: start - head.length, line: line - headLines };
    let chunk = this.samePlace(start, end, head);
    let slice: string | undefined;
    if (!chunk) {
      slice = head + text.slice(start, end);
      chunk = this.chunks.get(slice);
      if (chunk?.head !== head) chunk = undefined;
    }
    if (chunk) {
      // Taken out, so that a second chunk with the same text gets nodes of its own.
      this.chunks.delete(chunk.text);
      movePositions(chunk.nodes, base.offset - chunk.base.offset, base.line - chunk.base.line);
      chunk.base = base;
    } else {
      const own = copyOf(slice ?? head + text.slice(start, end));
      // Blank lines give no node, and micromark takes about 5 µs a line to find that out (see `blank` in chunk-points.ts).
      const nodes = /^[ \t\r\n]*$/.test(own) ? [] : this.parseText(own).children;
      const defines = definitionsIn(nodes);
      const mentions = labelsIn(own);
      const knows = JSON.stringify({ links: [], footnotes: [] });
      const lines = lineBreaks(own) - headLines;
      chunk = { text: own, nodes, base, open: mayRunOn(own, nodes), defines, mentions, knows, lines, head };
      movePositions(nodes, base.offset, base.line);
      stats.reparsed++;
    }
    if (!next.has(chunk.text)) next.set(chunk.text, chunk);
    return chunk;
  }

  /**
   * The last parse's chunk of the same own text at the same place, where the edit since (`ChunkPoints.edit`) left
   * that text as it was: before the edit, or after it and moved by its length. Looking a chunk up by its text reads
   * the whole text, a megabyte on each edit of a large report.
   */
  private samePlace(start: number, end: number, head: string): Chunk | undefined {
    const edit = this.points.edit;
    if (!edit) return undefined;
    const was = end <= edit.prefix ? start : start >= edit.changedEnd ? start - edit.moved : undefined;
    const chunk = was === undefined ? undefined : this.placed.get(was);
    if (!chunk || chunk.head !== head || chunk.text.length !== head.length + end - start || this.chunks.get(chunk.text) !== chunk) return undefined;
    return chunk;
  }
}

/** Where the chunk's own text starts in the document: after its table head, if it has one. */
function ownStart(chunk: Chunk): { offset: number; line: number } {
  return { offset: chunk.base.offset + chunk.head.length, line: chunk.base.line + (chunk.head ? lineBreaks(chunk.head) : 0) };
}

/** Whether a chunk may end at `bound`: see `MIN_CHUNK` (chunk-points.ts) for the `break` and `item` kinds. */
function holds(chunk: Chunk, text: string, bound: { at: number; kind: BlockPoint['kind'] | 'heading' }): boolean {
  if (chunk.open) return true; // the rest of the text becomes one chunk
  if (bound.kind === 'break') return endsClosed(chunk);
  if (bound.kind === 'item') return continuesList(chunk, text, bound.at);
  if (bound.kind === 'row') return endsWithTable(chunk, text, bound.at);
  return true;
}

/** Lists and tables joined from the chunks' parts, by their first part (the first chunk's own node). */
type Joins = Map<RootContent, List | Table>;

/**
 * Whether a list or table joined before is the one just joined again: the same parts (item and row objects, handed
 * back from unchanged chunks; a list's looseness is theirs) and the same position objects (those of its first and
 * last parts, moved in place with them).
 */
function sameJoin(before: List | Table, now: List | Table): boolean {
  if (before.type !== now.type || before.children.length !== now.children.length) return false;
  if (before.position!.start !== now.position!.start || before.position!.end !== now.position!.end) return false;
  for (let i = 0; i < now.children.length; i++) if (before.children[i] !== now.children[i]) return false;
  return true;
}

/**
 * The chunks' top-level nodes in order, a list cut by an `item` point joined into one node again (a new one: the
 * chunks' own nodes are kept for the next parse). A join of the same parts as in the last parse gives the node it
 * gave then, so that what is kept by node (block-facts.ts, the time analysis) holds for it too: a 1 MB report has
 * about a hundred such lists and tables, walked, masked and read again on every edit before. Undefined if a chunk
 * that should go on with a list does not start with one.
 */
function joinChunks(used: Chunk[], joined: ('item' | 'row' | undefined)[], before: Joins): { children: RootContent[]; joins: Joins } | undefined {
  const children: RootContent[] = [];
  const joins: Joins = new Map();
  /** The list or table being joined, made by this function, so it may grow in place; its first part, and index. */
  let open: List | Table | undefined;
  let openFirst: RootContent | undefined;
  let openIndex = -1;
  const close = () => {
    if (!open || !openFirst) return;
    const kept = before.get(openFirst);
    const node = kept && sameJoin(kept, open) ? kept : open;
    children[openIndex] = node;
    joins.set(openFirst, node);
  };
  for (let c = 0; c < used.length; c++) {
    const nodes = used[c].nodes;
    let from = 0;
    const kind = joined[c];
    if (kind) {
      const first = nodes[0];
      const previous = children[children.length - 1];
      const type = kind === 'item' ? 'list' : 'table';
      if (first?.type !== type || previous?.type !== type) return undefined;
      if (open !== previous) {
        close();
        openFirst = previous;
        openIndex = children.length - 1;
        open = { ...previous, children: previous.children.slice(), position: { ...previous.position!, end: previous.position!.end } } as List | Table;
        children[openIndex] = open;
      }
      // A table's chunk was parsed after the table's header row (Chunk.head), which is the table's already.
      const rows = first.children as (ListItem | TableRow)[];
      for (let r = kind === 'row' ? 1 : 0; r < rows.length; r++) (open.children as (ListItem | TableRow)[]).push(rows[r]);
      open.position!.end = first.position!.end;
      // A blank line between two items makes the list loose; the cut follows a line that is not blank.
      if (open.type === 'list') open.spread = open.spread || (first as List).spread;
      from = 1;
    }
    for (let n = from; n < nodes.length; n++) children.push(nodes[n]);
  }
  close();
  return { children, joins };
}

/** Heading points and block points in text order, with a block point dropped where a heading point is. */
function mergePoints(headings: number[], blocks: BlockPoint[]): { at: number; kind: BlockPoint['kind'] | 'heading' }[] {
  const merged: { at: number; kind: BlockPoint['kind'] | 'heading' }[] = [];
  let h = 0;
  for (const block of blocks) {
    while (h < headings.length && headings[h] <= block.at) merged.push({ at: headings[h++], kind: 'heading' });
    if (merged[merged.length - 1]?.at !== block.at) merged.push(block);
  }
  while (h < headings.length) merged.push({ at: headings[h++], kind: 'heading' });
  return merged;
}

/** Where the text ends, from the chunks' line counts: no pass over the whole text. */
function endPoint(text: string, chunks: Chunk[]): Point {
  let breaks = 0;
  for (const chunk of chunks) breaks += chunk.lines;
  // The last line starts after the last break: "\r\n" ends with "\n", a lone "\r" is a break of its own.
  const lineStart = lineStartBefore(text, text.length);
  return { line: breaks + 1, column: text.length - lineStart + 1, offset: text.length };
}

/** A full parse, cut into chunks where that gives the same tree (chunk-points.ts): what a check parses with. */
export function parseDocument(text: string): Root {
  return new IncrementalParser().parse(text);
}
