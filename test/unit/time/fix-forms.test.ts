import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, fixed, rca } from './helpers';
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

  it('RCA209 writes the 12-hour end of a mixed-clocks range in 24-hour form, and the range is then clean', () => {
    const text = rca({
      title: 'EU02 - RCA - May 8, 2024',
      intro: 'This RCA covers the Alma interruption on May 8, 2024.',
      timeline: 'Customers served by the EU02 instance from May 8, 2024 22:50 until May 9, 2024 01:35 AM CEST.',
    });
    const after = fixed(text, 'RCA209');
    assert.match(after, /22:50 until May 9, 2024 01:35 CEST/);
    assert.deepEqual(codes(after), []);
  });

  it('RCA208 writes a mistyped date in the standard form, and an impossible ordinal without its suffix', () => {
    const text = rca({
      title: 'NA01 - RCA - June 21, 2019',
      intro: 'This RCA covers the Alma interruption on June 21th, 2019.',
      timeline: 'Customers served by the NA01 instance on June 21, 2019 from 10:00 until 11:00 CDT.',
      body: 'The certificate was renewed on Sep/09/2018.',
    });
    const once = fixed(text, 'RCA208');
    assert.match(once, /on June 21, 2019\./);
    assert.match(fixed(text, 'RCA208', {}, 1), /on June 21st, 2019\./);
    const twice = fixed(once, 'RCA208');
    assert.match(twice, /renewed on September 9, 2018\./);
    assert.deepEqual(codes(twice), []);
  });
});
