// The bounds a text is held to before it is parsed (check.ts): how deep its quotes and lists nest, the inline markers
// and the escapes of its paragraphs, and table rows too wide to read. Each is read from what every line holds, kept
// per line: after an edit of a long report (the language server keeps the lines of each document's last version)
// only the lines the edit touched are read again, where every pass read the whole text on every keystroke.
import { commonEnds } from './chunk-points';
import { MAX_TABLE_ROW_PIPES, tooWideForTable } from './parse';

/** Past this depth of quotes and lists the text is not parsed: the parser's work grows with it. */
export const MAX_NESTING = 64;

/**
 * The parser matches emphasis, links, footnotes and code spans within a paragraph in time that grows with the
 * square of their markers ("*a*a*a…" 100 KB long took minutes). The estimate is the sum, over paragraphs, of
 * the square of their count of "*", "_", "[", "]", "`" and "~"; past this bound (one paragraph with 8,000 of
 * them, some seconds of parsing; a real paragraph has a handful) the document is not parsed.
 */
export const MAX_INLINE_WORK = 64_000_000;

/**
 * One paragraph is parsed in one go, and the parser spends about 20 µs of CPU on each backslash escape ("\\", "\*")
 * and about 15 µs on each character reference ("&amp;", "&#169;"), mostly on their garbage: 400,000 escapes on one
 * line took 7.4 s, 123,000 references 1.8 s, and the work budget is looked at only between parsed chunks. Past this
 * many of either in one paragraph (about 0.8 s of parsing; a real paragraph has a handful) the document is not parsed.
 */
export const MAX_PARAGRAPH_ESCAPES = 40_000;

/** The first characters of a line that may open a quote, a list item or a thematic break (indexed by code unit). */
const MAY_OPEN_BLOCK: boolean[] = [];
for (const c of ' \t>-*+_0123456789') MAY_OPEN_BLOCK[c.charCodeAt(0)] = true;

const isBlank = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * How many quote and list markers open a line ("> - > 1. x" has four), each after optional blanks and a list marker
 * followed by a blank or the line's end, plus half the width of the line's leading blanks (a tab counting four) when
 * the first marker is a list's. Read a character at a time: patterns made three lists and a match per line, and a
 * timeline written as a list has a marker on every line.
 */
export function lineDepth(line: string): number {
  let markers = 0;
  let firstIsQuote = false;
  let indent = 0;
  let at = 0;
  for (;;) {
    let next = at;
    while (isBlank(line.charCodeAt(next))) next++;
    const c = line.charCodeAt(next);
    let end: number;
    if (c === 62) end = next + 1;
    else if (c === 45 || c === 42 || c === 43) end = next + 1;
    else if (isDigit(c)) {
      let digits = next;
      while (isDigit(line.charCodeAt(digits))) digits++;
      const closer = line.charCodeAt(digits);
      if (digits - next > 9 || (closer !== 46 && closer !== 41)) break;
      end = digits + 1;
    } else break;
    // A list marker needs a blank or the line's end after it; a quote's ">" does not.
    if (c !== 62 && end < line.length && !isBlank(line.charCodeAt(end))) break;
    if (markers === 0) {
      firstIsQuote = c === 62;
      for (let i = 0; i < next; i++) indent += line.charCodeAt(i) === 9 ? 4 : 1;
    }
    markers++;
    at = end;
  }
  return markers + (markers && !firstIsQuote ? Math.floor(indent / 2) : 0);
}

