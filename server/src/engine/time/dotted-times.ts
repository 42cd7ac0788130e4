import type { TimeMention } from './dates';
import type { ZoneMatch } from './zones';
import { matchesOf } from '../regexp';

/**
 * Times written without a colon, read only where nothing else is meant. With a dot, as Britain and much of Europe
 * write the clock: "09.12 GMT", "14.05 CET", "9.15am", "between 09.12 and 10.47 BST"; the same digits are a decimal,
 * a version ("v2.14"), a section number or part of a dotted date ("07.12.2026"). As four digits, as the military,
 * airlines, hospitals and governments write it: "1405Z", "0930-1120 UTC", "at 1405 hrs"; the same digits are far
 * more often a year ("in 2026"), a count ("1500 requests") or a code ("HTTP 5030"). A wrong reading is worse than
 * none: such a number is read as a time with its AM/PM (dotted only); with a zone right after it ("Z" written onto
 * four digits); with "hrs" after a two-digit hour at the start of an entry or after a word that leads a time ("at
 * 14.05 hrs", "at 1405 hrs"); or as the other end of a range one of those ends ("09.12-10.47 GMT", "from 0930 until
 * 1120 UTC").
 */

/** What every dotted time has: a digit, a dot and two digits. Most sentences have none. */
export const MAY_HOLD_DOTTED_TIME = /\d\.\d\d/;

