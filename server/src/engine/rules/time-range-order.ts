import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import { describeYmd, formatDuration } from '../time/format';
import { dateRanges } from '../time/incident';
import type { Ymd } from '../time/calendar';
import type { Range } from '../types';
import type { Rule } from './rule';

/**
 * Words that name the end's day without a date: "until 02:15 the next morning", "to 01:10 (next day)", "until the
 * following morning at 02:15", "02:15 +1", "02:10 PST the next morning". A range that says so needs no note.
 */
const NEXT_DAY = /\b(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b|\bthe\s+day\s+after\b/i;
const NEXT_DAY_AFTER = /^[\s,(]*(?:(?:on\s+|in\s+)?(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b|\+1(?:\s*d(?:ays?)?)?(?![\d:]))/i;

export const timeRangeOrder: Rule = {
  code: 'RCA207',
  name: 'time-range-order',
  description: 'A time or date range ends before it starts; a range read across midnight gets a note saying how it was read.',
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    for (const w of a.windows) {
      if (!w.end || (w.section !== a.timelineIndex && w.section !== a.introIndex) || w.section < 0) continue;
      const s = w.start.time;
      const e = w.end.time;
      if (s.hour24 === undefined || e.hour24 === undefined) continue;
      const text = doc.text.slice(w.from, w.to);
      const range = doc.lines.range(w.from, w.to);
      let backwards = w.backwards;
      let nextDay = w.nextDay;
      let duration = w.startMillis !== undefined && w.endMillis !== undefined ? w.endMillis - w.startMillis : undefined;
      if (w.startMillis === undefined || w.endMillis === undefined) {
        // No date: compare the clock readings.
        const from = s.hour24 * 60 + s.minute;
        const to = e.hour24 * 60 + e.minute;
        backwards = to <= from;
        nextDay = backwards && !w.end.date && to < from;
        duration = nextDay ? (to + 1440 - from) * 60000 : undefined;
      }
      if (!backwards) continue;
      const consistent = Boolean(s.meridiem) === Boolean(e.meridiem);
      if (nextDay && consistent && duration !== undefined && duration <= 12 * 3600000) {
        // The end's own zone may stand before the words: "02:10 PST the next morning".
        const after = w.end.ownZone && w.end.ownZone.start >= w.to ? w.end.ownZone.end : w.to;
        if (NEXT_DAY.test(text) || NEXT_DAY_AFTER.test(doc.text.slice(after, after + 40))) continue;
        const when = w.end.ymd ? ` on ${describeYmd(w.end.ymd)}` : ' the next day';
        report({
          range,
          severity: 'information',
          message: `"${text}" crosses midnight: read as ending${when} (${formatDuration(duration)}). Name the end date to make this explicit.`,
        });
        continue;
      }
      report({
        range,
        message: w.end.date
          ? `"${text}" ends before it starts: the end date or time is earlier than the start.`
          : `"${text}" ends before it starts when read as written; if it runs past midnight, name the end date and use the same clock (12- or 24-hour) at both ends.`,
      });
    }
    backwardsDateRanges(a, (range, message) => report({ range, message }));
  },
};

/** Days from one date to another. */
function daysBetween(from: Ymd, to: Ymd): number {
  return (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000;
}

/**
 * A range that wraps to the next year when a year is left out is one of weeks ("between December 28 and January 3");
 * one that would run this long is written end first ("between October 19 and October 2": 348 days).
 */
const MAX_WRAP_DAYS = 300;

/**
 * Ranges of days written end first: "between October 19 and October 2", "from 12 March 2026 to 3 March 2026". With a
 * year left out, the range may cross the new year, and is one only when that reading is not most of a year. A range
 * whose dates carry its times is a time range, checked above.
 */
function backwardsDateRanges(a: TimeAnalysis, report: (range: Range, message: string) => void): void {
  const { doc } = a;
  const timed = new Set(a.windows.flatMap((w) => [w.start.date, w.end?.date]));
  for (let section = 0; section < doc.sections.length; section++) {
    for (const { start, end } of dateRanges(a, section)) {
      if (timed.has(start.mention) || timed.has(end.mention)) continue;
      const days = daysBetween(start.ymd, end.ymd);
      if (days >= 0) continue;
      const yearWritten = start.mention.year !== undefined && end.mention.year !== undefined;
      if (!yearWritten && days + 365 <= MAX_WRAP_DAYS) continue;
      const text = doc.text.slice(start.mention.start, end.mention.end);
      report(
        doc.lines.range(start.mention.start, end.mention.end),
        `"${text}" ends before it starts: ${describeYmd(end.ymd)} is before ${describeYmd(start.ymd)}. Write the earlier date first, or correct the one that is wrong.`,
      );
    }
  }
}
