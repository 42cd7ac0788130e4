import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { zoneOffsetAt } from '../../../server/src/engine/time/instants';

/** Luxon's offset of a zone at an instant, which zoneOffsetAt reads from Intl's formatted string instead. */
const luxonOffset = (zone: string, millis: number) => DateTime.fromMillis(millis, { zone }).offset;

describe("a zone's offset read from the formatted date", () => {
  it("is Luxon's: across clock changes, odd historical offsets, years before the common era and the edges of a Date", () => {
    const zones = [
      'America/Chicago',
      'Europe/London',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Africa/Monrovia',
      'Asia/Kolkata',
      'Europe/Amsterdam',
      'America/St_Johns',
      'US/Eastern',
      'EST5EDT',
      'Etc/GMT+5',
      'UTC',
      'UTC+8',
      'Bad/Zone',
    ];
    const instants: number[] = [];
    // Every 15 minutes of the days around 2024's clock changes in the northern and southern hemispheres.
    for (const day of [Date.UTC(2024, 2, 10), Date.UTC(2024, 2, 31), Date.UTC(2024, 3, 7), Date.UTC(2024, 9, 6), Date.UTC(2024, 9, 27), Date.UTC(2024, 10, 3)])
      for (let t = day - 86_400_000; t < day + 86_400_000; t += 15 * 60_000) instants.push(t);
    // Local mean time before the zones' standard offsets (Monrovia's was -0:43:08 in 1900), and years before the common era.
    for (const year of [1850, 1900, 1916, 1945, 1972]) instants.push(Date.UTC(year, 5, 1, 12));
    instants.push(Date.UTC(-50, 0, 1), Date.UTC(0, 6, 1), Date.UTC(99, 11, 31, 23, 59, 59));
    // Fractions of a millisecond, negative instants, the largest instants a Date holds and past them.
    instants.push(1.5, -1.5, -1, 999.9, 8.64e15, -8.64e15, 8.64e15 - 86_400_000, 8.64e15 - 86_400_001, 1e16, NaN);
    for (const zone of zones)
      for (const millis of instants) assert.ok(Object.is(zoneOffsetAt(zone, millis), luxonOffset(zone, millis)), `${zone} at ${millis}`);
  });

  it('tells the offsets a clock change sets apart', () => {
    // Chicago moves from -6:00 to -5:00 at 2 AM on March 10, 2024 (08:00 UTC).
    assert.equal(zoneOffsetAt('America/Chicago', Date.UTC(2024, 2, 10, 7, 59)), -360);
    assert.equal(zoneOffsetAt('America/Chicago', Date.UTC(2024, 2, 10, 8, 0)), -300);
    // Monrovia kept a mean time of -0:44:30 until 1972, to the second: Luxon's offsets are in minutes and their fractions.
    assert.equal(zoneOffsetAt('Africa/Monrovia', Date.UTC(1950, 0, 1)), -44.5);
  });
});
