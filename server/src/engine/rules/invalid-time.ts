import { analyzeTimes } from '../time/analyze';
import { MONTH_NAMES, daysInMonth } from '../time/dates';
import { clock12, describeYmd, formatLike, ordinal } from '../time/format';
import type { Fix } from '../types';
import type { TimeMention } from '../time/dates';
import type { TimeWindow } from '../time/window';
import type { Rule } from './rule';

/**
 * The other end of each range, by each of its ends. A partial analysis holds the windows of every sentence it read,
 * so a check cut short offers the same fixes as a whole one.
 */
function otherEnds(windows: readonly TimeWindow[]): Map<TimeMention, TimeMention> {
  const ends = new Map<TimeMention, TimeMention>();
  for (const w of windows) {
    if (!w.end) continue;
    ends.set(w.start.time, w.end.time);
    ends.set(w.end.time, w.start.time);
  }
  return ends;
}

/** Whether a range's other end is written in 24-hour form past noon ("15:40"), which a 12-hour fix must rewrite too. */
const past24HourNoon = (t: TimeMention) => !t.meridiem && !t.problem && t.hour24 !== undefined && (t.hour >= 13 || t.hour === 0);

export const invalidTime: Rule = {
  code: 'RCA208',
  name: 'invalid-time',
  description:
    'A time or date that cannot exist or is mistyped: 21:48 AM, 14:00 PM, 25:10, February 30, June 21th, March 14.2019, or a time the clocks skipped.',
  defaultSeverity: 'error',
  fixable: true,
  partialTimes: true,
  check({ doc, settings, report, partialTimes }) {
    const a = partialTimes ?? analyzeTimes(doc, settings);
    let ends: Map<TimeMention, TimeMention> | undefined;
    for (const t of a.times) {
      if (!t.problem) continue;
      const range = doc.lines.range(t.start, t.end);
      const fixes: Fix[] = [];
      if (t.meridiem && t.minute < 60 && (t.second ?? 0) < 60 && t.hour <= 23) {
        const digits = doc.text.slice(t.start, t.meridiem.start).trimEnd();
        const hour24 = t.hour === 0 ? 0 : t.hour;
        fixes.push({ title: `Write "${digits}" (24-hour)`, edits: [{ range, newText: digits }], isPreferred: true });
        const twelve = clock12(t, hour24);
        // "from 14:05 PM until 15:40": the 12-hour reading writes the other end in that form too, or the range would mix
        // the two forms (RCA209).
        const other = (ends ??= otherEnds(a.windows)).get(t);
        const otherTwelve = other && past24HourNoon(other) ? clock12({ ...t, minute: other.minute, second: other.second }, other.hour24!) : undefined;
        fixes.push({
          title: otherTwelve ? `Write "${twelve}" and "${otherTwelve}"` : `Write "${twelve}"`,
          edits: [{ range, newText: twelve }, ...(other && otherTwelve ? [{ range: doc.lines.range(other.start, other.end), newText: otherTwelve }] : [])],
        });
      }
      report({ range, message: `"${t.text}" cannot exist: ${t.problem}.`, fixes });
    }
    // A wall time the clocks skipped that night ("2:30 AM" Chicago time on March 8, 2026), in a zone the report
    // writes. A time with its own Standard/Daylight zone ("2:30 AM CST") names an offset, so it is an instant:
    // RCA205 checks its season instead. The day and zone a time is read in may come from the rest of the document,
    // which a partial analysis has not read.
    for (const w of a.partial ? [] : a.windows) {
      if (!w.iana || !w.zoneSource || w.zoneSource === 'default' || w.zoneSource === 'instance') continue;
      for (const point of w.end ? [w.start, w.end] : [w.start]) {
        if (!point.skipped || !point.ymd || (point.ownZone && point.ownZone.season !== 'any')) continue;
        const t = point.time;
        const hours = point.skipped % 60 === 0 ? `${point.skipped / 60 === 1 ? 'an hour' : `${point.skipped / 60} hours`}` : `${point.skipped} minutes`;
        report({
          range: doc.lines.range(t.start, t.end),
          message: `"${t.text}" does not exist on ${describeYmd(point.ymd)} in ${w.iana}: the clocks went forward ${hours} that night and skipped it.`,
        });
      }
    }
    for (const d of a.dates) {
      const range = doc.lines.range(d.start, d.end);
      if (d.malformed && !d.invalid && d.day !== undefined && d.year !== undefined) {
        const standard = formatLike({ year: d.year, month: d.month, day: d.day }, d.style, true);
        report({
          range,
          message: `"${d.text}" is a mistyped date; write it "${standard}".`,
          fixes: [{ title: `Write "${standard}"`, edits: [{ range, newText: standard }], isPreferred: true }],
        });
      }
      // "June 21th", "May 12nd": the suffix of another number. The house form writes no suffix; the right one is offered too.
      if (d.suffix && d.day !== undefined && !d.invalid && ordinal(d.day) !== `${d.day}${d.suffix.text}`) {
        const right = ordinal(d.day).slice(String(d.day).length);
        const at = doc.lines.range(d.suffix.start, d.suffix.end);
        const fixes: Fix[] = [{ title: `Write "${ordinal(d.day)}"`, edits: [{ range: at, newText: right }] }];
        // "the 3rd of May" needs its suffix; "3 of May" is no form at all.
        if (!/^\s+of\b/.test(doc.text.slice(d.suffix.end, d.end))) {
          fixes.unshift({ title: `Write "${d.day}" without a suffix`, edits: [{ range: at, newText: '' }], isPreferred: true });
        } else fixes[0].isPreferred = true;
        report({ range, message: `"${d.text}": ${d.day} is written "${ordinal(d.day)}", not "${d.day}${d.suffix.text}".`, fixes });
      }
      if (!d.invalid || d.day === undefined) continue;
      const max = daysInMonth(d.year, d.month);
      report({
        range,
        message: `"${d.text}" cannot exist: ${MONTH_NAMES[d.month - 1]}${d.year ? ` ${d.year}` : ''} has ${max} days.`,
      });
    }
  },
};
