import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, MAX_CHARS, MAX_TIME_CHECK_CHARS } from '../../server/src/engine/check';
import { lineBounds, MAX_INLINE_WORK, MAX_NESTING, MAX_PARAGRAPH_ESCAPES } from '../../server/src/engine/line-bounds';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { MAX_TABLE_ROW_PIPES, parseMarkdown } from '../../server/src/engine/parse';
import { fixAll } from '../../server/src/engine/fix-all';
import { allRules, timeRules } from '../../server/src/engine/rules';
import { LineIndex } from '../../server/src/engine/text';
import { largeRca } from '../../scripts/bench/inputs';

const title = '# NA01 - RCA - April 11, 2026';
const sentence = 'Customers on NA01 had no service on April 11, 2026 from 10:16 until 10:23 CST. TODO ';
// Without a work budget: what these tests ask of a check holds on any machine, however slow or busy.
const codes = (text: string) => checkText(text, {}, { budgetMs: Infinity }).diagnostics.map((d) => d.code);

function inRange(text: string): void {
  const index = new LineIndex(text);
  for (const d of checkText(text).diagnostics) {
    assert.ok(d.range.start.line < index.lineCount && d.range.end.line < index.lineCount, `${d.code} on an existing line`);
    assert.ok(d.range.end.character <= index.lineText(d.range.end.line).length, `${d.code} within its line`);
  }
}

