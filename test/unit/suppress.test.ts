import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { buildModel } from '../../server/src/engine/model';
import { findProfile } from '../../server/src/engine/profiles';
import { ignoreLineFix } from '../../server/src/engine/suppress';
import { applyEdits } from '../../server/src/engine/text';

const body = (extra: string) =>
  [
    '# NA01 - RCA - April 11, 2026',
    '',
    '## Introduction',
    '',
    'Intro TODO one on April 11, 2026.',
    '',
    'Intro TODO two.',
    '',
    '## Event Timeline',
    '',
    'April 11, 2026 from 10:16 until 10:23 Chicago time.',
    '',
    '## Root Cause Analysis',
    '',
    'The cause TBD.',
    '',
    '## Technical Action Items and Preventive Measures',
    '',
    '- An action.',
    '',
    '## Customer Communication',
    '',
    'Updates at this address: http://status.exlibrisgroup.com/',
    extra,
  ].join('\n');

const lines = (text: string) =>
  checkText(text)
    .diagnostics.filter((d) => d.code === 'RCA109')
    .map((d) => d.range.start.line);

describe('inline suppression', () => {
  it('reports every placeholder without directives', () => {
    assert.deepEqual(lines(body('')), [4, 6, 14]);
  });
  it('disable … enable switches a rule off for a stretch, by code or by name', () => {
    const text = body('')
      .replace('Intro TODO one on April 11, 2026.', '<!-- rca-writer-disable RCA109 -->\nIntro TODO one.')
      .replace('## Root Cause', '<!-- rca-writer-enable placeholder -->\n\n## Root Cause');
    assert.deepEqual(lines(text), [17]);
  });
  it('disable-next-line and disable-line cover one line', () => {
    const next = body('').replace('Intro TODO two.', '<!-- rca-writer-disable-next-line RCA109 -->\nIntro TODO two.');
    assert.deepEqual(lines(next), [4, 15]);
    const same = body('').replace('The cause TBD.', 'The cause TBD. <!-- rca-writer-disable-line RCA109 -->');
    assert.deepEqual(lines(same), [4, 6]);
  });
  it('disable-file anywhere covers the whole file; other codes are untouched', () => {
    const text = body('<!-- rca-writer-disable-file RCA109, RCA104 -->');
    assert.deepEqual(lines(text), []);
    const other = body('<!-- rca-writer-disable-file RCA105 -->');
    assert.deepEqual(lines(other), [4, 6, 14]);
  });
  it('a directive without codes covers every rule', () => {
    const text = body('').replace('## Customer Communication', '<!-- rca-writer-disable -->\n\n## Customer Communications');
    assert.deepEqual(
      checkText(text).diagnostics.map((d) => d.code),
      ['RCA109', 'RCA109', 'RCA109'],
    );
  });
  it('the "Ignore on this line" fix adds a directive that silences just that finding', () => {
    const text = body('');
    const first = checkText(text).diagnostics.find((d) => d.code === 'RCA109')!;
    const ignore = first.fixes!.find((f) => f.title === 'Ignore RCA109 on this line')!;
    const fixed = applyEdits(text, ignore.edits);
    assert.ok(fixed.includes('Intro TODO one on April 11, 2026. <!-- rca-writer-disable-line RCA109 -->\n'));
    assert.deepEqual(lines(fixed), [6, 14]);
  });
  it('offers no "Ignore on this line" fix on a line that ends in a code block, at the top level or inside a block', () => {
    const text = [
      'text', // 0
      '```', // 1
      'code', // 2
      '```', // 3
      '',
      '    indented', // 5
      'para', // 6
      '- item', // 7
      '',
      '      item code', // 9
      '> ```', // 10
      '> quoted', // 11
      '> ```', // 12
      '- ~~~', // 13
      '  x', // 14
      '  ~~~', // 15
      'after', // 16
    ].join('\n');
    const doc = buildModel(text, findProfile('exlibris')!);
    const offered = (line: number) => {
      const range = { start: { line, character: 0 }, end: { line, character: 1 } };
      return !!ignoreLineFix(doc, { range, message: 'm', code: 'RCA109', rule: 'placeholder', severity: 'warning', source: 'rca-writer' });
    };
    assert.deepEqual([0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16].filter(offered), [0, 6, 7, 16]);
  });
});
