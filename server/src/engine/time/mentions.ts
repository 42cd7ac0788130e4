import { pushAll } from '../numbers';
import { copyOf } from '../own-copy';
import { SpanIndex, type Span } from '../spans';
import { findDates, findTimes, type DateMention, type MonthOnly, type TimeMention } from './dates';
import { findCompactTimes, findDottedTimes, MAY_HOLD_COMPACT_TIME, MAY_HOLD_DOTTED_TIME } from './dotted-times';
import { findDurations, type DurationMention } from './durations';
import { blockSlotsOf, sentencesOf, type Block, type Sentence } from './text';
import { offsetZone, type ZoneMatch, type ZoneTable } from './zones';

/** Every date, time and zone phrase of the document, sentence by sentence, before any is read in context. */
export interface Mentions {
  sentences: Sentence[];
  dates: (DateMention & { section: number; isTitle: boolean })[];
  monthYears: (MonthOnly & { section: number })[];
  times: TimeMention[];
  /** The dates, times and zone phrases of each sentence that holds any (a sentence without has no entry). */
  datesBySentence: Map<Sentence, DateMention[]>;
  timesBySentence: Map<Sentence, TimeMention[]>;
  /** Every phrase that may name a zone; zone-context.ts keeps those that do. */
  zonesBySentence: Map<Sentence, ZoneMatch[]>;
  /** Stated durations ("about 3 hours"), kept with the block like the rest, so that RCA213 reads no sentence again. */
  durationsBySentence: Map<Sentence, DurationMention[]>;
}

/** One sentence's phrases, before any is read in context: offsets as in the text the block was found in. */
interface SentenceFinds {
  start: number;
  end: number;
  text: string;
  dates: DateMention[];
  monthYears: MonthOnly[];
  times: TimeMention[];
  zones: ZoneMatch[];
  durations: DurationMention[];
}

/**
 * A block's sentences and phrases, at offsets from the block's start, with what they were read by (the zone
 * table) and what is checked of their masked text: its length and its first and last code units (see keptFits).
 * Kept in this object rather than read from a kept copy of the text: a read of each of a long report's 11,000 kept
 * strings, scattered through the heap, was most of an edit's time in this file.
 */
export interface BlockFinds {
  table: ZoneTable;
  length: number;
  first: number;
  last: number;
  sentences: SentenceFinds[];
}

/**
 * What each block holds is kept in its slot (text.ts), with the walk of its top-level node: the incremental parser
 * hands back the very node objects of the chunks an edit did not touch (block-facts.ts), so after an edit only the
 * re-parsed blocks are read again. A block's phrases depend on its masked text and the zone table alone.
 *
 * A handed-back node has the source it had (the parser hands back only chunks whose text is unchanged), and its
 * masked text is then the same but where the whole text had to be masked at once (text.ts maskWhole): there a run
 * of underscores at the edge of a top-level block may be blanked or not, by what is across the edge. Such a run
 * holds the block's first or last character, so a kept entry is checked by its length, its table and those two
 * characters, not by a comparison of every block's text on every edit.
 */
function keptFits(kept: BlockFinds, masked: string, block: Block, table: ZoneTable): boolean {
  return (
    kept.table === table &&
    kept.length === block.end - block.start &&
    (kept.length === 0 || (kept.first === masked.charCodeAt(block.start) && kept.last === masked.charCodeAt(block.end - 1)))
  );
}

/** One sentence's phrases, at its offsets in the text it was read from. */
function findIn(sentence: Sentence, table: ZoneTable): SentenceFinds {
  const written = findDates(sentence.text, sentence.start);
  // Each filter below is skipped when it has nothing to filter by or nothing to filter: most sentences have neither.
  // Digits that a date holds are not also a time.
  const colonTimes = findTimes(sentence.text, sentence.start);
  const found = table.find(sentence.text, sentence.start);
  // Read with the zones after them, so after those are found; a dotted or four-digit number is never in a zone phrase.
  const dottedOnly = MAY_HOLD_DOTTED_TIME.test(sentence.text) ? findDottedTimes(sentence.text, sentence.start, found) : [];
  const compact = MAY_HOLD_COMPACT_TIME.test(sentence.text) ? findCompactTimes(sentence.text, sentence.start, found) : [];
  const dotted = compact.length ? [...dottedOnly, ...compact] : dottedOnly;
  const anyTimes = dotted.length ? [...colonTimes, ...dotted].sort((x, y) => x.start - y.start) : colonTimes;
  const clockTimes = written.dates.length && anyTimes.length ? outside(anyTimes, written.dates) : anyTimes;
  const designators = clockTimes.length ? isoDesignators(sentence, clockTimes) : [];
  // "+01:00" in "04:02:00+01:00" is the offset, not another time.
  const times = designators.length ? outside(clockTimes, designators) : clockTimes;
  const named = clockTimes.length && found.length ? outside(found, clockTimes) : found;
  // table.find gives its phrases in order already.
  const zones = designators.length ? [...designators, ...named].sort((x, y) => x.start - y.start) : named;
  // "at 14.05 hrs" and "at 1405 hrs" are times, not hours.
  const allDurations = findDurations(sentence.text, sentence.start);
  const durations = dotted.length && allDurations.length ? outside(allDurations, dotted) : allDurations;
  const dates = written.dates.length && zones.length ? written.dates.filter((date) => !inZoneNote(sentence, date, zones, times)) : written.dates;
  return { start: sentence.start, end: sentence.end, text: sentence.text, dates, monthYears: written.monthYears, times, zones, durations };
}

