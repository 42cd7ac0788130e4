import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine/check';
import { defaultSettings } from '../../../server/src/engine/settings';
import { analyzeTimes } from '../../../server/src/engine/time/analyze';
import { timeInfoAt, timelineHints } from '../../../server/src/engine/time/hover';
import { rca } from './helpers';

describe('hovers and timeline hints', () => {
  const text = rca({
    timeline: 'Service interruption was experienced during the following hours, Chicago time:\n\nApril 11, 2026, from 12:14 AM until 2:27 AM.',
  });
  const { doc } = checkText(text);

  it('labels each timeline range with its duration and UTC window', () => {
    const hints = timelineHints(doc);
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, '2 h 13 min · 05:14–07:27 UTC');
    assert.equal(doc.lines.lineText(hints[0].position.line).slice(0, hints[0].position.character), 'April 11, 2026, from 12:14 AM until 2:27 AM');
  });

  it('hovering a range shows the weekday, both zones and the duration', () => {
    const info = timeInfoAt(doc, text.indexOf('12:14 AM') + 2)!;
    assert.match(info, /2 h 13 min/);
    assert.match(info, /Saturday, April 11, 2026, 00:14 CDT/);
    assert.match(info, /Saturday, April 11, 2026, 05:14 UTC/);
  });

  it('hovering a date written without its year says where the year came from', () => {
    const report =
      '# Postmortem: delayed invoices, December 30, 2025\n\n## Timeline\n\nAll times are UTC.\n\n- December 31: noticed.\n- January 2: resolved.\n';
    const { doc: read } = checkText(report, { profile: 'postmortem' });
    assert.equal(timeInfoAt(read, report.indexOf('December 31') + 1), '**Wednesday**, December 31, 2025 (year from the incident date)');
    assert.equal(timeInfoAt(read, report.indexOf('January 2') + 1), '**Friday**, January 2, 2026 (year read across the new year from the incident date)');
  });

  it('hovering a date shows its weekday', () => {
    const info = timeInfoAt(doc, text.indexOf('April 11, 2026') + 1)!;
    assert.match(info, /Saturday/);
  });

  it('nothing to show on plain words', () => {
    assert.equal(timeInfoAt(doc, text.indexOf('Root Cause')), undefined);
  });

  it('a crossing range is labelled with its real length', () => {
    const crossing = checkText(rca({ timeline: 'Customers of NA01 on September 30, 2023 from 23:43 until October 1, 2023 01:17 AM CDT.' })).doc;
    assert.equal(timelineHints(crossing)[0].label, '1 h 34 min · 04:43–06:17 UTC');
  });

  it('DST is applied from the zone, whatever the machine zone', () => {
    const winter = checkText(rca({ timeline: 'Customers of NA01 on January 5, 2026 from 10:00 until 11:00 Chicago time.' })).doc;
    assert.equal(timelineHints(winter)[0].label, '1 h · 16:00–17:00 UTC');
    const shanghai = checkText(rca({ timeline: 'Customers of NA01 on March 10, 2021 from 05:59 until 09:23 Beijing time.' })).doc;
    assert.equal(timelineHints(shanghai)[0].label, '3 h 24 min · 21:59–01:23 UTC');
  });

  it('parses each document once per settings', () => {
    const settings = defaultSettings();
    assert.equal(analyzeTimes(doc, settings), analyzeTimes(doc, settings));
  });
});