describe('hostile input to the engine', () => {
  it('a 10 MB file: the title is read, nothing else, and RCA001 says why', () => {
    const text = `${title}\n\n${`${sentence}\n\n`.repeat(Math.ceil(10_000_000 / (sentence.length + 2)))}`;
    assert.ok(text.length > 10_000_000);
    const { diagnostics, doc } = checkText(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['RCA001', 'information']],
    );
    assert.match(diagnostics[0].message, /10\.0 million characters, more than the 2\.0 million characters it checks/);
    assert.equal(doc.title?.text, 'NA01 - RCA - April 11, 2026');
  });

  it('a single line past the size bound: the same', () => {
    const { diagnostics } = checkText(`${title}\n\n${sentence.repeat(Math.ceil(MAX_CHARS / sentence.length))}`);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['RCA001'],
    );
  });

  it('a document of more than 1 MiB is checked in full, dates and times included', () => {
    const log = `\`\`\`text\n${'2026-04-11T10:16:00Z request served\n'.repeat(Math.ceil(1_048_576 / 36))}\`\`\`\n`;
    const text = `${title}\n\n## Introduction\n\nCustomers had no service on April 2, 2026.\n\n${log}`;
    assert.ok(text.length > 1_048_576 && text.length < MAX_TIME_CHECK_CHARS);
    // The size bounds are what is tested; a 1 MB document may take longer than the work budget, which is lifted.
    const found = checkText(text, {}, { budgetMs: Infinity }).diagnostics.map((d) => d.code);
    assert.ok(found.includes('RCA201'), 'the date mismatch is reported');
    assert.ok(!found.includes('RCA001'), 'nothing was skipped');
  });

  it('a document past the date-and-time bound: the structure checks that finished are returned, and what was skipped is named', () => {
    const text = `${title}\n\n## Introduction\n\n${`${sentence}\n\n`.repeat(Math.ceil(MAX_TIME_CHECK_CHARS / sentence.length))}`;
    assert.ok(text.length > MAX_TIME_CHECK_CHARS && text.length < MAX_CHARS);
    // The size bound is what is tested: 1.2 MB of paragraphs may also pass the work budget, so it is lifted.
    const { diagnostics } = checkText(text, {}, { budgetMs: Infinity });
    const found = new Set(diagnostics.map((d) => d.code));
    assert.ok(found.has('RCA101') && found.has('RCA109'), 'missing sections and placeholders still found');
    assert.ok(![...found].some((code) => /^RCA[23]/.test(code)), 'no date or time rule ran');
    const skipped = diagnostics.filter((d) => d.code === 'RCA001');
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].severity, 'information');
    assert.match(skipped[0].message, /^Dates and times were not checked: .*skipped: RCA201, RCA202, .*RCA302\.$/);
  });

  it('the same text just inside the bound gets the date and time rules', () => {
    const text = `${title}\n\n## Introduction\n\nCustomers had no service on April 2, 2026.\n`;
    assert.ok(codes(text).includes('RCA201'), 'the date mismatch is reported');
  });

  it('125,000 times in one sentence: the date and time rules still run, and a real "14:00 PM" is reported', () => {
    // They once overflowed the stack through windows.push(...sentenceWindows), and RCA001 was all the document got.
    const intro = 'Customers on NA01 had no service on April 11, 2026 at 14:00 PM CST.';
    const text = `${title}\n\n## Introduction\n\n${intro}\n\n## Event Timeline\n\nApril 11, 2026: ${'10:00 '.repeat(125_000)}CST.\n`;
    // What is tested is that nothing overflows: the work budget, which may stop the analysis of this sentence (and
    // says so), is lifted.
    const found = checkText(text, {}, { budgetMs: Infinity }).diagnostics.map((d) => d.code);
    assert.ok(found.includes('RCA208'), 'the invalid time is reported');
    assert.ok(!found.includes('RCA001'), 'nothing was skipped');
  });

  it('letters that match another letter only when case is ignored skip no rule, and a real "14:00 PM" is still reported', () => {
    // The zone patterns ignore case, so they read the Kelvin sign as "K" and the long s as "s": "MS\u212A" and
    // "Eastern \u017Ftandard Time" once found no entry in the zone tables, and the whole analysis was dropped.
    for (const odd of ['MS\u212A', 'Eastern \u017Ftandard Time', '\u212AST', 'I\u017FT']) {
      const text = `${title}\n\n## Introduction\n\nCustomers on NA01 had no service on April 11, 2026 at 14:00 PM ${odd}.\n`;
      const found = codes(text);
      assert.ok(found.includes('RCA208'), `the invalid time is reported beside ${JSON.stringify(odd)}`);
      assert.ok(!found.includes('RCA001'), `nothing was skipped beside ${JSON.stringify(odd)}`);
    }
  });

  it('past the work budget the rules that ran keep their findings, and RCA001 names those skipped', () => {
    // A clock that moves a second per reading: the check reads it once at the start and once before each rule.
    let now = 0;
    const clock = () => (now += 1000);
    const text = `${title}\n\n## Introduction\n\nTODO on April 11, 2026 at 14:00 PM CST.\n`;
    const { diagnostics } = checkText(text, {}, { budgetMs: 3500, clock });
    const found = new Set(diagnostics.map((d) => d.code));
    assert.ok(found.has('RCA101'), 'the missing sections, found before the budget ran out');
    assert.ok(!found.has('RCA208'), 'the time rules were not run');
    const skipped = diagnostics.filter((d) => d.code === 'RCA001');
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].message, /^RCA Writer stopped checking this document after 3\.5 s, .*skipped: RCA10\d, .*RCA208, .*RCA302\.$/);
    const underDefault = checkText(text).diagnostics.map((d) => d.code);
    assert.deepEqual(codes(text), underDefault, 'under the default budget nothing is skipped');
  });

  it('the date and time analysis stops at the deadline too: the date and time rules are skipped, named, with where it stopped', () => {
    // A clock that moves a millisecond per reading: the check reads it before each rule, the analysis every 64
    // sentences, so the deadline passes inside the analysis of 20,000 sentences, not between rules.
    let now = 0;
    const clock = () => (now += 1);
    const text = `${title}\n\n## Introduction\n\n${'At 10:00 CST the link fell. '.repeat(20_000)}\n`;
    const { diagnostics } = checkText(text, {}, { budgetMs: 150, clock });
    const skipped = diagnostics.filter((d) => d.code === 'RCA001');
    assert.equal(skipped.length, 1);
    // The paragraph cut halfway is left out whole: the rules that may run on the lines read get the four before it.
    assert.match(skipped[0].message, /\(the date and time analysis ran out of time at line 5 of 6\); .* checked lines 1–4 only, .*skipped: RCA2\d\d, /);
    const dateRules = [...timeRules].map((rule) => rule.code);
    for (const code of dateRules) assert.ok(skipped[0].message.includes(code), `${code} is named`);
    assert.ok(!diagnostics.some((d) => dateRules.includes(d.code)), 'no date or time rule ran on the paragraph cut halfway');
    assert.ok(
      diagnostics.some((d) => d.code === 'RCA101'),
      'the structure rules that ran before keep their findings',
    );
    assert.ok(now < 2_000, `the analysis stopped at the deadline, not at the end (${now} readings)`);
  });

  /** The clock's readings in a whole check of `text`, for a budget that runs out partway through it. */
  function readingsOf(text: string): number {
    let readings = 0;
    checkText(text, {}, { budgetMs: Infinity, clock: () => readings++ });
    return readings;
  }

  // Issue 17: past the budget, RCA001 used to be all a long document with a real "14:00 PM" got.
  const partialTimeRules = [...timeRules].filter((rule) => rule.partialTimes).map((rule) => rule.code);
  const wholeTimeRules = [...timeRules].filter((rule) => !rule.partialTimes).map((rule) => rule.code);

  for (const [shape, gap] of [
    ['paragraphs', '\n\n'],
    ['lines of one paragraph', '\n'],
  ] as const)
    it(`when the date and time analysis runs out, the rules local to a sentence report on the lines read, and RCA001 names the rest (${shape})`, () => {
      const text = `${title}\n\n## Introduction\n\n${Array.from({ length: 3_000 }, (_, i) => `From 14:${String(i % 60).padStart(2, '0')} PM until 15:00 CST.${gap}`).join('')}`;
      // A clock that moves a millisecond per reading, and a budget that runs out a third of the way through its readings:
      // inside the analysis, which reads the clock every 64 sentences.
      let now = 0;
      const budgetMs = Math.round(readingsOf(text) / 3);
      const { diagnostics, notRun } = checkText(text, {}, { budgetMs, clock: () => now++ });
      const skipped = diagnostics.filter((d) => d.code === 'RCA001');
      assert.equal(skipped.length, 1);
      const reached =
        /ran out of time at line ([\d,]+) of ([\d,]+)\); .*, the date and time rules ((?:RCA\d+, )*RCA\d+) checked lines 1–([\d,]+) only, and these were skipped: (.*)\.$/.exec(
          skipped[0].message,
        );
      assert.ok(reached, skipped[0].message);
      const [cut, total, partly, lastLine, rest] = [
        Number(reached[1].replace(/,/g, '')),
        Number(reached[2].replace(/,/g, '')),
        reached[3],
        Number(reached[4].replace(/,/g, '')),
        reached[5],
      ];
      assert.ok(cut > 100 && cut < total, `the analysis stopped inside the document (line ${cut} of ${total})`);
      assert.equal(lastLine, cut - 1);
      assert.deepEqual(partly.split(', '), partialTimeRules);
      assert.deepEqual(rest.split(', '), wholeTimeRules);
      const invalid = diagnostics.filter((d) => d.code === 'RCA208');
      assert.ok(invalid.length > 10, 'the "14:00 PM" errors of the lines read are reported');
      assert.match(invalid[0].message, /^"14:00 PM" cannot exist/);
      for (const d of invalid) assert.ok(d.range.end.line < lastLine, `${d.message} lies on the lines read`);
      assert.ok(!diagnostics.some((d) => wholeTimeRules.includes(d.code)), 'no whole-document rule ran');
      // Their silence after the lines read says nothing: a fix is not proved against it.
      for (const code of [...partialTimeRules, ...wholeTimeRules]) assert.ok(notRun?.includes(code), `${code} did not run to its end`);
    });

  it('when the analysis runs out after finding every phrase, the rules local to a sentence check every line', () => {
    const text = `${title}\n\n## Introduction\n\n${Array.from({ length: 3_000 }, (_, i) => `From 14:${String(i % 60).padStart(2, '0')} PM until 15:00 CST.\n\n`).join('')}`;
    const readings = readingsOf(text);
    const whole = checkText(text, {}, { budgetMs: Infinity }).diagnostics.filter((d) => d.code === 'RCA208');
    // The latest cut inside the analysis: in its last stage (the ranges read in context), after every phrase was found.
    for (let back = 4; back < readings; back += 4) {
      let now = 0;
      const { diagnostics } = checkText(text, {}, { budgetMs: readings - back, clock: () => now++ });
      const skipped = diagnostics.find((d) => d.code === 'RCA001')!;
      if (!/ran out of time/.test(skipped.message)) continue;
      assert.match(skipped.message, /the date and time rules RCA204, RCA208, RCA209, RCA210 checked every line, and these were skipped: RCA201, /);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'RCA208'),
        whole,
        'the same "14:00 PM" findings as the whole check',
      );
      return;
    }
    assert.fail('no budget ran out inside the analysis');
  });

  it('when the budget runs out between rules after the analysis, the rules local to a sentence still run', () => {
    const text = `${title}\n\n## Introduction\n\n${'From 14:00 PM until 15:00 CST.\n\n'.repeat(3_000)}`;
    const readings = readingsOf(text);
    const whole = checkText(text, {}, { budgetMs: Infinity }).diagnostics.filter((d) => d.code === 'RCA208');
    // The earliest cut between rules after the analysis: RCA201, which runs it, is the only date rule that ran.
    let found = false;
    for (let back = 1; back < readings && !found; back++) {
      let now = 0;
      const { diagnostics } = checkText(text, {}, { budgetMs: readings - back, clock: () => now++ });
      const skipped = diagnostics.find((d) => d.code === 'RCA001')?.message ?? '';
      if (/ran out of time/.test(skipped) || !skipped.includes('skipped: RCA202,')) continue;
      found = true;
      for (const code of partialTimeRules) assert.ok(!skipped.includes(code), `${code} ran: ${skipped}`);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'RCA208'),
        whole,
      );
    }
    assert.ok(found, 'no budget ran out right after RCA201');
  });

  it('a rule that needs the whole document reports nothing from a partial analysis', () => {
    // The year is written only past the lines the analysis reads, in the timeline: RCA214 (no year anywhere) would be
    // a false finding on the introduction's dates, and RCA202 (no incident date) on a title that has none.
    const intro = Array.from({ length: 3_000 }, (_, i) => `On April 11 from 10:${String(i % 60).padStart(2, '0')} until 14:00 PM CST.\n\n`).join('');
    const text = `# NA01 - RCA\n\n## Introduction\n\n${intro}## Event Timeline\n\n- April 11, 2026 10:00 CST: the service stopped.\n`;
    const whole = checkText(text, {}, { budgetMs: Infinity }).diagnostics.map((d) => d.code);
    assert.ok(whole.includes('RCA208') && !whole.includes('RCA214'), `the whole check: ${[...new Set(whole)].join(', ')}`);
    let now = 0;
    const budgetMs = Math.round(readingsOf(text) / 3);
    const { diagnostics } = checkText(text, {}, { budgetMs, clock: () => now++ });
    const found = new Set(diagnostics.map((d) => d.code));
    assert.ok(found.has('RCA208'), 'the invalid times of the lines read');
    assert.ok(!found.has('RCA214') && !found.has('RCA202'), [...found].join(', '));
    assert.match(diagnostics.find((d) => d.code === 'RCA001')!.message, /skipped: .*RCA202, .*RCA214/);
  });

  it('a rule that reports thousands of findings stops at the deadline too, and RCA001 names it', () => {
    // Every rule off but RCA208, which reports two findings a paragraph: the check's last readings of the clock are
    // the looks its report takes every REPORTS_PER_LOOK findings, and the budget runs out between two of them.
    const rules = Object.fromEntries(
      [...allRules].filter((rule) => rule.code !== 'RCA208' && rule.code !== 'RCA001').map((rule) => [rule.code, 'off' as const]),
    );
    const text = `${title}\n\n## Introduction\n\n${'From 14:00 PM until 15:00 PM CST.\n\n'.repeat(3_000)}`;
    let readings = 0;
    const whole = checkText(text, { rules }, { budgetMs: Infinity, clock: () => readings++ }).diagnostics;
    assert.ok(whole.some((d) => d.code === 'RCA208') && !whole.some((d) => d.code === 'RCA001'));
    let now = 0;
    const { diagnostics } = checkText(text, { rules }, { budgetMs: readings - 3, clock: () => now++ });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['RCA001'],
      'its findings so far are dropped',
    );
    assert.match(diagnostics[0].message, /these were skipped: RCA208\.$/);
  });

  // How long it takes is the bench's to measure (bench/results.json), not a test's.
  it('a 100 KB real report reaches none of the bounds on its work', () => {
    const { diagnostics } = checkText(largeRca(100_000), {}, { budgetMs: Infinity });
    assert.ok(!diagnostics.some((d) => d.code === 'RCA001'), diagnostics.find((d) => d.code === 'RCA001')?.message);
  });

  it('10,000 nested lists, each line one level deeper', () => {
    const lists = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    assert.deepEqual(codes(`${title}\n\n${lists}\n`), ['RCA001']);
  });

  it('10,000 nested blockquotes written "> > > …"', () => {
    assert.deepEqual(codes(`${title}\n\n${'> '.repeat(10_000)}x\n`), ['RCA001']);
  });

  // These once reached the parser, which took minutes on each (the nesting was measured from a line's first
  // marker only); the bound now sees every marker that opens a line. No timing is asserted: a hang fails the run.
  for (const [name, line] of [
    ['"- - - … x"', '- '],
    ['"1. 1. 1. … x"', '1. '],
    ['"> - > - … x"', '> - '],
    ['"* > * > … x"', '* > '],
  ] as const) {
    it(`10,000 nested lists or quotes opened on one line, ${name}`, () => {
      const { diagnostics } = checkText(`${title}\n\n${line.repeat(Math.ceil(10_000 / line.trim().split(' ').length))}x\n`);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['RCA001', 'information']],
      );
      assert.match(diagnostics[0].message, new RegExp(`nest more than ${MAX_NESTING} levels`));
    });
  }

  it('a line of thematic-break stars or dashes is not nesting', () => {
    assert.ok(!codes(`${title}\n\n${'* '.repeat(MAX_NESTING * 2)}\n\n${'- '.repeat(MAX_NESTING * 2)}\n`).includes('RCA001'));
  });

  // The parser matches emphasis, links and code spans in time that grows with the square of their markers in a
  // paragraph: "*a*a*a…" of 100 KB took over three minutes. Such a paragraph is now refused before parsing.
  const markers = Math.ceil(Math.sqrt(MAX_INLINE_WORK)) + 2;
  for (const [name, unit] of [
    ['"*a*a*a…"', '*a'],
    ['"[a](" repeated', '[a]('],
    ['"[^1]" repeated', '[^1]'],
    ['"`a`a…"', '`a'],
    ['"_a_a…"', '_a'],
  ] as const) {
    it(`a paragraph of ${name} past the inline-work bound: RCA001, no parse`, () => {
      const count = (unit.match(/[*_[\]`~]/g) ?? []).length;
      const text = `${title}\n\n${unit.repeat(Math.ceil(markers / count))}\n`;
      assert.ok(text.length < MAX_TIME_CHECK_CHARS && lineBounds(text).inlineWork() > MAX_INLINE_WORK);
      const { diagnostics, doc } = checkText(text);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['RCA001', 'information']],
      );
      assert.match(diagnostics[0].message, /emphasis, link or code markers/);
      assert.equal(doc.title?.text, 'NA01 - RCA - April 11, 2026');
    });
  }

  it('a long pasted log in a code fence counts for nothing: its text is not matched inline', () => {
    const log = '2026-04-11T10:16:02Z db_pool_1 [WARN] max_conn *reached* `retry`\n'.repeat(Math.ceil(markers / 4));
    const text = `${title}\n\n## Introduction\n\nTODO\n\n\`\`\`text\n${log}\`\`\`\n`;
    assert.ok(text.length < MAX_TIME_CHECK_CHARS && lineBounds(text).inlineWork() < MAX_INLINE_WORK);
    assert.ok(!codes(text).includes('RCA001'));
  });

  it('the same markers spread over many paragraphs, as in a real report, are checked as usual', () => {
    const paragraph = 'On *April 11, 2026* the [status page](http://status.exlibrisgroup.com/) said `up` and _more_. TODO\n\n';
    const text = `${title}\n\n## Introduction\n\n${paragraph.repeat(Math.ceil(markers / 8))}`;
    assert.ok(text.length < MAX_TIME_CHECK_CHARS && lineBounds(text).inlineWork() < MAX_INLINE_WORK);
    const found = codes(text);
    assert.ok(!found.includes('RCA001') && found.includes('RCA109'));
  });

  // The parser spends about 20 µs on each backslash escape and reads a paragraph in one go, where the budget cannot
  // stop it: 400,000 escapes on one line took 7.4 s. Such a paragraph is refused before parsing, and RCA001 says where.
  it('a paragraph with more backslash escapes than the bound: RCA001 naming its line, no parse', () => {
    const text = `${title}\n\n## Introduction\n\nTODO\n\n${'\\\\'.repeat(MAX_PARAGRAPH_ESCAPES + 1)}\n`;
    assert.equal(lineBounds(text).escapeHeavyParagraph(), 6);
    const { diagnostics, doc } = checkText(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['RCA001', 'information']],
    );
    assert.match(diagnostics[0].message, /paragraph at line 7 has more than 40,000 backslash escapes/);
    assert.equal(doc.title?.text, 'NA01 - RCA - April 11, 2026');
  });

  // About 15 µs each: 123,000 references on one line took 1.8 s. They count with the escapes, under the same bound.
  it('a paragraph with more character references (and escapes) than the bound: RCA001 naming its line, no parse', () => {
    const half = Math.ceil((MAX_PARAGRAPH_ESCAPES + 1) / 2);
    for (const body of ['&amp; &#169; &#x1F525; '.repeat(Math.ceil(half / 1.5)), `${'&lt;'.repeat(half)}\n${'\\*'.repeat(half)}`]) {
      const text = `${title}\n\n## Introduction\n\nTODO\n\n${body}\n`;
      assert.equal(lineBounds(text).escapeHeavyParagraph(), 6);
      const { diagnostics } = checkText(text);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['RCA001'],
      );
      assert.match(diagnostics[0].message, /paragraph at line 7 has more than 40,000 backslash escapes \(\\\) and character references \(&amp;\)/);
    }
  });

  it('as many character references spread over paragraphs, in a code fence, or not references at all, are checked as usual', () => {
    const paragraphs = `${'AT&amp;T &copy; '.repeat(100)}TODO\n\n`.repeat(Math.ceil(MAX_PARAGRAPH_ESCAPES / 200));
    const fence = `\`\`\`html\n${'&amp;'.repeat(MAX_PARAGRAPH_ESCAPES + 1)}\n\`\`\`\n\n`;
    const plain = `${'R&D & Q&A &; &#; &#x; '.repeat(Math.ceil(MAX_PARAGRAPH_ESCAPES / 3))} TODO\n`;
    for (const body of [paragraphs, fence, plain]) {
      const text = `${title}\n\n## Introduction\n\n${body}TODO\n`;
      assert.equal(lineBounds(text).escapeHeavyParagraph(), -1);
      const found = codes(text);
      assert.ok(!found.includes('RCA001') && found.includes('RCA109'), found.join());
    }
  });

  it('as many backslashes spread over paragraphs, in a code fence, or not escaping anything, are checked as usual', () => {
    const paragraphs = `${'C:\\temp\\* '.repeat(100)}TODO\n\n`.repeat(Math.ceil(MAX_PARAGRAPH_ESCAPES / 100));
    const fence = `\`\`\`text\n${'\\\\'.repeat(MAX_PARAGRAPH_ESCAPES + 1)}\n\`\`\`\n\n`;
    const plain = `${'\\a'.repeat(MAX_PARAGRAPH_ESCAPES + 1)} TODO\n`;
    for (const body of [paragraphs, fence, plain]) {
      const text = `${title}\n\n## Introduction\n\n${body}TODO\n`;
      assert.equal(lineBounds(text).escapeHeavyParagraph(), -1);
      const found = codes(text);
      assert.ok(!found.includes('RCA001') && found.includes('RCA109'), found.join());
    }
  });

  // The parser reads a table row in one go, about 70 µs a cell: one row of 200,000 cells took 16 s. A line with more
  // "|" than a row may have is read as text instead, and the rest of the document is checked as usual.
  it('a table row with more "|" than the bound: read as text, RCA001 naming its line, the rest checked', () => {
    const wide = `${'| x '.repeat(MAX_TABLE_ROW_PIPES + 1)}|`;
    const table = `| Time | Event |\n| --- | --- |\n| 10:16 | Down |\n${wide}\n| 10:23 | Up |\n`;
    const text = `${title}\n\n## Introduction\n\nTODO\n\n${table}\nMore text TODO.\n`;
    assert.equal(lineBounds(text).tooWideTableLine(), 9);
    const root = parseMarkdown(text);
    assert.deepEqual(
      root.children.map((node) => [node.type, node.position!.start.line]),
      [
        ['heading', 1],
        ['heading', 3],
        ['paragraph', 5],
        ['table', 7],
        ['paragraph', 10],
        ['paragraph', 13],
      ],
    );
    assert.equal((root.children[3] as { children: unknown[] }).children.length, 2, 'the rows before the wide one');
    // Cut before every row, as a long table is: the wide line is not taken for the table's next row.
    assert.deepEqual(new IncrementalParser(0).parse(text), root);
    const { diagnostics, notRun } = checkText(text);
    const notes = diagnostics.filter((d) => d.code === 'RCA001');
    assert.equal(notes.length, 1);
    assert.match(notes[0].message, /read line 10 as text, not as a table row: it has more than 2,000 "\|"/);
    const placeholders = diagnostics.filter((d) => d.code === 'RCA109').flatMap((d) => [d, ...(d.places ?? [])]);
    assert.deepEqual(
      placeholders.map((d) => d.range.start.line),
      [4, 12],
      'the placeholders before and after the table',
    );
    assert.ok(
      diagnostics.some((d) => d.code === 'RCA101'),
      'the missing sections are found',
    );
    assert.equal(notRun, undefined);
  });

  it('a row of as many "|" as the bound is a table row, and a wide line in a code fence is no table row to refuse', () => {
    const row = `${'| x '.repeat(MAX_TABLE_ROW_PIPES - 1)}|`;
    const text = `${title}\n\n## Introduction\n\nTODO\n\n| a | b |\n| --- | --- |\n${row}\n`;
    assert.equal(lineBounds(text).tooWideTableLine(), -1);
    const table = parseMarkdown(text).children[3] as { type: string; children: unknown[] };
    assert.deepEqual([table.type, table.children.length], ['table', 2]);
    const fenced = `${title}\n\n## Introduction\n\nTODO\n\n\`\`\`text\n${'|'.repeat(MAX_TABLE_ROW_PIPES + 1)}\n\`\`\`\n`;
    assert.equal(lineBounds(fenced).tooWideTableLine(), -1);
    assert.ok(!codes(fenced).includes('RCA001'));
  });

  const base = `${title}\n\n## Introduction\n\nCustomers had no service on April 11, 2026.\n\n## Event Timeline\n\nApril 11, 2026 from 10:16 until 10:23 Chicago time.\n`;
  const cases: [string, string][] = [
    ['NUL bytes', base.replace('service', 'ser\u0000vice\u0000')],
    ['lone UTF-16 surrogates', base.replace('Customers', '\ud800Customers\udfff').replace('## Event', '## \udc00Event')],
    ['CRLF line endings', base.replace(/\n/g, '\r\n')],
    ['CR line endings', base.replace(/\n/g, '\r')],
    ['mixed line endings', base.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3])],
    ['a byte order mark', `\ufeff${base}`],
    ['right-to-left text', base.replace('Customers had no service', 'הלקוחות לא קיבלו שירות \u202eمرحبا\u202c')],
    ['emoji in headings', base.replace('## Introduction', '## 🔥 Introduction 👩‍👩‍👧').replace('# NA01', '# 🚨 NA01')],
  ];
  for (const [name, text] of cases) {
    it(`${name}: a normal result, ranges inside the text, and fix-all settles`, () => {
      inRange(text);
      const fixed = fixAll(text, {});
      assert.equal(fixAll(fixed, {}), fixed);
    });
  }

  it('a byte order mark does not move any range: the title is found where it is', () => {
    const plain = checkText(`${base}TODO\n`).diagnostics;
    const marked = checkText(`\ufeff${base}TODO\n`).diagnostics;
    assert.deepEqual(
      marked.map((d) => [d.code, d.range.start.line, d.range.start.character - (d.range.start.line === 0 ? 1 : 0)]),
      plain.map((d) => [d.code, d.range.start.line, d.range.start.character]),
    );
  });
});
