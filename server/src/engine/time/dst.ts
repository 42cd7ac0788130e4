import { isDst, offsetAt, type ZoneSeason } from './zones';

/**
 * Wall-clock readings around a clock change. On the night the clocks go back a local time such as 1:30 AM repeats
 * (first with the daylight offset, then with the standard one); on the night they go forward a local time such as
 * 2:30 AM does not exist. Luxon resolves a repeated time by a guess that depends on today's offset; the engine
 * instead lets a written abbreviation (CDT, CST, CEST, AEDT…) choose the reading, and otherwise takes the earliest,
 * keeping the other one for the rules that can use it to make a timeline consistent.
 */

const DAY = 86_400_000;

/**
 * Every instant that a wall-clock reading (`local`: the reading's digits as if in UTC) can mean in `iana`, earliest
 * first, looking for clock changes within a day of `near` (an instant close to it). Empty when the clocks skipped it.
 */
export function readingsOf(local: number, near: number, iana: string): number[] {
  if (iana === 'UTC' || /^UTC[+-]/.test(iana)) return [near];
  // The offsets a day either side, probed at whole UTC days so that every time of a timeline shares them (an offset
  // is an Intl call): the same offset both sides means no clock change near, and one reading.
  const day = Math.floor(near / DAY) * DAY;
  const before = offsetAt(iana, day - DAY);
  const after = offsetAt(iana, day + 2 * DAY);
  if (before === after) return [near];
  const readings: number[] = [];
  for (const o of new Set([before, after])) {
    const t = local - o * 60_000;
    if (offsetAt(iana, t) === o && !readings.includes(t)) readings.push(t);
  }
  return readings.sort((x, y) => x - y);
}

export interface WallReading {
  /** The instant the time is read as. */
  millis: number;
  /** Every instant the time can mean, earliest first, when its wall time repeats and no written zone settles which. */
  readings?: number[];
  /** The time does not exist in the zone that day: the clocks went forward past it by this many minutes. */
  skipped?: number;
}

/**
 * Resolves one wall-clock reading in `iana`: `local` is its digits as if in UTC, `millis` the instant Luxon reads it
 * as. A season (from an abbreviation or a Standard/Daylight name) picks the reading with that offset; `fixed` says the
 * season is the time's own zone ("1:30 AM CDT"), so no other reading is kept. Without a season the earliest reading
 * is taken (the first pass of a repeated hour). A time that does not exist, or one whose season matches no reading,
 * keeps Luxon's reading.
 */
export function resolveWallClock(local: number, millis: number, iana: string, season: ZoneSeason | undefined, fixed: boolean): WallReading {
  const readings = readingsOf(local, millis, iana);
  if (readings.length === 0) return { millis, skipped: Math.abs(offsetAt(iana, millis + DAY) - offsetAt(iana, millis - DAY)) || undefined };
  if (readings.length < 2) return { millis: readings[0] };
  const seasonal = season === 'daylight' || season === 'standard' ? readings.find((r) => isDst(iana, r) === (season === 'daylight')) : undefined;
  if (seasonal !== undefined && fixed) return { millis: seasonal };
  return { millis: seasonal ?? readings[0], readings };
}
