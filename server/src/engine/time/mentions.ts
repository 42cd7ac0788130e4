import { pushAll } from '../numbers';
import { SpanIndex } from '../spans';
import { findDates, findTimes, type DateMention, type MonthOnly, type TimeMention } from './dates';
import { sentencesOf, type Block, type Sentence } from './text';
import { offsetZone, type ZoneMatch, type ZoneTable } from './zones';

/** Every date, time and zone phrase of the document, sentence by sentence, before any is read in context. */
export interface Mentions {
  sentences: Sentence[];
  dates: (DateMention & { section: number; isTitle: boolean })[];
  monthYears: (MonthOnly & { section: number })[];
  times: TimeMention[];
  datesBySentence: Map<Sentence, DateMention[]>;
  timesBySentence: Map<Sentence, TimeMention[]>;
  /** Every phrase that may name a zone; zone-context.ts keeps those that do. */
  zonesBySentence: Map<Sentence, ZoneMatch[]>;
}

export function findMentions(masked: string, blocks: Block[], table: ZoneTable, checkpoint: (offset: number) => void = () => {}): Mentions {
  const found: Mentions = {
    sentences: [],
    dates: [],
    monthYears: [],
    times: [],
    datesBySentence: new Map(),
    timesBySentence: new Map(),
    zonesBySentence: new Map(),
  };
  for (const block of blocks) {
    for (const sentence of sentencesOf(masked, block)) {
      checkpoint(sentence.start);
      found.sentences.push(sentence);
      const written = findDates(sentence.text, sentence.start);
      // Digits that a date holds are not also a time.
      const inDates = new SpanIndex(written.dates);
      const clockTimes = findTimes(sentence.text, sentence.start).filter((t) => !inDates.overlaps(t.start, t.end));
      const designators = isoDesignators(sentence, clockTimes);
      // "+01:00" in "04:02:00+01:00" is the offset, not another time.
      const inDesignators = new SpanIndex(designators);
      const sentenceTimes = clockTimes.filter((t) => !inDesignators.overlaps(t.start, t.end));
      found.datesBySentence.set(sentence, written.dates);
      found.timesBySentence.set(sentence, sentenceTimes);
      // The same objects as datesBySentence holds: numeric-order.ts settles a numeric date's reading in both at once.
      for (const d of written.dates) found.dates.push(Object.assign(d, { section: block.section, isTitle: block.isTitle }));
      for (const d of written.monthYears) found.monthYears.push({ ...d, section: block.section });
      pushAll(found.times, sentenceTimes);
      const inTimes = new SpanIndex(clockTimes);
      const zones = [...designators, ...table.find(sentence.text, sentence.start).filter((z) => !inTimes.overlaps(z.start, z.end))].sort(
        (x, y) => x.start - y.start,
      );
      found.zonesBySentence.set(sentence, zones);
    }
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
