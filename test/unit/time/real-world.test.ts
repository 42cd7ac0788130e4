import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { checkText } from '../../../server/src/engine/check';
import { analyzeTimes } from '../../../server/src/engine/time/analyze';
import { findDates, findTimes } from '../../../server/src/engine/time/dates';
import { seasonalZoneNames, zoneTable } from '../../../server/src/engine/time/zones';
import { applyEdits } from '../../../server/src/engine/text';
import { codes, rca, timeFindings } from './helpers';

/**
 * Forms from hand-written RCAs that the time rules once misread: a colon after a time or a date, season fixes that
 * wrote unknown names, abbreviations that are ordinary words, host names taken for instances, "~" ranges, seconds
 * called minutes, unchecked conversions and unordered timeline tables.
 */

const TL = (s: string) => `Service interruption was experienced by customers served by the NA01 instance ${s}`;

describe('a colon after a time or a date', () => {
  it('reads "14:02:" as a time', () => {
    const times = findTimes('- 14:02: Alerts fired');
    assert.equal(times.length, 1);
    assert.equal(times[0].hour24, 14);
    assert.equal(times[0].minute, 2);
  });
  it('still reads seconds and still refuses "14:02:5"', () => {
    assert.equal(findTimes('at 14:02:30: done')[0].second, 30);
    assert.equal(findTimes('v 14:02:5').length, 0);
  });
  it('keeps the year of "April 11, 2026:" and "11 April 2026:"', () => {
    assert.equal(findDates('April 11, 2026: the service failed').dates[0].year, 2026);
    assert.equal(findDates('On April 11, 2026: the service failed').dates[0].year, 2026);
    assert.equal(findDates('11 April 2026: the service failed').dates[0].year, 2026);
    assert.equal(findDates('April 11: the service failed').dates[0].day, 11);
  });
  it('does not read "May 10:30" as May 10', () => {
    assert.equal(findDates('May 10:30 was the start').dates.length, 0);
  });
  it('orders timeline entries written "HH:MM: text"', () => {
    const text = rca({
      timeline: 'On April 11, 2026, Chicago time:\n\n- 14:02: Alerts fired.\n- 14:31: Engineers restarted the nodes.\n- 14:18: The on-call engineer joined.',
    });
    assert.deepEqual(codes(text), ['RCA211']);
  });
  it('compares the year of an introduction date followed by a colon', () => {
    const text = rca({ intro: 'On April 11, 2025: the Alma service was interrupted for Ex Libris customers.' });
    assert.deepEqual(codes(text), ['RCA201']);
  });
});

describe('RCA205 fixes write a zone of the right season that RCA Writer reads', () => {
  const table = zoneTable();
  const inSeason = (iana: string, daylight: boolean): DateTime | undefined => {
    for (const month of [1, 7, 4, 10]) {
      const dt = DateTime.fromObject({ year: 2026, month, day: 15, hour: 12 }, { zone: iana });
      if (dt.isInDST === daylight) return dt;
    }
    return undefined;
  };
  for (const { name, iana, season } of seasonalZoneNames()) {
    it(`${name} (${iana}) in the other season`, () => {
      const wrong = inSeason(iana, season !== 'daylight');
      if (!wrong) return; // the zone does not change its clocks
      if (name === 'MST' && wrong.isInDST) return; // Arizona keeps MST all summer: not reported
      const date = wrong.toFormat('LLLL d, yyyy');
      const settings = { instanceTimeZones: { 'XX*': iana } };
      const text = rca({
        title: `XX01 - RCA - ${date}`,
        intro: `This RCA covers the Alma interruption on ${date}.`,
        timeline: `Customers served by the XX01 instance experienced a service interruption on ${date}, from 10:00 until 11:00 ${name}.`,
      });
      const finding = timeFindings(text, settings).find((d) => d.code === 'RCA205');
      assert.ok(finding, `RCA205 for ${name} on ${date}`);
      const fix = finding.fixes?.[0];
      assert.ok(fix, `a fix for ${name}`);
      const after = applyEdits(text, fix.edits);
      const left = timeFindings(after, settings).map((d) => `${d.code} ${d.message}`);
      assert.deepEqual(left, [], `after "${fix.title}": ${after.split('\n').find((l) => l.includes('XX01 instance'))}`);
      // The name written reads back as a zone with the zone's offset that day.
      const line = after.split('\n').find((l) => l.includes('XX01 instance'))!;
      const written = table.find(line).pop()!;
      assert.ok(written.iana && !written.unknown, `${written.text} is known`);
      const when = wrong.toMillis();
      assert.equal(DateTime.fromMillis(when, { zone: written.iana }).offset, DateTime.fromMillis(when, { zone: iana }).offset);
    });
  }
  it('British Summer Time in January becomes Greenwich Mean Time', () => {
    const text = rca({
      title: 'EU01 - RCA - January 14, 2026',
      intro: 'This RCA covers the Alma interruption on January 14, 2026.',
      timeline: 'Customers served by the EU01 instance experienced a service interruption on January 14, 2026, from 10:00 until 11:00 British Summer Time.',
    });
    const finding = timeFindings(text).find((d) => d.code === 'RCA205')!;
    assert.match(finding.message, /write "Greenwich Mean Time"/);
    const after = applyEdits(text, finding.fixes![0].edits);
    assert.ok(after.includes('until 11:00 Greenwich Mean Time.'), after);
    assert.deepEqual(codes(after), []);
  });
});

