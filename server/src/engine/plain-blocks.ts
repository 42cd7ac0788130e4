import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import { movePositions } from './move-positions';
import { pushAll } from './numbers';
import { htmlBlockEnd, mayRunOn } from './runs-on';

/*
 * The tree of a document, with micromark reading only what needs it. Most of an RCA is prose: headings, paragraphs
 * and one-line list items. micromark reads every character through its state machines and cost about half of a
 * seed-sized check; here the lines that can only be plain blocks are read directly. Everything else goes to
 * micromark in runs of whole top-level blocks, then moves into place:
 * - a plain block whose text holds markup, an entity, an e-mail or "www." address, or a web address of a form not
 *   read here (see URL_CORE);
 * - a region of lines that may be anything else (a table, a fence, a quote, an indented or lazy line, trailing
 *   spaces), from the block it continues to a blank line followed by a line that can only start a plain block, with
 *   no fence, HTML block or front matter open across it. No block of CommonMark or GFM runs on past that point.
 * The tree is micromark's (test/property/plain-blocks.test.ts compares them on random documents, and
 * test/unit/plain-blocks.test.ts on every fixture). A document with a link or footnote definition ("]:"), which
 * changes how references anywhere else read, a lone "\r", a NUL or a byte order mark is left to micromark whole.
 */

/** Parses a run of whole top-level blocks on its own (positions counted from the run's start). */
export type ParseRun = (source: string) => Root;

interface Line {
  start: number;
  /** Before the line ending ("\n" or "\r\n"). */
  end: number;
  /** 1-based. */
  number: number;
}

interface Block {
  /** `other`: a region left to micromark whole, whatever it holds. */
  kind: 'heading' | 'paragraph' | 'list' | 'other';
  first: Line;
  last: Line;
  node?: RootContent;
  plain: boolean;
}

/** Characters that can begin inline markup, an e-mail address or a hard break, and the "www." GFM links. */
const INLINE_MARKUP = /[\\`*_[\]<&~!@]|www\./i;
/** Where GFM may find an address written out ("http:" in any case). */
const ADDRESS = /https?:/gi;
/**
 * The addresses read here: "http://" or "https://", a domain of letters, digits and "-" with a dot, a port, and a
 * path of the characters that end no link. What GFM does with "_", "(", "&" or ";" in an address is micromark's.
 */
const URL_CORE = /^https?:\/\/[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)+(?::\d{1,5})?(?:\/(?:[A-Za-z0-9\-.=?#%+/]*[A-Za-z0-9\-=#%+/])?)?/;
/** The address with what follows it up to a space, read where it starts (no copy of the text after it). */
const WORD = /\S*/y;
/** Punctuation after an address that GFM leaves out of its link. */
const URL_TRAIL = /^[.,:!?]*$/;
/** A line's first character that can open a block other than a paragraph (or indent one). */
const BLOCK_START = new Set(' \t>|`~<-+*_=#:[!\\&'.split('').map((c) => c.charCodeAt(0)));
const HEADING = /^(#{1,6}) (?=[^ \t])(.*[^ \t#])$|^(#{1,6}) ([^ \t#])$/;
const ITEM = /^(?:([-+*])|(\d{1,9})([.)])) (?=[^ \t])/;
const NUMBERED = /^\d+[.)](?:[ \t\r\n]|$)/;
/** A fence's opening line, at most 3 spaces in, at the top level (a fence inside a container closes with it). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*$/;
/**
 * Plain text between two blocks left to micromark that is parsed with them rather than apart: micromark's set-up
 * for a parse (about 50 µs) costs as much as reading this many characters.
 */
const MERGE_GAP = 300;

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** From `from` on line `first` to `to` on line `last`. */
function span(first: Line, from: number, to: number, last: Line = first) {
  return { start: point(first.number, from - first.start + 1, from), end: point(last.number, to - last.start + 1, to) };
}

function paragraphStartsPlain(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (BLOCK_START.has(code)) return false;
  return !(code >= 48 && code <= 57 && NUMBERED.test(text.slice(at, at + 12)));
}

function textNode(value: string, first: Line, from: number, last: Line, to: number): Text {
  return { type: 'text', value, position: span(first, from, to, last) };
}

/**
 * Whether the block's text needs micromark; where it holds only addresses read here, its text nodes are split into
 * text and links as micromark's are.
 */
function readInline(node: RootContent): boolean {
  if (node.type === 'list') return node.children.every((item) => readInline(item.children[0]));
  const parent = node as Paragraph | Heading;
  const text = parent.children[0] as Text;
  if (INLINE_MARKUP.test(text.value)) return false;
  const split = splitAddresses(text);
  if (!split) return false;
  parent.children = split;
  return true;
}

