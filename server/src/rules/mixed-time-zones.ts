import { analyzeTimes, type TimeWindow } from '../time/analyze';
import { offsetAt } from '../time/zones';
import { INSTANCE_CODE } from '../title';
import type { Rule } from './rule';

function zoneKey(w: TimeWindow): string {
  return w.startMillis !== undefined ? String(offsetAt(w.iana!, w.startMillis)) : w.iana!;
}

function instancesOf(text: string): string {
  return [...text.matchAll(INSTANCE_CODE)].map((m) => m[0]).sort().join(',');
}

export const mixedTimeZones: Rule = {
  code: 'RCA206',
  name: 'mixed-time-zones',
  description: 'The timeline gives times in different zones without converting them to one.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const written = a.windows.filter(
      (w) => w.section === a.timelineIndex && a.timelineIndex >= 0 && w.iana && w.zone && !w.zone.vague && (w.zoneSource === 'own' || w.zoneSource === 'sentence' || w.zoneSource === 'lead'),
    );
    if (written.length < 2) return;
    const first = written[0];
    const firstKey = zoneKey(first);
    for (const w of written.slice(1)) {
      if (zoneKey(w) === firstKey) continue;
      // A conversion next to it ("10:00 CDT (15:00 UTC)") or a sentence of its own instances (another region) is fine.
      const sameSentence = written.filter((x) => x.sentence === w.sentence);
      if (sameSentence.some((x) => zoneKey(x) === firstKey)) continue;
      const mine = instancesOf(w.sentence.text);
      if (mine && mine !== instancesOf(first.sentence.text)) continue;
      report({
        range: doc.lines.range(w.from, w.to),
        message: `"${doc.text.slice(w.from, w.to)}" is in ${w.zone!.text}, but the timeline's first times are in ${first.zone!.text}; give every time in one zone, or add the conversion.`,
      });
    }
  },
};