describe('RCA204: abbreviations that are also words', () => {
  const body = (s: string) =>
    rca({
      title: 'EU01 - RCA - November 5, 2026',
      intro: 'This RCA covers the Alma interruption on November 5, 2026.',
      timeline: 'Customers served by the EU01 instance experienced a service interruption on November 5, 2026, from 9:20 AM until 10:35 AM Amsterdam time.',
      body: s,
    });
  for (const prose of [
    'The AST parser rejected the new configuration.',
    'The IST shift saw the alerts first.',
    'The CAT team and the EAT dashboard were not involved. WAT and MST are internal tools.',
    'The PT and ET teams and the CT scan service were informed on November 5.',
    'On November 5 at 10:00 the AST parser in the search service failed.',
    'The response time (AST) of the parser rose on November 5 at 10:00.',
  ]) {
    it(`says nothing about "${prose}"`, () => {
      assert.deepEqual(
        timeFindings(body(prose), {}).map((d) => d.code),
        [],
      );
    });
  }
  for (const [written, iana] of [
    ['from 10:15 until 11:00 IST', 'ambiguous'],
    ['from 10:15 until 11:00 (IST)', 'ambiguous'],
    ['from 10:15 until 11:00 in IST', 'ambiguous'],
  ] as const) {
    it(`reads "${written}" as a zone`, () => {
      const text = rca({
        title: 'XX01 - RCA - November 5, 2026',
        intro: 'This RCA covers the Alma interruption on November 5, 2026.',
        timeline: `Customers served by XX01 on November 5, 2026 ${written}.`,
      });
      const found = timeFindings(text).filter((d) => d.code === 'RCA204');
      assert.equal(found.length, 1, iana);
      assert.equal(found[0].severity, 'information');
    });
  }
  it('reads a statement "All times are in IST." with an Indian instance', () => {
    const text = rca({
      title: 'IN01 - RCA - November 5, 2026',
      intro: 'This RCA covers the Alma interruption on November 5, 2026.',
      timeline: 'All times are in IST.\n\nCustomers served by IN01 on November 5, 2026 from 10:15 until 11:00.',
    });
    assert.deepEqual(codes(text, {}, true), []);
  });
  it('reads a statement that names the region as people say it, with its abbreviation in parentheses', () => {
    const timeline = (zone: string) =>
      rca({ timeline: `All times are ${zone}.\n\nCustomers served by NA01 on April 11, 2026:\n\n- 10:15 Alerts.\n- 10:40 Failover.\n- 11:00 Restored.` });
    assert.deepEqual(codes(timeline('US Central (CDT)'), {}, true), []);
    assert.deepEqual(codes(timeline('Central (CDT)'), {}, true), []);
    // The abbreviation is read, so its season is checked.
    assert.deepEqual(codes(timeline('US Central (CST)')), ['RCA205']);
    // Not a statement about times: "the US Central (CDT) team" names no zone for them.
    assert.deepEqual(codes(rca({ timeline: 'Paged by the US Central (CDT) team.\n\n- 10:15 Alerts.\n- 10:40 Failover.\n- 11:00 Restored.' })), ['RCA203']);
  });
  it('reads the zone of a heading and of a table header', () => {
    const heading = rca({ timeline: 'Customers served by NA01 on April 11, 2026 from 10:15 until 11:00.' }).replace(
      '## Event Timeline',
      '## Event Timeline (CDT)',
    );
    assert.deepEqual(codes(heading, {}, true), []);
    const table = rca({
      timeline: 'Customers served by NA01 on April 11, 2026:\n\n| Time (CDT) | Event |\n| --- | --- |\n| 10:15 | Alerts |\n| 10:40 | Restored |',
    });
    assert.deepEqual(codes(table, {}, true), []);
    // A zone alone in a header cell, beside a column of another zone's times.
    const alone = rca({
      timeline:
        'Customers served by NA01 on April 11, 2026:\n\n| CDT | Berlin | Event |\n| --- | --- | --- |\n| 10:15 | 17:15 | Alerts |\n| 10:40 | 17:40 | Restored |',
    });
    assert.deepEqual(codes(alone, {}, true), []);
    assert.deepEqual(codes(alone.replace('| CDT |', '| Time |')), ['RCA203']);
  });
  it('reads each column of a table in the zone its header names, and a second zone column as a conversion', () => {
    const DECEMBER = 'This document is the Root Cause Analysis of the build queue delays of December 3, 2026.';
    /** Each time of the table's rows as the instant it is read as. */
    const instants = (header: string, rows: string[]) => {
      const timeline = `Customers served by NA01 on December 3, 2026:\n\n${header}\n| --- | --- | --- |\n${rows.join('\n')}`;
      const { doc, settings } = checkText(rca({ title: 'NA01 - RCA - December 3, 2026', intro: DECEMBER, timeline }));
      const a = analyzeTimes(doc, settings);
      return a.windows.filter((w) => w.sentence.block.tableRow !== undefined).map((w) => new Date(w.startMillis!).toISOString().slice(5, 16));
    };
    // Past midnight in UTC, not in Pacific time: each row is one moment, on its own day.
    const rows = ['| 23:52 | 15:52 | Rollout |', '| 00:07 | 16:07 | Paged |', '| 01:25 | 17:25 | Recovered |'];
    const moments = ['12-03T23:52', '12-03T23:52', '12-04T00:07', '12-04T00:07', '12-04T01:25', '12-04T01:25'];
    for (const header of ['| Time (UTC) | Time (PT) | Event |', '| UTC | Pacific | Event |', '| Time (UTC) | Time (Los Angeles) | Event |'])
      assert.deepEqual(instants(header, rows), moments, header);
    // A column no zone heads takes none of another column's.
    assert.deepEqual(instants('| Time | Berlin | Event |', ['| 10:15 | 17:15 | Alerts |']), ['12-03T10:15', '12-03T16:15']);
    // The second column restates the first: a slip in it is a wrong conversion, and the right one is none.
    const table = (pacific: string) =>
      rca({
        title: 'NA01 - RCA - December 3, 2026',
        intro: DECEMBER,
        timeline: `Customers served by NA01 on December 3, 2026:\n\n| UTC | Pacific | Event |\n| --- | --- | --- |\n| 23:52 | 15:52 | Rollout |\n| 00:07 | ${pacific} | Paged |`,
      });
    assert.deepEqual(codes(table('16:07')), []);
    assert.deepEqual(codes(table('17:07')), ['RCA206']);
  });
  it('checks a conversion into an ambiguous zone in each of its readings: "14:00 UTC (19:30 IST)" is India\'s', () => {
    const DECEMBER = 'This document is the Root Cause Analysis of the sign-in failures of December 3, 2026.';
    const timeline = (entries: string[]) =>
      rca({ title: 'NA01 - RCA - December 3, 2026', intro: DECEMBER, timeline: `Customers served by NA01 on December 3, 2026:\n\n${entries.join('\n')}` });
    assert.deepEqual(codes(timeline(['- 14:00 UTC (19:30 IST): certificate expires.', '- 14:50 UTC (20:20 IST): certificate replaced.'])), []);
    assert.deepEqual(codes(timeline(['| UTC | IST | Event |', '| --- | --- | --- |', '| 14:00 | 19:30 | Expires |', '| 14:50 | 20:20 | Replaced |'])), []);
    // No reading fits: still reported.
    assert.deepEqual(codes(timeline(['- 14:00 UTC (18:30 IST): certificate expires.'])), ['RCA206']);
    // The reading that fits settles the abbreviation: India's, with no note that it is ambiguous (RCA204), and its
    // times are read in it.
    const settled = timeline(['| UTC | IST | Event |', '| --- | --- | --- |', '| 14:00 | 19:30 | Expires |']);
    assert.deepEqual(codes(settled, {}, true), []);
    const { doc, settings } = checkText(settled);
    const ist = analyzeTimes(doc, settings).windows.find((w) => w.zone?.text === 'IST')!;
    assert.deepEqual([ist.iana, new Date(ist.startMillis!).toISOString().slice(11, 16)], ['Asia/Kolkata', '14:00']);
    assert.deepEqual(codes(timeline(['| UTC | IST | Event |', '| --- | --- | --- |', '| 14:00 | 18:30 | Expires |']), {}, true), ['RCA204', 'RCA206']);
  });
  it('reads a second name right after a zone: "Chicago time (CST)" in April is the wrong season', () => {
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 10:00 until 11:00 Chicago time (CST).') })), ['RCA205']);
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 10:00 until 11:00 UTC-5 (CDT).') })), []);
  });
  it('knows West, Central and East Africa Time after a time', () => {
    for (const zone of ['WAT', 'CAT', 'EAT', 'SAST']) {
      assert.deepEqual(codes(rca({ timeline: TL(`on April 11, 2026 from 10:00 until 11:00 ${zone}.`) })), [], zone);
    }
  });
  it('still reports an unknown abbreviation after a time', () => {
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 10:00 until 11:00 XYT.') })), ['RCA204']);
  });
  it('a zone abbreviation in prose no longer settles CST', () => {
    // "the EST team" is not a zone, so nothing decides the CST below.
    const text = rca({
      title: 'XX01 - RCA - January 5, 2026',
      intro: 'This RCA covers the Alma interruption on January 5, 2026.',
      timeline: 'Customers served by XX01 on January 5, 2026 from 10:00 until 11:00 CST.',
      body: 'The EST team was informed.',
    });
    assert.equal(timeFindings(text).filter((d) => d.code === 'RCA204').length, 1);
  });
});

