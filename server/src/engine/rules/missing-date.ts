import { analyzeTimes } from '../time/analyze';
import { describeYmd } from '../time/format';
import { datesIn } from '../time/incident';
import { DATE_PLACEHOLDER } from './placeholder';
import type { Rule } from './rule';

const EVENT_WORDS = /\b(?:experienc|interruption|outage|incident|degradation|disruption|downtime|unavailab|event)/i;

export const missingDate: Rule = {
  code: 'RCA202',
  name: 'missing-date',
  description: 'The introduction does not say on which date the incident happened.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    if (a.introIndex < 0) return;
    const section = doc.sections[a.introIndex];
    // The body only: a date added to the heading would change the heading, not the introduction.
    const inIntro = (offset: number) => offset >= section.headingEnd && offset <= section.end;
    if (a.dates.some((d) => d.section === a.introIndex && !d.isTitle)) return;
    // A postmortem often states its date once, on a line under the title ("**Date:** 2015-10-21"), in a table of key
    // facts over the summary ("## Key information", a section of no part's name) or in its front matter; the
    // introduction need not repeat it.
    const beforeIntro = (d: (typeof a.dates)[number]) => d.section < 0 || !doc.sections[d.section].def;
    if (a.dates.some((d) => beforeIntro(d) && !d.isTitle && d.day !== undefined && d.start < section.start)) return;
    // The title of a postmortem names its day ("Incident report: checkout outage on March 3, 2025"): stated once, like
    // a date line. A house title's date is not enough: the house introduction says the day by its own convention.
    if (!doc.profile.title.forms?.length && a.titleDate?.day !== undefined) return;
    if (
      doc.frontMatter &&
      ['date', 'incident_date', 'incident-date'].some((key) => doc.frontMatter![key] instanceof Date || /\d/.test(String(doc.frontMatter![key] ?? '')))
    )
      return;
    // "on [date]", "on 2024-??-??": the writer knows the date is missing, and RCA109 reports the placeholder.
    if (new RegExp(DATE_PLACEHOLDER.source, 'i').test(a.masked.slice(section.headingEnd, section.end))) return;
    // "in April 2026" is a date without a day: RCA214 says so.
    if (a.monthYears.some((d) => d.section === a.introIndex)) return;
    const sentences = a.sentences.filter((s) => s.block.section === a.introIndex && inIntro(s.start) && /[\p{L}\p{N}]/u.test(s.text));
    if (sentences.length === 0) return;
    const target = sentences.find((s) => EVENT_WORDS.test(s.text)) ?? sentences[0];
    const timelineDate = datesIn(a, a.timelineIndex)[0]?.ymd;
    const ymd = timelineDate ?? a.incident;
    const trimmed = target.text.replace(/[\s.!?:;,]+$/, '');
    const begin = target.start + (target.text.length - target.text.trimStart().length);
    const at = Math.max(begin, target.start + trimmed.length);
    const source = timelineDate ? "the timeline's" : "the title's";
    report({
      range: doc.lines.range(begin, at),
      message: ymd
        ? `The introduction does not say when the incident happened; ${source} date is ${describeYmd(ymd)}.`
        : 'The introduction does not say when the incident happened; name its date (Month D, YYYY).',
      fixes: ymd
        ? [{ title: `Add "on ${describeYmd(ymd)}"`, edits: [{ range: doc.lines.range(at, at), newText: ` on ${describeYmd(ymd)}` }], isPreferred: true }]
        : [],
    });
  },
};
