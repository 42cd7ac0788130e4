import type { Rule } from './rule';

export const nonstandardHeading: Rule = {
  code: 'RCA105',
  name: 'nonstandard-heading',
  description: 'A heading uses another name or a misspelling for a standard section.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, profile, report }) {
    for (const section of doc.sections) {
      if (!section.def || !section.headingTextRange) continue;
      // An open profile takes every team's name for a section; a misspelling is still one.
      if (section.match !== 'misspelling' && (section.match !== 'alias' || profile.open)) continue;
      const kind = section.match === 'alias' ? 'another name for' : 'a misspelling of';
      report({
        range: section.headingTextRange,
        message: `"${section.headingText}" is ${kind} "${section.def.name}"; use the standard heading.`,
        fixes: [
          {
            title: `Rename to "${section.def.name}"`,
            edits: [{ range: section.headingTextRange, newText: section.def.name }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