describe('RCA301: host names are not instances', () => {
  it('ignores DB03, SRV12 and VM01 in the timeline', () => {
    const text = rca({
      title: 'NA01 - RCA - April 11, 2026',
      timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT, when the DB03 database node failed. SRV12 and VM01 were restarted.'),
    });
    assert.deepEqual(codes(text), []);
  });
  it('still reports another region instance', () => {
    const text = rca({ title: 'NA01 - RCA - April 11, 2026', timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT. EU02 was not affected.') });
    assert.deepEqual(codes(text), ['RCA301']);
  });
  it('counts a prefix the title uses, and one from rcaWriter.instanceTimeZones', () => {
    const title = rca({
      title: 'SB01, SB02 - RCA - April 11, 2026',
      timeline: 'Customers served by SB01 and SB03 on April 11, 2026 from 10:00 until 11:00 CDT.',
    });
    assert.deepEqual(codes(title), ['RCA301', 'RCA301']);
    const configured = rca({ title: 'NA01 - RCA - April 11, 2026', timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT. QA07 was moved too.') });
    assert.deepEqual(codes(configured), []);
    assert.deepEqual(codes(configured, { instanceTimeZones: { 'QA*': 'America/Chicago' } }), ['RCA301']);
  });
});

describe('RCA207: range separators', () => {
  for (const sep of [' ~ ', '~', ' – ', ' — ', ' - ', '-', ' to ', ' until ', ' till ', ' through ', ' → ']) {
    it(`"16:50${sep}16:15" ends before it starts`, () => {
      assert.deepEqual(codes(rca({ timeline: TL(`on April 11, 2026, 16:50${sep}16:15 CDT.`) })), ['RCA207']);
    });
  }
  it('"~" before a time means about: "from ~16:15 until ~16:50" is fine', () => {
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from ~16:15 until ~16:50 CDT.') })), []);
  });
  it('struck-through text is not read', () => {
    assert.deepEqual(codes(rca({ intro: 'This RCA covers the Alma interruption on ~~April 2, 2025~~ April 11, 2026.' })), []);
  });
});

describe('RCA208: seconds', () => {
  it('calls 75 in 10:30:75 the second', () => {
    const [d] = timeFindings(rca({ timeline: TL('on April 11, 2026 at 10:30:75 CDT.') }));
    assert.equal(d.code, 'RCA208');
    assert.match(d.message, /second 75 does not exist/);
  });
  it('still calls 75 in 10:75 the minute', () => {
    const [d] = timeFindings(rca({ timeline: TL('on April 11, 2026 at 10:75 CDT.') }));
    assert.match(d.message, /minute 75 does not exist/);
  });
});

describe('RCA206: conversions in parentheses', () => {
  const summer = (s: string) => rca({ title: 'NA01 - RCA - July 3, 2026', intro: 'This RCA covers the Alma interruption on July 3, 2026.', timeline: s });
  const winter = (s: string) => rca({ title: 'NA01 - RCA - January 5, 2026', intro: 'This RCA covers the Alma interruption on January 5, 2026.', timeline: s });
  it('accepts correct conversions, DST included', () => {
    assert.deepEqual(codes(summer(TL('on July 3, 2026 from 10:00 until 11:00 CDT (15:00 until 16:00 UTC).'))), []);
    assert.deepEqual(codes(winter(TL('on January 5, 2026 from 10:00 until 11:00 CST (16:00 until 17:00 UTC).'))), []);
    assert.deepEqual(codes(summer(TL('on July 3, 2026 at 10:20 AM Chicago time (3:20 PM UTC).'))), []);
    assert.deepEqual(codes(summer(TL('on July 3, 2026 at 23:30 CDT (04:30 UTC).'))), []);
  });
  it('reports a conversion that is an hour off', () => {
    const text = summer(TL('on July 3, 2026 at 10:00 Chicago time (16:00 UTC).'));
    assert.deepEqual(codes(text), ['RCA206']);
    assert.match(timeFindings(text)[0].message, /10:00 Chicago time is 15:00 UTC/);
  });
  it('reads the zone of the first time on its date: "10:00 CST (16:00 UTC)" in summer', () => {
    assert.deepEqual(codes(summer(TL('on July 3, 2026 at 10:00 CST (16:00 UTC).'))), ['RCA205', 'RCA206']);
    assert.deepEqual(codes(winter(TL('on January 5, 2026 at 10:00 CST (16:00 UTC).'))), []);
  });
  it('checks the end of a range too', () => {
    assert.deepEqual(codes(summer(TL('on July 3, 2026 from 10:00 until 11:00 CDT (15:00 until 17:00 UTC).'))), ['RCA206']);
  });
  it('accepts either reading of an ambiguous abbreviation', () => {
    const text = rca({
      title: 'XX01 - RCA - January 5, 2026',
      intro: 'This RCA covers the Alma interruption on January 5, 2026.',
      timeline: 'Customers served by XX01 on January 5, 2026 at 10:00 CST (02:00 UTC).',
    });
    assert.ok(!codes(text).includes('RCA206'));
  });
  it("a conversion after a time in the report's zone is not a second zone, nor a second window", () => {
    const text = rca({
      timeline:
        'All times are CDT.\n\n' +
        TL('on April 11, 2026 from 08:45 to 10:10 (13:45–15:10 UTC).') +
        ' The interruption lasted 1 hour and 25 minutes.\n\n- 09:55 (14:55 UTC): Restored.',
    });
    assert.deepEqual(codes(text), []);
  });
  it('says nothing about an impossible time next to a zone (RCA208 reports it)', () => {
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 10:00 until 11:00 CDT.') + ' At 10:30:75 CDT the pool was full.' })), ['RCA208']);
  });
});

describe('RCA211: timeline tables and lines', () => {
  it('orders the rows of a timeline table', () => {
    const text = rca({
      timeline:
        'Customers served by NA01 on April 11, 2026, Chicago time:\n\n| Time | Event |\n| --- | --- |\n| 14:02 | Alerts fired |\n| 14:31 | Nodes restarted |\n| 14:18 | On-call joined |',
    });
    const found = timeFindings(text).filter((d) => d.code === 'RCA211');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /\("14:18"\)/);
  });
  it('accepts a table in order, across midnight', () => {
    const text = rca({
      timeline:
        'Customers served by NA01 on April 11, 2026, Chicago time:\n\n| Time | Event |\n| --- | --- |\n| 23:40 | Alerts fired |\n| 23:55 | Nodes restarted |\n| 00:20 | Service restored |',
    });
    assert.deepEqual(codes(text), []);
  });
  it('reports one entry that is too late once, not every entry after it', () => {
    const text = rca({
      timeline: 'On April 11, 2026, Chicago time:\n\n- 10:05 Alerts.\n- 10:20 Escalation.\n- 12:40 Failover.\n- 10:35 Restart.\n- 10:50 Restored.',
    });
    const found = timeFindings(text).filter((d) => d.code === 'RCA211');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /\("12:40"\) is later than the entry after it \("10:35"\)/);
  });
  it('accepts a log kept newest first, as a status page shows its updates, but not two entries swapped', () => {
    const log = (entries: string) => rca({ timeline: `Customers served by NA01 on April 11, 2026, Chicago time:\n\n${entries}` });
    assert.deepEqual(codes(log('- 15:31 Resolved.\n- 15:12 Monitoring.\n- 14:40 Identified.\n- 14:09 Investigating.')), []);
    assert.deepEqual(codes(log('- 15:12 Monitoring.\n- 14:40 Identified.')), ['RCA211']);
    assert.deepEqual(codes(log('- 15:31 Resolved.\n- 14:40 Identified.\n- 15:12 Monitoring.\n- 14:09 Investigating.')), ['RCA211', 'RCA211']);
  });
  it('orders paragraph lines that start with a time, bold or not', () => {
    const text = rca({
      timeline:
        'Customers served by NA01 on April 11, 2026, Chicago time:\n\n**14:02** – Alerts fired.  \n**14:31** – Nodes restarted.  \n**14:18** – On-call joined.',
    });
    assert.deepEqual(codes(text), ['RCA211']);
  });
});

describe('more forms from hand-written reports', () => {
  it('does not order a table of regions side by side', () => {
    const text = rca({
      title: 'NA01, NA02 - RCA - April 11, 2026',
      timeline:
        'Customers on April 11, 2026, Chicago time:\n\n| Instance | Start | End |\n| --- | --- | --- |\n| NA01 | 14:02 | 14:40 |\n| NA02 | 13:10 | 13:55 |',
    });
    assert.deepEqual(codes(text), []);
  });
  it('reads an end date written after the end: no midnight note', () => {
    const text = rca({
      title: 'NA01 - RCA - January 14, 2026',
      intro: 'This RCA covers the Alma interruption on January 14, 2026.',
      timeline: TL('on Wednesday, January 14th, from 11:45 p.m. CST until 1:10 a.m. CST on January 15th.'),
    });
    assert.deepEqual(codes(text, {}, true), []);
    const wrong = text.replace('January 15th', 'January 13th');
    assert.deepEqual(codes(wrong), ['RCA207']);
  });
  it('reads a start date written after the start: "from 11:20 PM on December 31, 2025 until 12:35 AM on January 1, 2026"', () => {
    const text = rca({
      title: 'NA01 - RCA - December 31, 2025',
      intro: 'This RCA covers the Alma interruption on December 31, 2025.',
      timeline: TL('from 11:20 PM on December 31, 2025 until 12:35 AM on January 1, 2026, Chicago time.'),
    });
    assert.deepEqual(codes(text, {}, true), []);
    assert.deepEqual(codes(text.replace('January 1, 2026,', 'January 1, 2025,')), ['RCA207']);
  });
  it('reads "between 11:49 PM PST on November 24 and 2:24 AM PST on November 25" as one range, and carries its start date', () => {
    // A provider's summary: the range gives both dates, and a later range of the night with none is read from the
    // start date on, not from the end's (which put it on November 25 into 26).
    const text = [
      '# Kinesis event summary - Postmortem',
      '',
      '## What happened',
      '',
      'Between 11:49 PM PST on November 24, 2026 and 2:24 AM PST on November 25, the service returned errors.',
      '',
      'Services that depend on it saw errors between 11:55 PM and 2:40 AM PST.',
      '',
    ].join('\n');
    const { doc, settings } = checkText(text, { profile: 'postmortem' });
    const windows = analyzeTimes(doc, settings).windows.map((w) => ({
      text: text.slice(w.from, w.to),
      start: w.start.ymd?.day,
      end: w.end?.ymd?.day,
    }));
    assert.deepEqual(windows, [
      { text: '11:49 PM PST on November 24, 2026 and 2:24 AM', start: 24, end: 25 },
      { text: '11:55 PM and 2:40 AM', start: 24, end: 25 },
    ]);
    // Without "between", "and" joins two moments, not a range.
    const moments = text.replace('Between 11:49', 'At 11:49').replace(' and 2:24 AM PST on November 25,', ' and again at 2:24 AM PST on November 25,');
    assert.equal(analyzeTimes(checkText(moments, { profile: 'postmortem' }).doc, settings).windows.filter((w) => w.end).length, 1);
  });
  it('reads dates written without a year across a new year in the year that puts them next to the incident', () => {
    const report = (head: string, entries: string[]) =>
      [`# Postmortem: delayed invoices${head}`, '', '## Timeline', '', 'All times are in UTC.', '', ...entries.map((e) => `- ${e}`), ''].join('\n');
    const days = (text: string) => {
      const { doc, settings } = checkText(text, { profile: 'postmortem' });
      return analyzeTimes(doc, settings).windows.map((w) => `${w.start.ymd?.year}-${w.start.ymd?.month}-${w.start.ymd?.day}`);
    };
    const entries = [
      'December 30, 23:50 — the job stalls.',
      'December 31, 09:15 — noticed.',
      'January 1, 10:05 — the lock is found.',
      'January 2, 00:00 — resolved.',
    ];
    // No year but the publication's: no day the report tells of comes after it.
    const published = report('\n\n**Published:** January 6, 2026', entries);
    assert.deepEqual(days(published), ['2025-12-30', '2025-12-31', '2026-1-1', '2026-1-2']);
    assert.deepEqual(codes(published), []);
    // The incident's day in the title: the January days are the next year's.
    const titled = report(', December 30, 2025', entries);
    assert.deepEqual(days(titled), ['2025-12-30', '2025-12-31', '2026-1-1', '2026-1-2']);
    // A day months away keeps the incident's year: it may be before or after, and the report does not say.
    const far = report(', December 30, 2025', ['December 30, 23:50 — the job stalls.', 'March 3, 10:00 — the certificate was issued.']);
    assert.deepEqual(days(far), ['2025-12-30', '2025-3-3']);
  });
  it('orders timeline entries led by weekdays as days that follow each other', () => {
    const report = (entries: string[]) =>
      [
        '# Incident review: slow builds, week of March 9, 2026',
        '',
        '## Timeline',
        '',
        ...entries.map((e) => `- ${e}`),
        '',
        '## Root cause',
        '',
        'The upgrade changed the format of cache keys.',
        '',
      ].join('\n');
    const inOrder = ['Tuesday, 14:00 UTC: builds are slow.', 'Wednesday, 09:30 UTC: the hit rate is found low.', 'Thu 11:10 UTC: keys restored.'];
    assert.deepEqual(codes(report(inOrder), { profile: 'postmortem' }), []);
    // Within one day the order still counts, and so does a weekday written before the one above it.
    assert.deepEqual(codes(report(['Tuesday, 14:00 UTC: slow.', 'Tuesday, 09:30 UTC: noticed.', 'Wednesday, 10:00 UTC: fixed.']), { profile: 'postmortem' }), [
      'RCA211',
    ]);
  });
  it('orders a timeline told as headings, one an entry', () => {
    const entry = (time: string, what: string) => `### ${time} UTC — ${what}\n\n${what} on the search cluster.\n`;
    const report = (times: string[]) =>
      [
        '# Postmortem: search outage, 3 March 2026',
        '',
        '## Timeline',
        '',
        ...times.map((t, i) => entry(t, ['Migration starts', 'Search errors', 'Rollback decided', 'Search restored'][i])),
        '## Root cause',
        '',
        'The migration dropped the read alias before the new index was ready.',
        '',
      ].join('\n');
    assert.deepEqual(codes(report(['09:58', '10:04', '10:20', '10:42']), { profile: 'postmortem' }), []);
    assert.deepEqual(codes(report(['09:58', '10:04', '10:02', '10:42']), { profile: 'postmortem' }), ['RCA211']);
  });
  it("reads a time in another zone further on in an entry, at the entry's moment, as its conversion", () => {
    const report = (utc: string) =>
      [
        '# RCA: Reporting dashboard outage - 2 February 2026',
        '',
        '## Summary',
        '',
        'On 2 February 2026 the reporting dashboard did not load for customers in India.',
        '',
        '## Timeline',
        '',
        'All times in IST (UTC+05:30).',
        '',
        '- 10:30 — dashboard requests start timing out.',
        `- 10:41 — alert fires; on-call engineer begins investigating (${utc} UTC).`,
        '- 12:10 — dashboards load normally.',
        '',
        '## Root cause',
        '',
        'A scheduled export ran a query without a limit.',
        '',
      ].join('\n');
    assert.deepEqual(codes(report('05:11'), { profile: 'postmortem' }), []);
    // Another moment is a time in a second zone, as before.
    assert.deepEqual(codes(report('05:21'), { profile: 'postmortem' }), ['RCA206']);
  });
  it('takes IST as India for an IN instance', () => {
    const text = rca({
      title: 'IN01 - RCA - December 2, 2025',
      intro: 'This RCA covers the Alma interruption on December 2, 2025.',
      timeline: 'Customers served by IN01 on December 2, 2025 at 10:50 IST (05:20 UTC).',
    });
    assert.deepEqual(codes(text, {}, true), []);
  });
  it('reads CEST and CET on the night the clocks go back as one zone', () => {
    const text = rca({
      title: 'EU00 - RCA - October 25, 2026',
      intro: 'This RCA covers the Alma interruption on October 25, 2026.',
      timeline:
        'Customers served by EU00 on October 25, 2026 from 01:30 CEST until 02:40 CET.\n\n- 01:30 CEST: Alerts.\n- 02:10 CET: Failover completed (01:10 UTC).\n- 02:40 CET: Healthy.',
    });
    assert.deepEqual(codes(text, {}, true), []);
  });
  it('reads a zone right after a date', () => {
    const text = rca({ timeline: 'Customers served by NA01 on April 11, 2026 (CDT):\n\n- 10:05 Alerts.\n- 10:20 Failover.' });
    assert.deepEqual(codes(text, {}, true), []);
  });
});

describe('"12:00 noon", "10:00h"', () => {
  it('reads "12:00 noon" and "12 noon" as 12 PM', () => {
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 11:00 AM until 12:00 noon CDT.') })), []);
    assert.deepEqual(codes(rca({ timeline: TL('on April 11, 2026 from 11:00 AM until 12 noon CDT.') })), []);
    assert.equal(findTimes('until 12:00 noon')[0].hour24, 12);
    assert.equal(findTimes('until 12:00 midnight')[0].hour24, 0);
  });
  it('reads a zone after "10:00h" and a range of them', () => {
    const eu = (s: string) => rca({ title: 'EU01 - RCA - April 11, 2026', timeline: `Customers served by the EU01 instance ${s}` });
    assert.deepEqual(codes(eu('on April 11, 2026 from 15:50h until 16:15h CEST.')), []);
    assert.deepEqual(codes(eu('on April 11, 2026 from 15:50 hrs until 16:15 hrs CEST.')), []);
    assert.deepEqual(codes(eu('on April 11, 2026 from 16:50h until 16:15h CEST.')), ['RCA207']);
  });
});

describe('checkText stays whole', () => {
  it('runs on the examples above without throwing', () => {
    assert.ok(checkText(rca({})).diagnostics);
  });
});

describe('a date in a note on when a zone’s offset holds', () => {
  /** The days of the month the analysis reads as dates of the report, but the title's. */
  const daysRead = (timeline: string) => {
    const { doc, settings } = checkText(rca({ timeline }));
    return analyzeTimes(doc, settings)
      .dates.filter((d) => !d.isTitle)
      .map((d) => `${d.month}/${d.day}`)
      .sort();
  };
  const window = TL('on April 11, 2026, from 12:14 AM until 2:27 AM.');

  it('is not read as a date of the report, so not as the timeline’s', () => {
    for (const note of [
      'All times ET (UTC-4 until November 3).',
      'All times London time (BST until 27 October, then GMT).',
      'All times CET (UTC+1; CEST from March 30).',
    ]) {
      const text = rca({ timeline: `${note}\n\n${window}` });
      assert.deepEqual(
        codes(text).filter((code) => code === 'RCA201'),
        [],
        note,
      );
      assert.deepEqual(daysRead(`${note}\n\n${window}`), ['4/11', '4/11'], note);
    }
  });

  it('is read when the note gives a time of day, or names no zone: it tells of an event', () => {
    assert.deepEqual(daysRead(TL('on April 11, 2026, from 10:14 PM Chicago time (until April 12 at 02:27).')), ['4/11', '4/11', '4/12']);
    assert.deepEqual(daysRead(`The upgrade ran (until April 12).\n\n${window}`), ['4/11', '4/11', '4/12']);
  });
});

describe('a dash after UTC before a date', () => {
  it('ends a range: the year is no offset', () => {
    const zones = zoneTable({}).find('Duration: 2024-05-14 09:32 UTC - 2024-05-14 11:05 UTC');
    assert.deepEqual(
      zones.map((z) => [z.text, z.iana]),
      [
        ['UTC', 'UTC'],
        ['UTC', 'UTC'],
      ],
    );
    assert.deepEqual(
      zoneTable({})
        .find('All times UTC-4 (UTC - 04:00), or GMT+5:30.')
        .map((z) => z.iana),
      ['UTC-4', 'UTC-4', 'UTC+5:30'],
    );
  });
});

describe('RCA202 and a postmortem whose title names the day', () => {
  const summaryWithoutDate = (title: string) =>
    checkText(`# ${title}\n\n## Summary\n\nCheckout failed for 38 minutes.\n\n## Root cause\n\nA small pool.\n\n## Action items\n\n- Resize it.\n`, {
      profile: 'postmortem',
    }).diagnostics.some((d) => d.code === 'RCA202');

  it('is not reported: the title states the day once', () => {
    assert.equal(summaryWithoutDate('Incident report: checkout outage on March 3, 2025'), false);
  });

  it('is reported when the title names no day', () => {
    assert.equal(summaryWithoutDate('Incident report: checkout outage in March 2025'), true);
  });
});