/** Any of the characters the inline-work estimate counts. */
const INLINE_MARKER = /[*_[\]`~]/;

const isAsciiPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** What the parser may read as a character reference after "&" (an unknown name is text, and counted all the same). */
const CHARACTER_REFERENCE = /#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};/y;

/** A line's flags: blank, a row too wide for a table, and what follows a fence's marker. */
const BLANK = 1;
const WIDE = 2;
const REST_BLANK = 4;
const REST_HAS_BACKTICK = 8;

/** What the bounds read of a line, each at its place in a line's record of LineFacts.data. */
const DEPTH = 0;
const MARKERS = 1;
const ESCAPES = 2;
/** The fence marker opening the line ("```", "~~~~"): its character (0 for none) and its length. */
const FENCE_CHAR = 3;
const FENCE_LENGTH = 4;
const FLAGS = 5;
const FIELDS = 6;

/**
 * What the bounds read of each line, a record of FIELDS numbers a line in one typed array: a long report's 30,000
 * lines are kept in one block, and a seed-sized report's check allocates one array, not one a fact.
 */
class LineFacts {
  readonly data: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(capacity * FIELDS);
  }

  get(line: number, field: number): number {
    return this.data[line * FIELDS + field];
  }

  /**
   * Reads one line into the next slot: its depth and whether it is too wide for a table row, and with `everything`
   * what the walks over paragraphs read too (fences, blank lines, inline markers, escapes; see readsEverything).
   */
  add(line: string, everything: boolean): void {
    const at = this.count++ * FIELDS;
    const { data } = this;
    const first = line.charCodeAt(0);
    // Most lines open with a letter: nothing nests there, and the patterns below need not be tried. A thematic
    // break ("* * *", "- - -") opens nothing.
    if (MAY_OPEN_BLOCK[first] && !/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) data[at + DEPTH] = lineDepth(line);
    // Only a line longer than the bound can hold more "|" than it.
    if (line.length > MAX_TABLE_ROW_PIPES && tooWideForTable(line)) data[at + FLAGS] = WIDE;
    if (everything) this.addParagraphFacts(at, line, first);
  }

  private addParagraphFacts(at: number, line: string, first: number): void {
    const { data } = this;
    let flags = data[at + FLAGS];
    // A fence opens with a space, "`" or "~", a blank line with a space or a tab: most lines open with neither.
    const opener = first === 32 || first === 96 || first === 126 ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (opener) {
      data[at + FENCE_CHAR] = opener[1].charCodeAt(0);
      data[at + FENCE_LENGTH] = opener[1].length;
      const rest = line.slice(opener[0].length);
      if (/^[ \t]*$/.test(rest)) flags |= REST_BLANK;
      if (rest.includes('`')) flags |= REST_HAS_BACKTICK;
    } else if (line.length === 0 || ((first === 32 || first === 9) && /^[ \t]*$/.test(line))) flags |= BLANK;
    data[at + FLAGS] = flags;
    // Most lines of prose have no marker: the pattern finds that faster than a loop over their characters.
    if (INLINE_MARKER.test(line)) {
      let markers = 0;
      for (let c = 0; c < line.length; c++) {
        const code = line.charCodeAt(c);
        if (code === 42 || code === 95 || code === 91 || code === 93 || code === 96 || code === 126) markers++;
      }
      data[at + MARKERS] = markers;
    }
    // A line with neither is most lines: found at native speed instead of read a character at a time.
    if (line.indexOf('\\') >= 0 || line.indexOf('&') >= 0) {
      let escapes = 0;
      for (let c = 0; c < line.length - 1; c++) {
        const code = line.charCodeAt(c);
        if (code === 92 && isAsciiPunctuation(line.charCodeAt(c + 1))) {
          escapes++;
          c++;
        } else if (code === 38) {
          CHARACTER_REFERENCE.lastIndex = c + 1;
          if (CHARACTER_REFERENCE.test(line)) {
            escapes++;
            c = CHARACTER_REFERENCE.lastIndex - 1;
          }
        }
      }
      data[at + ESCAPES] = escapes;
    }
  }

  /** Copies `count` lines from `from` of another list, after this one's. */
  copy(source: LineFacts, from: number, count: number): void {
    this.data.set(source.data.subarray(from * FIELDS, (from + count) * FIELDS), this.count * FIELDS);
    this.count += count;
  }
}

