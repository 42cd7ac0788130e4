// A document with hundreds of thousands of one mistake gets a list a writer can read, and says what it left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { capFindings, DEFAULT_FINDINGS_LIMIT, NO_FINDINGS_LIMIT } from '../../server/src/engine/findings-cap';
import type { RcaDiagnostic } from '../../server/src/engine/types';

/** A house RCA whose action items are `count` empty list items (RCA107 each). */
function emptyItems(count: number): string {
  const items = Array.from({ length: count }, () => '-').join('\n');
  return `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nOn April 11, 2026 a switch failed.\n\n## Technical Action Items and Preventive Measures\n\n${items}\n`;
}

const HOUSE = { profile: 'exlibris' };

function finding(code: string, line: number): RcaDiagnostic {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, message: `${code} at ${line}`, code, rule: code, severity: 'warning', source: 'rca-writer' };
}

describe('the findings a check lists', () => {
  it('lists the first 1,000 of one rule and counts the rest in one finding of that rule, where the rest begin', () => {
    const { diagnostics } = checkText(emptyItems(2500), HOUSE);
    const empty = diagnostics.filter((d) => d.code === 'RCA107');
    assert.equal(empty.length, DEFAULT_FINDINGS_LIMIT.perRule + 1);
    const summary = empty[empty.length - 1];
    assert.match(summary.message, /^1,500 more RCA107 findings from here on are not listed: a document lists at most 1,000 of one rule/);
    assert.equal(summary.fixes, undefined, 'a count has no fix');
    // The 1,001st item's line: the title, the introduction and the heading take the first 8 lines.
    assert.equal(summary.range.start.line, empty[empty.length - 2].range.start.line + 1);
    assert.ok(empty.slice(0, -1).every((d) => /empty/i.test(d.message)));
  });

  it("lists every finding when asked (the CLI's --max-findings all), and a document under the limits is untouched", () => {
    assert.equal(checkText(emptyItems(2500), HOUSE, { findingsLimit: NO_FINDINGS_LIMIT }).diagnostics.filter((d) => d.code === 'RCA107').length, 2500);
    const small = checkText(emptyItems(20), HOUSE).diagnostics;
    assert.equal(small.filter((d) => d.code === 'RCA107').length, 20);
    assert.ok(!small.some((d) => /not listed|lists the first/.test(d.message)));
  });

  it('past the limit per document, lists the first ones in position order and an RCA001 note with the total', () => {
    const all = [...Array.from({ length: 10 }, (_, i) => finding('RCA201', i * 3)), ...Array.from({ length: 10 }, (_, i) => finding('RCA107', i * 3 + 1))];
    all.sort((a, b) => a.range.start.line - b.range.start.line);
    const note = (message: string): RcaDiagnostic => ({ ...finding('RCA001', 0), message, severity: 'information' });
    const listed = capFindings(all, { perRule: 100, perDocument: 12 }, note);
    assert.equal(listed.length, 13);
    assert.equal(listed[0].code, 'RCA001');
    assert.equal(listed[0].message, "RCA Writer lists the first 12 of this document's 20 findings (the CLI's --max-findings lists more).");
    assert.deepEqual(listed.slice(1), all.slice(0, 12));
    // With RCA001 turned off, the list is cut without the note.
    assert.deepEqual(
      capFindings(all, { perRule: 100, perDocument: 12 }, () => undefined),
      all.slice(0, 12),
    );
  });

  it('counts per rule: one rule over its limit leaves the others whole', () => {
    const all = [...Array.from({ length: 5 }, (_, i) => finding('RCA201', i)), ...Array.from({ length: 2 }, (_, i) => finding('RCA107', 10 + i))];
    const listed = capFindings(all, { perRule: 3, perDocument: 100 }, () => undefined);
    assert.deepEqual(
      listed.map((d) => [d.code, d.range.start.line]),
      [
        ['RCA201', 0],
        ['RCA201', 1],
        ['RCA201', 2],
        ['RCA201', 3],
        ['RCA107', 10],
        ['RCA107', 11],
      ],
    );
    assert.match(listed[3].message, /^2 more RCA201 findings from here on are not listed/);
    assert.equal(listed[3].severity, 'warning', "the count keeps its rule's severity");
  });
});
