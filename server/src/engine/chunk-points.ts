// Where the incremental parser (incremental.ts) may cut a document into chunks, and how those places are found
// again after an edit by reading only the text around it.

/**
 * Where a chunk may start: an ATX heading at column 0, after a blank line. Such a line closes every open block
 * except a fenced code block or an HTML block of kinds 1 to 5 (`<!--`, `<script` ...) or front matter; those
 * cases are caught after parsing (see `mayRunOn` in incremental.ts) and the chunks are joined.
 */
export function splitPoints(text: string): number[] {
  return headingPoints(text, 0, () => false);
}

/**
 * The heading points from `from` (0, or a point found before), in order; stops after a point for which `stop` is
 * true. Each search starts at the last point found, and reads the text after it only.
 */
function headingPoints(text: string, from: number, stop: (point: number) => boolean): number[] {
  const points: number[] = [];
  // A line break is \r\n, \n or a lone \r: "\r\n" must never count as two breaks around an empty line.
  const heading = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(#{1,6}(?:[ \t]|\r|\n|$))/g;
  heading.lastIndex = from;
  for (let match = heading.exec(text); match; match = heading.exec(text)) {
    const point = match.index + match[0].length - match[1].length;
    points.push(point);
    if (stop(point)) break;
    // The heading line may itself be followed by a blank line and a heading.
    heading.lastIndex = point;
  }
  return points;
}

/**
 * More places a chunk may start, so that a document with few headings is not one chunk: micromark's work on some
 * shapes grows with the square of a chunk's size (a run of setext headings, a long nested list, footnotes), so
 * cutting a long document into chunks of at least MIN_CHUNK characters makes its parse linear.
 * - `blank`: a line at column 0 after a blank line that can continue nothing: not indented, not a quote marker,
 *   not a list marker, not "-" (which could also open front matter in the chunk). After a blank line every open
 *   block has ended then, except a fence or an HTML block of kinds 1 to 5 (`mayRunOn`, as for headings).
 * - `break`: the line after a column-0 "---", "===", "***" or "___" line or ATX heading ("# …", no blank line
 *   needed), when the chunk's parse ends with a top-level heading or thematic break right there (`endsClosed`):
 *   then no block is open at that line in the whole text either, since every line up to it is read the same way in
 *   both (a heading line inside an HTML block or a fence ends the chunk with that block, not a heading).
 * - `item`: a column-0 list item after a line that is not blank, when the chunk's parse ends with a top-level list
 *   of the same marker (`continuesList`): in the whole text that line is the list's next item (an item of the same
 *   list is never read as a lazy line), so the next chunk's first list is the same list's rest, and the two are
 *   joined (`joinLists`). One long list is then many chunks, as a long run of paragraphs is.
 * - `row`: a line opening with "|" after a line that is not blank, when the chunk's parse ends with a top-level
 *   table right there (`endsWithTable`) and the line is not too wide for a row (`tooWideForTable`): in the whole
 *   text that line is the table's next row (a "|" opens no other block, and a table row is never lazy), and a row's
 *   cells do not depend on the rows around it. The next chunk is parsed after the table's header and delimiter rows
 *   (`Chunk.head`) and its rows joined to the table. One long table is then many chunks.
 * - `blank` also: a blank line after a blank line, where the run of blank lines it begins is at least `minChunk`
 *   long and the line after the run is fresh (or the text ends): no block open before the run goes on after it.
 *   The run is then a chunk of its own, which is not parsed (blank lines give no node).
 */
export const MIN_CHUNK = 4096;

export interface BlockPoint {
  at: number;
  kind: 'blank' | 'break' | 'item' | 'row';
}

/**
 * A line that may start a chunk: one that continues no block and opens no front matter. Nor one that opens with "[":
 * a definition is mostly written after its reference, and a chunk whose reference is defined in the next is parsed
 * again (see `definedElsewhere`). A "*" not followed by a space or the line's end opens no list item ("**bold**", a
 * paragraph, or a thematic break, fresh after a blank line too), nor does a "-" or "+" followed by neither a space
 * nor another "-" or "+" (so never "---" or "+++", front matter at a chunk's start).
 */
const FRESH_LINE = /^(?![ \t\r\n>\uFEFF[]|\*(?:[ \t\r\n]|$)|[-+](?:[ \t\r\n\-+]|$)|\d{1,9}[.)](?:[ \t\r\n]|$))/;
/**
 * A thematic break of "*" or "_" after a blank line is fresh too: after a blank line it is neither a list item nor
 * a setext underline ("-" stays out: at a chunk's start it could open front matter).
 */
const BREAK_LINE = /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})(?:\r|\n|$)/;
/** A top-level list item's first line: its marker at column 0. A line that is also a thematic break is one. */
const ITEM_LINE = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|\r|\n|$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})(?:\r|\n|$)/;