/** The text node as text and links, micromark's, or undefined where an address is not of the form read here. */
function splitAddresses(text: Text): PhrasingContent[] | undefined {
  const value = text.value;
  ADDRESS.lastIndex = 0;
  if (!ADDRESS.test(value)) return [text];
  const start = text.position!.start;
  // Points are asked for in order: the line is counted on from the last one, never from the text's start again.
  let line = start.line;
  let lineStart = 0;
  let counted = 0;
  const pointAt = (index: number): Point => {
    for (let at = value.indexOf('\n', counted); at !== -1 && at < index; at = value.indexOf('\n', at + 1)) {
      line++;
      lineStart = at + 1;
      counted = at + 1;
    }
    counted = Math.max(counted, index);
    if (line === start.line) return point(line, start.column + index, start.offset! + index);
    return point(line, index - lineStart + 1, start.offset! + index);
  };
  const textOf = (from: number, to: number): Text => ({ type: 'text', value: value.slice(from, to), position: { start: pointAt(from), end: pointAt(to) } });
  const parts: PhrasingContent[] = [];
  let done = 0;
  ADDRESS.lastIndex = 0;
  for (let match = ADDRESS.exec(value); match; match = ADDRESS.exec(value)) {
    const at = match.index;
    const before = value.charCodeAt(at - 1);
    if (at > 0 && before !== 32 && before !== 10) return undefined;
    WORD.lastIndex = at;
    const word = WORD.exec(value)![0];
    const core = URL_CORE.exec(word)?.[0];
    if (!core || !URL_TRAIL.test(word.slice(core.length))) return undefined;
    if (at > done) parts.push(textOf(done, at));
    const label = textOf(at, at + core.length);
    parts.push({ type: 'link', title: null, url: core, children: [label], position: { start: pointAt(at), end: pointAt(at + core.length) } });
    done = at + core.length;
    ADDRESS.lastIndex = done;
  }
  if (done < value.length) parts.push(textOf(done, value.length));
  return parts;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0, number = 1; ; number++) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline;
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    lines.push({ start, end, number });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** What keeps a region open past a blank line: an open fence, HTML block or front matter, and how it ends. */
class Openers {
  private fence: { char: string; length: number } | undefined;
  private htmlEnd: string | undefined;
  private frontMatter: string | undefined;

  get open(): boolean {
    return this.fence !== undefined || this.htmlEnd !== undefined || this.frontMatter !== undefined;
  }

  read(content: string, first: boolean): void {
    if (this.frontMatter !== undefined) {
      if (content.trimEnd() === this.frontMatter) this.frontMatter = undefined;
      return;
    }
    if (this.fence) {
      const close = FENCE_CLOSE.exec(content);
      if (close && close[1][0] === this.fence.char && close[1].length >= this.fence.length) this.fence = undefined;
      return;
    }
    if (this.htmlEnd !== undefined) {
      if (content.toLowerCase().includes(this.htmlEnd)) this.htmlEnd = undefined;
      return;
    }
    const frontMatter = first ? FRONT_MATTER.exec(content) : null;
    if (frontMatter) {
      this.frontMatter = frontMatter[1];
      return;
    }
    const fence = FENCE.exec(content);
    if (fence) {
      this.fence = { char: fence[1][0], length: fence[1].length };
      return;
    }
    const end = htmlBlockEnd(content);
    // Its end on its own line ends it there ("<!-- x -->"). Where this reading and micromark's differ, the tree tells.
    if (
      end !== undefined &&
      !content
        .slice(content.indexOf('<') + 1)
        .toLowerCase()
        .includes(end)
    )
      this.htmlEnd = end;
  }
}

