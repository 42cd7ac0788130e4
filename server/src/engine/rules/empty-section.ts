import { isComment } from '../nodes';
import { documentValues, renderTemplate } from '../template';
import type { Rule } from './rule';

export const emptySection: Rule = {
  code: 'RCA104',
  name: 'empty-section',
  description: 'A section heading has nothing under it.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    for (const [index, section] of doc.sections.entries()) {
      if (!section.heading || !section.headingRange) continue;
      const hasContent = section.body.some((node) => node.type !== 'heading' && !isComment(node));
      if (hasContent) continue;
      // "## Postmortem" over "**Summary**", "**Root cause**", ...: the parts written as bold labels are what it holds.
      if (doc.sections[index + 1]?.label) continue;
      const name = section.def?.name ?? section.headingText;
      const fixes = section.def
        ? [
            {
              title: `Insert a skeleton for "${section.def.name}"`,
              edits: [
                {
                  range: { start: section.headingRange.end, end: section.headingRange.end },
                  newText: skeletonAfterHeading(
                    doc.lines.eol,
                    renderTemplate(section.def.skeleton, 'text', documentValues(doc, settings)),
                    doc.text.length === section.headingEnd,
                  ),
                },
              ],
              isPreferred: true,
            },
          ]
        : [];
      report({ range: section.headingRange, message: `Section "${name}" is empty.`, fixes });
    }
  },
};

function skeletonAfterHeading(eol: string, body: string, atEnd: boolean): string {
  return eol + eol + body.replace(/\n/g, eol) + (atEnd ? eol : '');
}