function freshLine(text: string, at: number): boolean {
  return FRESH_LINE.test(text.slice(at, at + 12)) || BREAK_LINE.test(text.slice(at, at + 200));
}

function itemLine(text: string, at: number): boolean {
  return ITEM_LINE.test(text.slice(at, at + 12)) && !THEMATIC_BREAK.test(text.slice(at, at + 200));
}

const BLANK_LINE = /[ \t]*(?:\r|\n|$)/y;
const NOT_BLANK = /[^ \t\r\n]/g;

/** For a blank line at `at`: where the run of blank lines it begins ends (the next line's start, or the text's end); else -1. */
function blankRunEnd(text: string, at: number): number {
  BLANK_LINE.lastIndex = at;
  if (!BLANK_LINE.test(text)) return -1;
  NOT_BLANK.lastIndex = at;
  const next = NOT_BLANK.exec(text);
  return next ? lineStartBefore(text, next.index) : text.length;
}

export function blockPoints(text: string, minChunk = MIN_CHUNK): BlockPoint[] {
  return scanBlockPoints(text, minChunk, 0, () => false);
}

/**
 * The block points after `from` (0, or a point found before whose line is not blank: the scan's state there is
 * that point alone), in order; stops after a point for which `stop` is true. Past `from` the scan reads the text
 * from the line break before it on.
 */
function scanBlockPoints(text: string, minChunk: number, from: number, stop: (point: BlockPoint) => boolean): BlockPoint[] {
  const points: BlockPoint[] = [];
  const blocks = /(?:\r\n|\r(?!\n)|\n)(?:([ \t]*)|(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*|#{1,6}(?:[ \t][^\r\n]*)?)(?:\r\n|\r(?!\n)|\n)/g;
  // A line break after a line that is not blank, before a list marker or a table row's "|" at column 0. The line
  // before is looked at by hand: a pattern that began at its last visible character was tried at every character.
  const items = /(?:\r\n|\r(?!\n)|\n)(?=[-+*\d|])/g;
  const nextItem = () => {
    for (let found = items.exec(text); found; found = items.exec(text)) {
      let visible = found.index - 1;
      while (visible >= 0 && (text.charCodeAt(visible) === 32 || text.charCodeAt(visible) === 9)) visible--;
      if (visible >= 0 && text.charCodeAt(visible) !== 10 && text.charCodeAt(visible) !== 13) return found;
    }
    return null;
  };
  // The break before `from` opens the first match that may follow it.
  const resumeAt = from === 0 ? 0 : from - (text.charCodeAt(from - 1) === 10 && text.charCodeAt(from - 2) === 13 ? 2 : 1);
  blocks.lastIndex = resumeAt;
  items.lastIndex = resumeAt;
  let block = blocks.exec(text);
  let item = nextItem();
  let last = from;
  const lastAt = () => (points.length ? points[points.length - 1].at : from);
  /** Where the run of blank lines last looked at ends (see `blankRunEnd`), so that a run is searched once. */
  let runEnd = -1;
  while (block || item) {
    let at: number;
    let kind: BlockPoint['kind'];
    if (block && (!item || block.index + block[0].length <= item.index + item[0].length)) {
      at = block.index + block[0].length;
      kind = block[1] === undefined ? 'break' : 'blank';
      // The closing break is the next match's opening one.
      blocks.lastIndex = at - (block[0].endsWith('\r\n') ? 2 : 1);
      block = blocks.exec(text);
      if (kind === 'blank' && at >= runEnd && at < text.length) {
        runEnd = blankRunEnd(text, at);
        if (runEnd >= 0 && runEnd - at >= minChunk && (runEnd === text.length || freshLine(text, runEnd))) {
          if (lastAt() !== at) points.push({ at, kind });
          if (runEnd < text.length) points.push({ at: runEnd, kind });
          last = runEnd;
          if (stop(points[points.length - 1])) break;
          blocks.lastIndex = runEnd - (text[runEnd - 1] === '\n' && text[runEnd - 2] === '\r' ? 2 : 1);
          block = blocks.exec(text);
          continue;
        }
        // Not a run that may be cut out: the rest of it is not searched again.
        runEnd = Math.max(runEnd, at + 1);
      }
      if (at - last < minChunk || at >= text.length || !freshLine(text, at)) continue;
    } else {
      at = item!.index + item![0].length;
      kind = text[at] === '|' ? 'row' : 'item';
      item = nextItem();
      if (at - last < minChunk || at >= text.length || (kind === 'item' && !itemLine(text, at))) continue;
    }
    if (lastAt() === at) continue;
    points.push({ at, kind });
    last = at;
    if (stop(points[points.length - 1])) break;
  }
  return points;
}

/**
 * Where the line holding the character before `at` starts (0 at the text's start). A backward search for "\r" in a
 * text without one (most are) runs to the text's start: once per chunk, that was a pass over the document each.
 */
export function lineStartBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i + 1;
}

/** How long the texts' common start and common end are (the end not reaching into the start). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const most = Math.min(a.length, b.length);
  let prefix = 0;
  // Slices compare as fast as the engine compares memory; a character loop on a 1 MB text takes milliseconds.
  for (const step of [65536, 4096, 256, 16]) while (prefix + step <= most && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  while (prefix < most && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = most - prefix;
  for (const step of [65536, 4096, 256, 16])
    while (suffix + step <= room && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix))
      suffix += step;
  while (suffix < room && a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}

/** The points of a text, heading points and block points apart. */
export interface Points {
  headings: number[];
  blocks: BlockPoint[];
}

/**
 * How far after a point the decisions up to it read: a line's first 200 characters tell whether it is fresh
 * (`freshLine`), and an ATX heading's marker takes 7.
 */
const READ_AFTER_POINT = 256;

/** Index of `value` in the sorted `values` by `key`, or -1. */
function indexOf<T>(values: T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = key(values[mid]);
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** How many of the sorted `values` are at most `bound`. */
function countUpTo<T>(values: T[], bound: number, key: (item: T) => number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(values[mid]) <= bound) low = mid + 1;
    else high = mid;
  }
  return low;
}

