import { analyzeTimes, ymdKey, type TimeWindow } from '../time/analyze';
import { describeYmd } from '../time/format';
import { datesIn, incidentStart } from '../time/incident';
import type { Rule } from './rule';

export const chronology: Rule = {
  code: 'RCA211',
  name: 'chronology',
  description: 'Dated items are out of order: timeline entries, or a publication history dated before the incident.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    // Timeline list entries: the first time in each entry.
    const firstByItem = new Map<number, TimeWindow>();
    for (const w of a.windows) {
      const item = w.sentence.block.listItem;
      if (w.section !== a.timelineIndex || a.timelineIndex < 0 || item < 0 || w.startMillis === undefined) continue;
      if (!firstByItem.has(item)) firstByItem.set(item, w);
    }
    let previous: { millis: number; window: TimeWindow } | undefined;
    let rollover = 0;
    for (const w of firstByItem.values()) {
      let millis = w.startMillis! + rollover;
      if (previous && millis < previous.millis) {
        const gap = previous.millis - millis;
        // "23:50 …" then "00:10 …" with no date written: the list went past midnight.
        if (!w.start.date && gap > 12 * 3600000 && gap < 24 * 3600000) {
          rollover += 24 * 3600000;
          millis += 24 * 3600000;
        } else {
          report({
            range: doc.lines.range(w.from, w.to),
            message: `This entry ("${doc.text.slice(w.from, w.to)}") is earlier than the entry before it ("${doc.text.slice(previous.window.from, previous.window.to)}"); list timeline entries in time order.`,
          });
          continue;
        }
      }
      previous = { millis, window: w };
    }
    // Publication history: nothing can be published before the incident.
    const start = incidentStart(a);
    const history = a.sectionIndex('publication-history');
    if (!start || history < 0) return;
    for (const d of datesIn(a, history)) {
      if (ymdKey(d.ymd) >= ymdKey(start)) continue;
      report({
        range: doc.lines.range(d.mention.start, d.mention.end),
        message: `Publication date ${describeYmd(d.ymd)} is before the incident (${describeYmd(start)}).`,
      });
    }
  },
};
