import { analyzeTimes } from '../time/analyze';
import { MONTH_NAMES, daysInMonth } from '../time/dates';
import { clock12, describeYmd } from '../time/format';
import type { Fix } from '../types';
import type { Rule } from './rule';

export const invalidTime: Rule = {
  code: 'RCA208',
  name: 'invalid-time',
  description: 'A time or date that cannot exist: 21:48 AM, 14:00 PM, 25:10, February 30, or a time the clocks skipped.',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    for (const t of a.times) {
      if (!t.problem) continue;
      const range = doc.lines.range(t.start, t.end);
      const fixes: Fix[] = [];
      if (t.meridiem && t.minute < 60 && (t.second ?? 0) < 60 && t.hour <= 23) {
        const digits = doc.text.slice(t.start, t.meridiem.start).trimEnd();
        const hour24 = t.hour === 0 ? 0 : t.hour;
        fixes.push({ title: `Write "${digits}" (24-hour)`, edits: [{ range, newText: digits }], isPreferred: true });
        fixes.push({ title: `Write "${clock12(t, hour24)}"`, edits: [{ range, newText: clock12(t, hour24) }] });
      }
      report({ range, message: `"${t.text}" cannot exist: ${t.problem}.`, fixes });
    }
    // A wall time the clocks skipped that night ("2:30 AM" Chicago time on March 8, 2026), in a zone the report
    // writes. A time with its own Standard/Daylight zone ("2:30 AM CST") names an offset, so it is an instant:
    // RCA205 checks its season instead.
    for (const w of a.windows) {
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
      if (!d.invalid || d.day === undefined) continue;
      const max = daysInMonth(d.year, d.month);
      report({
        range: doc.lines.range(d.start, d.end),
        message: `"${d.text}" cannot exist: ${MONTH_NAMES[d.month - 1]}${d.year ? ` ${d.year}` : ''} has ${max} days.`,
      });
    }
  },
};
