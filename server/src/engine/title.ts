import type { TitleSlip } from './profiles';
import { escapeRegExp, matchesOf } from './regexp';
/**
 * Reads an RCA title such as "NA01, NA02 - RCA - April 11, 2026" or "Alma EU00- RCA - May 6 ,2024".
 * The forms published reports use are accepted; only what a reader would miss is reported.
 */
export interface ParsedTitle {
  /** Whether the marker word (e.g. "RCA") stands in the title. */
  hasMarker: boolean;
  /** Text before the marker: the product and the instances or region. */
  subject: string;
  /** Instance codes such as NA01, EU00, CN01. */
  instances: string[];
  /** The date part, when the title has one, with its offsets in the title text. */
  date?: TitleDate;
}

export interface TitleDate {
  text: string;
  start: number;
  end: number;
  /** Month name spelled out or abbreviated, day and year all present. */
  complete: boolean;
  /** A numeric form such as 2026-04-11 or 04/11/2026 rather than "April 11, 2026". */
  numeric: boolean;
}

export const INSTANCE_CODE = /\b[A-Z]{2,3}\d{2,3}\b/g;

/**
 * The letter prefixes that name instances in a report: the profile's regions (Profile.instanceRegions), the prefixes
 * of the codes its title names, and the literal prefixes of the rcaWriter.instanceTimeZones globs ("SB*" makes SB01
 * an instance). Other words of the same shape are host and node names (DB03, SRV12, VM01), and data centres (DC04)
 * never count.
 */
export function instancePrefixes(
  regions: readonly string[] = [],
  titleCodes: readonly string[] = [],
  instanceTimeZones: Record<string, string> = {},
): Set<string> {
  const prefixes = new Set(regions);
  for (const code of titleCodes) prefixes.add(code.replace(/\d+$/, ''));
  for (const glob of Object.keys(instanceTimeZones)) {
    const letters = /^[A-Za-z]{2,3}(?=[\d*?]|$)/.exec(glob.trim());
    if (letters) prefixes.add(letters[0].toUpperCase());
  }
  prefixes.delete('DC');
  return prefixes;
}

export function isInstanceCode(code: string, prefixes: ReadonlySet<string>): boolean {
  return prefixes.has(code.replace(/\d+$/, ''));
}

/** Every word of an instance code's shape in `text`, in order; with `prefixes`, only the instances among them. */
/** The instance codes a text names, sorted and joined: two sentences about the same instances give the same key. */
export function instanceKey(text: string, prefixes?: ReadonlySet<string>): string {
  return instanceCodesIn(text, prefixes).sort().join(',');
}

