import { analyzeTimes } from '../time/analyze';
import { WEEKDAY_NAMES } from '../time/dates';
import { describeYmd, replaceDate, weekdayOf } from '../time/format';
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
      const weekdayFix = { title: `Write "${written}"`, edits: [{ range: doc.lines.range(d.weekday.start, d.weekday.end), newText: written }] };
      // "Saturday, 11 April 2025" in the report of the outage of Saturday, April 11, 2026: the weekday is right and the
      // year is the one of the report it was copied from. The incident's date comes first, not the wrong weekday.
      const incident = a.partial ? undefined : a.incident;
      const yearSlip =
        incident &&
        d.year !== undefined &&
        !d.yearInferred &&
        incident.year !== ymd.year &&
        incident.month === ymd.month &&
        incident.day === ymd.day &&
        weekdayOf(incident) === d.weekday.index;
      const message = `${describeYmd(ymd)} is a ${name}, not a ${WEEKDAY_NAMES[d.weekday.index - 1]}.`;
      report({
        range: doc.lines.range(d.start, d.end),
        sameMistake: `${describeYmd(ymd)}\u0000${d.weekday.index}`,
        message: yearSlip ? `${message} The incident's date, ${describeYmd(incident)}, is a ${WEEKDAY_NAMES[d.weekday.index - 1]}.` : message,
        fixes: yearSlip
          ? [
              {
                title: `Write "${replaceDate(d, incident)}"`,
                edits: [{ range: doc.lines.range(d.start, d.end), newText: replaceDate(d, incident) }],
                isPreferred: true,
              },
              weekdayFix,
            ]
          : [{ ...weekdayFix, isPreferred: true }],
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
