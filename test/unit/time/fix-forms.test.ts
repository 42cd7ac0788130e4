import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, rca } from './helpers';
import { findDates } from '../../../server/src/engine/time/dates';
import { formatLike } from '../../../server/src/engine/time/format';

describe("fixes keep the writer's forms", () => {
  it("RCA202 adds the date to the introduction's text, never to its heading", () => {
    const text = rca({ intro: 'Thank you for your patience. Customers on NA01 could not load reading lists.' });
    const after = fixed(text, 'RCA202');
    assert.match(after, /^## Introduction$/m);
    assert.doesNotMatch(after, /## Introduction on/);
  });

  it('"May" is read as a full month name, so a replacement date is written in full', () => {
    const [may] = findDates('May 19, 2026').dates;
    assert.equal(may.style.monthForm, 'long');
    assert.equal(formatLike({ year: 2026, month: 4, day: 14 }, may.style, true), 'April 14, 2026');
  });

  it('a short weekday becomes another three-letter weekday, a full one stays full', () => {
    const [thur] = findDates('Thur, April 9, 2026').dates;
    assert.match(formatLike({ year: 2026, month: 4, day: 10 }, thur.style, true, 'Thur'), /^Fri, /);
    assert.match(formatLike({ year: 2026, month: 4, day: 10 }, thur.style, true, 'Thursday'), /^Friday, /);
  });
});
