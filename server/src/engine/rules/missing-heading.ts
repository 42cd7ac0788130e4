import { asBlock } from '../structure';
import type { Rule } from './rule';

/**
 * Older reports put the introduction right under the title with no heading. The model reads that text as the
 * introduction (a profile section that `mayBeImplicit`), so every other rule finds it; this rule asks the writer of a
 * report to give it its heading, since a new report is written to the standard.
 */
export const missingHeading: Rule = {
  code: 'RCA110',
  name: 'missing-heading',
  description: 'The introduction stands under the title without its heading.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, report }) {
    for (const section of doc.sections) {
      if (section.match !== 'implicit' || !section.def) continue;
      const first = doc.lines.positionAt(section.start);
      const lineStart = doc.lines.lineStart(first.line);
      const heading = `${'#'.repeat(doc.sectionLevel)} ${section.def.name}`;
      report({
        range: doc.lines.range(section.start, doc.lines.lineEnd(first.line)),
        message: `This text is read as the "${section.def.name}" section, but it has no heading. Put "${heading}" above it.`,
        fixes: [
          {
            title: `Insert the "${section.def.name}" heading`,
            edits: [{ range: doc.lines.range(lineStart, lineStart), newText: asBlock(doc, lineStart, heading) }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
