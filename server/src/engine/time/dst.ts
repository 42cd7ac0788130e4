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
  if (fixed && readings.length > 0 && (season === 'daylight' || season === 'standard') && !readings.some((r) => isDst(iana, r) === (season === 'daylight'))) {
    // "2:00 AM EDT to 1:00 AM EST" tells the change itself: the last instant of EDT, though the clocks never show
    // 2:00 AM EDT. Any other time in the wrong season keeps its reading, for RCA205 to report.
    const offset = seasonOffsetNear(millis, iana, season === 'daylight');
    const literal = offset === undefined ? undefined : local - offset * 60_000;
    if (literal !== undefined && offsetAt(iana, literal - 1) === offset) return { millis: literal };
  }
  if (readings.length === 0) return { millis, skipped: Math.abs(offsetAt(iana, millis + DAY) - offsetAt(iana, millis - DAY)) || undefined };
  if (readings.length < 2) return { millis: readings[0] };
  const seasonal = season === 'daylight' || season === 'standard' ? readings.find((r) => isDst(iana, r) === (season === 'daylight')) : undefined;
  if (seasonal !== undefined && fixed) return { millis: seasonal };
  return { millis: seasonal ?? readings[0], readings };
}

/** The offset a zone has in daylight or standard time around a clock change within a day of `near`; none without one. */
function seasonOffsetNear(near: number, iana: string, daylight: boolean): number | undefined {
  const day = Math.floor(near / DAY) * DAY;
  const before = offsetAt(iana, day - DAY);
  const after = offsetAt(iana, day + 2 * DAY);
  if (before === after) return undefined;
  if (isDst(iana, day - DAY) === daylight) return before;
  return isDst(iana, day + 2 * DAY) === daylight ? after : undefined;
}

/**
 * Whether a time written with a season's abbreviation fits it as the night of a clock change is told: at the very
 * instant the old season ends ("clocks went back at 2:00 AM EDT"), or, in a sentence about the change
 * (`toldChange`), in the hour the clocks skipped ("the backup was due at 02:30 CET, a time that did not exist"),
 * where the other season's abbreviation would name a time that did not happen either. An event logged in that hour
 * ("2:30 AM CST: failover") is still one.
 */
export function seasonFitsClockChange(iana: string, millis: number, daylight: boolean, toldChange: boolean): boolean {
  const offset = seasonOffsetNear(millis, iana, daylight);
  if (offset === undefined) return false;
  if (offsetAt(iana, millis - 1) === offset) return true;
  return toldChange && readingsOf(millis + offset * 60_000, millis, iana).length === 0;
}

/** Words of a sentence that tells the clock change itself. */
export const CLOCK_CHANGE_WORDS = /\bclocks?\b|\bdaylight[- ]saving|\bDST\b|\bskip(?:s|ped)?\b|\b(?:not|never)\s+(?:exist|happen)/i;
