import { analyzeTimes } from '../time/analyze';
import type { Rule } from './rule';

export const ambiguousTime: Rule = {
  code: 'RCA209',
  name: 'ambiguous-time',
  description: 'A time range where one end has AM/PM and the other, a 12-hour-looking time, does not.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    for (const w of a.windows) {
      if (!w.end) continue;
      const [s, e] = [w.start.time, w.end.time];
      if (s.problem || e.problem || Boolean(s.meridiem) === Boolean(e.meridiem)) continue;
      const bare = s.meridiem ? e : s;
      const marked = s.meridiem ? s : e;
      // "23:43 until 01:17 AM" reads one way only; "10:16AM until 10:23" does not.
      if (/^(?:noon|midnight)$/i.test(bare.text) || bare.hour === 0 || bare.hour > 12) continue;
      report({
        range: doc.lines.range(w.from, w.to),
        message: `"${doc.text.slice(w.from, w.to)}": "${marked.text}" has ${marked.meridiem!.text} but "${bare.text}" has no AM/PM; write both ends in the same 12- or 24-hour form.`,
      });
    }
  },
};
