import { normaliseHeading } from '../headings';
import type { Section } from '../model';
import type { Rule } from './rule';

export const duplicateSection: Rule = {
  code: 'RCA103',
  name: 'duplicate-section',
  description: 'The same section appears more than once.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, profile, report }) {
    const first = new Map<string, Section>();
    for (const section of doc.sections) {
      if (!section.def) continue;
      // Under an open profile "Mitigation" and "Recovery" are two parts of the resolution; only a repeated name repeats.
      const key = profile.open ? `${section.def.id}\n${normaliseHeading(section.headingText)}` : section.def.id;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, section);
        continue;
      }
      const earlierLine = (earlier.headingRange ?? earlier.bodyRange).start.line + 1;
      report({
        range: section.headingRange ?? section.bodyRange,
        message: `"${section.def.name}" appears again; it first appears on line ${earlierLine}. Merge the two.`,
        related: [{ range: earlier.headingRange ?? earlier.bodyRange, message: `First "${section.def.name}"` }],
      });
    }
  },
};