/**
 * Whether the inline markers and escapes of a text are read: a text too short to pass their bounds is not (an escape
 * takes two characters, and the inline work is at most the square of the text's length; a seed-sized report spent 5%
 * of its check in these two passes), but a kept text is, since a later version of it may be long enough.
 */
function readsEverything(text: string, kept: boolean): boolean {
  return kept || text.length * text.length > MAX_INLINE_WORK || text.length > 2 * MAX_PARAGRAPH_ESCAPES;
}

/** The bounds of one text, read from its lines. */
export class LineBounds {
  /**
   * `unread`: the text's lines when `facts` holds only their depths and widths, to read the rest from before the
   * first walk over paragraphs (a short text read once is walked only when a line is too wide for a table row).
   */
  constructor(
    private facts: LineFacts,
    private unread?: readonly string[],
  ) {}

  /** How many lines the text has, as `split(/\r\n|\n|\r/)` counts them. */
  get lineCount(): number {
    return this.facts.count;
  }

  /** How deep quotes and lists nest: every ">" and list marker that opens a line, and a leading list item's indentation. */
  deepest(): number {
    const { facts } = this;
    let deepest = 0;
    for (let i = 0; i < facts.count; i++) deepest = Math.max(deepest, facts.get(i, DEPTH));
    return deepest;
  }

  /** The inline-matching work estimate of MAX_INLINE_WORK, stopping as soon as `limit` is passed. */
  inlineWork(limit = MAX_INLINE_WORK): number {
    let work = 0;
    let count = 0;
    this.walkParagraphs(
      (line) => {
        count += this.facts.get(line, MARKERS);
        return false;
      },
      () => {
        work += count * count;
        count = 0;
        return work > limit;
      },
    );
    return work;
  }

  /**
   * The line (from 0) where the first paragraph with more than `limit` backslash escapes and character references
   * starts, or -1.
   */
  escapeHeavyParagraph(limit = MAX_PARAGRAPH_ESCAPES): number {
    let count = 0;
    let start = -1;
    let found = -1;
    this.walkParagraphs(
      (line) => {
        if (start < 0) start = line;
        count += this.facts.get(line, ESCAPES);
        if (count > limit) found = start;
        return found >= 0;
      },
      () => {
        count = 0;
        start = -1;
        return false;
      },
    );
    return found;
  }

  /**
   * The first line (from 0) outside fenced code with more "|" than a table row may have (MAX_TABLE_ROW_PIPES, parse.ts:
   * the parser reads it as text, not as a row), or -1.
   */
  tooWideTableLine(): number {
    // A report whose timeline is a table has thousands of "|" in all but no such line.
    let any = false;
    for (let i = 0; i < this.facts.count && !any; i++) any = (this.facts.get(i, FLAGS) & WIDE) !== 0;
    if (!any) return -1;
    let found = -1;
    this.walkParagraphs(
      (line) => {
        if (this.facts.get(line, FLAGS) & WIDE) found = line;
        return found >= 0;
      },
      () => false,
    );
    return found;
  }

  /**
   * Walks the lines outside fenced code blocks (their text is not matched inline): `line` gets the index of each line
   * of a paragraph, `close` each end of one (a blank line, a fence, the end). Either stops the walk by returning true.
   */
  private walkParagraphs(line: (index: number) => boolean, close: () => boolean): void {
    if (this.unread) {
      const facts = new LineFacts(this.unread.length);
      for (const text of this.unread) facts.add(text, true);
      this.facts = facts;
      this.unread = undefined;
    }
    const { facts } = this;
    /** The fence of the fenced code block the line is in: its character, 0 outside one, and its length. */
    let fence = 0;
    let length = 0;
    for (let index = 0; index < facts.count; index++) {
      const opener = facts.get(index, FENCE_CHAR);
      const flags = facts.get(index, FLAGS);
      if (fence !== 0) {
        if (opener === fence && facts.get(index, FENCE_LENGTH) >= length && flags & REST_BLANK) fence = 0;
        continue;
      }
      let stop: boolean;
      if (opener !== 0 && !(opener === 96 && flags & REST_HAS_BACKTICK)) {
        fence = opener;
        length = facts.get(index, FENCE_LENGTH);
        stop = close();
      } else if (flags & BLANK) stop = close();
      else stop = line(index);
      if (stop) return;
    }
    close();
  }
}

