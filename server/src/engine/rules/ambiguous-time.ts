import { analyzeTimes } from '../time/analyze';
import { clock24 } from '../time/format';
import type { Rule } from './rule';

export const ambiguousTime: Rule = {
  code: 'RCA209',
  name: 'ambiguous-time',
  description: 'A time range where one end has AM/PM and the other does not: a 12-hour-looking time, or a 24-hour one.',
  defaultSeverity: 'warning',
  fixable: true,
  partialTimes: true,
  check({ doc, settings, report, partialTimes }) {
    const a = partialTimes ?? analyzeTimes(doc, settings);
    for (const w of a.windows) {
      if (!w.end) continue;
      const [s, e] = [w.start.time, w.end.time];
      if (s.problem || e.problem || Boolean(s.meridiem) === Boolean(e.meridiem)) continue;
      const bare = s.meridiem ? e : s;
      const marked = s.meridiem ? s : e;
      if (/^(?:noon|midnight)$/i.test(bare.text)) continue;
      const quoted = doc.text.slice(w.from, w.to);
      if (bare.hour === 0 || bare.hour > 12) {
        // "23:00 until 12:00 midnight": the word is no 12-hour clock.
        if (/^(?:noon|midnight)$/i.test(marked.meridiem!.text)) continue;
        // "11:40 PM until 00:25" with no end date: RCA207 reports it as ending before it starts, and says to use one clock.
        const order207 = (w.section === a.timelineIndex || w.section === a.introIndex) && w.section >= 0;
        if (order207 && !w.end.date && e.hour24! * 60 + e.minute <= s.hour24! * 60 + s.minute) continue;
        // "22:50 until 01:35 AM" reads one way only, but mixes the two clocks: the 12-hour end is rewritten in the
        // 24-hour form the other end already uses, which says the same instant.
        const written = clock24(marked);
        report({
          range: doc.lines.range(w.from, w.to),
          message: `"${quoted}": "${bare.text}" is a 24-hour time and "${marked.text}" a 12-hour one; write both ends in the same form.`,
          fixes: [{ title: `Write "${written}"`, edits: [{ range: doc.lines.range(marked.start, marked.end), newText: written }], isPreferred: true }],
        });
        continue;
      }
      report({
        range: doc.lines.range(w.from, w.to),
        message: `"${quoted}": "${marked.text}" has ${marked.meridiem!.text} but "${bare.text}" has no AM/PM; write both ends in the same 12- or 24-hour form.`,
      });
    }
  },
};
