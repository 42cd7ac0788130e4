import { parseTitle } from '../title';
import type { Rule } from './rule';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04-11" → "April 11, 2026". Only the ISO form is unambiguous; 04/11/2026 could be either order. */
function isoToLongDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

export const titleFormat: Rule = {
  code: 'RCA106',
  name: 'title-format',
  description: "The RCA has no H1 title, more than one, or one not of the profile's form.",
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, profile, report }) {
    const expected = `"${profile.title.form}"`;
    const title = doc.title;
    // A title in the front matter is the page's title: a static site prints it where an H1 would be.
    if (!title && !doc.frontMatterFacts.title) {
      report({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: doc.lines.lineEnd(0) } },
        message: `The RCA has no title. Start it with an H1 of the form ${expected}.`,
        severity: 'error',
      });
    } else if (title) {
      const parsed = parseTitle(title.text, profile.title.marker);
      const problems: string[] = [];
      if (profile.title.marker && !parsed.hasMarker) problems.push(`it does not say "${profile.title.marker}"`);
      if (!parsed.subject) problems.push('it names no instances, region or product');
      let fix: { title: string; newText: string; start: number; end: number } | undefined;
      if (profile.title.requiresDate) {
        if (!parsed.date) problems.push('it has no date');
        else if (parsed.date.numeric) {
          problems.push(`its date "${parsed.date.text}" should be written as Month D, YYYY`);
          const long = isoToLongDate(parsed.date.text);
          if (long) fix = { title: `Write the date as "${long}"`, newText: long, start: parsed.date.start, end: parsed.date.end };
        } else if (!parsed.date.complete) problems.push(`its date "${parsed.date.text}" lacks a day or a year`);
      }
      if (problems.length) {
        const base = doc.lines.offsetAt(title.textRange.start);
        report({
          range: title.textRange,
          message: `The title does not match ${expected}: ${problems.join('; ')}.`,
          fixes:
            fix && problems.length === 1
              ? [{ title: fix.title, edits: [{ range: doc.lines.range(base + fix.start, base + fix.end), newText: fix.newText }], isPreferred: true }]
              : [],
        });
      }
    }
    for (const extra of doc.extraTitles) {
      const hashes = '#'.repeat(doc.sectionLevel);
      const start = doc.lines.offsetAt(extra.range.start);
      const marker = /^#+/.exec(doc.text.slice(start));
      report({
        range: extra.range,
        message: title
          ? `An RCA has one H1 title; "${extra.text}" is a second one. Make it a section heading.`
          : `"${extra.text}" is a level-1 heading; sections are level-${doc.sectionLevel} headings under the title.`,
        fixes: marker
          ? [
              {
                title: `Make "${extra.text}" a level-${doc.sectionLevel} heading`,
                edits: [{ range: doc.lines.range(start, start + marker[0].length), newText: hashes }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
  },
};