const atOf = (point: BlockPoint) => point.at;
const itself = (point: number) => point;

/**
 * A document's points, version after version. After an edit the search starts again at the last point whose
 * finding read nothing the edit changed, and stops at the first point past the edit that the last version had too
 * (moved by the edit's length): from there on each search reads the same text as before, so it finds the same
 * points. A 1 MB report took 5 ms for its points on each edit; this reads a few kilobytes around the edit.
 */
export class ChunkPoints {
  private text = '';
  private points: Points = { headings: [], blocks: [] };
  /**
   * What changed from the text before the last one found to that one: the text before `prefix` and from
   * `changedEnd` on (`moved` characters further than before) is as it was. Undefined after the first.
   */
  edit: { prefix: number; changedEnd: number; moved: number } | undefined;

  constructor(private readonly minChunk = MIN_CHUNK) {}

  find(text: string): Points {
    const before = this.text;
    const old = this.points;
    this.text = text;
    if (!before) {
      this.edit = undefined;
      return (this.points = { headings: splitPoints(text), blocks: blockPoints(text, this.minChunk) });
    }
    if (before === text) {
      this.edit = { prefix: text.length, changedEnd: text.length, moved: 0 };
      return old;
    }
    const { prefix, suffix } = commonEnds(before, text);
    const changedEnd = text.length - suffix;
    const moved = text.length - before.length;
    this.edit = { prefix, changedEnd, moved };
    const safe = prefix - READ_AFTER_POINT;

    const keptHeadings = countUpTo(old.headings, safe, itself);
    let match = -1;
    const foundHeadings = headingPoints(text, keptHeadings ? old.headings[keptHeadings - 1] : 0, (point) => {
      match = point >= changedEnd + 2 ? indexOf(old.headings, point - moved, itself) : -1;
      return match >= 0;
    });
    const headings = old.headings.slice(0, keptHeadings).concat(foundHeadings);
    if (match >= 0) for (let i = match + 1; i < old.headings.length; i++) headings.push(old.headings[i] + moved);

    // The search resumes at a point on a line that is not blank: a run of blank lines before it ends there.
    let kept = countUpTo(old.blocks, safe, atOf);
    while (kept > 0 && isBlankLine(text, old.blocks[kept - 1].at)) kept--;
    match = -1;
    // A point's kind tells what its line follows, not how the search goes on after it.
    const foundBlocks = scanBlockPoints(text, this.minChunk, kept ? old.blocks[kept - 1].at : 0, (point) => {
      match = point.at >= changedEnd + 2 ? indexOf(old.blocks, point.at - moved, atOf) : -1;
      return match >= 0;
    });
    const blocks = old.blocks.slice(0, kept).concat(foundBlocks);
    if (match >= 0) for (let i = match + 1; i < old.blocks.length; i++) blocks.push({ at: old.blocks[i].at + moved, kind: old.blocks[i].kind });
    return (this.points = { headings, blocks });
  }
}

function isBlankLine(text: string, at: number): boolean {
  BLANK_LINE.lastIndex = at;
  return BLANK_LINE.test(text);
}
