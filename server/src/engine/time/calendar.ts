import { DateTime } from 'luxon';
import { isValidDate, wallClockMillis } from './instants';
import type { DateMention, TimeMention } from './dates';

/** A calendar day, without a time or a zone. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The day a written date names, its year taken from `year` when the date has none. */
export function ymdOf(date: DateMention | undefined, year: number | undefined): Ymd | undefined {
  if (!date || date.day === undefined || date.invalid) return undefined;
  const y = date.year ?? date.inferredYear ?? year;
  return y === undefined ? undefined : { year: y, month: date.month, day: date.day };
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A number that sorts days in calendar order. */
export function ymdKey(ymd: Ymd): number {
  return ymd.year * 10000 + ymd.month * 100 + ymd.day;
}

export function addDays(ymd: Ymd, days: number): Ymd {
  if (isValidDate(ymd.year, ymd.month, ymd.day) && Number.isInteger(days)) {
    // What Luxon gives for a valid date in UTC, without building a DateTime.
    const d = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day + days));
    if (ymd.year >= 100) return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const dt = DateTime.fromObject(ymd, { zone: 'UTC' }).plus({ days });
  return { year: dt.year, month: dt.month, day: dt.day };
}

export function toMillis(ymd: Ymd, time: TimeMention, iana: string): number | undefined {
  if (time.hour24 === undefined) return undefined;
  // 24:00 is the end of the day; Luxon rejects hour 24 in fromObject.
  return wallClockMillis(ymd.year, ymd.month, ymd.day, time.hour24 % 24, time.minute, time.second ?? 0, time.hour24 === 24 ? 1 : 0, iana);
}
