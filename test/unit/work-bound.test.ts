import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { lineBounds, MAX_NESTING } from '../../server/src/engine/line-bounds';
import { maxOf, minOf } from '../../server/src/engine/numbers';
import { allRules } from '../../server/src/engine/rules';

const title = '# NA01 - RCA - April 11, 2026\n\n';

describe('the work bound', () => {
  it('measures nesting from quote markers and list indentation', () => {
    assert.equal(lineBounds('plain\n> a\n>> b\n').deepest(), 2);
    assert.equal(lineBounds('- a\n  - b\n    - c\n').deepest(), 3);
  });

  it('skips a document with 10,000 nested quotes, at once, and says so', () => {
    const started = process.hrtime.bigint();
    const { diagnostics, doc } = checkText(`${title}${'>'.repeat(10_000)} x\n`);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['RCA001', 'information']],
    );
    assert.match(diagnostics[0].message, new RegExp(`more than ${MAX_NESTING} levels`));
    assert.equal(doc.title?.text, 'NA01 - RCA - April 11, 2026', 'the title is still read, so the editor knows it is an RCA');
    // Not a timing assertion: only proof that no parse of the whole text happened (it took minutes).
    assert.ok(process.hrtime.bigint() - started < 60_000_000_000n);
  });

  it('skips a document with lists nested 2,000 deep', () => {
    const lists = Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    assert.deepEqual(
      checkText(`${title}${lists}\n`).diagnostics.map((d) => d.code),
      ['RCA001'],
    );
  });

  it('checks a document just inside the bound as usual', () => {
    const quotes = `${'>'.repeat(MAX_NESTING)} TODO\n`;
    const codes = checkText(`${title}${quotes}`).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('RCA001'));
    assert.ok(codes.includes('RCA109'));
  });

  it("keeps the other rules' findings when one rule fails, and names the one skipped", () => {
    const rule = allRules.find((r) => r.code === 'RCA109')!;
    const original = rule.check;
    rule.check = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    try {
      const { diagnostics } = checkText(`${title}## Introduction\n\nTODO on April 11, 2026.\n`);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('RCA101'), 'structure findings still reported');
      assert.ok(!codes.includes('RCA109'));
      const skipped = diagnostics.find((d) => d.code === 'RCA001')!;
      assert.match(skipped.message, /skipped: RCA109\./);
    } finally {
      rule.check = original;
    }
  });

  it('takes the smallest and largest of a million values without running out of stack', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    assert.throws(() => Math.min(...values), RangeError, 'the spread form this replaces does overflow');
    assert.equal(minOf(values), 0);
    assert.equal(
      maxOf(values),
      values.reduce((a, b) => (a > b ? a : b)),
    );
    assert.equal(maxOf([3, 9, -2]), 9);
    assert.equal(minOf([], 2), 2);
  });
});