// Not part of a longer number, version, address, offset or amount: "1.2.22", "07.12.2026", "UTC+1.30", "£14.05"; a
// dash after digits is a range's ("09.12-10.47"), after letters an offset's ("UTC-3.30").
const CANDIDATE = /(?<![\p{L}\p{N}.,:/+\u2212$£€#])(?<!\p{L}\s?[-\u2212])(?<h>\d{1,2})\.(?<min>[0-5]\d)(?![\p{N}]|[.,:/]\p{N})/gu;

/** What every four-digit time has: four digits of a clock, no more. */
export const MAY_HOLD_COMPACT_TIME = /(?<!\d)(?:[01]\d|2[0-3])[0-5]\d(?!\d)/;

// The same bounds as a dotted time's: "1.1405", "v1405", "£1405", "+1405" (an offset), "INC-1405" are no clock.
const COMPACT_CANDIDATE = /(?<![\p{L}\p{N}.,:/+\u2212$£€#])(?<!\p{L}\s?[-\u2212])(?<h>[01]\d|2[0-3])(?<min>[0-5]\d)(?![\p{N}]|[.,:/]\p{N})/gu;
/** "1405Z": the zone letter written onto the digits (mentions.ts reads it as UTC). */
const ZULU = /^Z(?![\p{L}\p{N}])/u;

const MERIDIEM = /^\s?(?:[AaPp]\.\s?[Mm]\.|[AaPp][Mm])(?![\p{L}\p{N}])/u;
const HOURS_WORD = /^\s?(?:hrs?|h)(?![\p{L}\p{N}])/u;
/**
 * The start of an entry (a line, a list item, a table cell) or a word that leads a time and never a duration: "after
 * 10.50 hrs" and "around 10.50 hrs" may be ten and a half hours.
 */
const TIME_LEAD = /(?:^|\|)\s*$|\b(?:at|from|until|till|since|between)\s+$/iu;
/** Words that make the number a version, a section or a page, whatever follows it; four digits also a code or a count. */
const NOT_A_CLOCK = /\b(?:versions?|releases?|builds?|rev(?:ision)?s?|sections?|chapters?|steps?|items?|rules?|figures?|tables?|pages?|v|p|§)\s*$/iu;
const NOT_A_COMPACT_CLOCK =
  /\b(?:https?|errors?|codes?|status|ports?|ids?|no|numbers?|tickets?|incidents?|inc|cases?|flights?|rooms?|ext|in|of|years?|fy)\s*[#:.]?\s*$/iu;
const RANGE_JOIN = /^\s*(?:-|–|—|to|until|till|through|and)\s*$/iu;

interface Candidate {
  start: number;
  end: number;
  hour: number;
  minute: number;
  hourText: string;
  meridiem?: TimeMention['meridiem'];
  read: boolean;
}

/**
 * The dotted times of a sentence's `text` (at `base` in the document), given the zone phrases found in it. Each is a
 * time as findTimes gives one, with its AM/PM; the "hrs" after it stays outside the time, as a zone does.
 */
export function findDottedTimes(text: string, base: number, zones: readonly ZoneMatch[]): TimeMention[] {
  return findUnmarkedTimes(text, base, zones, false);
}

/** The four-digit times of a sentence's `text` ("1405Z", "0930-1120 UTC", "at 1405 hrs"), as findDottedTimes. */
export function findCompactTimes(text: string, base: number, zones: readonly ZoneMatch[]): TimeMention[] {
  return findUnmarkedTimes(text, base, zones, true);
}

function findUnmarkedTimes(text: string, base: number, zones: readonly ZoneMatch[], compact: boolean): TimeMention[] {
  const candidates: Candidate[] = [];
  for (const m of matchesOf(compact ? COMPACT_CANDIDATE : CANDIDATE, text)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 24), at);
    if (NOT_A_CLOCK.test(before) || (compact && NOT_A_COMPACT_CLOCK.test(before))) continue;
    const end = at + m[0].length;
    const after = text.slice(end, end + 12);
    const hour = Number(m.groups!.h);
    const minute = Number(m.groups!.min);
    if (hour > 23) continue;
    const candidate: Candidate = { start: at, end, hour, minute, hourText: m.groups!.h, read: false };
    const meridiem = compact ? null : MERIDIEM.exec(after);
    if (compact && ZULU.test(after)) {
      candidate.read = true;
    } else if (meridiem) {
      // "14.30 pm" is no clock; a decimal before "am" or "pm" is none either.
      if (hour < 1 || hour > 12) continue;
      const written = meridiem[0].trimStart();
      candidate.meridiem = { pm: /^p/i.test(written), text: written, start: base + end + meridiem[0].length - written.length };
      // The AM/PM is part of the time, as findTimes reads "10:15 a.m.": a range's gap starts after it.
      candidate.end = end + meridiem[0].length;
      candidate.read = true;
    } else if (zoneRightAfter(zones, base + end, text, end)) {
      candidate.read = true;
    } else if (m.groups!.h.length === 2 && HOURS_WORD.test(after) && TIME_LEAD.test(before)) {
      candidate.read = true;
    }
    candidates.push(candidate);
  }
  // A range's ends are written alike: the end that says what it is says it of the other.
  for (let i = 0; i + 1 < candidates.length; i++) {
    const [a, b] = [candidates[i], candidates[i + 1]];
    if (a.read === b.read || (a.meridiem === undefined) !== (b.meridiem === undefined)) continue;
    const between = text.slice(a.end, b.start).replace(zoneWordsAfter(zones, base, a.end, b.start), '');
    if (!RANGE_JOIN.test(between)) continue;
    if (/^\s*and\s*$/i.test(between) && !/\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 12), a.start))) continue;
    a.read = b.read = true;
  }
  return candidates
    .filter((c) => c.read)
    .map((c) => ({
      start: base + c.start,
      end: base + c.end,
      text: text.slice(c.start, c.end),
      hour: c.hour,
      minute: c.minute,
      hourText: c.hourText,
      meridiem: c.meridiem,
      hour24: c.meridiem ? (c.hour % 12) + (c.meridiem.pm ? 12 : 0) : c.hour,
    }));
}

/** Whether a zone that names one (not an unknown or "local" one) starts right after `offset`, past one space. */
function zoneRightAfter(zones: readonly ZoneMatch[], at: number, text: string, offset: number): boolean {
  const gap = /^\s?/.exec(text.slice(offset))![0].length;
  return zones.some((z) => z.start === at + gap && z.iana !== undefined && !z.unknown && !z.vague);
}

/** The zone phrase between a range's ends, when the first end has one: "GMT" in "14.05 GMT to 15.20". */
function zoneWordsAfter(zones: readonly ZoneMatch[], base: number, from: number, to: number): string {
  return zones.find((z) => z.start >= base + from && z.end <= base + to)?.text ?? '';
}
