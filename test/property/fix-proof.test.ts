import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Heading } from 'mdast';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fix-all';
import { provenFixes } from '../../server/src/engine/fix-proof';
import { parseMarkdown } from '../../server/src/engine/parse';
import { timeRules } from '../../server/src/engine/rules';
import { applyEdits, LineIndex } from '../../server/src/engine/text';
import type { RcaDiagnostic, TextEdit } from '../../server/src/engine/types';
import { parameters, runs, withOpenBlocks } from './arbitraries';
import { key, survives } from './helpers';

/** Codes whose findings may stand in a skeleton a fix wrote (its placeholders and the dates it leaves open). */
const aboutWords = new Set(['RCA109', ...[...timeRules].map((rule) => rule.code)]);

/** Errors and warnings per code, leaving out the codes a skeleton may bring. */
function structuralCounts(diagnostics: RcaDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if ((d.severity === 'error' || d.severity === 'warning') && !aboutWords.has(d.code)) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return counts;
}

function headings(text: string): { start: number; text: string }[] {
  return parseMarkdown(text)
    .children.filter((node): node is Heading => node.type === 'heading')
    .map((node) => ({ start: node.position!.start.offset!, text: text.slice(node.position!.start.offset!, node.position!.end.offset!) }));
}

/**
 * Every heading the edits did not touch is still a heading afterwards, at the place it moved to: no edit hid the
 * rest of the document in an open block, or carried one along.
 */
function assertNoHeadingHidden(before: string, after: string, edits: readonly TextEdit[], what: string): void {
  const index = new LineIndex(before);
  const spans = edits
    .map((edit) => [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end), edit.newText.length] as const)
    .sort((a, b) => a[0] - b[0]);
  const afterStarts = new Map(headings(after).map((heading) => [heading.start, heading.text]));
  for (const heading of headings(before)) {
    const end = heading.start + heading.text.length;
    if (spans.some(([start, stop]) => start <= end && stop >= index.lineStart(index.positionAt(heading.start).line))) continue;
    const shift = spans.filter(([, stop]) => stop <= heading.start).reduce((sum, [start, stop, length]) => sum + length - (stop - start), 0);
    assert.equal(afterStarts.get(heading.start + shift), heading.text, `${what}: the heading "${heading.text}" is still a heading`);
  }
}

describe('fixes on documents with open raw-HTML blocks, comments and fences', () => {
  it('each offered fix removes its finding and hides no heading', () => {
    let fixesTried = 0;
    fc.assert(
      fc.property(withOpenBlocks, fc.nat(), (text, choice) => {
        const result = checkText(text);
        const fixable = result.diagnostics.filter((diagnostic) => diagnostic.fixes?.length);
        if (!fixable.length) return;
        const diagnostic = fixable[choice % fixable.length];
        const offered = provenFixes(result, diagnostic);
        if (!offered.length) return;
        fixesTried++;
        const fix = offered[Math.floor(choice / fixable.length) % offered.length];
        const fixed = applyEdits(text, fix.edits);
        const after = checkText(fixed, result.settings).diagnostics;
        assert.ok(!survives(text, fixed, fix.edits, diagnostic, result.diagnostics, after), `"${fix.title}" removes ${key(diagnostic)}`);
        assertNoHeadingHidden(text, fixed, fix.edits, fix.title);
        if (fix.isPreferred) {
          // A preferred fix raises nothing: no code has more errors or warnings than before, less the one fixed.
          const before = structuralCounts(result.diagnostics);
          if (!aboutWords.has(diagnostic.code) && diagnostic.severity !== 'information' && diagnostic.severity !== 'hint')
            before.set(diagnostic.code, before.get(diagnostic.code)! - 1);
          for (const [code, count] of structuralCounts(after)) assert.ok(count <= (before.get(code) ?? 0), `"${fix.title}" raises ${code}`);
        }
      }),
      parameters(),
    );
    assert.ok(fixesTried > runs() / 5, `only ${fixesTried} cases offered a fix`);
  });

  it('Fix All converges: a second run changes nothing, no section is written twice, nothing structural gets worse', () => {
    fc.assert(
      fc.property(withOpenBlocks, (text) => {
        // Under `auto` Fix All keeps the profile it chose for the text it was given; the rest is asked under it.
        const chosen = { profile: checkText(text).doc.profile.name };
        const once = fixAll(text, {});
        assert.equal(fixAll(once, chosen), once, 'a second Fix All changes nothing');
        // Sections per profile section (an alias renamed to its name stays the same section): one Fix All adds
        // a missing one, never a second copy.
        const sections = (source: string) => {
          const found = new Map<string, number>();
          for (const section of checkText(source, chosen).doc.sections) if (section.def) found.set(section.def.id, (found.get(section.def.id) ?? 0) + 1);
          return found;
        };
        const before = sections(text);
        for (const [id, times] of sections(once)) assert.ok(times <= Math.max(1, before.get(id) ?? 0), `section "${id}" written ${times} times`);
        const worse = structuralCounts(checkText(text, chosen).diagnostics);
        for (const [code, times] of structuralCounts(checkText(once, chosen).diagnostics)) assert.ok(times <= (worse.get(code) ?? 0), `Fix All raised ${code}`);
      }),
      parameters(),
    );
  });
});
