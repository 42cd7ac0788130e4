import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine/check';
import { timeInfoAt, timelineHints } from '../../../server/src/engine/time/hover';
import { codes, rca, timeFindings } from './helpers';

/**
 * The nights the clocks change. When they go back an hour repeats: "1:30 AM CDT" and "1:30 AM CST" are an hour apart,
 * and the abbreviation says which pass is meant. When they go forward an hour is skipped: "2:30 AM" Chicago time on
 * March 8, 2026 never happened.
 */

const fallBackUs = (extra = '') =>
  rca({
    title: 'NA03 - RCA - November 2, 2025',
    intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on November 2, 2025.',
    timeline: [
      'Customers served by the NA03 instance experienced a service interruption during the following hours, Central time:',
      '',
      'November 2, 2025, from 1:30 AM CDT until 1:15 AM CST (about 45 minutes).',
      extra,
      '| Time | Event |',
      '|------|-------|',
      '| 1:30 AM CDT | Alerts |',
      '| 1:05 AM CST | Failover |',
      '| 1:15 AM CST | Restored |',
    ].join('\n'),
  });

describe('the night the clocks go back', () => {
  it('reads "1:30 AM CDT until 1:15 AM CST" as 45 minutes, in season, in order', () => {
    assert.deepEqual(codes(fallBackUs(), {}, true), []);
  });

  it('measures a wrong stated duration against those instants', () => {
    const found = timeFindings(fallBackUs('\nThe outage lasted 2 hours.\n'));
    assert.deepEqual(
      found.map((d) => d.code),
      ['RCA213'],
    );
    assert.match(found[0].message, /gives 45 min\./);
  });

  it('shows the instants of the abbreviations in hints and hovers', () => {
    const text = fallBackUs();
    const { doc } = checkText(text);
    const hints = timelineHints(doc);
    assert.deepEqual(
      hints.map((h) => h.label),
      ['45 min · 06:30–07:15 UTC'],
    );
    const info = timeInfoAt(doc, text.indexOf('1:30 AM CDT until') + 1)!;
    assert.match(info, /01:30 CDT → .*01:15 CST/);
  });

  it('still reports an abbreviation the clocks do not show that night', () => {
    const text = rca({
      title: 'NA03 - RCA - November 2, 2025',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on November 2, 2025.',
      timeline: 'Customers served by the NA03 instance experienced a service interruption on November 2, 2025, from 12:40 AM CDT until 3:15 AM CDT.',
    });
    const found = timeFindings(text);
    assert.deepEqual(
      found.map((d) => d.code),
      ['RCA205'],
    );
    assert.match(found[0].message, /CDT is daylight time, but on November 2, 2025 America\/Chicago is on standard time \(CST\)/);
  });

  it('reads a repeated hour without an abbreviation so that the timeline is in order', () => {
    const text = rca({
      title: 'NA03 - RCA - November 2, 2025',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on November 2, 2025.',
      timeline: [
        'Customers served by the NA03 instance experienced a service interruption during the following hours, Central time:',
        '',
        'November 2, 2025, from 1:30 AM until 1:15 AM (about 45 minutes).',
        '',
        '- 1:30 AM – Alerts.',
        '- 1:50 AM – Engineers joined.',
        '- 1:05 AM – Failover.',
        '- 1:15 AM – Restored.',
      ].join('\n'),
    });
    assert.deepEqual(codes(text, {}, true), []);
    const { doc } = checkText(text);
    assert.deepEqual(
      timelineHints(doc).map((h) => h.label),
      ['45 min · 06:30–07:15 UTC'],
    );
    // An entry earlier than the second pass of the hour is still out of order.
    assert.deepEqual(codes(text.replace('- 1:15 AM – Restored.', '- 1:15 AM – Restored.\n- 1:10 AM – Late note.')), ['RCA211']);
  });

  it('Europe: 02:30 CEST until 02:15 CET on October 25, 2026 is 45 minutes', () => {
    const text = rca({
      title: 'EU00 - RCA - October 25, 2026',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on October 25, 2026.',
      timeline:
        'Customers served by the EU00 instance experienced a service interruption on October 25, 2026, from 02:30 CEST until 02:15 CET, about 45 minutes.\n\n- 02:30 CEST – Alerts.\n- 02:50 CEST – Failover.\n- 02:05 CET – Restored.',
    });
    assert.deepEqual(codes(text, {}, true), []);
    assert.deepEqual(
      timelineHints(checkText(text).doc).map((h) => h.label),
      ['45 min · 00:30–01:15 UTC'],
    );
  });

  it('Sydney: 2:30 AM AEDT until 2:15 AM AEST on April 5, 2026 is 45 minutes', () => {
    const text = rca({
      title: 'AP01 - RCA - April 5, 2026',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on April 5, 2026.',
      timeline:
        'Customers served by the AP01 instance experienced a service interruption on April 5, 2026, from 2:30 AM AEDT until 2:15 AM AEST, about 45 minutes.\n\n- 2:30 AM AEDT – Alerts.\n- 2:50 AM AEDT – Failover.\n- 2:05 AM AEST – Restored.',
    });
    assert.deepEqual(codes(text, {}, true), []);
    assert.deepEqual(
      timelineHints(checkText(text).doc).map((h) => h.label),
      ['45 min · 15:30–16:15 UTC'],
    );
  });
});

