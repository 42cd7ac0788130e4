import { moveSectionEdits, orderedSections, profileIndex } from '../structure';
import type { Section } from '../model';
import type { Rule } from './rule';

/**
 * Indices (into `values`) of one longest strictly increasing subsequence. Among equally long ones it
 * keeps the earliest elements, so the section reported is the one that appears later, out of its place.
 */
function longestIncreasing(values: number[]): Set<number> {
  const reversed = values.map((value) => -value).reverse();
  const keep = longestIncreasingFromEnd(reversed);
  return new Set([...keep].map((i) => values.length - 1 - i));
}

function longestIncreasingFromEnd(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]] < values[i]) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

export const sectionOrder: Rule = {
  code: 'RCA102',
  name: 'section-order',
  description: "Sections stand out of the profile's order.",
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, profile, report }) {
    // An open profile has no one order: teams put the timeline first, last or in the middle.
    if (profile.open) return;
    const sections = orderedSections(doc);
    const indices = sections.map((section) => profileIndex(doc, section.def!));
    const inOrder = longestIncreasing(indices);
    sections.forEach((section, i) => {
      if (inOrder.has(i) || !section.headingRange) return;
      const anchors = sections.filter((_, j) => inOrder.has(j));
      const after = lastWhere(anchors, (s) => profileIndex(doc, s.def!) < indices[i]);
      const before = anchors.find((s) => profileIndex(doc, s.def!) > indices[i]);
      const where = after ? `after "${after.def!.name}"` : `before "${before!.def!.name}"`;
      const edits = moveSectionEdits(doc, section);
      report({
        range: section.headingRange,
        message: `"${section.def!.name}" is out of order: it belongs ${where}.`,
        fixes: edits.length ? [{ title: `Move "${section.def!.name}" ${where}`, edits, isPreferred: true }] : [],
      });
    });
  },
};

function lastWhere(sections: Section[], test: (section: Section) => boolean): Section | undefined {
  for (let i = sections.length - 1; i >= 0; i--) if (test(sections[i])) return sections[i];
  return undefined;
}
