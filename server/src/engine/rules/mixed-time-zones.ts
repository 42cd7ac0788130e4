import { isAmbiguous } from '../time/ambiguous';
import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import type { TimePoint, TimeWindow } from '../time/window';
import { pad, type TimeMention } from '../time/dates';
import { describeYmd } from '../time/format';
import { offsetAt, offsetName, wallClock } from '../time/zones';
import type { Range } from '../types';
import { instanceKey } from '../title';
import type { Rule } from './rule';

/**
 * Whether two windows are in one zone: the same offset from UTC at the later window's moment. So CDT and Chicago
 * time agree, and so do "01:30 CEST" and "02:40 CET" on the night the clocks go back.
 */
function sameZone(x: TimeWindow, w: TimeWindow): boolean {
  if (x.iana === w.iana) return true;
  return offsetAt(x.iana!, w.startMillis!) === offsetAt(w.iana!, w.startMillis!);
}

/** The zone written right after a window's last time: what a conversion in parentheses is given in. */
function ownZoneOf(w: TimeWindow) {
  return w.end?.ownZone ?? w.start.ownZone;
}

/** The instant of a window's start or end read in another reading of its zone (an ambiguous CST read as China). */
function inZone(millis: number, w: TimeWindow, iana: string): number {
  return iana === w.iana ? millis : millis + (offsetAt(w.iana!, millis) - offsetAt(iana, millis)) * 60000;
}

/**
 * "10:00 CST (16:00 UTC)": a time in parentheses restates the time before it in another zone. Both must be the same
 * instant on that date, each zone read with its offset from the time-zone database on that date (so DST counts).
 */
function checkConversions(a: TimeAnalysis, report: (range: Range, message: string) => void): Set<TimeWindow> {
  const { doc } = a;
  const conversions = new Set<TimeWindow>();
  for (const c of a.windows) {
    const w = c.conversionOf;
    if (!w) continue;
    conversions.add(c);
    // A column headed by its zone writes none with its times.
    const cZone = ownZoneOf(c) ?? c.zone!;
    if (!w.iana || !c.iana || w.startMillis === undefined) continue;
    // A date written inside the conversion ("(July 9, 2025 04:30 UTC)") is checked too; one left out is not: writers
    // often give only the time of a conversion that crosses midnight.
    const datedHere = (point: TimePoint) => (point.date && point.date.start >= w.to && point.ymd ? point.ymd : undefined);
    const pairs: { from: TimeMention; millis?: number; to: TimePoint }[] = [{ from: w.start.time, millis: w.startMillis, to: c.start }];
    if (w.end && c.end) pairs.push({ from: w.end.time, millis: w.endMillis, to: c.end });
    const wrong = (iana: string, cIana = c.iana!) =>
      pairs.find(({ millis, to }) => {
        const time = to.time;
        if (millis === undefined || time.hour24 === undefined) return false;
        const there = wallClock(cIana, inZone(millis, w, iana));
        const day = datedHere(to);
        if (day && (there.year !== day.year || there.month !== day.month || there.day !== day.day)) return true;
        return there.hour !== time.hour24 % 24 || there.minute !== time.minute || (time.second !== undefined && there.second !== time.second);
      });
    const readings = w.zone && isAmbiguous(w.zone) ? w.zone.candidates.map((x) => x.iana) : [w.iana];
    // The conversion's zone may be the ambiguous one: "14:00 UTC (19:30 IST)" is India's.
    const cReadings = isAmbiguous(cZone) ? cZone.candidates.map((x) => x.iana) : [c.iana];
    if (readings.some((iana) => cReadings.some((cIana) => !wrong(iana, cIana)))) continue;
    const bad = wrong(w.iana)!;
    const local = wallClock(w.iana, bad.millis!);
    const there = wallClock(c.iana, bad.millis!);
    // "HH:mm", or "HH:mm:ss" where the conversion writes seconds.
    const format = (t: { hour: number; minute: number; second: number }) =>
      `${pad(t.hour)}:${pad(t.minute)}${bad.to.time.second === undefined ? '' : `:${pad(t.second)}`}`;
    const zoneText = w.zone?.text ?? w.iana;
    const name = offsetName(w.iana, bad.millis!);
    const note = name === zoneText.toUpperCase() ? '' : ` (${w.iana} is on ${name} that day)`;
    const day = datedHere(bad.to);
    const written = day
      ? `${bad.to.date!.text.trim()} ${doc.text.slice(bad.to.time.start, bad.to.time.end)}`
      : doc.text.slice(bad.to.time.start, bad.to.time.end);
    const converted = day ? `${describeYmd(there)} ${format(there)}` : format(there);
    report(
      doc.lines.range(c.from, c.to),
      `"${written} ${cZone.text}" is not "${doc.text.slice(bad.from.start, bad.from.end)} ${zoneText}": on ${describeYmd(local)}, ${format(local)} ${zoneText} is ${converted} ${cZone.text}${note}. Correct the conversion or the time.`,
    );
  }
  return conversions;
}

export const mixedTimeZones: Rule = {
  code: 'RCA206',
  name: 'mixed-time-zones',
  description: 'The timeline gives times in different zones without converting them to one, or a conversion in parentheses gives another moment.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    // A conversion in parentheses ("09:55 (13:55 UTC)") is checked for its moment, not counted as a second zone.
    const conversions = checkConversions(a, (range, message) => report({ range, message }));
    // Times that cannot exist (RCA208) have no instant, so no offset to compare.
    const written = a.windows.filter(
      (w) =>
        w.section === a.timelineIndex &&
        a.timelineIndex >= 0 &&
        w.iana &&
        w.zone &&
        !w.zone.vague &&
        w.startMillis !== undefined &&
        !conversions.has(w) &&
        (w.zoneSource === 'own' || w.zoneSource === 'sentence' || w.zoneSource === 'lead'),
    );
    if (written.length < 2) return;
    const first = written[0];
    for (const w of written.slice(1)) {
      if (sameZone(first, w)) continue;
      // A conversion next to it ("10:00 CDT (15:00 UTC)") or a sentence of its own instances (another region) is fine.
      const sameSentence = written.filter((x) => x.sentence === w.sentence);
      if (sameSentence.some((x) => sameZone(first, x))) continue;
      // The moment of a time before it in the same entry, in another zone: a conversion written further on ("10:41 —
      // alert fires; on-call begins (05:11 UTC)"), not a second zone.
      if (a.windows.some((x) => x.from < w.from && x.sentence.block === w.sentence.block && x.startMillis === w.startMillis)) continue;
      const mine = instanceKey(w.sentence.text, a.instancePrefixes);
      if (mine && mine !== instanceKey(first.sentence.text, a.instancePrefixes)) continue;
      report({
        range: doc.lines.range(w.from, w.to),
        // Every entry in the same other zone is one slip.
        sameMistake: w.zone!.text.toLowerCase(),
        message: `"${doc.text.slice(w.from, w.to)}" is in ${w.zone!.text}, but the timeline's first times are in ${first.zone!.text}; give every time in one zone, or add the conversion.`,
      });
    }
  },
};