describe('a report that tells the clock change itself', () => {
  const fallBack = (sentence: string) =>
    rca({
      title: 'NA03 - RCA - November 1, 2026',
      intro: `This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on November 1, 2026. ${sentence}`,
      timeline:
        'Customers served by the NA03 instance experienced a service interruption on November 1, 2026, from 1:30 AM EDT until 1:10 AM EST, about 40 minutes.',
    });

  it('reads "from 2:00 AM EDT to 1:00 AM EST" as the change, not a range run backwards nor EDT out of season', () => {
    assert.deepEqual(codes(fallBack('The job ran twice because the clocks went back from 2:00 AM EDT to 1:00 AM EST while it ran.'), {}, true), []);
  });

  it('still reports EDT after the change, and a range that starts and ends at one instant in one zone', () => {
    assert.deepEqual(codes(fallBack('The clocks went back while the job ran, and it ran again at 2:30 AM EDT.')), ['RCA205']);
    const sameInstant = rca({
      title: 'NA03 - RCA - November 1, 2026',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on November 1, 2026.',
      timeline: 'Customers served by the NA03 instance experienced a service interruption on November 1, 2026, from 4:00 AM EST until 4:00 AM EST.',
    });
    assert.deepEqual(codes(sameInstant), ['RCA207']);
  });

  const springEurope = (summary: string, entry = '- 29 March, 02:00 CET – Clocks go forward to 03:00 CEST.') =>
    rca({
      title: 'EU00 - RCA - March 29, 2026',
      intro: `This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on March 29, 2026. ${summary}`,
      timeline: [
        'Customers served by the EU00 instance experienced a service interruption on March 29, 2026, from 07:45 CEST until 09:05 CEST.',
        '',
        entry,
        '- 29 March, 07:45 CEST – Alert fired.',
        '- 29 March, 09:05 CEST – Service restored.',
      ].join('\n'),
    });

  it('reads "02:30 CET, a time that did not exist" as the wall time the clocks skipped, and "02:00 CET" as the change', () => {
    assert.deepEqual(codes(springEurope('The backup was due at 02:30 CET, a time that did not exist that night.'), {}, true), []);
  });

  it('still reports CET on an event logged in the skipped hour or after it', () => {
    assert.deepEqual(codes(springEurope('The backup did not run.', '- 29 March, 02:30 CET – Failover completed.')), ['RCA205']);
    assert.deepEqual(codes(springEurope('The backup did not run.', '- 29 March, 04:30 CET – The clocks had gone forward.')), ['RCA205']);
  });
});

describe('the night the clocks go forward', () => {
  const spring = (window: string) =>
    rca({
      title: 'NA03 - RCA - March 8, 2026',
      intro: 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on March 8, 2026.',
      timeline: `Customers served by the NA03 instance experienced a service interruption during the following hours, Central time:\n\nMarch 8, 2026, ${window}`,
    });

  it('reads "1:30 AM CST until 3:15 AM CDT" as 45 minutes', () => {
    const text = spring('from 1:30 AM CST until 3:15 AM CDT (about 45 minutes).');
    assert.deepEqual(codes(text, {}, true), []);
    assert.deepEqual(
      timelineHints(checkText(text).doc).map((h) => h.label),
      ['45 min · 07:30–08:15 UTC'],
    );
  });

  it('reports a time the clocks skipped', () => {
    const found = timeFindings(spring('from 1:30 AM until 2:30 AM.'));
    assert.deepEqual(
      found.map((d) => d.code),
      ['RCA208'],
    );
    assert.equal(found[0].message, '"2:30 AM" does not exist on March 8, 2026 in America/Chicago: the clocks went forward an hour that night and skipped it.');
  });

  it('leaves a skipped time with its own Standard/Daylight abbreviation to RCA205', () => {
    assert.deepEqual(codes(spring('from 1:30 AM CST until 2:30 AM CST.')), ['RCA205']);
    assert.deepEqual(codes(spring('from 1:30 AM CST until 2:30 AM CDT.')), []);
  });
});

describe('the date timeline entries inherit', () => {
  const text = rca({
    title: 'NA01, NA02 - RCA - July 14, 2025',
    intro: 'This document serves as a Root Cause Analysis for the Primo service degradation experienced by Ex Libris customers on July 14, 2025.',
    timeline: [
      'Customers served by the NA01 and NA02 instances experienced slow response times during the following hours, Pacific time:',
      '',
      'July 14, 2025, from 11:45 p.m. until 12:30 a.m. on July 15.',
      '',
      '- 11:45 PM PST – Latency alerts fired.',
      '- 11:52 PM – Engineers identified a saturated connection pool.',
      '- 12:30 AM PST – Service restored.',
    ].join('\n'),
  });

  it('is the window’s start date, and the next day once the entries cross midnight', () => {
    const found = timeFindings(text);
    // PST in July twice is one mistake, listed once; each place is read on its own day.
    assert.deepEqual(
      found.map((d) => [d.code, d.places?.length]),
      [['RCA205', 2]],
    );
    assert.match(found[0].message, /on July 14, 2025 America\/Los_Angeles/);
    assert.match(found[0].places![1].message, /on July 15, 2025 America\/Los_Angeles/);
  });

  it('shows the next day in the hover of an entry after midnight', () => {
    const { doc } = checkText(text);
    assert.match(timeInfoAt(doc, text.indexOf('12:30 AM PST') + 1)!, /July 15, 2025, 00:30/);
    assert.match(timeInfoAt(doc, text.indexOf('11:52 PM') + 1)!, /July 14, 2025, 23:52/);
  });
});
