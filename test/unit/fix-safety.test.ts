import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText as checkUnder } from '../../server/src/engine/check';
import type { RcaSettings } from '../../server/src/engine/settings';
import { fixAll } from '../../server/src/engine/fix-all';
import { provenFixes } from '../../server/src/engine/fix-proof';
import { parseMarkdown } from '../../server/src/engine/parse';
import { applyEdits } from '../../server/src/engine/text';

/** House reports broken on purpose: their fixes are those of the house profile, which `auto` picks only for a sound one. */
const HOUSE = { profile: 'exlibris' };
const checkText = (text: string, settings: Partial<RcaSettings> = {}) => checkUnder(text, { ...HOUSE, ...settings });

// Regression tests for issue 13, items 1 to 4, built from the inputs.

const introduction = [
  '# NA01 - RCA - April 11, 2026',
  '',
  '## Introduction',
  '',
  'On April 11, 2026 the NA01 instance was unavailable from 10:00 to 11:00 CDT.',
  '',
].join('\n');

/** The sections that follow the Event Timeline, complete and clean, for reports whose first sections a test varies. */
const sectionsAfterTimeline = [
  '## Root Cause Analysis',
  '',
  'A database failover stalled.',
  '',
  '## Technical Action Items and Preventive Measures',
  '',
  '- Add alerts.',
  '',
  '## Customer Communication',
  '',
  'Posted on http://status.exlibrisgroup.com/.',
  '',
];

/** The report: the Introduction ends in an opened block, followed by notes. */
const endingIn = (opener: string) => `${introduction}\n${opener}\ndraft notes, to finish later\n`;

const headingsOf = (text: string) => parseMarkdown(text).children.filter((node) => node.type === 'heading').length;

/** Every block of CommonMark that runs to an end marker, and what closes it; a fence runs to its closing fence. */
const openers: [string, string, RegExp][] = [
  ['<pre>', '</pre>', /the "<pre>" block on line 7/],
  ['<script>', '</script>', /the "<script>" block/],
  ['<style>', '</style>', /the "<style>" block/],
  ['<textarea>', '</textarea>', /the "<textarea>" block/],
  ['<?php', '?>', /the "<\?" block/],
  ['<![CDATA[', ']]>', /the "<!\[CDATA\[" section/],
  ['<!DOCTYPE html', '>', /the "<!DOCTYPE" declaration/],
  ['<!--', '-->', /the HTML comment/],
  ['```', '```', /the code block fenced with "```"/],
  ['~~~~', '~~~~', /the code block fenced with "~~~~"/],
];