export function instanceCodesIn(text: string, prefixes?: ReadonlySet<string>): string[] {
  const codes = matchesOf(INSTANCE_CODE, text).map((m) => m[0]);
  return prefixes ? codes.filter((code) => isInstanceCode(code, prefixes)) : codes;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WORD_DATE = new RegExp(
  `\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*,\\s*|\\s+)?(\\d{4})?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\s*,?\\s*(\\d{4})?\\b|\\b(${MONTH})\\s*,?\\s*(\\d{4})\\b`,
  'i',
);
const NUMERIC_DATE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/;

/** Words that stand for the marker when spelled out. */
const MARKER_SPELLINGS: Record<string, string[]> = { RCA: ['Root Cause Analysis'] };

const markerPatterns = new Map<string, RegExp>();

/**
 * The marker or a spelling of it as a word, after what comes before it (group 1), the marker as written in group 2.
 * Built once per marker: a check reads the title a few times (each profile `auto` tries, the title rule), and each
 * new pattern was compiled again. Without the global flag, so it keeps no state between texts.
 */
function markerPattern(marker: string): RegExp {
  let pattern = markerPatterns.get(marker);
  if (!pattern) {
    const spellings = [marker, ...(MARKER_SPELLINGS[marker] ?? [])].map(escapeRegExp).join('|');
    if (markerPatterns.size >= 64) markerPatterns.clear();
    markerPatterns.set(marker, (pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${spellings})(?=$|[^\\p{L}\\p{N}])`, 'iu')));
  }
  return pattern;
}

/** The separators between the subject, the marker and the date: spaces, dashes, a colon (and a comma after). */
const SEPARATOR_BEFORE = /[\s\-\u2013\u2014:]*$/u;
const SEPARATOR_AFTER = /^[\s\-\u2013\u2014:,]*/u;

/** Where a title's marker stands: the subject before it (separators left out) and the marker as written. */
interface MarkerSplit {
  subject: string;
  separatorBefore: string;
  /** The marker as the title writes it ("RCA", "rca", "Root Cause Analysis"). */
  written: string;
  start: number;
  end: number;
}

/** The title split at its marker, the one reading of where the marker stands that both title readers share. */
function splitAtMarker(text: string, marker: string): MarkerSplit | undefined {
  if (!marker) return undefined;
  const found = markerPattern(marker).exec(text);
  if (!found) return undefined;
  const start = found.index + found[1].length;
  const before = text.slice(0, start);
  const separatorBefore = SEPARATOR_BEFORE.exec(before)![0];
  return { subject: before.slice(0, before.length - separatorBefore.length).trim(), separatorBefore, written: found[2], start, end: start + found[2].length };
}

export function parseTitle(text: string, marker = 'RCA'): ParsedTitle {
  const split = splitAtMarker(text, marker);
  const hasMarker = split !== undefined;
  let subject = split ? split.subject : text.replace(SEPARATOR_BEFORE, '').trim();
  const searchFrom = split ? split.end : 0;
  const tail = text.slice(searchFrom);
  let date: TitleDate | undefined;
  const word = WORD_DATE.exec(tail);
  if (word) {
    const complete = word[1] !== undefined ? word[3] !== undefined : word[5] !== undefined && word[6] !== undefined;
    date = { text: word[0].trim(), start: searchFrom + word.index, end: searchFrom + word.index + word[0].trimEnd().length, complete, numeric: false };
  } else {
    const numeric = NUMERIC_DATE.exec(tail);
    if (numeric) {
      date = { text: numeric[0], start: searchFrom + numeric.index, end: searchFrom + numeric.index + numeric[0].length, complete: true, numeric: true };
    }
  }
  if (hasMarker && !subject) {
    // "Postmortem: search index rebuilt twice", "RCA: NA01 login errors - May 6, 2025": the marker leads and what the
    // report is about follows it, the date aside.
    const after = date ? text.slice(searchFrom, date.start) + text.slice(date.end) : text.slice(searchFrom);
    subject = after.replace(/^[\s\-\u2013\u2014:,]+|[\s\-\u2013\u2014:,]+$/gu, '').trim();
  }
  return { hasMarker, subject, instances: instanceCodesIn(subject), date };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date written as the house form wants it: "April 11, 2026". */
export interface HouseDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function formatHouseDate(date: HouseDate): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.day}, ${date.year}`;
}

function monthOf(word: string): number | undefined {
  const key = word.replace(/\.$/, '').toLowerCase();
  if (key.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(key) && (key.length === 3 || key === 'sept' || name.toLowerCase() === key));
  return index < 0 ? undefined : index + 1;
}

function validDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** How a house title departs from `<subject> - <marker> - <Month D, YYYY>`, and what it says. */
export interface HouseTitle {
  subject: string;
  slips: { slip: TitleSlip; detail?: string }[];
  /** The title's date as far as it gives one; a missing part is undefined. */
  date?: Partial<HouseDate>;
  /** The text after the marker when it is not a date this reader knows: kept as written. */
  rest?: string;
}

function separatorSlip(separator: string): TitleSlip | undefined {
  if (separator === ' - ') return undefined;
  if (/^ [\u2013\u2014] $/u.test(separator)) return 'long-dash';
  return /[-\u2013\u2014]/u.test(separator) ? 'dash-spacing' : 'marker-dashes';
}

/**
 * Reads a title in the house form, leniently: every departure from the standard is named as a slip (the profile's
 * table decides which are corrected). Undefined when the title has no marker or nothing before it.
 */
export function readHouseTitle(text: string, marker: string): HouseTitle | undefined {
  const split = splitAtMarker(text, marker);
  if (!split?.subject) return undefined;
  const { subject, separatorBefore } = split;
  const after = text.slice(split.end);
  const separatorAfter = SEPARATOR_AFTER.exec(after)![0];
  const tail = after.slice(separatorAfter.length).trimEnd();
  const slips: HouseTitle['slips'] = [];
  const add = (slip: TitleSlip | undefined, detail?: string) => {
    if (slip && !slips.some((s) => s.slip === slip)) slips.push({ slip, detail });
  };
  if (split.written !== marker) add('marker-spelling');
  add(separatorSlip(separatorBefore));
  if (tail) add(separatorSlip(separatorAfter));
  const read = readHouseDate(tail);
  if (!read) return { subject, slips, rest: tail };
  for (const slip of read.slips) add(slip.slip, slip.detail);
  return { subject, slips, date: read.date };
}

const DATE_TOKEN = /\s*(?:(,|;|&|\/|-|\u2013|and\b|to\b)|([A-Za-z]{3,9}\.?)|(\d{4})\b|(\d{1,2})(st|nd|rd|th)?\b)/uy;

/** The date part of a house title, with the ways it departs from "Month D, YYYY"; undefined when it is not a date. */
export function readHouseDate(tail: string): { date: Partial<HouseDate>; slips: HouseTitle['slips'] } | undefined {
  const slips: HouseTitle['slips'] = [];
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(tail);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12 || !validDay(year, month, day)) return undefined;
    return { date: { year, month, day }, slips: [{ slip: 'numeric-date' }] };
  }
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(tail)) return { date: {}, slips: [{ slip: 'numeric-date' }] };
  type Token = { month?: number; monthWord?: string; year?: number; day?: number; dayWord?: string; ordinal?: boolean };
  const tokens: Token[] = [];
  DATE_TOKEN.lastIndex = 0;
  while (DATE_TOKEN.lastIndex < tail.length) {
    const at = DATE_TOKEN.lastIndex;
    const match = DATE_TOKEN.exec(tail);
    if (!match || match.index !== at) return undefined;
    if (match[2]) {
      const month = monthOf(match[2]);
      if (month === undefined) return undefined;
      tokens.push({ month, monthWord: match[2] });
    } else if (match[3]) tokens.push({ year: Number(match[3]) });
    else if (match[4]) tokens.push({ day: Number(match[4]), dayWord: match[4], ordinal: match[5] !== undefined });
  }
  const months = tokens.filter((t) => t.month !== undefined);
  const days = tokens.filter((t) => t.day !== undefined);
  const years = tokens.filter((t) => t.year !== undefined);
  if (months.length === 0 || years.length > 1) return undefined;
  const first = tokens.indexOf(months[0]);
  const dayFirst = tokens[0]?.day !== undefined && first === 1;
  const firstDay = dayFirst ? tokens[0] : tokens.slice(first).find((t) => t.day !== undefined);
  const month = months[0].month!;
  let year = years[0]?.year;
  if (days.length > 1) {
    slips.push({ slip: 'several-days', detail: tail });
    // "December 31 - January 1, 2024": the year written belongs to the last day.
    if (year !== undefined && months.length > 1 && months[months.length - 1].month! < month) year -= 1;
  } else if (months.length > 1) return undefined;
  if (dayFirst) slips.push({ slip: 'day-first' });
  if (months[0].monthWord !== MONTH_NAMES[month - 1]) slips.push({ slip: 'month-name' });
  if (firstDay?.ordinal) slips.push({ slip: 'day-ordinal' });
  if (firstDay?.dayWord?.startsWith('0')) slips.push({ slip: 'day-padded' });
  if (!firstDay) slips.push({ slip: 'missing-day' });
  if (year === undefined) slips.push({ slip: 'missing-year' });
  if (firstDay && year !== undefined && days.length === 1 && !dayFirst) {
    const between = /\d(?:st|nd|rd|th)?(\s*,?\s*)\d{4}$/.exec(tail)?.[1];
    if (between !== undefined && between !== ', ') slips.push({ slip: between.includes(',') ? 'comma-spacing' : 'year-comma' });
  }
  const day = firstDay?.day;
  if (day !== undefined && (day < 1 || (year !== undefined && !validDay(year, month, day)) || day > 31)) return undefined;
  return { date: { year, month, day }, slips };
}
