import { addDays, toMillis, type Ymd } from './calendar';
import { resolveWallClock, type WallReading } from './dst';
import type { TimeMention } from './dates';
import type { TimePoint, TimeWindow } from './window';
import type { ZoneMatch } from './zones';

/**
 * A point's instant in `iana`, with the reading of a repeated wall time (the night the clocks go back) chosen by the
 * season of the point's own zone ("1:30 AM CDT": fixed), else of the window's zone (preferred), else the earliest.
 */
function readPoint(w: TimeWindow, point: TimePoint, ymd: Ymd, iana: string): WallReading | undefined {
  const own = point.ownZone?.iana === iana ? point.ownZone : undefined;
  const season = own ? own.season : w.zone?.iana === iana ? w.zone.season : undefined;
  const t = point.time;
  // What decides the reading, as one number (a string built per point cost as much as the reading): a timeline of
  // thousands of entries reads the same few wall times again and again.
  const day = (ymd.year * 100 + ymd.month) * 100 + ymd.day;
  const time = t.hour24 === undefined ? -1 : (t.hour24 * 60 + t.minute) * 61 + (t.second ?? 60);
  const key = ((day * 100_000 + time + 1) * 4 + SEASONS.indexOf(season)) * 2 + (own ? 1 : 0);
  let inZone = readings.get(iana);
  if (!inZone) readings.set(iana, (inZone = new Map()));
  if (inZone.has(key)) return inZone.get(key);
  const reading = computeReading(ymd, t, iana, season, own !== undefined);
  if (inZone.size >= 4096) inZone.clear();
  inZone.set(key, reading);
  return reading;
}

const SEASONS = [undefined, 'any', 'standard', 'daylight'] as const;

/** The readings made lately, by zone and what decides them (readPoint); read-only once made, so shared. */
const readings = new Map<string, Map<number, WallReading | undefined>>();

function computeReading(ymd: Ymd, t: TimeMention, iana: string, season: ZoneMatch['season'] | undefined, fixed: boolean): WallReading | undefined {
  const millis = toMillis(ymd, t, iana);
  if (millis === undefined || t.hour24 === undefined || ymd.year < 100) return millis === undefined ? undefined : { millis };
  const local = Date.UTC(ymd.year, ymd.month - 1, ymd.day, t.hour24 % 24, t.minute, t.second ?? 0) + (t.hour24 === 24 ? 86_400_000 : 0);
  return resolveWallClock(local, millis, iana, season, fixed);
}

/**
 * "From 2:00 AM EDT to 1:00 AM EST": one instant in the two seasons' own abbreviations, the night the clocks go back,
 * tells the change itself; a range that starts and ends at one instant in one zone is still written backwards.
 */
function clockChangeTold(w: TimeWindow): boolean {
  const from = w.start.ownZone;
  const to = w.end?.ownZone;
  return from !== undefined && to !== undefined && from.season !== to.season && from.season !== 'any' && to.season !== 'any';
}

/** Whether a range's one date is written after its end ("from 23:52 to 01:25 UTC on December 4"), for both its ends. */
function dateAfterRange(w: TimeWindow): boolean {
  const date = w.start.date;
  if (!date || !w.end || (w.end.date && w.end.date !== date)) return false;
  return date.start >= (w.end.ownZone?.end ?? w.end.time.end);
}

/**
 * The instants a window means, from its points' days and its zones. A range that ends before it starts is marked
 * backwards, and its end moved to the next day when no date was written for it ("from 23:40 until 00:20").
 */
export function computeInstants(w: TimeWindow): void {
  // Without a zone, instants are computed as if in UTC: differences and order still hold.
  const iana = w.iana ?? 'UTC';
  const setStart = (reading: WallReading | undefined) => {
    w.startMillis = reading?.millis;
    w.start.readings = reading?.readings;
    w.start.skipped = reading?.skipped;
  };
  if (w.start.ymd) setStart(readPoint(w, w.start, w.start.ymd, iana));
  if (!w.end || !w.end.ymd) return;
  const endZone = w.end.ownZone?.iana && w.end.ownZone !== w.zone ? w.end.ownZone.iana : iana;
  const startZone = w.start.ownZone?.iana ?? iana;
  const start = w.start.ymd ? readPoint(w, w.start, w.start.ymd, startZone) : undefined;
  const end = readPoint(w, w.end, w.end.ymd, endZone);
  setStart(start);
  w.endMillis = end?.millis;
  w.end.readings = end?.readings;
  w.end.skipped = end?.skipped;
  if (!start || !end) return;
  if (end.millis <= start.millis && (start.readings || end.readings)) {
    // A repeated hour without a zone that settles it: "from 1:30 AM until 1:15 AM" on the night the clocks go back is
    // 45 minutes when the end is the second 1:15. Take the shortest reading that runs forward.
    let best: [number, number] | undefined;
    for (const s of start.readings ?? [start.millis]) {
      for (const e of end.readings ?? [end.millis]) if (e > s && (!best || e - s < best[1] - best[0])) best = [s, e];
    }
    if (best) [w.startMillis, w.endMillis] = best;
  }
  if (w.startMillis === undefined || w.endMillis === undefined) return;
  if (w.endMillis <= w.startMillis && w.end.time.midnight && !w.end.date) {
    // "from 10:00 PM until midnight": the midnight that ends the day, as "until 24:00"; nothing runs past it.
    const next = addDays(w.end.ymd, 1);
    const millis = readPoint(w, w.end, next, endZone)?.millis;
    if (millis !== undefined && millis > w.startMillis) {
      w.end.ymd = next;
      w.endMillis = millis;
      w.end.readings = undefined;
      return;
    }
  }
  if (w.endMillis < w.startMillis || (w.endMillis === w.startMillis && !clockChangeTold(w))) {
    if (dateAfterRange(w) && w.start.ymd) {
      // "23:52 UTC to 01:25 UTC on December 4": a date written once after a range that runs past midnight is the
      // end's day, and the start is on the day before; as for a range read across midnight (RCA207), only for a
      // range of the same clock at both ends and 12 hours at most ("between 1120 and 0930" is written end first).
      const previous = addDays(w.start.ymd, -1);
      const millis = readPoint(w, w.start, previous, startZone)?.millis;
      const sameClock = Boolean(w.start.time.meridiem) === Boolean(w.end.time.meridiem);
      if (millis !== undefined && millis < w.endMillis && w.endMillis - millis <= 12 * 3_600_000 && sameClock) {
        w.start.ymd = previous;
        w.startMillis = millis;
        w.start.readings = undefined;
        return;
      }
    }
    w.backwards = true;
    if (!w.end.date) {
      const next = addDays(w.end.ymd, 1);
      const millis = readPoint(w, w.end, next, endZone)?.millis;
      if (millis !== undefined && millis > w.startMillis) {
        w.nextDay = true;
        w.end.ymd = next;
        w.endMillis = millis;
        w.end.readings = undefined;
      }
    }
  }
}
