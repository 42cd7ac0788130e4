// Whether a text is a page printed as text at all. Converting Markdown again would write "# # Title" and
// "\## Introduction"; converting HTML source or JSON would write its markup as prose. Such inputs are refused.

/** Why `convert` refuses its input: one line, for the user. */
export class NotAPrintedPage extends Error {}

/** What a saved page starts with: a doctype or the document's own elements, after an XML declaration perhaps. */
const HTML_START = /^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)/i;

/** Whether a text is HTML source: a page saved as HTML, not one printed as text. */
export function isHtmlSource(text: string): boolean {
  return HTML_START.test(text.slice(0, 1000));
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * A reason the text is not a printed page, or undefined. `isReportLine` says whether a heading's text is a title
 * or a section heading of the profile: "# of hosts" in a printed page is text, "# Introduction" is Markdown.
 */
export function notAPrintedPage(rawLines: string[], isReportLine: (text: string) => boolean): string | undefined {
  const firstAt = rawLines.findIndex((line) => line.trim());
  if (firstAt < 0) return 'is empty';
  const first = rawLines[firstAt].trim();
  if (isHtmlSource(rawLines.slice(firstAt, firstAt + 20).join('\n'))) {
    return 'is HTML source, not a page printed as text (open it in a browser and save or print it as text)';
  }
  if (/^[{[]/.test(first)) {
    try {
      JSON.parse(rawLines.join('\n'));
      return 'is JSON, not a page printed as text';
    } catch {
      // Not JSON: a page may well start with a bracket.
    }
  }
  if (first === '---' && firstAt === 0) {
    const close = rawLines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 1 && rawLines.slice(1, close).every((line) => !line.trim() || /^[\w-]+\s*:|^\s+|^#/.test(line))) {
      return 'starts with YAML front matter: it is Markdown already (check it with "rca-writer check")';
    }
  }
  let deepHeadings = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const heading = ATX_HEADING.exec(rawLines[i]);
    if (!heading) continue;
    if (isReportLine(heading[2])) {
      return `is Markdown already (line ${i + 1}: "${rawLines[i].trim()}"), not a page printed as text (check it with "rca-writer check")`;
    }
    if (heading[1].length >= 2 && ++deepHeadings >= 2) {
      return `is Markdown already (line ${i + 1}: "${rawLines[i].trim()}" is its second "##" heading), not a page printed as text`;
    }
  }
  return undefined;
}
