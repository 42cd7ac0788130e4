import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { fixAllReport } from '../../server/src/engine/fix-all';
import { provenFixes } from '../../server/src/engine/fix-proof';
import { mergeSameMistakes, placeFindings, placesFixed } from '../../server/src/engine/same-mistake';
import { applyEdits } from '../../server/src/engine/text';
import type { RcaDiagnostic } from '../../server/src/engine/types';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'rules', name), 'utf8');

function finding(line: number, key: string | undefined, code = 'RCA205', fixed = true): RcaDiagnostic {
  const range = { start: { line, character: 4 }, end: { line, character: 7 } };
  return {
    range,
    message: `EST on line ${line + 1}.`,
    code,
    rule: 'zone-season',
    severity: 'warning',
    source: 'rca-writer',
    sameMistake: key,
    fixes: fixed
      ? [
          { title: 'Write EDT', edits: [{ range, newText: 'EDT' }], isPreferred: true },
          { title: 'Ignore RCA205 on this line', edits: [] },
        ]
      : [],
  };
}

describe('one mistake, one finding', () => {
  it('lists the first place of a repeated mistake, naming the others, and leaves single findings alone', () => {
    const merged = mergeSameMistakes([finding(3, 'EST'), finding(4, undefined), finding(5, 'EST'), finding(6, 'EST'), finding(7, 'CST')]);
    assert.deepEqual(
      merged.map((d) => [d.range.start.line, d.places?.length ?? 0]),
      [
        [3, 3],
        [4, 0],
        [7, 0],
      ],
    );
    const [first] = merged;
    assert.equal(first.message, 'EST on line 4. The same mistake is in 2 more places: lines 6 and 7.');
    assert.deepEqual(
      first.related?.map((r) => r.range.start.line),
      [5, 6],
    );
    assert.equal(first.sameMistake, undefined, "the key is the engine's, not output");
    assert.ok(merged.every((d) => d.sameMistake === undefined));
  });

  it('never merges findings of different rules or severities', () => {
    const info = { ...finding(5, 'EST'), severity: 'information' as const };
    const merged = mergeSameMistakes([finding(3, 'EST'), finding(4, 'EST', 'RCA204'), info]);
    assert.equal(merged.length, 3);
  });

  it("gives one preferred fix that corrects every place, and keeps each place's own fix as a choice", () => {
    const [first] = mergeSameMistakes([finding(3, 'EST'), finding(5, 'EST'), finding(6, 'EST')]);
    const [every, here, ignore] = first.fixes!;
    assert.equal(every.title, 'Write EDT (all 3 places)');
    assert.equal(every.isPreferred, true);
    assert.deepEqual(
      every.edits.map((e) => e.range.start.line),
      [3, 5, 6],
    );
    assert.equal(here.title, 'Write EDT (here only)');
    assert.equal(here.isPreferred, false);
    assert.equal(ignore.title, 'Ignore RCA205 on this line');
    assert.deepEqual(placesFixed(first, every), first.places);
    assert.deepEqual(placesFixed(first, here), [first.places![0]]);
    const marks = placeFindings(first);
    assert.deepEqual(
      marks.map((m) => [m.range.start.line, m.fixes!.map((f) => f.title)]),
      [
        [5, ['Write EDT (all 3 places)', 'Write EDT (here only)', 'Ignore RCA205 on this line']],
        [6, ['Write EDT (all 3 places)', 'Write EDT (here only)', 'Ignore RCA205 on this line']],
      ],
    );
    assert.deepEqual(placesFixed(marks[1], marks[1].fixes![1]), [first.places![2]]);
  });

  it('offers no fix for every place when one place has none, or when their edits would collide', () => {
    const [unfixable] = mergeSameMistakes([finding(3, 'EST'), finding(5, 'EST', 'RCA205', false)]);
    assert.deepEqual(
      unfixable.fixes!.map((f) => f.title),
      ['Write EDT', 'Ignore RCA205 on this line'],
    );
    const [colliding] = mergeSameMistakes([finding(3, 'EST'), finding(3, 'EST')]);
    assert.ok(!colliding.fixes!.some((f) => f.allPlaces));
  });

  it("EST through a July timeline: one finding, its fix corrects every row, and each row's own fix is proved", () => {
    const text = fixture('time-205-repeated.md');
    const result = checkText(text);
    const zone = result.diagnostics.filter((d) => d.code === 'RCA205');
    assert.equal(zone.length, 1);
    assert.equal(zone[0].places?.length, 4);
    const offered = provenFixes(result, zone[0]);
    assert.deepEqual(
      offered.map((f) => [f.title, f.isPreferred ?? false]),
      [
        ['Write EDT (all 4 places)', true],
        ['Write EDT (here only)', false],
        ['Ignore RCA205 on this line', false],
      ],
    );
    const fixed = applyEdits(text, offered[0].edits);
    assert.equal((fixed.match(/ EST:/g) ?? []).length, 0);
    assert.equal(checkText(fixed).diagnostics.filter((d) => d.code === 'RCA205').length, 0);
    // One row corrected: the mistake is still listed once, from the next row, and nothing is called new.
    const oneRow = checkText(applyEdits(text, offered[1].edits)).diagnostics.filter((d) => d.code === 'RCA205');
    assert.deepEqual(
      oneRow.map((d) => [d.range.start.line, d.places?.length]),
      [[9, 3]],
    );
    // A place marked beside the listed finding offers the fix for every place and its own.
    const third = placeFindings(zone[0])[1];
    assert.deepEqual(
      provenFixes(result, third).map((f) => f.title),
      ['Write EDT (all 4 places)', 'Write EDT (here only)', 'Ignore RCA205 on this line'],
    );
  });

  it('Fix All corrects a repeated mistake with one fix and then has nothing left to do', () => {
    const text = fixture('time-205-repeated.md');
    const report = fixAllReport(text, {});
    assert.deepEqual(
      report.applied.map((a) => [a.code, a.title]),
      [['RCA205', 'Write EDT (all 4 places)']],
    );
    assert.equal(fixAllReport(report.text, {}).text, report.text);
  });

  it('a date copied twice into the introduction is one finding, fixed in both places', () => {
    const text = fixture('time-201-intro-repeated.md');
    const result = checkText(text);
    const [date] = result.diagnostics.filter((d) => d.code === 'RCA201');
    const [both] = provenFixes(result, date);
    assert.equal(both.title, "Use the timeline's date, April 11, 2026 (both places)");
    assert.doesNotMatch(applyEdits(text, both.edits), /April 2, 2025/);
  });
});
