import { analyzeTimes } from '../time/analyze';
import { WEEKDAY_NAMES } from '../time/dates';
import { describeYmd, weekdayOf } from '../time/format';
import { statedYmd } from '../time/incident';
import { relativeWeekdays } from '../time/relative-days';
import type { Rule } from './rule';

export const weekdayMismatch: Rule = {
  code: 'RCA210',
  name: 'weekday-mismatch',
  description: 'A weekday is named with a date it does not fall on, or names the incident on a day it did not happen.',
  defaultSeverity: 'warning',
  fixable: true,
  partialTimes: true,
  check({ doc, settings, report, partialTimes }) {
    const a = partialTimes ?? analyzeTimes(doc, settings);
    for (const d of a.dates) {
      if (!d.weekday) continue;
      // A partial analysis knows no incident year, and leaves a numeric date's order open where its sentence does not settle it.
      if (a.partial && d.numeric && !d.numeric.decided) continue;
      const ymd = statedYmd(d, a.partial ? {} : a);
      if (!ymd) continue;
      const actual = weekdayOf(ymd);
      if (actual === d.weekday.index) continue;
      const name = WEEKDAY_NAMES[actual - 1];
      const written = d.weekday.text.length <= 4 ? name.slice(0, d.weekday.text.length) : name;
      report({
        range: doc.lines.range(d.start, d.end),
        sameMistake: `${describeYmd(ymd)}\u0000${d.weekday.index}`,
        message: `${describeYmd(ymd)} is a ${name}, not a ${WEEKDAY_NAMES[d.weekday.index - 1]}.`,
        fixes: [{ title: `Write "${written}"`, edits: [{ range: doc.lines.range(d.weekday.start, d.weekday.end), newText: written }], isPreferred: true }],
      });
    }
    // "during scheduled work last Tuesday" in the report of a Thursday outage.
    for (const r of a.partial ? [] : relativeWeekdays(a)) {
      const names = [...new Set(r.days.map((d) => WEEKDAY_NAMES[weekdayOf(d) - 1]))];
      const when =
        r.days.length === 1
          ? `${describeYmd(r.days[0])}, a ${names[0]}`
          : `${describeYmd(r.days[0])} to ${describeYmd(r.days[r.days.length - 1])} (${names.join(', ')})`;
      report({
        range: doc.lines.range(r.start, r.end),
        message: `"${r.text}" does not fit the incident, which the report dates ${when}.`,
        fixes:
          r.days.length === 1
            ? [{ title: `Write "${names[0]}"`, edits: [{ range: doc.lines.range(r.word.start, r.word.end), newText: names[0] }], isPreferred: true }]
            : [],
      });
    }
  },
};
