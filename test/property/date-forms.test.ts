import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { findDates, MONTH_NAMES, WEEKDAY_NAMES } from '../../server/src/engine/time/dates';
import { formatLike, ordinal } from '../../server/src/engine/time/format';
import { decideNumericOrder } from '../../server/src/engine/time/numeric-order';
import { rca, timeFindings } from '../unit/time/helpers';
import { parameters, runs } from './arbitraries';

/** A day that exists, 2000-2035. */
const ymd = fc
  .record({ year: fc.integer({ min: 2000, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => DateTime.utc(year, month, day).isValid);

const pad = (n: number) => String(n).padStart(2, '0');
const read = (text: string) => findDates(text).dates.map((d) => ({ year: d.year, month: d.month, day: d.day, text: d.text }));

describe('dates round-trip through extraction', () => {
  it('ISO dates and date-times', () => {
    fc.assert(
      fc.property(ymd, fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))), (d, time) => {
        const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
        const text = `Seen at ${date}${time ? `T${pad(time[0])}:${pad(time[1])}:00Z` : ''} by the monitor.`;
        assert.deepEqual(read(text), [{ ...d, text: date }]);
      }),
      parameters(runs(2000)),
    );
  });

  it('numeric dates, in either order, once the order is known; written back the same way', () => {
    const options = fc.record({
      dayFirst: fc.boolean(),
      sep: fc.constantFrom('/', '-'),
      padded: fc.boolean(),
      shortYear: fc.boolean(),
    });
    fc.assert(
      fc.property(ymd, options, (d, o) => {
        const number = (n: number) => (o.padded ? pad(n) : String(n));
        const year = o.shortYear ? pad(d.year % 100) : String(d.year);
        const text = [...(o.dayFirst ? [d.day, d.month] : [d.month, d.day]).map(number), year].join(o.sep);
        const { dates } = findDates(`The batch of ${text} failed.`);
        decideNumericOrder(dates, o.dayFirst ? 'day-first' : 'month-first');
        assert.equal(dates.length, 1, text);
        const [found] = dates;
        assert.deepEqual({ year: found.year, month: found.month, day: found.day }, { year: d.year, month: d.month, day: d.day }, text);
        assert.equal(found.numeric?.decided, true);
        assert.equal(formatLike(d, found.style, true), text);
      }),
      parameters(runs(2000)),
    );
  });

  it('numeric dates that show their order need no setting, and one that reads two ways stays undecided', () => {
    fc.assert(
      fc.property(ymd, (d) => {
        const text = `${pad(d.month)}/${pad(d.day)}/${d.year}`;
        const { dates } = findDates(text);
        decideNumericOrder(dates, '');
        assert.equal(dates[0].numeric?.decided, d.day > 12 || d.day === d.month);
        if (dates[0].numeric?.decided) assert.deepEqual([dates[0].month, dates[0].day], [d.month, d.day]);
      }),
      parameters(runs(2000)),
    );
  });

  it('written dates: month or day first, long or short month, ordinal, weekday', () => {
    const options = fc.record({ dayFirst: fc.boolean(), short: fc.boolean(), ordinal: fc.boolean(), weekday: fc.boolean(), year: fc.boolean() });
    fc.assert(
      fc.property(ymd, options, (d, o) => {
        const month = o.short ? MONTH_NAMES[d.month - 1].slice(0, 3) : MONTH_NAMES[d.month - 1];
        const day = o.ordinal ? ordinal(d.day) : String(d.day);
        let date = o.dayFirst ? `${day} ${month}` : `${month} ${day}`;
        if (o.year) date += o.dayFirst ? ` ${d.year}` : `, ${d.year}`;
        if (o.weekday) date = `${WEEKDAY_NAMES[DateTime.utc(d.year, d.month, d.day).weekday - 1]} ${date}`;
        const found = read(`It began on ${date} and ended later.`);
        assert.deepEqual(found, [{ year: o.year ? d.year : undefined, month: d.month, day: d.day, text: date }], date);
      }),
      parameters(runs(2000)),
    );
  });

  it('lists and ranges of days: every day is read, with the month and year written once', () => {
    const days = fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 2, maxLength: 4 }).map((list) => list.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 12 }), days, fc.boolean(), (year, month, list, range) => {
        const shown = range ? [list[0], list[list.length - 1]] : list;
        const written = range ? `${shown[0]}-${shown[1]}` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
        const found = read(`Errors on ${MONTH_NAMES[month - 1]} ${written}, ${year} were seen.`);
        assert.deepEqual(
          found.map((f) => [f.year, f.month, f.day]),
          shown.map((day) => [year, month, day]),
          written,
        );
      }),
      parameters(runs(2000)),
    );
  });
});

