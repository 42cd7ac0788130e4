import type { DateMention } from './dates';
import type { TimeAnalysis } from './analyze';
import { addDays, ymdKey, type Ymd } from './calendar';
import { maxOf, minOf } from '../numbers';
import { wallClock } from './zones';

/** A date as one part of the document states it, with the mention to point at. */
export interface StatedDate {
  ymd: Ymd;
  mention: DateMention;
}

export function statedYmd(date: DateMention, a: Pick<TimeAnalysis, 'incident'>): Ymd | undefined {
  if (date.day === undefined || date.invalid) return undefined;
  const year = date.year ?? date.inferredYear ?? a.incident?.year;
  return year === undefined ? undefined : { year, month: date.month, day: date.day };
}

export function datesIn(a: TimeAnalysis, section: number): StatedDate[] {
  if (section < 0) return [];
  return a.dates
    .filter((d) => d.section === section && !d.isTitle)
    .flatMap((mention): StatedDate[] => {
      const ymd = statedYmd(mention, a);
      return ymd ? [{ mention, ymd }] : [];
    });
}

/**
 * The dates the timeline covers: every date it writes, and the UTC dates of its instants (a window late in
 * the evening in Chicago is the next day in UTC, and a title may use either).
 */
export function timelineDays(a: TimeAnalysis): { written: StatedDate[]; accepts(ymd: Ymd): boolean } {
  const written = datesIn(a, a.timelineIndex);
  const keys = written.map((d) => ymdKey(d.ymd));
  const extra = new Set<number>();
  for (const w of a.windows) {
    if (w.section !== a.timelineIndex) continue;
    for (const p of [w.start, w.end]) if (p?.ymd && p.date) keys.push(ymdKey(p.ymd));
    if (w.iana && w.zoneSource !== 'default' && w.zoneSource !== 'instance') {
      for (const millis of [w.startMillis, w.endMillis]) {
        if (millis === undefined) continue;
        // The UTC calendar day a Luxon DateTime in UTC reads (it reads it from a Date), without building one.
        const utc = new Date(millis);
        extra.add(utc.getUTCFullYear() * 10000 + (utc.getUTCMonth() + 1) * 100 + utc.getUTCDate());
      }
    }
    if (w.nextDay && w.end?.ymd) keys.push(ymdKey(w.end.ymd));
    // "21:40 PDT = 04:40 UTC (March 12)": the date written is the conversion's; the entry's own day is the one its
    // zone's clock reads at that moment (March 11).
    const original = w.conversionOf;
    if (original?.iana && w.start.date && w.startMillis !== undefined) extra.add(ymdKey(wallClock(original.iana, w.startMillis)));
  }
  const min = minOf(keys);
  const max = maxOf(keys);
  return {
    written,
    accepts: (ymd) => {
      const key = ymdKey(ymd);
      return (key >= min && key <= max) || extra.has(key);
    },
  };
}

/** What may stand between a range's two dates: a time and zone of the start, then the word that ends the range. */
const RANGE_BETWEEN_DATES =
  /^[\s,]*(?:(?:at\s+)?\d{1,2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?[\s,]*)?(?:and\s+)?(?<word>ending|ended|ends|until|till|til|through|thru|to|[-–—])\s*(?:on\s+)?(?:the\s+)?$/i;
const BETWEEN_AND = /^[\s,]*(?:(?:at\s+)?\d{1,2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?[\s,]*)?and\s+(?:on\s+)?(?:the\s+)?$/i;
/** "from", "between", "beginning on" before a range's first date; "to" and a dash need one ("moved March 3 to March 5" is no range). */
const MOVED = /\b(?:moved|rescheduled|postponed|changed|shifted|delayed|brought\s+forward|pushed)\b/i;
const RANGE_LEAD = /\b(?:from|between|beginning|starting|began|begun|started|commencing)\s+(?:on\s+)?(?:the\s+)?$/i;

/**
 * The ranges of days a section writes, each as its start and end date: "beginning on Tuesday, March 3 and ending on
 * Thursday, March 5", "from March 3, 2026 at 22:00 until March 4, 2026", "between March 3 and March 5". Two dates with
 * anything else between them ("on March 3, 2026 and again on March 5, 2026") are two dates, not a range.
 */
export function dateRanges(a: TimeAnalysis, section: number): { start: StatedDate; end: StatedDate }[] {
  const stated = datesIn(a, section);
  const ranges: { start: StatedDate; end: StatedDate }[] = [];
  for (let i = 0; i + 1 < stated.length; i++) {
    const [start, end] = [stated[i], stated[i + 1]];
    const gap = a.masked.slice(start.mention.end, end.mention.start);
    if (gap.length > 60 || /[.;!?\n]/.test(gap.replace(/[AaPp]\.\s?[Mm]\./g, ''))) continue;
    const before = a.masked.slice(Math.max(0, start.mention.start - 40), start.mention.start);
    // "the maintenance was moved from March 2 to March 6" names two days, not one span.
    if (MOVED.test(before)) continue;
    const lead = RANGE_LEAD.test(before);
    const word = RANGE_BETWEEN_DATES.exec(gap)?.groups?.word.toLowerCase();
    const isRange = word ? lead || !['to', '-', '–', '—'].includes(word) : lead && BETWEEN_AND.test(gap);
    if (isRange) ranges.push({ start, end });
  }
  return ranges;
}

export function incidentStart(a: TimeAnalysis): Ymd | undefined {
  const written = datesIn(a, a.timelineIndex).map((d) => d.ymd);
  const sorted = written.sort((x, y) => ymdKey(x) - ymdKey(y));
  return sorted[0] ?? a.incident;
}

export function differences(a: Ymd, b: Ymd): string {
  const parts = [a.year !== b.year && 'year', a.month !== b.month && 'month', a.day !== b.day && 'day'].filter(Boolean) as string[];
  if (parts.length === 1) return `the ${parts[0]} differs`;
  return `the ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} differ`;
}

export { addDays };