/** The words that say from or until when an offset holds: "(UTC-4 until November 3)", "(CEST from March 30)". */
const VALIDITY_LEAD = /\b(?:until|till|til|through|thru|from|after|before|since|starting|beginning|as\s+of|effective)\s+(?:on\s+)?$/i;

/**
 * Whether a date says when a zone's offset changes, in parentheses after or around the zone: "All times ET (UTC-4
 * until November 3)", "London time (BST until 27 October, then GMT)". It is the calendar's date, not one of the
 * incident's. A note that gives a time of day ("(until March 4 at 02:00)") tells of an event.
 */
function inZoneNote(sentence: Sentence, date: DateMention, zones: readonly ZoneMatch[], times: readonly TimeMention[]): boolean {
  const { text, start: base } = sentence;
  const at = date.start - base;
  const open = text.lastIndexOf('(', at);
  if (open < 0 || text.lastIndexOf(')', at) > open) return false;
  const close = text.indexOf(')', date.end - base);
  if (close < 0 || !VALIDITY_LEAD.test(text.slice(open + 1, at))) return false;
  if (times.some((t) => t.end > base + open && t.start < base + close)) return false;
  // The zone stands in the note before the date, or right before the note: "ET (until November 3)".
  return zones.some((z) => (z.start > base + open && z.end <= date.start) || (z.end <= base + open && !text.slice(z.end - base, open).trim()));
}

/** The spans of `spans` that overlap none of `others`. */
function outside<T extends Span>(spans: T[], others: readonly Span[]): T[] {
  const index = new SpanIndex(others);
  return spans.filter((span) => !index.overlaps(span.start, span.end));
}

/** A kept span's offsets moved by `by`. */
function moved<T extends { start: number; end: number } | undefined>(span: T, by: number): T {
  return span && { ...span, start: span.start + by, end: span.end + by };
}

/**
 * Copies of a block's kept phrases at the block's offset now. Copies, because the analysis settles them in place
 * (a numeric date's reading, an ambiguous zone's pick, a year inferred) from the rest of the document.
 */
function placedDate(d: DateMention, by: number): DateMention {
  return { ...d, start: d.start + by, end: d.end + by, weekday: moved(d.weekday, by), suffix: moved(d.suffix, by), numeric: d.numeric && { ...d.numeric } };
}

function placedTime(t: TimeMention, by: number): TimeMention {
  return { ...t, start: t.start + by, end: t.end + by, meridiem: t.meridiem && { ...t.meridiem, start: t.meridiem.start + by } };
}

function placedZone(z: ZoneMatch, by: number): ZoneMatch {
  return { ...z, start: z.start + by, end: z.end + by, seasonWord: moved(z.seasonWord, by) };
}

/** A sentence's kept phrases, moved `by` to where its block is now, added to `found`. */
function place(found: Mentions, kept: SentenceFinds, block: Block, by: number): void {
  const sentence: Sentence = { start: kept.start + by, end: kept.end + by, text: kept.text, block };
  found.sentences.push(sentence);
  // Most sentences hold no date, time or zone: they get no entry (a reader takes none for empty), which spares a
  // long report tens of thousands of empty lists on every check.
  if (kept.dates.length) {
    const dates = kept.dates.map((d) => placedDate(d, by));
    found.datesBySentence.set(sentence, dates);
    // The same objects as datesBySentence holds: numeric-order.ts settles a numeric date's reading in both at once.
    for (const d of dates) found.dates.push(Object.assign(d, { section: block.section, isTitle: block.isTitle }));
  }
  if (kept.times.length) {
    const times = kept.times.map((t) => placedTime(t, by));
    found.timesBySentence.set(sentence, times);
    pushAll(found.times, times);
  }
  for (const d of kept.monthYears) found.monthYears.push({ ...d, start: d.start + by, end: d.end + by, section: block.section });
  if (kept.zones.length)
    found.zonesBySentence.set(
      sentence,
      kept.zones.map((z) => placedZone(z, by)),
    );
  if (kept.durations.length)
    found.durationsBySentence.set(
      sentence,
      kept.durations.map((d) => ({ ...d, start: d.start + by, end: d.end + by })),
    );
}

