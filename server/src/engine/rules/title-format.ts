import type { RcaDocument } from '../model';
import type { TitleDef } from '../profiles';
import { formatHouseDate, parseTitle, readHouseDate, readHouseTitle, type HouseDate } from '../title';
import type { Rule } from './rule';
import { timelineSection } from '../timeline-shape';
import { matchesOf } from '../regexp';

/** "2026-04-11" → "April 11, 2026". Only the ISO form is unambiguous; 04/11/2026 could be either order. */
function isoToLongDate(text: string): string | undefined {
  const date = readHouseDate(text)?.date;
  return date?.year !== undefined && date.month !== undefined && date.day !== undefined && /^\d{4}-/.test(text)
    ? formatHouseDate({ year: date.year, month: date.month, day: date.day })
    : undefined;
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
        // With a table of title forms, the house reader names and fixes the date's slips (houseFinding).
        else if (!profile.title.forms) {
          if (parsed.date.numeric) {
            problems.push(`its date "${parsed.date.text}" should be written as Month D, YYYY`);
            const long = isoToLongDate(parsed.date.text);
            if (long) fix = { title: `Write the date as "${long}"`, newText: long, start: parsed.date.start, end: parsed.date.end };
          } else if (!parsed.date.complete) problems.push(`its date "${parsed.date.text}" lacks a day or a year`);
        }
      }
      const house = problems.length === 0 && profile.title.forms ? houseFinding(doc, profile.title, title.text) : undefined;
      if (house) {
        report({
          range: title.textRange,
          message: `The title does not match ${expected}: ${house.message}.`,
          fixes: house.fixed
            ? [{ title: `Write the title as "${house.fixed}"`, edits: [{ range: title.textRange, newText: house.fixed }], isPreferred: true }]
            : [],
        });
      } else if (problems.length) {
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

const FULL_DATE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s*\d{4}\b/gi;

/** The first full date the timeline writes that agrees with what the title gives of it. */
function timelineDate(doc: RcaDocument, known: Partial<HouseDate>): HouseDate | undefined {
  const timeline = doc.sections[timelineSection(doc)];
  if (!timeline) return undefined;
  for (const match of matchesOf(FULL_DATE, doc.text.slice(timeline.headingEnd, timeline.end))) {
    const date = readHouseDate(match[0])?.date;
    if (date?.year === undefined || date.month === undefined || date.day === undefined) continue;
    if (date.month !== known.month || (known.year !== undefined && known.year !== date.year) || (known.day !== undefined && known.day !== date.day)) {
      continue;
    }
    return { year: date.year, month: date.month, day: date.day };
  }
  return undefined;
}

/**
 * What the profile's table of title forms corrects in this title, and the standard title to write instead (none when
 * the date cannot be known: a numeric date in either order, a missing day or year the timeline does not give).
 */
function houseFinding(doc: RcaDocument, def: TitleDef, text: string): { message: string; fixed?: string } | undefined {
  const house = readHouseTitle(text, def.marker);
  if (!house) return undefined;
  const rows = def.forms ?? [];
  const corrected = house.slips.filter(({ slip }) => rows.find((row) => row.slip === slip)?.verdict === 'corrected');
  if (corrected.length === 0) return undefined;
  const words = corrected.map(({ slip, detail }) => {
    const form = rows.find((row) => row.slip === slip)!.form;
    if (slip === 'several-days') return `${form} (${detail}): give the first day here and the others in the Event Timeline`;
    return form;
  });
  let dateText = house.rest;
  const date = house.date;
  if (date) {
    const complete =
      date.year !== undefined && date.month !== undefined && date.day !== undefined
        ? { year: date.year, month: date.month, day: date.day }
        : date.month !== undefined
          ? timelineDate(doc, date)
          : undefined;
    dateText = complete ? formatHouseDate(complete) : undefined;
  }
  const fixed = dateText === undefined ? undefined : `${house.subject} - ${def.marker} - ${dateText}`.trimEnd();
  const unfixable =
    !fixed && corrected.some(({ slip }) => slip === 'missing-day' || slip === 'missing-year') ? ', and the Event Timeline gives no date to complete it' : '';
  return { message: `${words.join('; ')}${unfixable}`, fixed: fixed === text ? undefined : fixed };
}