describe('conversions', () => {
  const zones = fc.constantFrom(
    { iana: 'America/Chicago', phrase: 'Chicago time' },
    { iana: 'America/New_York', phrase: 'New York time' },
    { iana: 'Europe/Berlin', phrase: 'Berlin time' },
    { iana: 'Asia/Tokyo', phrase: 'Tokyo time' },
    { iana: 'Asia/Shanghai', phrase: 'Beijing time' },
  );
  const written = (d: { year: number; month: number; day: number }) => `${MONTH_NAMES[d.month - 1]} ${d.day}, ${d.year}`;
  const report = (date: string, line: string) =>
    rca({
      title: `NA01 - RCA - ${date}`,
      intro: `This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on ${date}.`,
      timeline: `- ${line}: the service stopped answering.`,
    });
  const entry = (text: string) => text.split('\n').find((line) => line.startsWith('- '));

  it('a correct conversion to another zone is never flagged, and one an hour off always is, in each written form', () => {
    // "(…)", "= …" and ", i.e. …": 12:00-14:59 UTC is the same day in each of these zones, so no date is needed.
    const forms = fc.constantFrom(
      (c: string) => ` (${c})`,
      (c: string) => ` = ${c}`,
      (c: string) => `, i.e. ${c}`,
    );
    fc.assert(
      fc.property(ymd, fc.integer({ min: 12 * 60, max: 15 * 60 - 1 }), zones, forms, (d, minutes, zone, form) => {
        const utc = DateTime.utc(d.year, d.month, d.day, Math.floor(minutes / 60), minutes % 60);
        const line = (local: DateTime) => `${written(d)}, ${utc.toFormat('HH:mm')} UTC${form(`${local.toFormat('HH:mm')} ${zone.phrase}`)}`;
        const right = report(written(d), line(utc.setZone(zone.iana)));
        assert.deepEqual(
          timeFindings(right).map((f) => `${f.code} ${f.message}`),
          [],
          entry(right),
        );
        const wrong = report(written(d), line(utc.setZone(zone.iana).plus({ hours: 1 })));
        assert.deepEqual(
          timeFindings(wrong).map((f) => f.code),
          ['RCA206'],
          entry(wrong),
        );
      }),
      // Two whole checks a case: 500 cases cover every zone on a few hundred days, in seconds rather than minutes.
      parameters(Math.min(runs(), 500)),
    );
  });

  it('a conversion that repeats the date is checked for its day too, at any hour', () => {
    fc.assert(
      fc.property(ymd, fc.integer({ min: 0, max: 24 * 60 - 1 }), zones, fc.boolean(), (d, minutes, zone, dateFirst) => {
        const utc = DateTime.utc(d.year, d.month, d.day, Math.floor(minutes / 60), minutes % 60);
        const local = utc.setZone(zone.iana);
        const conversion = (day: DateTime) => {
          const date = written({ year: day.year, month: day.month, day: day.day });
          return dateFirst ? `(${date} ${local.toFormat('HH:mm')} ${zone.phrase})` : `(${local.toFormat('HH:mm')} ${zone.phrase} on ${date})`;
        };
        const right = report(written(d), `${written(d)}, ${utc.toFormat('HH:mm')} UTC ${conversion(local)}`);
        assert.deepEqual(
          timeFindings(right).map((f) => `${f.code} ${f.message}`),
          [],
          entry(right),
        );
        const wrong = report(written(d), `${written(d)}, ${utc.toFormat('HH:mm')} UTC ${conversion(local.plus({ days: 1 }))}`);
        assert.deepEqual(
          timeFindings(wrong).map((f) => f.code),
          ['RCA206'],
          entry(wrong),
        );
      }),
      parameters(Math.min(runs(), 500)),
    );
  });
});
