import { isAmbiguous } from './ambiguous';
import type { TimeWindow } from './window';
import { computeInstants } from './window-instants';
import { wallClock, type ZoneMatch } from './zones';

/**
 * An ambiguous abbreviation that nothing else in the report settles is settled by a conversion into it: "14:00 UTC
 * (19:30 IST)", or an "IST" column beside a UTC one, is India's time, the one reading in which 19:30 is that moment
 * (Israel's would be 17:00, Ireland's 15:00). The phrase then reads so, with every time read in it: its hover, its
 * instants, and no note that it is ambiguous (RCA204).
 */
export function settleZonesByConversions(windows: readonly TimeWindow[]): void {
  let readIn: Map<ZoneMatch, TimeWindow[]> | undefined;
  for (const c of windows) {
    const zone = c.zone;
    const original = c.conversionOf;
    const time = c.start.time;
    if (!original || !zone || !isAmbiguous(zone) || original.startMillis === undefined || time.hour24 === undefined) continue;
    if (original.zone && isAmbiguous(original.zone)) continue;
    const at = original.startMillis;
    const fits = zone.candidates.filter((candidate) => {
      const clock = wallClock(candidate.iana, at);
      return clock.hour === time.hour24! % 24 && clock.minute === time.minute;
    });
    if (!fits.length || fits.some((fit) => fit.iana !== fits[0].iana)) continue;
    const [pick] = fits;
    zone.iana = pick.iana;
    zone.season = pick.season;
    zone.candidates = [pick, ...zone.candidates.filter((candidate) => candidate !== pick)];
    (zone as ZoneMatch & { ambiguous?: boolean }).ambiguous = false;
    if (!readIn) {
      readIn = new Map();
      for (const w of windows) {
        if (!w.zone) continue;
        const list = readIn.get(w.zone);
        if (list) list.push(w);
        else readIn.set(w.zone, [w]);
      }
    }
    for (const w of readIn.get(zone) ?? []) {
      w.iana = pick.iana;
      computeInstants(w);
    }
  }
}
