import { DateTime } from 'luxon';
import { analyzeTimes, isAmbiguous, type TimeAnalysis } from '../time/analyze';
import { describeYmd } from '../time/format';
import { statedYmd } from '../time/incident';
import { SEASON_SWAP, hasDst, isDst, offsetName, type ZoneMatch } from '../time/zones';
import type { Rule } from './rule';

/** The instant a zone phrase is about: the window it qualifies, else noon on a date in its sentence. */
function instantFor(a: TimeAnalysis, zone: ZoneMatch): number | undefined {
  for (const w of a.windows) {
    if (w.end?.ownZone === zone && w.endMillis !== undefined) return w.endMillis;
    if ((w.zone === zone || w.start.ownZone === zone) && w.startMillis !== undefined) return w.startMillis;
  }
  const sentence = a.sentences.find((s) => s.start <= zone.start && zone.end <= s.end);
  const date = sentence && a.dates.find((d) => d.start >= sentence.start && d.end <= sentence.end);
  const ymd = date && statedYmd(date, a);
  if (!ymd || !zone.iana) return undefined;
  return DateTime.fromObject({ ...ymd, hour: 12 }, { zone: zone.iana }).toMillis();
}

function swapWord(word: string, iana: string): string {
  const lower = word.toLowerCase();
  const to = lower !== 'standard' ? 'standard' : iana.startsWith('Europe/') ? 'summer' : 'daylight';
  return word[0] === word[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
}

export const zoneSeason: Rule = {
  code: 'RCA205',
  name: 'zone-season',
  description: 'A zone abbreviation is wrong for its date: daylight time in winter or standard time in summer (CDT in January, PST in June).',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    for (const zone of a.zones) {
      if (!zone.iana || zone.season === 'any' || !zone.seasonWord || isAmbiguous(zone)) continue;
      const millis = instantFor(a, zone);
      if (millis === undefined) continue;
      const year = DateTime.fromMillis(millis, { zone: zone.iana }).year;
      if (!hasDst(zone.iana, year)) continue;
      const dst = isDst(zone.iana, millis);
      if (dst === (zone.season === 'daylight')) continue;
      // Arizona keeps MST all summer.
      if (zone.abbreviation === 'MST' && dst) continue;
      const local = DateTime.fromMillis(millis, { zone: zone.iana });
      const day = describeYmd({ year: local.year, month: local.month, day: local.day });
      const correct = offsetName(zone.iana, millis);
      const isAbbreviation = zone.abbreviation !== undefined;
      const replacement = isAbbreviation ? (SEASON_SWAP[zone.abbreviation!] ?? correct) : swapWord(zone.seasonWord.text, zone.iana);
      report({
        range: doc.lines.range(zone.start, zone.end),
        message: `${zone.seasonWord.text} is ${zone.season} time, but on ${day} ${zone.iana} is on ${dst ? 'daylight' : 'standard'} time (${correct}); write ${isAbbreviation ? replacement : `"${replacement}"`}.`,
        fixes: [
          {
            title: `Write ${replacement}`,
            edits: [{ range: doc.lines.range(zone.seasonWord.start, zone.seasonWord.end), newText: replacement }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