/** The tree of `text`, micromark's, with the plain blocks read directly; undefined if micromark must read it whole. */
export function parsePlainBlocks(text: string, parseRun: ParseRun): Root | undefined {
  if (text.includes('\0') || text.includes(']:') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const lines = linesOf(text);
  const blocks: Block[] = [];
  let paragraph: Block | undefined;
  let list: Block | undefined;
  let listKind = '';
  let blankInList = false;
  /** Whether the line is one that only a plain block can start, after a blank line. */
  const fresh = (line: Line) =>
    HEADING.test(text.slice(line.start, line.end)) ||
    (line.end > line.start && paragraphStartsPlain(text, line.start) && !ITEM.test(text.slice(line.start, line.end)));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const { start, end } = line;
    if (end === start) {
      paragraph = undefined;
      if (list) blankInList = true;
      continue;
    }
    const content = text.slice(start, end);
    const trailing = text.charCodeAt(end - 1);
    const plainLine = trailing !== 32 && trailing !== 9;
    const heading = plainLine && content.charCodeAt(0) === 35 ? HEADING.exec(content) : null;
    if (heading) {
      paragraph = list = undefined;
      const depth = (heading[1] ?? heading[3]).length;
      const from = start + depth + 1;
      const node: Heading = {
        type: 'heading',
        depth: depth as Heading['depth'],
        children: [textNode(text.slice(from, end), line, from, line, end)],
        position: span(line, start, end),
      };
      blocks.push({ kind: 'heading', first: line, last: line, node, plain: true });
      continue;
    }
    const item = plainLine ? ITEM.exec(content) : null;
    const kind = item ? (item[1] ?? item[3]) : '';
    const itemFits =
      item !== null &&
      paragraphStartsPlain(text, start + item[0].length) &&
      !(paragraph && item[2] !== undefined && item[2] !== '1') &&
      !(list && kind !== listKind);
    if (item && itemFits) {
      const from = start + item[0].length;
      paragraph = undefined;
      const value = text.slice(from, end);
      const listItem: ListItem = {
        type: 'listItem',
        spread: false,
        checked: null,
        children: [{ type: 'paragraph', children: [textNode(value, line, from, line, end)], position: span(line, from, end) }],
        position: span(line, start, end),
      };
      if (list) {
        const node = list.node as List;
        if (blankInList) node.spread = true;
        node.children.push(listItem);
        node.position!.end = point(line.number, end - start + 1, end);
        list.last = line;
      } else {
        const node: List = {
          type: 'list',
          ordered: item[2] !== undefined,
          start: item[2] !== undefined ? Number(item[2]) : null,
          spread: false,
          children: [listItem],
          position: span(line, start, end),
        };
        list = { kind: 'list', first: line, last: line, node, plain: true };
        listKind = kind;
        blocks.push(list);
      }
      blankInList = false;
      continue;
    }
    // A line straight after an item would be a lazy continuation of its paragraph: a region's.
    if (!item && plainLine && paragraphStartsPlain(text, start) && !(list && !blankInList)) {
      list = undefined;
      if (paragraph) {
        const node = paragraph.node as Paragraph;
        // Its value is taken when the block is done (readInline): a copy per line grew with the square of the lines.
        (node.children[0] as Text).position!.end = point(line.number, end - start + 1, end);
        node.position!.end = point(line.number, end - start + 1, end);
        paragraph.last = line;
      } else {
        const node: Paragraph = { type: 'paragraph', children: [textNode(content, line, start, line, end)], position: span(line, start, end) };
        paragraph = { kind: 'paragraph', first: line, last: line, node, plain: true };
        blocks.push(paragraph);
      }
      continue;
    }
    // A region, from the block this line may continue.
    const continued = paragraph ?? list;
    if (continued) blocks.pop();
    const region: Block = { kind: 'other', first: continued?.first ?? line, last: line, plain: false };
    blocks.push(region);
    paragraph = list = undefined;
    const openers = new Openers();
    for (let j = region.first.number - 1; j <= i; j++) openers.read(text.slice(lines[j].start, lines[j].end), j === 0);
    for (i++; i < lines.length; i++) {
      const next = lines[i];
      if (next.end === next.start && !openers.open) {
        let after = i + 1;
        while (after < lines.length && lines[after].end === lines[after].start) after++;
        i = after - 1;
        if (after === lines.length || fresh(lines[after])) break;
        continue;
      }
      openers.read(text.slice(next.start, next.end), false);
      if (next.end > next.start) region.last = next;
    }
    // A fence, HTML block or front matter left open runs to the text's end, its last line endings included.
    if (openers.open) region.last = lines[lines.length - 1];
  }
  for (const block of blocks) {
    if (block.kind === 'paragraph') ((block.node as Paragraph).children[0] as Text).value = text.slice(block.first.start, block.last.end);
    if (block.node) block.plain = readInline(block.node);
  }
  const children: RootContent[] = [];
  for (let i = 0; i < blocks.length;) {
    if (blocks[i].plain) {
      children.push(blocks[i++].node!);
      continue;
    }
    // The run goes on over plain blocks that cost micromark less than a parse of their own would (its set-up).
    let j = i;
    for (let k = i + 1; k < blocks.length; k++) {
      if (blocks[k].first.start - blocks[j].last.end > MERGE_GAP) break;
      if (!blocks[k].plain) j = k;
    }
    const run = blocks.slice(i, j + 1);
    const from = blocks[i].first.start;
    const source = text.slice(from, blocks[j].last.end);
    // Alone, a run that starts with "---" or "+++" would be read as front matter, and a U+FEFF as a byte order mark.
    if (from > 0 && /^(?:---|\+\+\+|\ufeff)/.test(source)) return undefined;
    const parsed = parseRun(source).children;
    if (run.some((block) => block.kind === 'other')) {
      // Regions end where no block runs on, as far as the lines read tell; the tree has the last word.
      if (from + source.length < text.length && mayRunOn(source, parsed)) return undefined;
    } else if (parsed.length !== run.length || parsed.some((node, k) => node.type !== run[k].kind)) return undefined;
    movePositions(parsed, from, blocks[i].first.number - 1);
    pushAll(children, parsed);
    i = j + 1;
  }
  const last = lines[lines.length - 1];
  return {
    type: 'root',
    children,
    position: { start: point(1, 1, 0), end: point(last.number, text.length - last.start + 1, text.length) },
  };
}
