import { DateTime, Settings, type Zone } from 'luxon';

/**
 * Wall-clock readings to instants, with Luxon's own arithmetic (fromObject, then plus({ days })) but without building
 * DateTime objects, and with each zone's offset at an instant asked of the platform once: a zone offset is an Intl
 * formatToParts call, the cost of the time rules on a long timeline. Same results as the Luxon calls they replace.
 */

/** Luxon's zone for a name the engine writes ("America/Chicago", "UTC", "UTC+8"), read the way Luxon reads it. */
const zones = new Map<string, Zone>();

function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    if (zones.size >= 1000) zones.clear();
    zones.set(name, (zone = DateTime.fromMillis(0, { zone: name }).zone));
  }
  return zone;
}

/** zone.offset(ts), remembered: a pure function of the zone and the instant. */
const offsets = new Map<Zone, Map<number, number>>();
let remembered = 0;

function offsetOf(zone: Zone, ts: number): number {
  if (zone.isUniversal) return zone.offset(ts);
  let byTs = offsets.get(zone);
  if (!byTs) offsets.set(zone, (byTs = new Map()));
  let offset = byTs.get(ts);
  if (offset === undefined) {
    if (++remembered > 100_000) {
      offsets.clear();
      remembered = 0;
      offsets.set(zone, (byTs = new Map()));
    }
    byTs.set(ts, (offset = ianaOffset(zone, ts)));
  }
  return offset;
}

/** Each zone's formatter, made with the options of Luxon's own (IANAZone's makeDTF), so it writes the same fields. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** What such a formatter writes: "05/31/2022 AD, 19:00:00" (the pattern of Luxon's hackyOffset). */
const FORMATTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)$/;

/** The largest instant a Date holds, in milliseconds either side of 1970. */
const MAX_MILLIS = 8.64e15;

/**
 * `zone.offset(ts)`, as Luxon's IANAZone computes it from the formatter's parts (formatToParts), but read from the
 * formatted string, whose pieces the parts are: the same fields for a third of the cost, which was most of the
 * time analysis of a report's first check in a process (each distinct instant of a timeline is one call). Anything
 * but a valid zone and a whole number of milliseconds in a Date's range, or a string of another shape, is Luxon's.
 */
function ianaOffset(zone: Zone, ts: number): number {
  if (zone.type !== 'iana' || !zone.isValid || !Number.isInteger(ts) || Math.abs(ts) > MAX_MILLIS) return zone.offset(ts);
  let formatter = formatters.get(zone.name);
  if (!formatter) {
    if (formatters.size >= 1000) formatters.clear();
    formatter = new Intl.DateTimeFormat('en-US', {
      hour12: false,
      timeZone: zone.name,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(zone.name, formatter);
  }
  const fields = FORMATTED.exec(formatter.format(ts));
  if (!fields) return zone.offset(ts);
  const year = fields[4] === 'BC' ? -Math.abs(Number(fields[3])) + 1 : Number(fields[3]);
  const hour = Number(fields[5]);
  const asUTC = localTimestamp(year, Number(fields[1]), Number(fields[2]), hour === 24 ? 0 : hour, Number(fields[6]), Number(fields[7]), 0);
  const over = ts % 1000;
  return (asUTC - (ts - (over >= 0 ? over : 1000 + over))) / (60 * 1000);
}

/**
 * `DateTime.fromMillis(millis, { zone: name }).offset`, from the offsets remembered for wallClockMillis: where that
 * DateTime is valid (a valid zone, an instant whose wall clock there a Date still holds), it is the zone's offset.
 */
export function zoneOffsetAt(name: string, millis: number): number {
  const zone = zoneOf(name);
  if (zone.isValid && Math.abs(millis) < MAX_MILLIS - 86_400_000) return offsetOf(zone, millis);
  return DateTime.fromMillis(millis, { zone: name }).offset;
}

const nowByZone = new Map<Zone, { minute: number; offset: number }>();

/** Luxon's first guess of an offset: the zone's offset now (asked again each minute). */
function offsetNow(zone: Zone): number {
  const now = Settings.now();
  const minute = Math.floor(now / 60_000);
  let cached = nowByZone.get(zone);
  if (!cached || cached.minute !== minute) {
    if (nowByZone.size >= 1000) nowByZone.clear();
    nowByZone.set(zone, (cached = { minute, offset: zone.offset(now) }));
  }
  return cached.offset;
}

/** Luxon's fixOffset: the instant of a local timestamp, starting from a guessed offset. */
function fixOffset(localTS: number, o: number, zone: Zone): [number, number] {
  let utcGuess = localTS - o * 60 * 1000;
  const o2 = offsetOf(zone, utcGuess);
  if (o === o2) return [utcGuess, o];
  utcGuess -= (o2 - o) * 60 * 1000;
  const o3 = offsetOf(zone, utcGuess);
  if (o2 === o3) return [utcGuess, o2];
  return [localTS - Math.min(o2, o3) * 60 * 1000, Math.max(o2, o3)];
}

/** Luxon's objToLocalTS. */
function localTimestamp(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  let d = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (year < 100 && year >= 0) {
    const date = new Date(d);
    date.setUTCFullYear(year, month - 1, day);
    d = +date;
  }
  return d;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Luxon's daysInMonth. */
function daysInMonth(year: number, month: number): number {
  const modMonth = ((((month - 1) % 12) + 12) % 12) + 1;
  const modYear = year + (month - modMonth) / 12;
  if (modMonth === 2) return isLeapYear(modYear) ? 29 : 28;
  return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][modMonth - 1];
}

const between = (n: number, low: number, high: number) => Number.isInteger(n) && n >= low && n <= high;

/** Luxon's hasInvalidGregorianData, negated. */
function validDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && between(month, 1, 12) && between(day, 1, daysInMonth(year, month));
}

/**
 * `DateTime.fromObject({ year, month, day, hour, minute, second }, { zone }).plus({ days }).toMillis()`, or undefined
 * where that DateTime is invalid.
 */
export function wallClockMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  days: number,
  zoneName: string,
): number | undefined {
  const zone = zoneOf(zoneName);
  if (!zone.isValid || !validDate(year, month, day)) return undefined;
  if (!between(hour, 0, 23) || !between(minute, 0, 59) || !between(second, 0, 59)) return undefined;
  const [ts, o] = fixOffset(localTimestamp(year, month, day, hour, minute, second, 0), offsetNow(zone), zone);
  // plus({ days }): the local reading of that instant, moved by whole days, read again in the zone.
  const c = new Date(ts + o * 60 * 1000);
  const cYear = c.getUTCFullYear();
  const cMonth = c.getUTCMonth() + 1;
  const local = localTimestamp(
    cYear,
    cMonth,
    Math.min(c.getUTCDate(), daysInMonth(cYear, cMonth)) + days,
    c.getUTCHours(),
    c.getUTCMinutes(),
    c.getUTCSeconds(),
    c.getUTCMilliseconds(),
  );
  return fixOffset(local, o, zone)[0];
}

/** Whether `DateTime.fromObject({ year, month, day }, ...)` is valid as a date: the fast path of addDays. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return validDate(year, month, day);
}
