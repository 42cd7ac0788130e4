import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, findTimes } from '../../../server/src/engine/time/dates';
import { findDurations } from '../../../server/src/engine/time/durations';
import { formatLike } from '../../../server/src/engine/time/format';
import { zoneTable } from '../../../server/src/engine/time/zones';

describe('findDates', () => {
  const cases: [string, { y?: number; m: number; d?: number; text: string }[]][] = [
    ['on April 11, 2026.', [{ y: 2026, m: 4, d: 11, text: 'April 11, 2026' }]],
    [
      'April 1st, 2020 and May 23rd',
      [
        { y: 2020, m: 4, d: 1, text: 'April 1st, 2020' },
        { m: 5, d: 23, text: 'May 23rd' },
      ],
    ],
    ['since Aug 19', [{ m: 8, d: 19, text: 'Aug 19' }]],
    ['Sept. 30, 2023', [{ y: 2023, m: 9, d: 30, text: 'Sept. 30, 2023' }]],
    ['September 05, 2022', [{ y: 2022, m: 9, d: 5, text: 'September 05, 2022' }]],
    ['May 6 ,2024', [{ y: 2024, m: 5, d: 6, text: 'May 6 ,2024' }]],
    ['May 6,2024', [{ y: 2024, m: 5, d: 6, text: 'May 6,2024' }]],
    ['on March 10th on many', [{ m: 3, d: 10, text: 'March 10th' }]],
    ['11 April 2026', [{ y: 2026, m: 4, d: 11, text: '11 April 2026' }]],
    ['2026-04-11', [{ y: 2026, m: 4, d: 11, text: '2026-04-11' }]],
    ['Tuesday, March 10, 2021', [{ y: 2021, m: 3, d: 10, text: 'Tuesday, March 10, 2021' }]],
    ['October 5, 2016 from 10:16AM', [{ y: 2016, m: 10, d: 5, text: 'October 5, 2016' }]],
    ['24/7 support, version 2.10.3, 2 hours', []],
    ['you may 6 times', []],
    ['the May 2024 release', []],
  ];
  for (const [input, expected] of cases) {
    it(input, () => {
      const found = findDates(input).dates.map((d) => ({
        ...(d.year !== undefined ? { y: d.year } : {}),
        m: d.month,
        ...(d.day !== undefined ? { d: d.day } : {}),
        text: d.text,
      }));
      assert.deepEqual(found, expected);
    });
  }
  it('keeps the writer style', () => {
    const [d] = findDates('April 1st, 2020').dates;
    assert.equal(d.style.ordinal, true);
    assert.equal(findDates('September 05').dates[0].style.padded, true);
    assert.equal(findDates('Aug 19').dates[0].style.monthForm, 'short');
  });
  it('marks impossible dates', () => {
    assert.equal(findDates('February 30, 2025').dates[0].invalid, true);
    assert.equal(findDates('February 29, 2024').dates[0].invalid, false);
    assert.equal(findDates('February 29, 2025').dates[0].invalid, true);
    assert.equal(findDates('April 31').dates[0].invalid, true);
  });
  it('reads mistyped dates as the date they mean, marked malformed', () => {
    const read = (text: string) => findDates(text).dates.map((d) => [d.text, d.year, d.month, d.day, d.malformed]);
    assert.deepEqual(read('on March 14.2019 at'), [['March 14.2019', 2019, 3, 14, true]]);
    assert.deepEqual(read('Sep/09/2018 and 09/Sep/2018'), [
      ['Sep/09/2018', 2018, 9, 9, true],
      ['09/Sep/2018', 2018, 9, 9, true],
    ]);
    assert.deepEqual(read('version 10.2019, build 3.14.2019, the 2019.3 release'), []);
  });
  it('reads a day, month name and year joined by hyphens as a date of its own form, not a slip', () => {
    const [d] = findDates('renewed on 12-Mar-2024 at noon').dates;
    assert.deepEqual([d.text, d.year, d.month, d.day, d.malformed], ['12-Mar-2024', 2024, 3, 12, undefined]);
    assert.equal(formatLike({ year: 2024, month: 3, day: 9 }, d.style, true), '09-Mar-2024');
  });
  it('reads the year first with slashes as the ISO order, and writes it back so', () => {
    const [d] = findDates('on 2024/03/13 at 10:15').dates;
    assert.deepEqual([d.text, d.year, d.month, d.day], ['2024/03/13', 2024, 3, 13]);
    assert.equal(formatLike({ year: 2024, month: 3, day: 12 }, d.style, true), '2024/03/12');
    assert.deepEqual(findDates('2024/03-13 and 2024-03/13').dates, []);
  });
  it('keeps an ordinal suffix with its offsets', () => {
    const [d] = findDates('Friday, June 21th').dates;
    assert.deepEqual(d.suffix, { start: 15, end: 17, text: 'th' });
    assert.equal(findDates('the 2th of June').dates[0].suffix?.start, 5);
  });
  it('finds month and year without a day', () => {
    assert.deepEqual(
      findDates('in April 2026').monthYears.map((m) => m.text),
      ['April 2026'],
    );
  });
});