/** A sentence's phrases, found at its offsets and kept nowhere else, added to `found` as they are. */
function add(found: Mentions, finds: SentenceFinds, block: Block): void {
  const sentence: Sentence = { start: finds.start, end: finds.end, text: finds.text, block };
  found.sentences.push(sentence);
  if (finds.dates.length) {
    found.datesBySentence.set(sentence, finds.dates);
    for (const d of finds.dates) found.dates.push(Object.assign(d, { section: block.section, isTitle: block.isTitle }));
  }
  if (finds.times.length) {
    found.timesBySentence.set(sentence, finds.times);
    pushAll(found.times, finds.times);
  }
  for (const d of finds.monthYears) found.monthYears.push(Object.assign(d, { section: block.section }));
  if (finds.zones.length) found.zonesBySentence.set(sentence, finds.zones);
  if (finds.durations.length) found.durationsBySentence.set(sentence, finds.durations);
}

export function noMentions(): Mentions {
  return {
    sentences: [],
    dates: [],
    monthYears: [],
    times: [],
    datesBySentence: new Map(),
    timesBySentence: new Map(),
    zonesBySentence: new Map(),
    durationsBySentence: new Map(),
  };
}

/**
 * The phrases of `blocks[from, to)`, added to `found`: the analysis reads a long document's blocks a few at a time
 * into one result, in order, so the parts need no joining.
 */
export function findMentions(
  masked: string,
  blocks: Block[],
  table: ZoneTable,
  checkpoint: (offset: number) => void = () => {},
  found: Mentions = noMentions(),
  from = 0,
  to = blocks.length,
): Mentions {
  const slots = blockSlotsOf(blocks);
  for (let index = from; index < to; index++) {
    const block = blocks[index];
    if (!slots) {
      // Blocks of a tree no later check hands back (block-facts.ts): read where they are, and nothing copied or kept.
      for (const sentence of sentencesOf(masked, block)) {
        checkpoint(sentence.start);
        add(found, findIn(sentence, table), block);
      }
      continue;
    }
    const slot = slots[index];
    const kept = slot.finds;
    if (kept && keptFits(kept, masked, block, table)) {
      for (const finds of kept.sentences) {
        checkpoint(finds.start + block.start);
        place(found, finds, block, block.start);
      }
      continue;
    }
    // Read from a copy of the block's text, so that what is kept holds no slice of this version's whole text; a
    // sentence at a time after the checkpoint, so that a long block is cut where its work is, with what it read before.
    const own = copyOf(masked.slice(block.start, block.end));
    const sentences: SentenceFinds[] = [];
    for (const sentence of sentencesOf(own, { ...block, start: 0, end: own.length })) {
      checkpoint(sentence.start + block.start);
      const finds = findIn(sentence, table);
      sentences.push(finds);
      place(found, finds, block, block.start);
    }
    slot.finds = { table, length: own.length, first: own.charCodeAt(0), last: own.charCodeAt(own.length - 1), sentences };
  }
  return found;
}

/** An ISO 8601 zone designator written onto a time: "03:12:45Z" is UTC, "04:02:00+01:00" and "09:41-0500" are offsets. */
const DESIGNATOR = /^(?:(?<z>Z)|(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2}))(?![\p{L}\p{N}])/u;

function isoDesignators(sentence: Sentence, times: TimeMention[]): ZoneMatch[] {
  const result: ZoneMatch[] = [];
  for (const t of times) {
    // Only straight after digits with seconds or a "T" date before them: "10:00-11:00" is a range, not an offset.
    const m = DESIGNATOR.exec(sentence.text.slice(t.end - sentence.start, t.end - sentence.start + 6));
    if (!m || t.meridiem) continue;
    const g = m.groups!;
    const isoTime = t.second !== undefined || /T$/.test(sentence.text.slice(0, t.start - sentence.start));
    if (!g.z && !isoTime) continue;
    const iana = g.z ? 'UTC' : offsetZone(g.sign, g.h, g.m);
    result.push({ start: t.end, end: t.end + m[0].length, text: m[0], iana, candidates: [], season: 'any', unknown: iana ? undefined : true });
  }
  return result;
}
