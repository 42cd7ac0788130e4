import { firstAtOrAfter } from '../numbers';
import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import type { MonthOnly } from '../time/dates';
import type { Rule } from './rule';

export const incompleteDate: Rule = {
  code: 'RCA214',
  name: 'incomplete-date',
  description: 'An incident date with no day or no year where the document gives neither.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const parts = [a.introIndex, a.timelineIndex].filter((i) => i >= 0);
    const yearKnown = a.incidentYear !== undefined || a.monthYears.length > 0;
    for (const d of a.dates) {
      if (!parts.includes(d.section) || d.year !== undefined || yearKnown) continue;
      // The document states no year anywhere: one omission, however many dates lack it.
      report({
        range: doc.lines.range(d.start, d.end),
        sameMistake: 'no year',
        message: `"${d.text}" has no year, and neither the title nor the timeline gives one.`,
      });
    }
    // "on April 2026": a month without its day, where the incident date is expected.
    for (const m of a.monthYears) {
      if (!parts.includes(m.section)) continue;
      if (!datesTimelineEntry(a, m)) {
        if (a.dates.some((d) => d.section === m.section && d.day !== undefined)) continue;
        const before = a.masked.slice(Math.max(0, m.start - 12), m.start);
        if (!/\b(?:on|in|during|dated?|from)\s+$/i.test(before)) continue;
      }
      report({ range: doc.lines.range(m.start, m.end), message: `"${m.text}" has no day; write the incident date in full (Month D, YYYY).` });
    }
  },
};

/** Text that may stand between a month and the time it dates: "August, 2022 from 14:10", "| August 2022 | 14:10 |". */
const MONTH_THEN_TIME = /^[\s,:|–—-]*(?:(?:from|at|between|starting|beginning|since|around|about)\s+)?$/i;
/** Text that may stand between a time and the month that dates it: "14:10 CDT on August 2022". */
const TIME_THEN_MONTH = /^[\s,|]*(?:\(?[A-Z]{2,5}\)?[\s,]*)?(?:(?:on|in|of|during)\s+)?$/;

/**
 * A month and year that dates a time in the timeline ("August, 2022 from 14:10 until 15:02"), wherever it stands: the
 * entry has no day, even when other entries have one. A month named near a time for another reason ("the August 2022
 * release was deployed at 14:10") has words between them, and is not one.
 */
function datesTimelineEntry(a: TimeAnalysis, m: MonthOnly & { section: number }): boolean {
  if (m.section !== a.timelineIndex) return false;
  const k = firstAtOrAfter(a.times, m.end, (t) => t.start);
  const after = a.times[k];
  if (after && after.start - m.end <= 40 && MONTH_THEN_TIME.test(a.masked.slice(m.end, after.start))) return true;
  const before = a.times[k - 1];
  return !!before && before.end <= m.start && m.start - before.end <= 40 && TIME_THEN_MONTH.test(a.masked.slice(before.end, m.start));
}
