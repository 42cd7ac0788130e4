import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCompactTimes, findDottedTimes } from '../../../server/src/engine/time/dotted-times';
import { zoneTable } from '../../../server/src/engine/time/zones';

const read = (text: string) => findDottedTimes(text, 0, zoneTable().find(text)).map((t) => [t.text, t.hour24]);

describe('dotted times', () => {
  it('reads a dotted time with its zone, its AM/PM, or "hrs" where an entry or a word of time leads it', () => {
    assert.deepEqual(read('At 09.12 GMT the queue grew.'), [['09.12', 9]]);
    assert.deepEqual(read('14.05 CET: rollback'), [['14.05', 14]]);
    assert.deepEqual(read('The alert fired at 9.15am and at 2.40 p.m.'), [
      ['9.15am', 9],
      ['2.40 p.m.', 14],
    ]);
    assert.deepEqual(read('at 14.05 hrs'), [['14.05', 14]]);
    assert.deepEqual(read('| 14.05 hrs | The service times out.'), [['14.05', 14]]);
    assert.deepEqual(read('US/Eastern from 10.15 US/Eastern'), [['10.15', 10]]);
  });

  it('reads both ends of a range one end of which is read', () => {
    assert.deepEqual(read('between 09.12 and 10.47 GMT'), [
      ['09.12', 9],
      ['10.47', 10],
    ]);
    assert.deepEqual(read('from 09.12 GMT until 10.47.'), [
      ['09.12', 9],
      ['10.47', 10],
    ]);
    assert.deepEqual(read('09.12-10.47 BST'), [
      ['09.12', 9],
      ['10.47', 10],
    ]);
  });

  it('leaves dates, versions, decimals, amounts and durations alone', () => {
    for (const text of [
      'On 07.12.2026 the job failed.',
      'We upgraded to v2.14.05 and then 1.2.22 UTC.',
      'Version 10.12 UTC build was deployed.',
      'Latency rose from 0.25 to 0.95 ms.',
      'The outage cost £14.05 GMT customers.',
      'It lasted 10.50 hrs; after 10.50 hrs it was back.',
      'The offset is UTC+5.30, GMT-3.30 and 25.10 GMT is no time.',
      'between 1.13 and 1.14',
      'In 14.30 pm the fix was made.',
    ]) {
      assert.deepEqual(read(text), [], text);
    }
  });
});

const readCompact = (text: string) => findCompactTimes(text, 0, zoneTable().find(text)).map((t) => [t.text, t.hour24]);

describe('four-digit times', () => {
  it('reads four digits with a zone, a Z written onto them, or "hrs" where an entry or a word of time leads them', () => {
    assert.deepEqual(readCompact('The incident was closed at 1405Z.'), [['1405', 14]]);
    assert.deepEqual(readCompact('Bookings failed from 0930 UTC.'), [['0930', 9]]);
    assert.deepEqual(readCompact('at 1405 hrs'), [['1405', 14]]);
    assert.deepEqual(readCompact('| 2310 hrs | Duty manager informed.'), [['2310', 23]]);
  });

  it('reads both ends of a range one end of which is read', () => {
    assert.deepEqual(readCompact('0930-1120 UTC: all bookings failed'), [
      ['0930', 9],
      ['1120', 11],
    ]);
    assert.deepEqual(readCompact('between 0930 and 1120 UTC on 16 June 2026'), [
      ['0930', 9],
      ['1120', 11],
    ]);
  });

  it('leaves years, counts, codes, amounts and numbers alone', () => {
    for (const text of [
      'In 2026 the renewal reminder went to a closed mailbox.',
      'About 1500 requests failed; 340 patients retried.',
      'The gateway returned its own error code 5030 to the tool, and HTTP 1405 UTC clients saw it.',
      'Room 1405 GMT office, ticket #1405 UTC, INC-1405 UTC, version 1405 UTC, £1405 GMT.',
      'It ran for 1405 hrs in total; after 1200 hrs it was restarted.',
      'Revenue of 2015 UTC customers and the year 2024 GMT.',
      '2026-06-16 and 16.06.2026 and 1.1405 UTC and +1405 offset.',
      '2460 UTC and 1275 UTC are no clock.',
    ]) {
      assert.deepEqual(readCompact(text), [], text);
    }
  });
});
