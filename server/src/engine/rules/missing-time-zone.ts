import { analyzeTimes } from '../time/analyze';
import { zonePhrase } from '../time/zones';
import type { Rule } from './rule';

export const missingTimeZone: Rule = {
  code: 'RCA203',
  name: 'missing-time-zone',
  description: 'A time in the timeline has no time zone, and the document gives none.',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const fallback = a.settings.defaultTimeZone ? a.table.lookup(a.settings.defaultTimeZone) : undefined;
    const iana = a.documentZone?.iana ?? fallback ?? (a.instanceZones.length === 1 ? a.instanceZones[0] : undefined);
    for (const w of a.windows) {
      if (w.section !== a.timelineIndex || a.timelineIndex < 0) continue;
      if (w.zoneSource && w.zoneSource !== 'default' && w.zoneSource !== 'instance') continue;
      const text = doc.text.slice(w.from, w.to);
      const phrase = iana ? zonePhrase(iana, a.table) : undefined;
      report({
        range: doc.lines.range(w.from, w.to),
        // The timeline's times lack a zone because the document never states one: one mistake, however many rows.
        sameMistake: 'no zone',
        message: `"${text}" has no time zone, and the document names none: readers around the world cannot tell when this was${phrase ? `; add "${phrase}"` : ''}.`,
        fixes: phrase ? [{ title: `Add "${phrase}"`, edits: [{ range: doc.lines.range(w.to, w.to), newText: ` ${phrase}` }], isPreferred: true }] : [],
      });
    }
  },
};
