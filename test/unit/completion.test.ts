import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../server/src/authoring/completion';
import { buildModel } from '../../server/src/engine/model';
import { findProfile } from '../../server/src/engine/profiles';
import { resolveSettings } from '../../server/src/engine/settings';

const profile = findProfile('exlibris')!;

/** Completions where "|" stands in the text. */
function at(textWithCursor: string, settings = {}, invoked = true) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const doc = buildModel(text, profile);
  return completionsAt(doc, doc.lines.positionAt(offset), resolveSettings(settings), invoked);
}

const report = (body: string) =>
  `# NA01, EU02 - RCA - April 11, 2026\n\n## Introduction\n\nOn April 11, 2026.\n\n## Event Timeline\n\nApril 11, 2026 from 10:16 until 10:23 Amsterdam time.\n\n${body}\n`;

describe('completions', () => {
  it('after "## ": required missing sections in profile order, then optional, then present ones', () => {
    const items = at(report('## |'))
      .filter((i) => !i.snippet)
      .sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'Root Cause Analysis',
        'Technical Action Items and Preventive Measures',
        'Customer Communication',
        'Affected Products',
        'Publication History',
        'Introduction',
        'Event Timeline',
      ],
    );
  });

  it('replaces what was typed after "## " up to the end of the line', () => {
    const item = at(report('## Roo|t'))[0];
    assert.deepEqual(item.range, { start: { line: 10, character: 3 }, end: { line: 10, character: 7 } });
  });

  it('offers a section with its skeleton as a snippet', () => {
    const item = at(report('## |')).find((i) => i.label === 'Root Cause Analysis (with skeleton)')!;
    assert.ok(item.snippet);
    assert.match(item.insertText, /^Root Cause Analysis\n\nOur engineers investigated the event and found the following:\n\n\$\{1:\[cause\]\}$/);
  });

  it('offers nothing after "# " or "#### "', () => {
    assert.deepEqual(at('# |'), []);
    assert.deepEqual(at(report('#### |')), []);
  });

  it('after a time: the zones of the document first, then aliases and common zones, filtered by what was typed', () => {
    const items = at(report('Back at 10:40 |'), { timeZoneAliases: { 'Israel time': 'Asia/Jerusalem' } });
    assert.equal(items[0].label, 'Amsterdam time');
    assert.ok(items.findIndex((i) => i.label === 'Israel time') < items.findIndex((i) => i.label === 'UTC'));
    assert.deepEqual(
      at(report('Back at 10:40 AM Ch|')).map((i) => i.label),
      ['Chicago time'],
    );
  });

  it('instance codes already in the document, for an upper-case prefix', () => {
    assert.deepEqual(
      at(report('Also E|'))
        .filter((i) => i.kind === 'instance')
        .map((i) => i.label),
      ['EU02'],
    );
    assert.deepEqual(
      at(report('Also NA01|')).filter((i) => i.kind === 'instance'),
      [],
    );
  });

  it('instance codes only: host names such as DB03 or SRV12 are not offered; an instanceTimeZones glob adds its prefix', () => {
    const body = 'The database host DB03 and node SRV12 failed over to DB04; SB01 was unaffected.\n\nAlso |';
    assert.deepEqual(
      at(report(body))
        .filter((i) => i.kind === 'instance')
        .map((i) => i.label),
      ['EU02', 'NA01'],
    );
    assert.deepEqual(
      at(report(body.replace('Also |', 'Also D|'))).filter((i) => i.kind === 'instance'),
      [],
    );
    assert.deepEqual(
      at(report(body.replace('Also |', 'Also S|')), { instanceTimeZones: { 'SB*': 'UTC' } })
        .filter((i) => i.kind === 'instance')
        .map((i) => i.label),
      ['SB01'],
    );
  });

  it('a space typed in a sentence opens nothing; the same place on Ctrl+Space offers codes and dates', () => {
    assert.deepEqual(at(report('The outage hit |'), {}, false), []);
    assert.ok(at(report('The outage hit |'), {}, true).some((i) => i.kind === 'instance'));
    assert.ok(at(report('## |'), {}, false).length > 0, 'the section list still opens on "## "');
  });

  it('the incident date, for a month prefix', () => {
    assert.deepEqual(
      at(report('Restored on Ap|')).map((i) => i.label),
      ['April 11, 2026'],
    );
    assert.deepEqual(
      at(report('Restored on Ma|')).map((i) => i.label),
      [],
    );
  });
});
