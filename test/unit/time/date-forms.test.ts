import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseHeading } from '../../../server/src/engine/headings';
import { findDates } from '../../../server/src/engine/time/dates';
import { decideNumericOrder } from '../../../server/src/engine/time/numeric-order';

const read = (text: string) => findDates(text).dates.map((d) => [d.text, d.year, d.month, d.day]);

describe('date lists, ranges and numeric dates', () => {
  it('reads lists and ranges of days, each day a date', () => {
    assert.deepEqual(read('May 6-8, 2025'), [
      ['May 6', 2025, 5, 6],
      ['8', 2025, 5, 8],
    ]);
    assert.deepEqual(read('on 3, 5 and 9 March 2022'), [
      ['3', 2022, 3, 3],
      ['5', 2022, 3, 5],
      ['9 March', 2022, 3, 9],
    ]);
  });

  it('leaves counts, clocks, versions and addresses alone', () => {
    assert.deepEqual(read('On March 3, 5 servers failed'), [['March 3', undefined, 3, 3]]);
    assert.deepEqual(read('May 6 and 8 engineers joined'), [['May 6', undefined, 5, 6]]);
    assert.deepEqual(read('from 6 to 8 PM on May 2'), [['May 2', undefined, 5, 2]]);
    assert.deepEqual(read('version 1.2.22 on 10.0.0.12, build 3.14.2019'), []);
  });

  it('a long run that is no list fails in linear time', () => {
    const started = performance.now();
    for (const text of [`May ${'1, '.repeat(5000)}x`, `May ${'1 and 2 to '.repeat(3000)}`, `${'1-'.repeat(5000)}May`]) findDates(text);
    // Exponential backtracking took minutes on 40 repetitions; linear work takes milliseconds on thousands.
    assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
  });
});

describe('the order of a numeric date that reads two ways', () => {
  const decided = (text: string) => {
    const { dates } = findDates(text);
    decideNumericOrder(dates, '');
    const numeric = dates.find((d) => d.numeric)!;
    return numeric.numeric!.decided ? [numeric.month, numeric.day] : 'undecided';
  };

  it('is day first where the writer puts the day before each month name', () => {
    assert.deepEqual(decided('On 07/12/2026 the model of 3 December 2026 failed; due 11 Dec.'), [12, 7]);
  });

  it('stays undecided where a month name comes first, or both ways', () => {
    assert.equal(decided('On 07/12/2026 the model of December 3, 2026 failed.'), 'undecided');
    assert.equal(decided('On 07/12/2026 the model of 3 December 2026 failed; due December 11.'), 'undecided');
  });

  it('is read as the day a named date gives before the writing of other names', () => {
    assert.deepEqual(decided('On 07/12/2026 (12 July 2026) and 3 December 2026.'), [7, 12]);
  });
});

describe('timeline headings with a note', () => {
  it('dates after the name are a note; a long heading that is no note is read quickly', () => {
    assert.equal(normaliseHeading('Timeline (all times EST) 03/02/2023 - 03/20/2023'), 'timeline');
    assert.equal(normaliseHeading('Timeline: May 6-8, 2025'), 'timeline');
    assert.equal(normaliseHeading('Action Items 2024'), 'action items');
    const started = performance.now();
    normaliseHeading(`Timeline ${'1'.repeat(2000)}x`);
    // A nested quantifier took 5 s on 30 digits; one character at a time takes milliseconds on thousands.
    assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
  });
});
