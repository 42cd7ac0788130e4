import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine/check';

const report = (dateLine: string, summaryDate: string) =>
  [
    '# Incident report: appointment booking unavailable',
    '',
    dateLine,
    '',
    '## Summary',
    '',
    `Bookings failed between 09:30 and 11:20 UTC on ${summaryDate}.`,
    '',
    '## Timeline',
    '',
    '- 09:30 UTC Bookings start to fail.',
    '- 10:05 UTC On-call engineer paged.',
    '- 11:20 UTC Bookings succeed again.',
    '',
    '## Root cause',
    '',
    'The gateway certificate expired.',
    '',
    '## Action items',
    '',
    '- [ ] Renew certificates automatically.',
    '',
  ].join('\n');

describe('a line that labels the incident date', () => {
  it('is the date the introduction is held to when the title has none', () => {
    const found = checkText(report('**Date of incident:** 16 June 2026', '16 May 2026')).diagnostics;
    assert.deepEqual(
      found.map((d) => d.code),
      ['RCA201'],
    );
    assert.equal(found[0].message, 'The introduction says 16 May 2026; the incident date line says June 16, 2026: the month differs.');
    assert.deepEqual(
      checkText(report('Incident date: 2026-06-16', '16 May 2026')).diagnostics.map((d) => d.code),
      ['RCA201'],
    );
    assert.deepEqual(
      checkText(report('| Field | Value |\n| --- | --- |\n| Outage date | 16 June 2026 |', '16 May 2026')).diagnostics.map((d) => d.code),
      ['RCA201'],
    );
  });

  it('agrees with an introduction of the same day, and a bare "Date:" may be the day the report was written', () => {
    assert.deepEqual(checkText(report('**Date of incident:** 16 June 2026', '16 June 2026')).diagnostics, []);
    assert.deepEqual(checkText(report('**Date:** 18 June 2026', '16 June 2026')).diagnostics, []);
  });

  it('holds the introduction to a bare "Date:" where its day cannot be the day of writing', () => {
    const codes = (dateLine: string, summaryDate: string) => checkText(report(dateLine, summaryDate)).diagnostics.map((d) => d.code);
    // The line's day of another month, left from last month's report; a summary's day after the line's.
    assert.deepEqual(codes('**Date:** 16 June 2026', '16 May 2026'), ['RCA201']);
    assert.deepEqual(codes('**Date:** 2026-06-16', '16 June 2025'), ['RCA201']);
    assert.deepEqual(codes('**Date:** 16 June 2026', '19 June 2026'), ['RCA201']);
    // Not where the page says the line is the report's own date, nor for a day the line's span holds.
    assert.deepEqual(codes('**Date:** 16 June 2026 (published)', '19 June 2026'), []);
    assert.deepEqual(codes('**Date:** 16 June 2026\n\nThis report was written on 16 June 2026.', '19 June 2026'), []);
    assert.deepEqual(codes('**Date:** 15 June 2026 to 17 June 2026', '16 June 2026'), []);
  });
});