describe('issue 13.1: no fix is swallowed by an open block at the end', () => {
  for (const [opener, closer, named] of openers) {
    it(`offers no insertion after an unclosed ${opener}, says why, and Fix All changes nothing`, () => {
      const text = endingIn(opener);
      const missing = checkText(text).diagnostics.filter((d) => d.code === 'RCA101');
      assert.equal(missing.length, 4, 'the four sections after the Introduction are missing');
      for (const diagnostic of missing) {
        assert.deepEqual(diagnostic.fixes?.filter((fix) => fix.isPreferred) ?? [], [], `no insertion offered for: ${diagnostic.message}`);
        assert.match(diagnostic.message, named);
        assert.ok(diagnostic.message.includes(`is never closed`) && diagnostic.message.includes(`Close it with "${closer}" first.`), diagnostic.message);
      }
      assert.equal(fixAll(text, HOUSE), text, 'Fix All inserts nothing into the open block');
    });

    it(`inserts each section once, as a section, when the ${opener} block is closed`, () => {
      const text = `${introduction}\n${opener}\ndraft notes, to finish later\n${closer}\n`;
      const fixed = fixAll(text, HOUSE);
      assert.equal((fixed.match(/^## Event Timeline$/gm) ?? []).length, 1);
      assert.equal(headingsOf(fixed), headingsOf(text) + 4, 'the four inserted headings are headings, not text in a block');
      assert.deepEqual(
        checkText(fixed).diagnostics.filter((d) => d.code === 'RCA101'),
        [],
      );
      assert.equal(fixAll(fixed, HOUSE), fixed, 'a second Fix All changes nothing');
    });
  }

  it('tells a code block at the end closed or open from its last line as the parser does, without parsing it again', () => {
    const insertions = (text: string) => checkText(text).diagnostics.filter((d) => d.code === 'RCA101' && d.fixes?.some((fix) => fix.isPreferred)).length;
    // Closed: an indented block (any line not indented ends it), a fence whose last line closes it.
    for (const ending of ['    code\n    more', '```\ncode\n```', '~~~\ncode\n~~~~ \t', '  ````js\ncode\n   `````']) {
      assert.equal(insertions(`${introduction}\n${ending}\n`), 4, JSON.stringify(ending));
      assert.equal(insertions(`${introduction}\n${ending}`), 4, JSON.stringify(ending));
    }
    // Open: the last line is no closing fence of this block (shorter, the other character, an info string).
    for (const ending of ['```', '````\ncode\n```', '```\ncode\n~~~', '```\ncode\n``` js', '~~~\ncode\n    ~~~']) {
      assert.equal(insertions(`${introduction}\n${ending}\n`), 0, JSON.stringify(ending));
    }
  });

  it('still offers the insertions after a <div> block, which ends at a blank line', () => {
    const text = endingIn('<div class="note">');
    const fixed = fixAll(text, HOUSE);
    assert.equal((fixed.match(/^## Event Timeline$/gm) ?? []).length, 1);
    assert.deepEqual(
      checkText(fixed).diagnostics.filter((d) => d.code === 'RCA101'),
      [],
    );
  });
});

describe('issue 13.2: a move never carries an open comment along', () => {
  const sections = [
    '## Root Cause Analysis\n\nA database failover stalled.\n',
    '## Technical Action Items and Preventive Measures\n\n- Add alerts.\n',
    '## Customer Communication\n\nPosted on http://status.exlibrisgroup.com/.\n',
  ].join('\n');
  const timeline = '## Event Timeline\n\n- 10:00 CDT: alerts fired.\n';

  it('offers no move for the last section while it holds an unclosed "<!--", and says why', () => {
    const text = `${introduction}\n${sections}\n${timeline}<!-- draft notes, to finish later\n`;
    const [order] = checkText(text).diagnostics.filter((d) => d.code === 'RCA102');
    assert.ok(order, 'Event Timeline is reported out of order');
    assert.deepEqual(
      order.fixes?.filter((fix) => fix.title.startsWith('Move')),
      [],
    );
    assert.match(order.message, /the HTML comment \("<!--"\) on line \d+ is never closed, so a fix that moved it would hide everything after its new place/);
    assert.equal(fixAll(text, HOUSE), text);
  });

  it('moves the section once the comment is closed, and every section stays a section', () => {
    const text = `${introduction}\n${sections}\n${timeline}<!-- draft notes, to finish later -->\n`;
    const fixed = fixAll(text, HOUSE);
    assert.ok(fixed.indexOf('## Event Timeline') < fixed.indexOf('## Root Cause Analysis'));
    assert.deepEqual(
      checkText(fixed)
        .diagnostics.filter((d) => d.severity !== 'information')
        .map((d) => d.code),
      [],
    );
  });
});

describe('issue 13.3: a paragraph that says nothing is no introduction', () => {
  const rest = ['## Event Timeline', '', '- 10:00 CDT: alerts fired.', '', ...sectionsAfterTimeline].join('\n');
  const text = `# NA01 - RCA - April 11, 2026\n\n—\n\n${rest}`;

  it('reports the missing Introduction at once, and the stray paragraph still', () => {
    const codes = checkText(text).diagnostics.map((d) => `${d.code} ${d.message.split('.')[0]}`);
    assert.ok(codes.includes('RCA101 Missing required section "Introduction"'), codes.join('\n'));
    assert.ok(
      codes.some((code) => code.startsWith('RCA107 This paragraph is only "—"')),
      codes.join('\n'),
    );
  });

  it('removing the paragraph raises nothing new', () => {
    const result = checkText(text);
    const stray = result.diagnostics.find((d) => d.code === 'RCA107')!;
    const [remove] = provenFixes(result, stray);
    assert.equal(remove.title, 'Remove the stray paragraph');
    assert.equal(remove.isPreferred, true);
    const after = checkText(applyEdits(text, remove.edits)).diagnostics.map((d) => d.message);
    assert.deepEqual(
      after,
      result.diagnostics.filter((d) => d !== stray).map((d) => d.message),
    );
  });

  it('text under the title with words in it is still the introduction', () => {
    const codes = checkText(`# NA01 - RCA - April 11, 2026\n\nOn April 11, 2026 NA01 was down.\n\n—\n\n${rest}`).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('RCA101'));
  });
});

describe('issue 13.4: every fix proves itself', () => {
  const base = ['# NA01 - RCA - April 11, 2026', '', '## Introduction', '', 'On April 11, 2026 NA01 was down.', ''];
  const after = ['', ...sectionsAfterTimeline];

  it('a fix that raises a new warning is offered, not preferred, and says so; Fix All leaves it', () => {
    // Removing the only (empty) item of the Event Timeline leaves that section empty (RCA104).
    const text = [...base, '## Event Timeline', '', '- ', ...after].join('\n');
    const result = checkText(text);
    const empty = result.diagnostics.find((d) => d.code === 'RCA107')!;
    assert.equal(empty.fixes![0].isPreferred, true, 'the rule prefers it');
    const [remove] = provenFixes(result, empty);
    assert.equal(remove.isPreferred, false);
    assert.equal(remove.title, 'Remove the empty list item (this raises RCA104)');
    assert.equal(fixAll(text, HOUSE), text);
  });

  it('a fix that leaves its finding is not offered', () => {
    const text = [...base, '## Event Timeline', '', '- ', '- 10:00 CDT: alerts fired.', ...after].join('\n');
    const result = checkText(text);
    const empty = result.diagnostics.find((d) => d.code === 'RCA107')!;
    // A fix that edits something else: the empty item is still there afterwards.
    const elsewhere = {
      title: 'Touch the title',
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' }],
      isPreferred: true,
    };
    const offered = provenFixes(result, { ...empty, fixes: [elsewhere, ...empty.fixes!] });
    assert.deepEqual(
      offered.map((fix) => fix.title),
      ['Remove the empty list item', 'Ignore RCA107 on this line'],
    );
  });

  it('a fix that changes how the rest of the document parses is not offered', () => {
    const text = [...base, '## Event Timeline', '', '- ', '- 10:00 CDT: alerts fired.', ...after].join('\n');
    const result = checkText(text);
    const empty = result.diagnostics.find((d) => d.code === 'RCA107')!;
    // Writing an open "<pre>" in place of the empty item would turn every later heading into preformatted text.
    const line = empty.range.start.line;
    const swallowing = {
      title: 'Open a block',
      edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '<pre>\n' }],
      isPreferred: true,
    };
    assert.deepEqual(provenFixes(result, { ...empty, fixes: [swallowing] }), []);
  });

  it('a preferred fix that proves itself stays preferred, and Fix All applies it', () => {
    const text = [...base, '## Event Timeline', '', '- ', '- 10:00 CDT: alerts fired.', ...after].join('\n');
    const result = checkText(text);
    const empty = result.diagnostics.find((d) => d.code === 'RCA107')!;
    assert.equal(provenFixes(result, empty)[0].isPreferred, true);
    assert.ok(!fixAll(text, HOUSE).includes('- \n'));
  });
});
