// Lines that label a date, under a report's title or in a table of key facts: the incident's ("Incident date:"), the
// report's own ("Published:", "Posted on"), or a bare "Date:" that may be either. Which one a date is decides whether
// it is the incident's day, or a day the incident must come before.
import type { RcaDocument } from '../model';
import type { DateMention } from './dates';

/** The label of a line that states the incident's date, up to the date: "Date of incident:", "| Incident date |". */
const INCIDENT_DATE_LABEL = /(?:^|\|)\s*(?:incident\s+date|date\s+of\s+(?:the\s+)?(?:incident|outage)|outage\s+date)\s*[:|]\s*$/i;

/** The label of the report's publication date: "Published:", "Posted on", "| Date published |", "First published on". */
const PUBLICATION_LABEL =
  /(?:^|\|)\s*(?:(?:first|originally)\s+)?(?:published|posted|publication\s+date|date\s+(?:published|posted)|report\s+date)(?:\s+on)?\s*[:|]?\s*$/i;

/** A bare date label: "Date:", "**Date:**", "| Date |". */
const BARE_DATE_LABEL = /(?:^|\|)\s*date\s*[:|]\s*$/i;

/** Words that say a date is the report's own: "This review was published on March 8", "Date: March 8 (published)". */
const REPORT_WORDS = /\b(?:published|posted|written|wrote|issued|released|prepared|updated|revised)\b/i;

/** A line's text before an offset, a label's length at most. */
function lineBefore(masked: string, offset: number): string {
  const from = Math.max(0, offset - 60);
  const text = masked.slice(from, offset);
  return text.slice(text.lastIndexOf('\n') + 1);
}

/** The line holding an offset. */
function lineAround(masked: string, start: number, end: number): string {
  const from = masked.lastIndexOf('\n', start - 1) + 1;
  const to = masked.indexOf('\n', end);
  return masked.slice(from, to < 0 ? masked.length : to);
}

/** Under the title or in a section of no part's name (a table of key facts), before the report's parts. */
function beforeParts(doc: RcaDocument, d: { section: number }): boolean {
  return d.section < 0 || !doc.sections[d.section].def;
}

/** Whether a date is labelled the report's publication date ("Published: November 20, 2026"). */
function labelledPublished(masked: string, d: DateMention): boolean {
  return PUBLICATION_LABEL.test(lineBefore(masked, d.start));
}

/**
 * Whether a date is on a line that labels it the report's publication date, before the report's parts (under the
 * title, a blog's "Posted on March 5, 2026 by ...", or in a table of key facts). In a timeline, "Posted Jan 12, 2024 -
 * 11:42 UTC" dates a status page's update: an entry, not the report.
 */
export function isPublicationDate(doc: RcaDocument, masked: string, d: DateMention & { section: number }): boolean {
  return beforeParts(doc, d) && labelledPublished(masked, d);
}

/** Whether a date is on a line that labels it the incident's, before the report's parts. */
export function isIncidentDateLine(doc: RcaDocument, masked: string, d: DateMention & { section: number }): boolean {
  return beforeParts(doc, d) && INCIDENT_DATE_LABEL.test(lineBefore(masked, d.start));
}

/**
 * The date of a bare "Date:" line before the report's parts, held to as the incident's unless the page says it is the
 * report's own: its line or another line giving the same day says it was published, written or updated.
 */
export function bareDateLine<D extends DateMention & { section: number }>(doc: RcaDocument, masked: string, dates: readonly D[]): D | undefined {
  const line = dates.find((d) => beforeParts(doc, d) && BARE_DATE_LABEL.test(lineBefore(masked, d.start)));
  if (!line) return undefined;
  const same = (d: DateMention) => d !== line && d.year === line.year && d.month === line.month && d.day === line.day;
  const lineEnd = masked.indexOf('\n', line.end);
  const saysReport =
    REPORT_WORDS.test(masked.slice(line.end, lineEnd < 0 ? masked.length : lineEnd)) ||
    dates.some((d) => same(d) && (REPORT_WORDS.test(lineAround(masked, d.start, d.end)) || labelledPublished(masked, d)));
  return saysReport ? undefined : line;
}
