import { analyzeTimes } from '../time/analyze';
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
      report({ range: doc.lines.range(d.start, d.end), message: `"${d.text}" has no year, and neither the title nor the timeline gives one.` });
    }
    // "on April 2026": a month without its day, where the incident date is expected.
    for (const m of a.monthYears) {
      if (!parts.includes(m.section)) continue;
      if (a.dates.some((d) => d.section === m.section && d.day !== undefined)) continue;
      const before = a.masked.slice(Math.max(0, m.start - 12), m.start);
      if (!/\b(?:on|in|during|dated?|from)\s+$/i.test(before)) continue;
      report({ range: doc.lines.range(m.start, m.end), message: `"${m.text}" has no day; write the incident date in full (Month D, YYYY).` });
    }
  },
};
