import type { DateMention } from './dates';
import type { TimeAnalysis } from './analyze';
import { addDays, ymdKey, type Ymd } from './calendar';
import { DateTime } from 'luxon';
import { maxOf, minOf } from '../numbers';

/** A date as one part of the document states it, with the mention to point at. */
export interface StatedDate {
  ymd: Ymd;
  mention: DateMention;
}

export function statedYmd(date: DateMention, a: TimeAnalysis): Ymd | undefined {
  if (date.day === undefined || date.invalid) return undefined;
  const year = date.year ?? a.incident?.year;
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
        const utc = DateTime.fromMillis(millis, { zone: 'UTC' });
        extra.add(utc.year * 10000 + utc.month * 100 + utc.day);
      }
    }
    if (w.nextDay && w.end?.ymd) keys.push(ymdKey(w.end.ymd));
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
