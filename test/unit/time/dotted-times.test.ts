import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDottedTimes } from '../../../server/src/engine/time/dotted-times';
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
