import { DateTime } from 'luxon';
import type { Ymd } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES, pad, type DateMention, type DateStyle, type TimeMention } from './dates';

export function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/** "April 11, 2026" in the plain form messages use. */
export function describeYmd(ymd: Ymd): string {
  return `${MONTH_NAMES[ymd.month - 1]} ${ymd.day}, ${ymd.year}`;
}

export function weekdayOf(ymd: Ymd): number {
  return DateTime.fromObject(ymd, { zone: 'UTC' }).weekday;
}

/** "2026-04-11". */
export function isoYmd(ymd: Ymd): string {
  return `${ymd.year}-${pad(ymd.month)}-${pad(ymd.day)}`;
}

/** Writes a date the way the writer wrote another: ordinal, abbreviated month, padding, day-first, year or not. */
export function formatLike(ymd: Ymd, style: DateStyle, withYear: boolean, weekdayLike?: string): string {
  let text: string;
  if (style.order === 'iso') text = style.yearSeparator === '/' ? isoYmd(ymd).replace(/-/g, '/') : isoYmd(ymd);
  else if (style.dayOnly) text = style.ordinal ? ordinal(ymd.day) : style.padded ? pad(ymd.day) : String(ymd.day);
  else if (style.monthForm === 'numeric') {
    // "11/03/2024", "7-14-22": the writer's order, separator, padding and year digits; the year is always written.
    const number = (n: number) => (style.padded ? pad(n) : String(n));
    const [first, second] = style.order === 'dmy' ? [ymd.day, ymd.month] : [ymd.month, ymd.day];
    const year = style.shortYear ? pad(ymd.year % 100) : String(ymd.year);
    text = [number(first), number(second), year].join(style.yearSeparator);
  } else {
    const long = MONTH_NAMES[ymd.month - 1];
    const month = style.monthForm === 'long' ? long : long.slice(0, 3) + (style.monthForm === 'short-dot' ? '.' : '');
    const day = style.ordinal ? ordinal(ymd.day) : style.padded ? pad(ymd.day) : String(ymd.day);
    text = style.hyphenated ? `${day}-${month}-${ymd.year}` : style.order === 'dmy' ? `${day} ${month}` : `${month} ${day}`;
    if (withYear && !style.hyphenated) text += (style.order === 'dmy' ? ' ' : style.yearSeparator) + ymd.year;
  }
  if (weekdayLike) {
    const name = WEEKDAY_NAMES[weekdayOf(ymd) - 1];
    // A short weekday ("Tue", "Thur") is written as the usual three-letter form; a full one in full.
    const full = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(weekdayLike.replace(/[.,]$/, ''));
    text = `${full ? name : name.slice(0, 3)}, ${text}`;
  }
  return text;
}

/** The replacement for a date mention: same style, the weekday kept in its place when one was written. */
export function replaceDate(date: DateMention, ymd: Ymd, keepYear = date.year !== undefined): string {
  const weekdayFirst = date.weekday && date.weekday.start === date.start;
  const core = formatLike(ymd, date.style, keepYear, weekdayFirst ? date.weekday!.text : undefined);
  if (date.weekday && !weekdayFirst) {
    const name = WEEKDAY_NAMES[weekdayOf(ymd) - 1];
    return `${core} (${date.weekday.text.length <= 4 ? name.slice(0, date.weekday.text.length) : name})`;
  }
  return core;
}

export function sameYmd(a: Ymd | undefined, b: Ymd | undefined): boolean {
  return !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;
}

export function formatDuration(millis: number): string {
  const minutes = Math.round(millis / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (rest || parts.length === 0) parts.push(`${rest} min`);
  return parts.join(' ');
}

/** 24-hour reading of a time ("14:00") with its seconds when written. */
export function clock24(time: TimeMention, hour24 = time.hour24 ?? time.hour): string {
  return `${pad(hour24)}:${pad(time.minute)}${time.second !== undefined ? `:${pad(time.second)}` : ''}`;
}

/** 12-hour reading keeping the writer's AM/PM spelling and spacing ("2:00 PM", "2:00pm"). */
export function clock12(time: TimeMention, hour24: number): string {
  const h = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const spelling = time.meridiem?.text ?? 'AM';
  const upper = spelling === spelling.toUpperCase();
  const dotted = spelling.includes('.');
  const letter = hour24 >= 12 ? 'p' : 'a';
  const meridiem = dotted ? `${letter}.m.` : `${letter}m`;
  const space = time.meridiem ? time.text.slice(0, time.meridiem.start - time.start).match(/\s$/) !== null : true;
  return `${h}:${pad(time.minute)}${time.second !== undefined ? `:${pad(time.second)}` : ''}${space ? ' ' : ''}${upper ? meridiem.toUpperCase() : meridiem}`;
}

export function formatInstant(millis: number, iana: string): string {
  return DateTime.fromMillis(millis, { zone: iana }).toFormat('cccc, LLLL d, yyyy, HH:mm');
}
