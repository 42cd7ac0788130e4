import { findDates, findTimes, type DateMention, type MonthOnly, type TimeMention } from './dates';
import { sentencesOf, type Block, type Sentence } from './text';
import type { ZoneMatch, ZoneTable } from './zones';

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

export function findMentions(masked: string, blocks: Block[], table: ZoneTable): Mentions {
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
      found.sentences.push(sentence);
      const written = findDates(sentence.text, sentence.start);
      // Digits that a date holds are not also a time.
      const sentenceTimes = findTimes(sentence.text, sentence.start).filter((t) => !written.dates.some((d) => t.start < d.end && d.start < t.end));
      found.datesBySentence.set(sentence, written.dates);
      found.timesBySentence.set(sentence, sentenceTimes);
      for (const d of written.dates) found.dates.push({ ...d, section: block.section, isTitle: block.isTitle });
      for (const d of written.monthYears) found.monthYears.push({ ...d, section: block.section });
      found.times.push(...sentenceTimes);
      const zones = table.find(sentence.text, sentence.start).filter((z) => !sentenceTimes.some((t) => z.start < t.end && t.start < z.end));
      found.zonesBySentence.set(sentence, zones);
    }
  }
  return found;
}