describe('findTimes', () => {
  const cases: [string, string[], (number | undefined)[]][] = [
    ['12:14 AM until 2:27 AM.', ['12:14 AM', '2:27 AM'], [0, 2]],
    ['10:16AM until 10:23AM', ['10:16AM', '10:23AM'], [10, 10]],
    ['10:15 am to 1:05 pm', ['10:15 am', '1:05 pm'], [10, 13]],
    ['10:15 a.m. Chicago', ['10:15 a.m.'], [10]],
    ['from 05:59 until 09:23', ['05:59', '09:23'], [5, 9]],
    ['23:43:10', ['23:43:10'], [23]],
    ['at 3 pm', ['3 pm'], [15]],
    ['at noon', ['noon'], [12]],
    ['14:00 PM', ['14:00 PM'], [undefined]],
    ['21:48 AM', ['21:48 AM'], [undefined]],
    ['25:10', ['25:10'], [undefined]],
    ['10:75', ['10:75'], [undefined]],
    ['24/7, v2.10.3, 2 hours, 10 Amsterdam', [], []],
  ];
  for (const [input, texts, hours] of cases) {
    it(input, () => {
      const found = findTimes(input);
      assert.deepEqual(
        found.map((t) => t.text),
        texts,
      );
      assert.deepEqual(
        found.map((t) => t.hour24),
        hours,
      );
    });
  }
  it('reports why a time cannot exist', () => {
    assert.match(findTimes('14:00 PM')[0].problem!, /24-hour/);
    assert.match(findTimes('25:10')[0].problem!, /hour 25/);
  });
});

describe('zone phrases', () => {
  const table = zoneTable({ 'Gotham time': 'America/New_York' });
  const cases: [string, string | undefined][] = [
    ['Chicago time', 'America/Chicago'],
    ['Chicago Time Zone', 'America/Chicago'],
    ['Chicago timezone', 'America/Chicago'],
    ['Beijing time', 'Asia/Shanghai'],
    ['Singapore time zone', 'Asia/Singapore'],
    ['Amsterdam time', 'Europe/Amsterdam'],
    ['U.S. Central Time', 'America/Chicago'],
    ['US Central Time', 'America/Chicago'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['Central Daylight Time', 'America/Chicago'],
    ['Israel time', 'Asia/Jerusalem'],
    ['CST', 'America/Chicago'],
    ['CDT time', 'America/Chicago'],
    ['EDT time', 'America/New_York'],
    ['CST Time', 'America/Chicago'],
    ['PDT', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['GMT+8', 'UTC+8'],
    ['UTC-05:30', 'UTC-5:30'],
    ['America/Chicago', 'America/Chicago'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kiev'],
    ['Etc/UTC', 'UTC'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
    ['America/Port-au-Prince', 'America/Port-au-Prince'],
    ['US/Eastern', 'America/New_York'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['US/Central', 'America/Chicago'],
    ['Canada/Atlantic', 'America/Halifax'],
    ['Brazil/East', 'America/Sao_Paulo'],
    ['EST5EDT', 'America/New_York'],
    ['Gotham time', 'America/New_York'],
  ];
  for (const [phrase, iana] of cases) {
    it(phrase, () => {
      const found = table.find(`from 10:00 until 11:00 ${phrase}.`);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].text, phrase);
      assert.equal(found[0].iana, iana);
    });
  }
  it('flags phrases that map to nothing', () => {
    const [z] = zoneTable().find('until 11:00 Gotham time');
    assert.equal(z.unknown, true);
  });
  it('reads a misspelt name as a zone only right after a time: elsewhere "Asia/Pacific" is a region', () => {
    const [z] = zoneTable().find('until 11:00 America/Chicgo');
    assert.equal(z.unknown, true);
    assert.equal(z.weak, true);
  });
  it('reads a pair of abbreviations with a slash as two zones, not as a link name', () => {
    for (const [text, zones] of [
      ['All times Central Time (CST/CDT).', ['Central Time', 'CST', 'CDT']],
      ['at 10:05 PT/PDT', ['PT', 'PDT']],
      ['UTC/GMT at 10:00', ['UTC', 'GMT']],
    ] as const) {
      assert.deepEqual(
        zoneTable()
          .find(text)
          .map((z) => z.text),
        zones,
        text,
      );
    }
  });
  it('reads a pair of words that is no link name as nothing', () => {
    assert.deepEqual(zoneTable().find('over TCP/IP, Read/Write and us/eastern paths, at 10:00 Foo/Bar'), []);
  });
  it('ignores ordinary words', () => {
    for (const text of ['the response time was high', 'at the same time', 'it is est. to be', 'Primo MT NA04', 'downtime', 'et al']) {
      assert.deepEqual(
        zoneTable()
          .find(text)
          .filter((z) => !z.weak),
        [],
        text,
      );
    }
  });
  it('keeps the season of abbreviations', () => {
    assert.equal(zoneTable().find('CDT')[0].season, 'daylight');
    assert.equal(zoneTable().find('EST')[0].season, 'standard');
    assert.equal(zoneTable().find('CST')[0].candidates.length, 2);
  });
});

describe('findDurations', () => {
  const cases: [string, number, string][] = [
    ['about 3 hours', 180, 'about'],
    ['371 minutes', 371, 'exact'],
    ['2 hours and 13 minutes', 133, 'exact'],
    ['1.5 hours', 90, 'exact'],
    ['an hour and a half', 90, 'exact'],
    ['a 40-minute outage', 40, 'exact'],
    ['more than 2 hours', 120, 'over'],
  ];
  for (const [text, minutes, qualifier] of cases) {
    it(text, () => {
      const [d] = findDurations(text);
      assert.equal(d.minutes, minutes);
      assert.equal(d.qualifier, qualifier);
    });
  }
});
