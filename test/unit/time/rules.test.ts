import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, fixed, rca, timeFindings, type Parts } from './helpers';

const TL = (s: string) => `Service interruption was experienced by customers served by the NA01 instance ${s}`;

/** [name, parts, settings, expected error/warning codes] */
// One case a line, so that a failing name leads to its row.
// prettier-ignore
const cases: [string, Parts, Record<string, unknown>, string[]][] = [
  // Clean documents: nothing to say.
  ['clean 12-hour window, zone before the date', { timeline: 'Service interruption was experienced during the following hours, Chicago time:\n\nApril 11, 2026, from 12:14 AM until 2:27 AM.' }, {}, []],
  ['clean 24-hour, zone after', { timeline: TL('between April 11, 2026 from 05:59 until 09:23 Chicago Time Zone.') }, {}, []],
  ['clean "at … until …"', { timeline: TL('on April 11, 2026 at 10:05 until 11:40 CDT.') }, {}, []],
  ['clean "… to …" with seconds', { timeline: TL('on April 11, 2026, 10:05:10 to 11:40:00 UTC.') }, {}, []],
  ['clean "between … and …"', { timeline: TL('on April 11, 2026 between 10:05 AM and 11:40 AM U.S. Central Time.') }, {}, []],
  ['clean two ranges in a sentence', { timeline: TL('on April 11, 2026 from 03:16 until 03:51 and from 03:56 until 04:06 Chicago time.') }, {}, []],
  ['clean multi-day with zone between time and date', { title: 'NA01 - RCA - April 11, 2026', timeline: TL('from April 11, 2026 23:10 CDT until April 12, 2026 01:05 CDT.') }, {}, []],
  ['clean lower-case pm without space', { timeline: TL('on April 11, 2026 from 1:05pm until 2:10pm Chicago time.') }, {}, []],
  ['clean IANA zone', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 America/Chicago.') }, {}, []],
  ['clean GMT+8', { title: 'CN01 - RCA - April 11, 2026', timeline: 'Customers served by CN01 on April 11, 2026 from 10:00 until 11:00 GMT+8.' }, {}, []],
  ['clean CST in winter', { title: 'NA01 - RCA - January 5, 2026', intro: 'This RCA covers the Alma interruption on January 5, 2026.', timeline: TL('on January 5, 2026 from 10:00 until 11:00 CST.') }, {}, []],
  ['clean body date without year and other-day time', { body: 'On April 11 the ISP did maintenance. The same job ran on March 10th at 10:00 without trouble, and took 2 hours. Support is 24/7 on version 2.10.3.' }, {}, []],
  ['clean year in the title only', { intro: 'This RCA covers the Alma interruption on April 11.' }, {}, []],
  ['clean UTC evening: title uses the UTC date', { title: 'NA01 - RCA - April 12, 2026', intro: 'This RCA covers the Alma interruption on April 12, 2026.', timeline: TL('on April 11, 2026 from 8:00 PM until 9:00 PM CDT.') }, {}, []],
  ['clean stated duration', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time. The outage lasted 2 hours and 13 minutes.') }, {}, []],
  ['clean approximate duration', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time, for about 2 hours.') }, {}, []],
  ['clean "within 20 minutes" in the body', { body: 'The interruption was detected within 20 minutes.' }, {}, []],
  ['clean weekday', { intro: 'This RCA covers the Alma interruption on Saturday, April 11, 2026.' }, {}, []],
  ['clean crossing midnight, 24-hour', { timeline: TL('on April 11, 2026 from 23:43 until 01:17 Chicago time.') }, {}, []],
  ['clean "Beijing time" with CN instance', { title: 'CN01 - RCA - March 10, 2021', intro: 'This RCA covers the Alma interruption on March 10, 2021.', timeline: 'Alma CN01 between March 10, 2021 from 05:59 until 09:23 Beijing time.' }, { instanceTimeZones: { 'CN*': 'Asia/Shanghai' } }, []],
  ['clean CST read as China for CN instance', { title: 'CN01 - RCA - January 5, 2026', intro: 'This RCA covers the Alma interruption on January 5, 2026.', timeline: 'Alma CN01 on January 5, 2026 from 10:00 until 11:00 CST.' }, {}, []],
  ['clean conversion in parentheses', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT (15:00 until 16:00 UTC).') }, {}, []],

  // RCA201
  ['201 intro year', { intro: 'This RCA covers the Alma interruption on April 2, 2025.' }, {}, ['RCA201']],
  ['201 title day', { title: 'NA01 - RCA - April 12, 2026' }, {}, ['RCA201']],
  ['201 timeline odd one out', { timeline: TL('on April 21, 2026 from 10:00 until 11:00 CDT.') }, {}, ['RCA201']],
  ['201 no timeline date: intro vs title', { timeline: TL('from 10:00 until 11:00 CDT.'), intro: 'This RCA covers the Alma interruption on April 12, 2026.' }, {}, ['RCA201']],
  ['201 intro range starts before the timeline', { intro: 'This RCA covers the Alma interruption between April 10 and April 11, 2026.' }, {}, ['RCA201']],
  ['201 intro range "from … to …" starts before the timeline', { intro: 'This RCA covers the Alma interruption from April 9, 2026 at 23:00 to April 11, 2026.' }, {}, ['RCA201']],
  ['201 intro range starting with the timeline is fine', { intro: 'This RCA covers the Alma interruption from April 11, 2026 until April 12, 2026.', timeline: TL('from April 11, 2026 23:10 CDT until April 12, 2026 01:05 CDT.') }, {}, []],
  ['201 intro naming two days, not a range, is fine', { intro: 'This RCA covers the Alma interruption on April 11, 2026; a test on April 9, 2026 to April 10 had passed.' }, {}, []],
  // RCA202
  ['202 intro without date', { intro: 'This RCA covers the Alma interruption experienced by customers.' }, {}, ['RCA202']],
  // RCA203
  ['203 no zone anywhere', { timeline: TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, ['RCA203']],
  ['203 single time without zone', { timeline: TL('on April 11, 2026 at 10:00.') }, {}, ['RCA203']],
  ['203 zone stated for all times', { timeline: 'All times are in Chicago time.\n\n' + TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, []],
  ['203 zone stated by a place alone', { timeline: 'All times are Eastern.\n\n' + TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, []],
  ['203 zone stated by a place alone, US style', { timeline: 'Times below are US Central.\n\n' + TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, []],
  ['203 a place that goes on is no statement', { timeline: 'All times are Eastern region outages.\n\n' + TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, ['RCA203']],
  ['203 a word that names no place is no statement', { timeline: 'All times are Approximate.\n\n' + TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, ['RCA203']],
  ['203 zone from front matter', { timeline: TL('on April 11, 2026 from 10:00 until 11:00.') }, {}, ['RCA203']],
  // RCA204
  ['204 unknown zone', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 Gotham Time.') }, {}, ['RCA204']],
  ['204 unknown abbreviation', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 XYT.') }, {}, ['RCA204']],
  ['204 bad IANA name', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 America/Gotham.') }, {}, ['RCA204']],
  // RCA205
  ['205 CDT in January', { title: 'NA01 - RCA - January 5, 2026', intro: 'This RCA covers the Alma interruption on January 5, 2026.', timeline: TL('on January 5, 2026 from 10:00 until 11:00 CDT.') }, {}, ['RCA205']],
  ['205 PST in June', { title: 'NA01 - RCA - June 3, 2025', intro: 'This RCA covers the Alma interruption on June 3, 2025.', timeline: TL('on June 3, 2025 from 10:00 until 11:00 PST.') }, {}, ['RCA205']],
  ['205 Central Standard Time in July', { title: 'NA01 - RCA - July 3, 2025', intro: 'This RCA covers the Alma interruption on July 3, 2025.', timeline: TL('on July 3, 2025 from 10:00 until 11:00 Central Standard Time.') }, {}, ['RCA205']],
  ['205 AEST in January (southern summer)', { title: 'AP01 - RCA - January 5, 2026', intro: 'This RCA covers the Alma interruption on January 5, 2026.', timeline: 'Customers served by AP01 on January 5, 2026 from 10:00 until 11:00 AEST.' }, {}, ['RCA205']],
  // RCA206
  ['206 mixed zones', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT.') + '\n\nService was restored at 17:00 UTC.' }, {}, ['RCA206']],
  // RCA207
  ['207 end before start', { timeline: TL('on April 11, 2026 from 11:33 PM until 12:00 Israel time.') }, {}, ['RCA207', 'RCA209']],
  ['207 end date before start date', { timeline: TL('from April 11, 2026 10:00 until April 10, 2026 11:00 CDT.') }, {}, ['RCA207']],
  // Midnight at the end of a range is the end of its day, as 24:00 is: nothing runs backwards or past it.
  ['207 ISO timestamps written end first', { timeline: TL('from 2026-04-11T10:51:07Z to 2026-04-11T10:05:33Z.') }, {}, ['RCA207']],
  ['207 clean ISO timestamps in order', { timeline: TL('from 2026-04-11T10:05:33Z to 2026-04-11T10:51:07Z.') }, {}, []],
  ['207 until midnight', { timeline: TL('on April 11, 2026 from 10:00 PM until midnight Chicago time.') }, {}, []],
  ['207 until 12:00 midnight, 24-hour start', { timeline: TL('on April 11, 2026 from 23:00 until 12:00 midnight CDT.') }, {}, []],
  ['207 from midnight is the start of the day', { timeline: TL('on April 11, 2026 from midnight until 2:00 AM Chicago time.') }, {}, []],
  ['207 until midnight before an earlier start is still backwards', { timeline: TL('from April 11, 2026 10:00 PM until April 11, 2026 midnight CDT.') }, {}, ['RCA207']],
  ['207 long backwards range', { timeline: TL('on April 11, 2026 from 14:00 until 09:00 CDT.') }, {}, ['RCA207']],
  // RCA208
  ['208 14:00 PM', { timeline: TL('on April 11, 2026 at 14:00 PM CDT.') }, {}, ['RCA208']],
  ['208 21:48 AM', { timeline: TL('on April 11, 2026 at 21:48 AM CDT.') }, {}, ['RCA208']],
  ['208 25:10', { timeline: TL('on April 11, 2026 at 25:10 CDT.') }, {}, ['RCA208']],
  ['208 February 30', { body: 'A patch was planned for February 30.' }, {}, ['RCA208']],
  // RCA209
  ['209 end lacks AM/PM', { timeline: TL('on April 11, 2026 from 10:16AM until 10:23 Chicago time.') }, {}, ['RCA209']],
  ['209 start lacks AM/PM', { timeline: TL('on April 11, 2026 from 9:00 until 10:30 AM Chicago time.') }, {}, ['RCA209']],
  ['209 24-hour start, 12-hour end', { title: 'NA01 - RCA - September 30, 2023', intro: 'This RCA covers the Alma interruption on September 30, 2023.', timeline: TL('on September 30, 2023 from 23:43 until October 1, 2023 01:17 AM CDT.') }, {}, ['RCA209']],
  ['209 12-hour start, 24-hour end', { timeline: TL('on April 11, 2026 from 9:30 PM until 23:10 Chicago time.') }, {}, ['RCA209']],
  // RCA210
  ['210 wrong weekday', { intro: 'This RCA covers the Alma interruption on Monday, April 11, 2026.' }, {}, ['RCA210']],
  ['210 weekday after the date', { intro: 'This RCA covers the Alma interruption on April 11, 2026 (Friday).' }, {}, ['RCA210']],
  ['210 weekday after a day-first date', { intro: 'This RCA covers the Alma interruption on 11 April 2026 (Friday).' }, {}, ['RCA210']],
  ['210 weekday after an ISO date', { intro: 'This RCA covers the Alma interruption on 2026-04-11 (Friday).' }, {}, ['RCA210']],
  ['210 weekday after an ISO date, right, short', { intro: 'This RCA covers the Alma interruption on 2026/04/11 (Sat).' }, {}, []],
  ['210 weekday after a day-first date, right', { intro: 'This RCA covers the Alma interruption on 11 April 2026 (Saturday).' }, {}, []],
  ['210 relative weekday not the incident\'s', { intro: 'This RCA covers the Alma interruption experienced during scheduled work last Tuesday.' }, {}, ['RCA202', 'RCA210']],
  ['210 relative weekday that fits is fine', { intro: 'This RCA covers the Alma interruption experienced on Saturday, during scheduled work.' }, {}, ['RCA202']],
  ['210 weekday of a cause is fine', { intro: 'This RCA covers the Alma interruption on April 11, 2026.', body: 'The interruption followed a patch deployed last Tuesday.' }, {}, []],
  // RCA211
  ['211 list out of order', { timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- 10:20 Escalation.\n- 10:12 Failover.' }, {}, ['RCA211']],
  ['211 list across midnight is fine', { timeline: 'On April 11, 2026, Chicago time:\n\n- 23:05 Alerts.\n- 23:40 Escalation.\n- 00:12 Failover.' }, {}, []],
  ['211 clean: an entry that tells of an earlier day leaves the next entries on theirs', { timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- 10:12 The certificate replaced on April 8 is found in use.\n- 10:20 Failover.' }, {}, []],
  ['211 clean: a list item headed by a day moves the next entries to it', { timeline: 'On April 11, 2026, Chicago time:\n\n- 23:05 Alerts.\n- Next day, April 12: work resumes.\n- 08:12 Failover.\n- 08:20 Recovery.' }, {}, []],
  ['211 an entry after a day heading that goes back is out of order', { timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- April 12: work resumes.\n- 10:12 Failover.\n- April 11, 10:20 Recovery.' }, {}, ['RCA211']],
  ['211 clean: an entry timed in a zone it does not know, before the time, has no place in the order', { timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- XYT 16:20 The vendor confirms their outage.\n- 10:12 Failover.' }, {}, []],
  ['211 clean: the same after the time is RCA204\'s alone', { timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- 16:20 XYT The vendor confirms their outage.\n- 10:12 Failover.' }, {}, ['RCA204']],
  ['211 publication before incident', { history: '- April 1, 2026: first publication.' }, {}, ['RCA211']],
  ['211 publication after incident', { history: '- April 20, 2026: first publication.' }, {}, []],
  // RCA212
  ['212 zone not the data centre', {}, { instanceTimeZones: { 'NA*': 'Asia/Shanghai' } }, ['RCA212']],
  ['212 silent without a map entry', {}, { instanceTimeZones: { 'EU*': 'Europe/Amsterdam' } }, []],
  ['212 UTC is always fine', { timeline: TL('on April 11, 2026 from 10:00 until 11:00 UTC.') }, { instanceTimeZones: { 'NA*': 'America/Chicago' } }, []],
  // RCA213
  ['213 stated hours differ', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time. The outage lasted about 5 hours.') }, {}, ['RCA213']],
  ['213 stated minutes differ', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time, for a total of 371 minutes.') }, {}, ['RCA213']],
  ['213 a step that took minutes is not the outage', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time. The database failover took 12 minutes. Alerts were muted for 10 minutes.') }, {}, []],
  ['213 duration in parentheses after the window', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time (about 3 hours).') }, {}, ['RCA213']],
  ['213 matching duration in parentheses', { timeline: TL('on April 11, 2026 from 12:14 AM until 2:27 AM Chicago time (about 2 hours).') }, {}, []],
  // RCA214
  // One omission (no year anywhere), listed once: the timeline's date is its second place.
  ['214 no year anywhere', { title: 'NA01 - RCA', intro: 'This RCA covers the Alma interruption on April 11.', timeline: TL('on April 11 from 10:00 until 11:00 CDT.') }, {}, ['RCA214']],
  // RCA301 / RCA302
  ['301 timeline names another instance', { title: 'NA01 - RCA - April 11, 2026', timeline: 'Customers served by NA02 on April 11, 2026 from 10:00 until 11:00 CDT.' }, {}, ['RCA301', 'RCA301']],
  ['301 instance range covers the title', { title: 'NA01, NA02, NA03 - RCA - April 11, 2026', timeline: 'Customers served by NA01-NA03 on April 11, 2026 from 10:00 until 11:00 CDT.' }, {}, []],
  ['302 intro names another product', { title: 'Primo NA01 - RCA - April 11, 2026' }, {}, ['RCA302']],
  ['302 same family is fine', { title: 'Primo VE NA01 - RCA - April 11, 2026', intro: 'This RCA covers the Primo interruption on April 11, 2026.' }, {}, []],
];

describe('time rules (table)', () => {
  for (const [name, parts, settings, expected] of cases) {
    it(name, () => {
      const text = name === '203 zone from front matter' ? `---\ntimezone: America/Chicago\n---\n${rca(parts)}` : rca(parts);
      const want = name === '203 zone from front matter' ? [] : expected;
      assert.deepEqual(codes(text, settings), want, JSON.stringify(timeFindings(text, settings).map((d) => d.message)));
    });
  }
});

describe('messages', () => {
  it('RCA201 names the part and the year', () => {
    const [d] = timeFindings(rca({ intro: 'This RCA covers the Alma interruption on April 2, 2025.' }));
    assert.equal(d.message, 'The introduction says April 2, 2025; the timeline says April 11, 2026: the year and day differ.');
  });
  it('RCA207 notes a crossing read as the next day', () => {
    const [d] = timeFindings(rca({ timeline: TL('on April 11, 2026 from 11:00 PM until 1:15 AM Chicago time.') }));
    assert.equal(d.code, 'RCA207');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /April 12, 2026 \(2 h 15 min\)/);
  });
  it('RCA204 notes an ambiguous abbreviation instead of warning', () => {
    const text = rca({
      title: 'XX01 - RCA - January 5, 2026',
      intro: 'This RCA covers the Alma interruption on January 5, 2026.',
      timeline: 'Customers served by XX01 on January 5, 2026 from 10:00 until 11:00 IST.',
    });
    const found = timeFindings(text).filter((d) => d.code === 'RCA204');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
  });
  it('RCA211 names the dates of two entries on different days, and only then', () => {
    const timeline = (third: string) =>
      rca({
        timeline: `On April 11, 2026, Chicago time:\n\n- 2026-04-11 10:05 Alerts.\n- 2026-04-11 10:12 Failover.\n- ${third} Escalation.\n- 2026-04-11 10:40 Restored.`,
      });
    const [copied] = timeFindings(timeline('2026-03-11 10:20')).filter((d) => d.code === 'RCA211');
    assert.equal(
      copied.message,
      'This entry ("10:20" on March 11, 2026) is earlier than the entry before it ("10:12" on April 11, 2026); list timeline entries in time order.',
    );
    const [swapped] = timeFindings(timeline('2026-04-11 10:08')).filter((d) => d.code === 'RCA211');
    assert.equal(swapped.message, 'This entry ("10:08") is earlier than the entry before it ("10:12"); list timeline entries in time order.');
  });
  it('every rule can be turned off', () => {
    const text = rca({ intro: 'This RCA covers the Alma interruption on April 2, 2025.' });
    assert.deepEqual(codes(text, { rules: { RCA201: 'off' } }), []);
  });
});

describe('fixes keep the writer format', () => {
  const cases: [string, Parts, Record<string, unknown>, string, number, string][] = [
    ['201 plain', { intro: 'This RCA covers the Alma interruption on April 2, 2025.' }, {}, 'RCA201', 0, 'on April 11, 2026.'],
    ['201 ordinal', { intro: 'This RCA covers the Alma interruption on April 2nd, 2025.' }, {}, 'RCA201', 0, 'on April 11th, 2026.'],
    ['201 abbreviated', { intro: 'This RCA covers the Alma interruption on Apr 2, 2025.' }, {}, 'RCA201', 0, 'on Apr 11, 2026.'],
    ['201 with weekday', { intro: 'This RCA covers the Alma interruption on Wednesday, April 2, 2025.' }, {}, 'RCA201', 0, 'on Saturday, April 11, 2026.'],
    [
      '202 insert',
      { intro: 'This RCA covers the Alma interruption experienced by customers on Alma NA01' },
      {},
      'RCA202',
      0,
      'customers on Alma NA01 on April 11, 2026\n',
    ],
    [
      '203 default zone',
      { timeline: TL('on April 11, 2026 from 10:00 until 11:00.') },
      { defaultTimeZone: 'America/Chicago' },
      'RCA203',
      0,
      'until 11:00 Chicago time.',
    ],
    [
      '203 instance zone',
      { timeline: TL('on April 11, 2026 from 10:00 until 11:00.') },
      { instanceTimeZones: { 'NA*': 'Asia/Shanghai' } },
      'RCA203',
      0,
      'until 11:00 Beijing time.',
    ],
    [
      '205 swap',
      {
        title: 'NA01 - RCA - January 5, 2026',
        intro: 'This RCA covers the Alma interruption on January 5, 2026.',
        timeline: TL('on January 5, 2026 from 10:00 until 11:00 CDT time.'),
      },
      {},
      'RCA205',
      0,
      '11:00 CST time.',
    ],
    [
      '205 long form',
      {
        title: 'NA01 - RCA - July 3, 2025',
        intro: 'This RCA covers the Alma interruption on July 3, 2025.',
        timeline: TL('on July 3, 2025 from 10:00 until 11:00 Central Standard Time.'),
      },
      {},
      'RCA205',
      0,
      '11:00 Central Daylight Time.',
    ],
    ['208 to 24-hour', { timeline: TL('on April 11, 2026 from 14:00 PM until 15:00 CDT.') }, {}, 'RCA208', 0, 'from 14:00 until 15:00 CDT'],
    ['208 to 12-hour', { timeline: TL('on April 11, 2026 from 14:00 PM until 3:00 PM CDT.') }, {}, 'RCA208', 1, 'from 2:00 PM until 3:00 PM CDT'],
    // The 24-hour end of the range is written in 12-hour form too: no mixed range is left (RCA209).
    ['208 to 12-hour, both ends', { timeline: TL('on April 11, 2026 from 14:05 PM until 15:40 CDT.') }, {}, 'RCA208', 1, 'from 2:05 PM until 3:40 PM CDT'],
    ['208 no space lower case', { timeline: TL('on April 11, 2026 at 21:48am CDT.') }, {}, 'RCA208', 1, 'at 9:48pm CDT'],
    ['210 weekday', { intro: 'This RCA covers the Alma interruption on Monday, April 11, 2026.' }, {}, 'RCA210', 0, 'on Saturday, April 11, 2026.'],
    // The weekday is the incident's, the year last report's: the first fix writes the incident's date, the second the weekday.
    [
      '210 year copied from another report',
      { intro: 'This RCA covers the Alma interruption on Saturday, April 11, 2025.' },
      {},
      'RCA210',
      0,
      'on Saturday, April 11, 2026.',
    ],
    [
      '210 year copied, day first, weekday after',
      { intro: 'This RCA covers the Alma interruption on 11 April 2025 (Saturday).' },
      {},
      'RCA210',
      0,
      'on 11 April 2026 (Saturday).',
    ],
    [
      '210 year copied, ISO, weekday after',
      { intro: 'This RCA covers the Alma interruption on 2025-04-11 (Saturday).' },
      {},
      'RCA210',
      0,
      'on 2026-04-11 (Saturday).',
    ],
    [
      '210 year copied, weekday after',
      { intro: 'This RCA covers the Alma interruption on April 11, 2025 (Saturday).' },
      {},
      'RCA210',
      0,
      'on April 11, 2026 (Saturday).',
    ],
  ];
  for (const [name, parts, settings, code, which, expected] of cases) {
    it(name, () => {
      const text = rca(parts);
      const after = fixed(text, code, settings, which);
      assert.ok(after.includes(expected), after);
      assert.ok(!codes(after, settings).includes(code), `${code} gone after the fix`);
    });
  }
});
