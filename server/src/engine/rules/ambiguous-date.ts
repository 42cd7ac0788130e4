import { analyzeTimes } from '../time/analyze';
import { STANDARD_STYLE, type DateMention } from '../time/dates';
import { describeYmd, formatLike } from '../time/format';
import type { Fix } from '../types';
import type { Rule } from './rule';

function readingOf(date: DateMention, order: 'mdy' | 'dmy') {
  const { first, second } = date.numeric!;
  return { year: date.year!, month: order === 'mdy' ? first : second, day: order === 'mdy' ? second : first };
}

export const ambiguousDate: Rule = {
  code: 'RCA215',
  name: 'ambiguous-date',
  description: 'A numeric date such as 11/03/2024 that reads as two different days, where nothing in the document or the settings says which.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const undecided = a.dates.filter((d) => d.numeric && !d.numeric.decided && d.year !== undefined);
    if (!undecided.length) return;
    // One question for the whole document: its numeric dates are all written one way.
    const [first, ...others] = undecided;
    const monthFirst = describeYmd(readingOf(first, 'mdy'));
    const dayFirst = describeYmd(readingOf(first, 'dmy'));
    const more = others.length ? ` (and ${others.length} other numeric date${others.length > 1 ? 's' : ''} like it)` : '';
    const fix = (order: 'mdy' | 'dmy', label: string): Fix => ({
      title: `Read numeric dates ${label}: write "${first.text}" as "${describeYmd(readingOf(first, order))}"`,
      edits: undecided.map((d) => ({ range: doc.lines.range(d.start, d.end), newText: formatLike(readingOf(d, order), STANDARD_STYLE, true) })),
    });
    report({
      range: doc.lines.range(first.start, first.end),
      message: `"${first.text}" is ${monthFirst} read month first and ${dayFirst} read day first${more}; write the month's name, or set numericDateOrder.`,
      fixes: [fix('mdy', 'month first'), fix('dmy', 'day first')],
      related: others.map((d) => ({ range: doc.lines.range(d.start, d.end), message: `"${d.text}" is read the same way.` })),
    });
  },
};
