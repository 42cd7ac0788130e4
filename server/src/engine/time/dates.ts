/**
 * Dates and times as RCAs write them, found in plain text with their offsets.
 * "April 11, 2026", "April 1st, 2020", "Aug 19", "September 05", "May 6 ,2024", "Tuesday, March 10th",
 * "11 April 2026", "2026-04-11", "2025-01-17T03:12:45Z", "11/03/2024", "7-14-22", "14.11.2024", "Thursday 14th November",
 * lists and ranges of days ("March 3, 5 and 9, 2022", "May 6-8, 2025", "6–8 May"); "12:14 AM", "10:16AM", "05:59", "23:43:10", "3 pm", "10:15 a.m.".
 */

import { matchesOf } from '../regexp';
import { DisjointSpans } from '../spans';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)`;

export interface DateMention {
  start: number;
  end: number;
  text: string;
  year?: number;
  month: number;
  day?: number;
  /** The weekday written with the date ("Tuesday, March 10"), with its own offsets. */
  weekday?: { index: number; start: number; end: number; text: string };
  /** The year was not written and came from context. */
  yearInferred?: boolean;
  /**
   * The year read for a date written without one when it is not the incident's: across a new year, the year that puts
   * the date next to the incident, or before the day the report was published ("December 30" in a report published
   * on January 6, 2026 is December 30, 2025).
   */
  inferredYear?: number;
  /** Month/day/year that cannot exist (February 30). */
  invalid?: boolean;
  /** The ordinal suffix as written ("th" in "June 21th"), with its offsets. */
  suffix?: { start: number; end: number; text: string };
  /** Read from a form no style guide writes ("March 14.2019", "Sep/09/2018"); its style is the standard one. */
  malformed?: boolean;
  style: DateStyle;
  /**
   * A numeric date ("11/03/2024") as its two leading numbers. When both could be the month the reading is the
   * month-first one until numeric-order.ts decides it with the rest of the document and the settings.
   */
  numeric?: { first: number; second: number; decided: boolean };
}

/** How the writer wrote a date, so a fix can write another date the same way. */
export interface DateStyle {
  order: 'mdy' | 'dmy' | 'iso';
  monthForm: 'long' | 'short' | 'short-dot' | 'numeric';
  ordinal: boolean;
  padded: boolean;
  /** Text between day and year as written (", ", " ,", ","); a numeric date's separator ("/", "-", "."). */
  yearSeparator: string;
  /** A later day of a list or range ("5" and "9" in "March 3, 5 and 9"): written as the day alone. */
  dayOnly?: boolean;
  /** A numeric date's year in two digits ("7-14-22"). */
  shortYear?: boolean;
  /** Day, month name and year joined by hyphens, with no space ("12-Mar-2024", as logs, Oracle and many offices write). */
  hyphenated?: boolean;
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase().slice(0, 3);
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(lower) + 1;
}

function weekdayIndex(word: string): number {
  return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(word.toLowerCase().slice(0, 3)) + 1;
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const WEEKDAY_PREFIX = String.raw`(?:(?<wd>${WEEKDAY})\.?,?\s+(?:the\s+)?)?`;
const MDY = new RegExp(
  String.raw`${WEEKDAY_PREFIX}\b(?<m>${MONTH})(?<dot>\.)?\s+(?<d>\d{1,2})(?<ord>st|nd|rd|th)?(?!\d|:\d|\.\d|[\p{L}])(?:(?<ysep>\s*,\s*|\s+)(?<y>(?:19|20)\d{2})(?!\d|:\d))?(?:\s*\((?<wd2>${WEEKDAY})\))?`,
  'gu',
);
const DMY = new RegExp(
  String.raw`${WEEKDAY_PREFIX}\b(?<d>\d{1,2})(?<ord>st|nd|rd|th)?\s+(?:of\s+)?(?<m>${MONTH})(?<dot>\.)?(?![\p{L}])(?:(?<ysep>\s*,\s*|\s+)(?<y>(?:19|20)\d{2})(?!\d|:\d))?(?:\s*\((?<wd2>${WEEKDAY})\))?`,
  'gu',
);
/** What every form with a month's name has: the patterns match the names in capitals, as written here. */
const MONTH_NAMED = new RegExp(MONTH, 'u');
/**
 * What a day written before its month (DMY, DMY_LIST) has: a digit, its ordinal, a space, "of" and the month's first
 * three letters, every name starting with them (case matters in both). A month-first date ("May 14, 2025") has none.
 */
const MAY_HOLD_DAY_FIRST = /\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
/** What an ISO date ("2026-04-11") and a numeric one ("11/03/2024", "14.11.2024") have: a digit on either side of the separator. */
const MAY_HOLD_NUMERIC = /\d[/.-]\d/;
const MONTH_YEAR = new RegExp(String.raw`\b(?<m>${MONTH})(?<dot>\.)?,?\s+(?<y>(?:19|20)\d{2})\b(?!\d|:\d)`, 'gu');
// A date-time's "T" follows the day directly: "2025-01-17T03:12:45Z". The year first with slashes ("2024/03/12") is
// the same order, as Japanese and Chinese teams and many tools write it.
// The weekday may follow in parentheses, as day headings and Japanese reports write it: "2026-03-10 (Tuesday)",
// "2026/03/12 (Thu)".
const ISO = new RegExp(
  String.raw`\b(?<y>(?:19|20)\d{2})(?<sep>[-/])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?:\b|(?=T\d))(?![-/])(?:\s*\((?<wd2>${WEEKDAY})\))?`,
  'g',
);
/**
 * Dates typed in a form no report means to use, read so that they still count as dates: "March 14.2019" (a dot for
 * the comma), "Sep/09/2018" and "09/Sep/2018" (a numeric-log form with a month name); and "09-Sep-2018", which the
 * last pattern finds too but is a form of its own.
 */
const MALFORMED = [
  new RegExp(String.raw`\b(?<m>${MONTH})\s+(?<d>\d{1,2})(?<ord>st|nd|rd|th)?\.(?<y>(?:19|20)\d{2})(?!\d|\.\d)`, 'gu'),
  new RegExp(String.raw`\b(?<m>${MONTH})\.?\s*(?<sep>[/.-])\s*(?<d>\d{1,2})\s*\k<sep>\s*(?<y>(?:19|20)\d{2})(?!\d|\.\d)`, 'gu'),
  new RegExp(String.raw`(?<![\d/.-])(?<d>\d{1,2})(?<sep>[/.-])(?<m>${MONTH})\.?\k<sep>(?<y>(?:19|20)\d{2})(?!\d|\.\d)`, 'gu'),
];
/**
 * What each malformed form has: a separator before the year's digits ("14.2019"), one before the day's ("Sep/09"),
 * or one between the day and the month's capital ("09/Sep", and the well-formed "09-Sep").
 */
const MAY_BE_MALFORMED = /[/.-]\s*\d|\d[/.-][ADFJMNOS]/;

/** The standard form ("March 14, 2019"), which a date read from a malformed one is rewritten to. */
export const STANDARD_STYLE: DateStyle = { order: 'mdy', monthForm: 'long', ordinal: false, padded: false, yearSeparator: ', ' };

/** Month words that are also ordinary words only count when capitalised ("may", "march" are verbs). */
function capitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

export interface MonthOnly {
  start: number;
  end: number;
  text: string;
  month: number;
  year: number;
}

export function findDates(text: string, base = 0): { dates: DateMention[]; monthYears: MonthOnly[] } {
  // Every form below has a digit (a day, a year or both). Most sentences of a report have none (84% of the bench's
  // seed-sized reports' lines), and the ten patterns each scanned them for nothing.
  if (!/\d/.test(text)) return { dates: [], monthYears: [] };
  const dates: DateMention[] = [];
  // Indexed, not walked per date: a line of 40,000 dates asked every date taken before it.
  const taken = new DisjointSpans();
  const add = (date: DateMention) => {
    if (taken.add(date.start, date.end)) dates.push(date);
  };
  // The forms with a month's name (all but ISO and numeric dates) are not tried in a sentence that names none: a
  // timeline's "from 12:14 AM until 2:27 AM" has digits and no month.
  const named = MONTH_NAMED.test(text);
  // Each test below passes wherever its patterns match (see each): a pattern that cannot match adds nothing, so
  // skipping it leaves every date and its order as they were. Most sentences with a date pass none of them.
  const dayFirst = named && MAY_HOLD_DAY_FIRST.test(text);
  const numeric = MAY_HOLD_NUMERIC.test(text);
  if (named) for (const date of dayLists(text, base, dayFirst)) add(date);
  for (const pattern of named ? (dayFirst ? [MDY, DMY] : [MDY]) : []) {
    for (const m of matchesOf(pattern, text)) {
      const g = m.groups!;
      if (!capitalised(g.m)) continue;
      const month = monthIndex(g.m);
      const day = Number(g.d);
      if (day === 0 && !g.ord) continue;
      // "May 6" as a verb is rare; "March 10 servers" is rarer than the date. A year must not be a count: "May 2024 release" is fine.
      const year = g.y ? Number(g.y) : undefined;
      let start = base + m.index;
      const wdText = g.wd ?? g.wd2;
      const weekday =
        wdText && capitalised(wdText)
          ? {
              index: weekdayIndex(wdText),
              start: base + m.index + (g.wd ? 0 : m[0].lastIndexOf(wdText)),
              end: base + m.index + (g.wd ? 0 : m[0].lastIndexOf(wdText)) + wdText.length,
              text: wdText,
            }
          : undefined;
      if (g.wd && !weekday) start = base + m.index + m[0].indexOf(pattern === MDY ? g.m : g.d, g.wd.length);
      // "May" is both the full name and the abbreviation; read it as the full name, the way writers mean it.
      const monthForm = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/i.test(g.m)
        ? 'long'
        : g.dot
          ? 'short-dot'
          : 'short';
      const suffixAt = g.ord ? base + m.index + m[0].indexOf(g.d + g.ord, g.wd?.length ?? 0) + g.d.length : -1;
      add({
        start,
        end: base + m.index + m[0].length,
        text: text.slice(start - base, m.index + m[0].length),
        year,
        month,
        day,
        weekday,
        invalid: day < 1 || day > daysInMonth(year, month),
        suffix: g.ord ? { start: suffixAt, end: suffixAt + g.ord.length, text: g.ord } : undefined,
        style: {
          order: pattern === MDY ? 'mdy' : 'dmy',
          monthForm: monthForm === 'long' && g.m === 'May' ? 'long' : monthForm,
          ordinal: Boolean(g.ord),
          padded: g.d.length === 2 && g.d.startsWith('0'),
          yearSeparator: g.ysep ?? ', ',
        },
      });
    }
  }
  for (const m of numeric ? matchesOf(ISO, text) : []) {
    const g = m.groups!;
    const year = Number(g.y);
    const month = Number(g.m);
    const day = Number(g.d);
    if (month < 1 || month > 12) continue;
    const weekdayAt = g.wd2 && capitalised(g.wd2) ? m[0].lastIndexOf(g.wd2) : -1;
    add({
      start: base + m.index,
      end: base + m.index + m[0].length,
      text: m[0],
      year,
      month,
      day,
      weekday:
        weekdayAt < 0
          ? undefined
          : { index: weekdayIndex(g.wd2), start: base + m.index + weekdayAt, end: base + m.index + weekdayAt + g.wd2.length, text: g.wd2 },
      invalid: day < 1 || day > daysInMonth(year, month),
      style: { order: 'iso', monthForm: 'numeric', ordinal: false, padded: g.d.length === 2, yearSeparator: g.sep },
    });
  }
  for (const pattern of named && MAY_BE_MALFORMED.test(text) ? MALFORMED : []) {
    for (const m of matchesOf(pattern, text)) {
      const g = m.groups!;
      if (!capitalised(g.m)) continue;
      const year = Number(g.y);
      const month = monthIndex(g.m);
      const day = Number(g.d);
      const start = base + m.index;
      const hyphenated = g.sep === '-' && m[0].indexOf(g.m) === g.d.length + 1 && !/\s/.test(m[0]);
      add({
        start,
        end: start + m[0].length,
        text: m[0],
        year,
        month,
        day,
        invalid: day < 1 || day > daysInMonth(year, month),
        ...(hyphenated
          ? { style: { order: 'dmy', monthForm: g.m.length > 3 ? 'long' : 'short', ordinal: false, padded: g.d.length === 2, yearSeparator: '-', hyphenated } }
          : { malformed: true, style: STANDARD_STYLE }),
      });
    }
  }
  if (numeric) for (const date of numericDates(text, base)) add(date);
  const monthYears: MonthOnly[] = [];
  for (const m of named ? matchesOf(MONTH_YEAR, text) : []) {
    const start = base + m.index;
    if (!capitalised(m.groups!.m) || taken.overlaps(start, start + m[0].length)) continue;
    monthYears.push({ start, end: start + m[0].length, text: m[0], month: monthIndex(m.groups!.m), year: Number(m.groups!.y) });
  }
  dates.sort((a, b) => a.start - b.start);
  return { dates, monthYears };
}

/** Between days of a list or range: "3, 5 and 9", "6-8", "6 to 8", "3 & 4". */
// Each space belongs to one place in the pattern: "1, 1, 1, …" that fails to be a list must fail in linear time.
const DAY_SEP = String.raw`(?:\s*,\s*(?:and\s+|&\s*)?|\s*[-–—&]\s*|\s+(?:and|to|through)\s+)`;
const LIST_DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const LIST_DAYS = String.raw`(?<days>${LIST_DAY}(?:${DAY_SEP}${LIST_DAY}){1,30})`;
/** What must not follow a list's last day: another digit, a clock ("6 to 8 PM", "6-8h"), a word. */
const NOT_A_DAY_AFTER = String.raw`(?!\d|:\d|\.\d|[\p{L}])(?!\s*(?:[AaPp]\.?\s?[Mm]\.?(?![\p{L}])|h\b|hrs?\b|hours?\b|min(?:utes?)?\b|o'clock))`;
const MDY_LIST = new RegExp(
  String.raw`${WEEKDAY_PREFIX}\b(?<m>${MONTH})(?<dot>\.)?\s+${LIST_DAYS}${NOT_A_DAY_AFTER}(?:(?<ysep>\s*,\s*|\s+)(?<y>(?:19|20)\d{2})(?!\d|:\d))?`,
  'gu',
);
const DMY_LIST = new RegExp(
  String.raw`${WEEKDAY_PREFIX}(?<![\d:.,/])\b${LIST_DAYS}\s+(?:of\s+)?(?<m>${MONTH})(?<dot>\.)?(?![\p{L}])(?:(?<ysep>\s*,\s*|\s+)(?<y>(?:19|20)\d{2})(?!\d|:\d))?`,
  'gu',
);
/**
 * "11/03/2024", "7-14-22", "14.11.2024": not inside a longer run of numbers (a version, an address, a path, a clock),
 * and with dots only before a four-digit year ("1.2.22" is a version).
 */
const NUMERIC = /(?<![\d./:-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>(?:19|20)\d{2}|\d{2})(?!\d|[./-]\d|:\d)/g;

function listStyle(g: Record<string, string | undefined>, order: 'mdy' | 'dmy', day: string, dayOnly: boolean): DateStyle {
  // "May" is both the full name and the abbreviation; read it as the full name, the way writers mean it.
  const long = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/i.test(g.m!);
  return {
    order,
    monthForm: long ? 'long' : g.dot ? 'short-dot' : 'short',
    ordinal: /\D$/.test(day),
    padded: /^0\d/.test(day),
    yearSeparator: g.ysep ?? ', ',
    dayOnly: dayOnly || undefined,
  };
}

/**
 * Lists and ranges of days sharing a month (and a year): "March 3, 5 and 9, 2022", "May 6-8, 2025", "6–8 May",
 * "3, 5 and 9 March". Each day is a date of its own, with the month and year the list writes once. Commas alone
 * ("March 3, 5 servers") and days out of order make no list; nor, without a year, does one that runs on into a
 * lower-case word ("May 6 and 8 engineers"). `dayFirst`: whether the text may hold a day before its month (MAY_HOLD_DAY_FIRST).
 */
function dayLists(text: string, base: number, dayFirst: boolean): DateMention[] {
  const result: DateMention[] = [];
  for (const pattern of dayFirst ? [MDY_LIST, DMY_LIST] : [MDY_LIST]) {
    const monthFirst = pattern === MDY_LIST;
    for (const m of matchesOf(pattern, text)) {
      const g = m.groups!;
      if (!capitalised(g.m)) continue;
      const wd = g.wd && capitalised(g.wd) ? g.wd : undefined;
      const daysAt = m.index + m[0].indexOf(g.days, monthFirst ? m[0].indexOf(g.m) + g.m.length : (g.wd?.length ?? 0));
      const parts = [...g.days.matchAll(/\d{1,2}(?:st|nd|rd|th)?/g)];
      const separators = parts.slice(1).map((p, i) => g.days.slice(parts[i].index + parts[i][0].length, p.index));
      if (separators.every((sep) => /^\s*,\s*$/.test(sep))) continue;
      const days = parts.map((p) => parseInt(p[0], 10));
      if (days.some((d, i) => d < 1 || d > 31 || (i > 0 && d <= days[i - 1]))) continue;
      const end = m.index + m[0].length;
      const range = separators.some((sep) => /[-–—]|to|through/.test(sep));
      if (!g.y && monthFirst && !range && /^\s+\p{Ll}/u.test(text.slice(end))) continue;
      const year = g.y ? Number(g.y) : undefined;
      const month = monthIndex(g.m);
      parts.forEach((p, i) => {
        const dayStart = daysAt + p.index;
        // The month is written once: the first day of "May 6-8" carries it, as does the last of "6–8 May".
        const withMonth = monthFirst ? i === 0 : i === parts.length - 1;
        const start = i === 0 ? (wd ? m.index : monthFirst ? m.index + m[0].indexOf(g.m, g.wd?.length ?? 0) : dayStart) : dayStart;
        const stop = withMonth && !monthFirst ? end - (g.y ? g.y.length + (g.ysep?.length ?? 0) : 0) : dayStart + p[0].length;
        result.push({
          start: base + start,
          end: base + stop,
          text: text.slice(start, stop),
          year,
          month,
          day: days[i],
          weekday: i === 0 && wd ? { index: weekdayIndex(wd), start: base + m.index, end: base + m.index + wd.length, text: wd } : undefined,
          invalid: days[i] > daysInMonth(year, month),
          style: listStyle(g, monthFirst ? 'mdy' : 'dmy', p[0], !withMonth),
        });
      });
    }
  }
  return result;
}

/** Numeric dates. A number over 12 says which is the day; otherwise the reading is month-first until the document decides. */
function numericDates(text: string, base: number): DateMention[] {
  const result: DateMention[] = [];
  for (const m of matchesOf(NUMERIC, text)) {
    const g = m.groups!;
    const first = Number(g.a);
    const second = Number(g.b);
    // Dotted dates are written day first wherever they are written ("14.11.2024"); "3.14.2019" is a build number.
    const dotted = g.sep === '.';
    if (dotted && (g.y.length !== 4 || second > 12)) continue;
    if (first < 1 || second < 1 || (first > 12 && second > 12)) continue;
    const year = g.y.length === 4 ? Number(g.y) : 2000 + Number(g.y);
    const dayFirst = first > 12 || dotted;
    const [month, day] = dayFirst ? [second, first] : [first, second];
    result.push({
      start: base + m.index,
      end: base + m.index + m[0].length,
      text: m[0],
      year,
      month,
      day,
      invalid: day > daysInMonth(year, month),
      style: {
        order: dayFirst ? 'dmy' : 'mdy',
        monthForm: 'numeric',
        ordinal: false,
        padded: /^0/.test(g.a) || /^0/.test(g.b),
        yearSeparator: g.sep,
        shortYear: g.y.length === 2 || undefined,
      },
      numeric: { first, second, decided: dotted || first > 12 || second > 12 || first === second },
    });
  }
  return result;
}

export interface TimeMention {
  start: number;
  end: number;
  text: string;
  hour: number;
  minute: number;
  second?: number;
  /** AM/PM as written ("PM", "pm", "p.m."), with the offset where it starts. */
  meridiem?: { pm: boolean; text: string; start: number };
  /** Digits of the hour as written ("02" is padded). */
  hourText: string;
  /** The clock reading in 24-hour form, when the time can exist. */
  hour24?: number;
  /** What makes it impossible: "14:00 PM", "25:10", "12:60". */
  problem?: string;
  /** Written as midnight ("midnight", "12:00 midnight", "12 midnight"): at the end of a range, the end of its day. */
  midnight?: boolean;
}

const TIME =
  /(?<![\d:.,/])(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?(?!\d|:\d|\.\d)(?:(?<sp>\s?)(?<mer>(?:[AaPp]\.\s?[Mm]\.|[AaPp][Mm])(?![\p{L}])|(?<=\b12:00\s?)(?:noon|midnight)\b))?|(?<![\d:.,/])(?<bh>\d{1,2})(?<bsp>\s?)(?<bmer>(?:[AaPp]\.\s?[Mm]\.|[AaPp][Mm])(?![\p{L}])|(?<=\b12\s?)(?:noon|midnight)\b)|(?<![\d:.,/])(?<fh>[01]\d|2[0-3])h(?<fmin>[0-5]\d)(?!\d|\p{L}|:\d)|\b(?<word>noon|midnight)\b/giu;

/**
 * What each of TIME's forms has: "12:14", "14h02" (an "h" between digits, of either case as TIME ignores case), a digit
 * before "am"/"a.m."/"pm" ("3 pm", "10:15 a.m." has both), or the word "noon" or "midnight". A sentence's other
 * digits (a date, "NA01", "3 hours") have none of these. A new form of TIME needs its own alternative here.
 */
const MAY_HOLD_TIME = /\d:\d|\dh\d|\d\s?[ap]\.?\s?m|noon|midnight/iu;

export function findTimes(text: string, base = 0): TimeMention[] {
  if (!MAY_HOLD_TIME.test(text)) return [];
  const result: TimeMention[] = [];
  for (const m of matchesOf(TIME, text)) {
    const g = m.groups!;
    const start = base + m.index;
    if (g.word) {
      const noon = g.word.toLowerCase() === 'noon';
      result.push({
        start,
        end: start + m[0].length,
        text: m[0],
        hour: noon ? 12 : 0,
        minute: 0,
        hourText: noon ? '12' : '00',
        hour24: noon ? 12 : 0,
        ...(noon ? {} : { midnight: true }),
      });
      continue;
    }
    // "14h02", "09h30": the 24-hour clock as French and Portuguese write it, with two digits on each side ("2h30" and a
    // bare "14h" are durations as often as times).
    const hourText = g.h ?? g.bh ?? g.fh;
    const hour = Number(hourText);
    const minuteText = g.min ?? g.fmin;
    const minute = minuteText !== undefined ? Number(minuteText) : 0;
    const second = g.s !== undefined ? Number(g.s) : undefined;
    const merText = g.mer ?? g.bmer;
    // "12:00 noon", "12 midnight": the word is the half of the day.
    const meridiem = merText ? { pm: /^(?:p|noon)/i.test(merText), text: merText, start: base + m.index + m[0].length - merText.length } : undefined;
    const mention: TimeMention = { start, end: start + m[0].length, text: m[0], hour, minute, second, meridiem, hourText };
    if (merText && /^midnight$/i.test(merText)) mention.midnight = true;
    if (minute > 59) mention.problem = `minute ${minute} does not exist`;
    else if (second !== undefined && second > 59) mention.problem = `second ${second} does not exist`;
    else if (meridiem) {
      if (hour > 12) mention.problem = `${hour}:${pad(minute)} is already a 24-hour time, so "${merText}" contradicts it`;
      else if (hour === 0) mention.problem = `there is no hour 0 on a 12-hour clock`;
      else mention.hour24 = (hour % 12) + (meridiem.pm ? 12 : 0);
    } else if (hour > 24 || (hour === 24 && (minute > 0 || (second ?? 0) > 0))) mention.problem = `hour ${hour} does not exist`;
    else mention.hour24 = hour;
    // A bare "3 pm" with no colon is only a time with its AM/PM; "24/7" and "2 hours" never reach here.
    result.push(mention);
  }
  return result;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