/** The bounds of a text read once, not kept: a check without a kept parser, and the tests. */
export function lineBounds(text: string): LineBounds {
  const lines = text.split(/\r\n|\n|\r/);
  const facts = new LineFacts(lines.length);
  const everything = readsEverything(text, false);
  for (const line of lines) facts.add(line, everything);
  return new LineBounds(facts, everything ? undefined : lines);
}

/**
 * Reads the lines of `text` that start in [from, to) into `facts`, and their starts into `starts` from `at`; with
 * `toEnd`, every line from `from` on. Gives the index in `starts` after the last line read.
 */
function readLines(text: string, from: number, to: number, toEnd: boolean, facts: LineFacts, starts: Int32Array, at: number): number {
  const terminator = /\r\n|\n|\r/g;
  for (let start = from; ;) {
    terminator.lastIndex = start;
    const found = terminator.exec(text);
    starts[at++] = start;
    facts.add(text.slice(start, found ? found.index : text.length), true);
    if (!found) return at;
    start = found.index + found[0].length;
    if (!toEnd && start >= to) return at;
  }
}

/**
 * A document's lines, version after version: the bounds of each version, with the facts of the lines an edit left
 * as they were taken from the version before (moved by the edit's length), and only the others read.
 */
export class KeptLines {
  private text: string | undefined;
  private facts: LineFacts | undefined;
  /** Where each line of `text` starts. */
  private starts: Int32Array = new Int32Array(0);

  bounds(text: string): LineBounds {
    const before = this.text;
    const kept = this.facts;
    let facts: LineFacts;
    let starts: Int32Array;
    if (before === undefined || !kept) {
      const capacity = countLines(text);
      facts = new LineFacts(capacity);
      starts = new Int32Array(capacity);
      readLines(text, 0, text.length, true, facts, starts, 0);
    } else {
      const { prefix, suffix } = commonEnds(before, text);
      const old = this.starts;
      // The first line the edit may have touched holds the character before it (a "\r" there may now be the first
      // half of a "\r\n"); the first line after it that it left holds neither the edit nor the line break before it.
      const first = lineAt(old, Math.max(0, prefix - 1));
      let next = first + 1;
      let high = old.length;
      const unchangedFrom = before.length - suffix + 1;
      while (next < high) {
        const mid = (next + high) >> 1;
        if (old[mid] >= unchangedFrom) high = mid;
        else next = mid + 1;
      }
      const moved = text.length - before.length;
      const from = old[first];
      const toEnd = next === old.length;
      const to = toEnd ? text.length : old[next] + moved;
      // At most the lines of the text between, and one more: it ends with the line break before the next kept line.
      const capacity = first + countLines(text.slice(from, to)) + (old.length - next);
      facts = new LineFacts(capacity);
      starts = new Int32Array(capacity);
      facts.copy(kept, 0, first);
      starts.set(old.subarray(0, first));
      let at = readLines(text, from, to, toEnd, facts, starts, first);
      facts.copy(kept, next, old.length - next);
      for (let i = next; i < old.length; i++) starts[at++] = old[i] + moved;
      starts = starts.subarray(0, at);
    }
    this.text = text;
    this.facts = facts;
    this.starts = starts;
    return new LineBounds(facts);
  }
}

/** The index of the line holding `offset`, by the lines' starts. */
function lineAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How many lines `split(/\r\n|\n|\r/)` makes of a text. */
function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}
