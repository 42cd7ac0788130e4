import { firstAtOrAfter } from '../numbers';
import type { DateMention, TimeMention } from './dates';
import type { Sentence } from './text';
import type { TimePoint, TimeWindow } from './window';
import type { ZoneMatch } from './zones';

/** Which times of a sentence form ranges, and the dates and zone phrases written with each. */

// \u0000 is the mark put where the gap's date was masked out (see gapDate below): a control character on purpose. An
// ISO 8601 end joins its date to its time with a "T" ("14:51:07Z to 2026-03-12T15:05:33Z").
const RANGE_GAP =
  // eslint-disable-next-line no-control-regex
  /^(?:\s?(?:h|hrs?\.?)(?![A-Za-z]))?[\s,]*(?:\(\s*)?(?:until|till|til|to|through|thru|up\s+to|and|-|–|—|~|→|->)\s*(?:about\s+|approximately\s+|approx\.?\s+|around\s+|~\s*)?(?:the\s+(?:next|following)\s+day,?\s*)?(?:(?:on\s+)?\u0000(?:T|[\s,]*(?:at\s+)?))?$/i;

/**
 * A gap whose date (\u0000) belongs to the start: "11:20 PM on December 31, 2025 until", and after "between", "11:49 PM
 * PST on November 24 and".
 */
const RANGE_GAP_START_DATE =
  // eslint-disable-next-line no-control-regex
  /^[\s,]*(?:on\s+)?\u0000[\s,]*(?:until|till|til|to|through|thru|up\s+to|and|-|–|—|~|→|->)\s*(?:about\s+|approximately\s+|approx\.?\s+|around\s+|~\s*)?$/i;

/** The zone phrase right after an offset ("10:23 CDT", "10:23 (in CDT)"), skipping vague ones, or undefined. */
function zoneRightAfter(masked: string, zones: ZoneMatch[], offset: number): ZoneMatch | undefined {
  // Zones are in order and never overlap: past the first that the gap rules out, every gap holds that one's text.
  for (let k = firstAtOrAfter(zones, offset, (z) => z.start); k < zones.length; k++) {
    const z = zones[k];
    const gap = masked.slice(offset, z.start);
    if (/^\s*[(,]?\s*(?:in\s+)?$/.test(gap)) {
      if (!z.vague) return z;
    } else if (/[^\s(,in]/.test(gap)) return undefined;
  }
  return undefined;
}

/**
 * The windows one sentence writes, in order, with the dates and the zones written right after their times. `zones` are
 * the sentence's zone phrases that count.
 */
export function windowsIn(masked: string, sentence: Sentence, sTimes: TimeMention[], sDates: DateMention[], zones: ZoneMatch[]): TimeWindow[] {
  // Dates and times are in order and never overlap, so each of these looks at one or two of them (a sentence with
  // thousands of times stays linear): the last date before an offset, unless a time stands between them.
  const dateBefore = (offset: number, after: number) => {
    const d = sDates[firstAtOrAfter(sDates, offset + 1, (x) => x.end) - 1];
    if (!d || d.start < after) return undefined;
    const t = sTimes[firstAtOrAfter(sTimes, d.end + 1, (x) => x.start)];
    return t && t.end <= offset ? undefined : d;
  };
  // The first date after an offset, when only a zone, a comma or "on" stands between (a date holds a digit, so
  // past the first date no gap can match).
  const dateRightAfter = (offset: number) => {
    for (let k = firstAtOrAfter(sDates, offset, (x) => x.start); k < sDates.length; k++) {
      const gap = masked.slice(offset, sDates[k].start);
      if (/^\s*(?:[A-Z]{2,5}\s*)?,?\s*(?:on\s+)?$/.test(gap)) return sDates[k];
      if (/[^\sA-Z,on]/.test(gap)) return undefined;
    }
    return undefined;
  };
  let i = 0;
  let boundary = sentence.start;
  const windows: TimeWindow[] = [];
  while (i < sTimes.length) {
    const t = sTimes[i];
    const u = sTimes[i + 1];
    const startPoint: TimePoint = { time: t, ownZone: zoneRightAfter(masked, zones, t.end) };
    let endPoint: TimePoint | undefined;
    if (u) {
      let gap = masked.slice(startPoint.ownZone?.end ?? t.end, u.start);
      const firstAfter = sDates[firstAtOrAfter(sDates, t.end, (d) => d.start)];
      const gapDate = firstAfter && firstAfter.end <= u.start ? firstAfter : undefined;
      if (gapDate) gap = gap.replace(masked.slice(gapDate.start, gapDate.end), '\u0000');
      const between = /\bbetween\b/i.test(masked.slice(boundary, t.start));
      const uZone = zoneRightAfter(masked, zones, u.end);
      if (RANGE_GAP.test(gap) && (!/^\s*,?\s*and\b/i.test(gap) || between)) {
        endPoint = { time: u, date: gapDate, ownZone: uZone };
      } else if (gapDate && RANGE_GAP_START_DATE.test(gap) && (between || !/\band\b/i.test(gap))) {
        // "from 11:20 PM on December 31, 2025 until 12:35 AM on January 1, 2026": the date in between is the start's.
        endPoint = { time: u, ownZone: uZone };
      }
    }
    startPoint.date = dateBefore(t.start, boundary) ?? dateRightAfter(startPoint.ownZone?.end ?? t.end);
    // A date right after the end ("until 1:10 a.m. CST on January 15th") is the end's when the start has a date of
    // its own, else the whole range's ("from 10:00 until 11:00 CDT on April 11").
    const trailing = endPoint && !endPoint.date ? dateRightAfter(endPoint.ownZone?.end ?? endPoint.time.end) : undefined;
    if (endPoint && trailing) {
      if (startPoint.date) endPoint.date = trailing;
      else startPoint.date = trailing;
    }
    const last = endPoint ?? startPoint;
    windows.push({ start: startPoint, end: endPoint, from: t.start, to: last.time.end, sentence, section: sentence.block.section });
    boundary = last.ownZone?.end ?? last.time.end;
    i += endPoint ? 2 : 1;
  }
  return windows;
}

/** What stands between a time and its conversion: "(", "(i.e. ", "(or ", "(= ", or with no parenthesis " = ", ", i.e. ". */
const CONVERSION_LEAD = /^\s*(?:([([])\s*(?:i\.\s*e\.,?\s*|or\s+|=\s*)?|=\s*|,?\s*i\.\s*e\.,?\s*)$/;
/** The end of a conversion in parentheses, after its zone: the closing parenthesis, or a date and then it. */
const CONVERSION_CLOSE = /^\s*[)\]]/;

/** The text between two offsets with the date written there, if any, taken out: "(July 9, 2025 " reads as "(". */
function withoutDate(masked: string, from: number, to: number, date: DateMention | undefined): string {
  if (!date || date.start < from || date.end > to) return masked.slice(from, to);
  return masked.slice(from, date.start) + masked.slice(date.end, to).replace(/^,/, '');
}

/**
 * Marks the windows that restate the one before in another zone: "10:00 CST (16:00 UTC)", "from 10:00 until 11:00
 * CDT (15:00 until 16:00 UTC)", "10:00 CDT = 15:00 UTC", "10:00 CDT, i.e. 15:00 UTC", and with the conversion's own
 * date: "23:30 CDT (July 9, 2025 04:30 UTC)", "23:30 CDT (04:30 UTC on July 9)".
 */
export function markConversions(masked: string, windows: TimeWindow[], dates: readonly DateMention[] = []): void {
  for (let i = 0; i + 1 < windows.length; i++) {
    const w = windows[i];
    const c = windows[i + 1];
    const cZone = c.end?.ownZone ?? c.start.ownZone;
    if (w.sentence !== c.sentence || !cZone?.iana || cZone.unknown || cZone.vague || cZone === w.zone) continue;
    const wEnd = (w.end?.ownZone ?? w.start.ownZone)?.end ?? w.to;
    if (wEnd > c.from) continue;
    const lead = CONVERSION_LEAD.exec(withoutDate(masked, wEnd, c.from, c.start.date));
    if (!lead) continue;
    if (lead[1]) {
      // In parentheses: they close right after the zone, or after the conversion's date.
      const close = masked.indexOf(lead[1] === '(' ? ')' : ']', cZone.end);
      if (close < 0 || close - cZone.end > 40) continue;
      const date = c.end?.date ?? c.start.date;
      const between = withoutDate(masked, cZone.end, close + 1, date).replace(/^\s*(?:on\s*)?(?=[)\]])/, '');
      if (!CONVERSION_CLOSE.test(between)) continue;
    }
    c.conversionOf = w;
    // "= 04:40 UTC (March 12)": the date after the conversion's zone is the conversion's, not the next entry's.
    const last = c.end ?? c.start;
    if (!last.date) {
      const after = dates.find((d) => d.start >= cZone.end && /^\s*[(,]?\s*(?:on\s+)?$/.test(masked.slice(cZone.end, d.start)));
      if (after && !windows.some((x) => x !== c && x.from > cZone.end && x.from < after.start)) {
        last.date = after;
        if (c.end && !c.start.date) c.start.date = after;
      }
    }
  }
}
