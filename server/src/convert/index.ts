// `rca-writer convert`: a published RCA, as its web page prints to text (or saved as HTML, printed first by
// engine/html-text.ts), turned into Markdown.
// Every sentence is kept word for word; only the site's own lines (navigation, page tools, the table of
// contents, the footer) are left out, and each of those is listed so nothing goes silently.
import { matchHeading } from '../engine/headings';
import type { Profile } from '../engine/profiles';
import { droppedLines, isHeading, isHeadingLine, layoutOf, looksLikeTitle, splitLines, type DroppedLine, type Line } from './layout';
import { PageMarks } from './marks';
import { codeBlock, listMarker, markdownHeading, markdownLine } from './page';
import type { PrintedHtml } from '../engine/html-text';
import { isHtmlSource, NotAPrintedPage, notAPrintedPage } from './sniff';
import { renderTable, tableAt, type Table } from './table';

export { NotAPrintedPage } from './sniff';
export type { DroppedLine } from './layout';

export interface ConvertNote {
  /** 1-based line of the input. */
  line: number;
  message: string;
}

export interface ConvertResult {
  markdown: string;
  /** Text the converter could not place, kept where it says, and other things the writer should look at. */
  notes: ConvertNote[];
  /** The site's lines that were left out, with what each was taken for. */
  dropped: DroppedLine[];
  /** The profile whose section headings the page was read with. */
  profile: string;
}

/** A line's text, and its number in the input (where the page's links and code in it are found). */
interface Text {
  text: string;
  at: number;
}

type Block =
  | { kind: 'title' | 'heading'; text: string }
  | ({ kind: 'paragraph' } & Text)
  | { kind: 'list'; ordered: boolean; items: { marker: string; lines: Text[] }[]; indent: number }
  | { kind: 'table'; table: Table; lineNumbers: number[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'empty' };

/** What an empty paragraph of the page becomes: invisible in the rendered report, plain to its writer. */
export const EMPTY_PARAGRAPH = '<!-- empty paragraph in the page -->';

const blankLine = (line: Line): Line => ({ ...line, raw: '', text: '', emptyParagraph: false });

/**
 * Converts a published page, saved as HTML or printed to text. HTML is printed to text as a browser prints it, then
 * converted as a printed page is; each note and each line left out names the line of the HTML it came from.
 * `printHtml` is engine/html-text.ts's, passed in where HTML is read: the web worker's bundle leaves the HTML parser
 * out (VS Code for the Web prints the page in its render worker and sends the print, see convertPrinted).
 * Given several profiles (the `auto` profile's candidates), the page is read with the one whose section headings it
 * names most.
 */
export function convertPage(input: string, profiles: Profile | readonly Profile[], printHtml?: (html: string) => PrintedHtml): ConvertResult {
  const readWith = (text: string) => (Array.isArray(profiles) ? pageProfile(text, profiles) : (profiles as Profile));
  if (!isHtmlSource(input)) return convertText(input, readWith(input));
  if (!printHtml) {
    throw new NotAPrintedPage(
      'is HTML source, which RCA Writer converts on the desktop and with "rca-writer convert"; here, open the page in a browser and print or save it as text',
    );
  }
  return convertPrinted(printHtml(input), profiles);
}

/** Converts a page saved as HTML from its print (engine/html-text.ts): notes and left-out lines name HTML lines. */
export function convertPrinted(printed: PrintedHtml, profiles: Profile | readonly Profile[]): ConvertResult {
  const page = new PageMarks(printed);
  const profile = Array.isArray(profiles) ? pageProfile(printed.text, profiles, page) : (profiles as Profile);
  const result = convertText(printed.text, profile, page);
  const htmlLine = (line: number) => printed.sourceLines[line - 1] ?? line;
  return {
    ...result,
    notes: result.notes.map((note) => ({ ...note, line: htmlLine(note.line) })),
    dropped: result.dropped.map((line) => ({ ...line, line: htmlLine(line.line) })),
  };
}

/** Lines longer than this are no heading; past this many short lines a page's headings are known. */
const HEADING_CANDIDATE_LENGTH = 100;
const MAX_HEADING_CANDIDATES = 20_000;

/**
 * The profile whose sections the page's short lines name most (each section counted once): a postmortem's "Impact" and
 * "Lessons learned" are headings of the postmortem profile, paragraphs to the house one. The first on a tie.
 */
export function pageProfile(text: string, profiles: readonly Profile[], page?: PageMarks): Profile {
  const candidates: string[] = [];
  for (const line of splitLines(text)) {
    if (page?.isNoHeading(line.number) || page?.siteReason(line.number)) continue;
    if (line.text && line.text.length <= HEADING_CANDIDATE_LENGTH) candidates.push(line.text);
    if (candidates.length >= MAX_HEADING_CANDIDATES) break;
  }
  let best = profiles[0];
  let bestCount = -1;
  for (const profile of profiles) {
    const named = new Set<string>();
    for (const line of candidates) if (isHeading(line, profile)) named.add(matchHeading(line, profile)!.def.id);
    if (named.size > bestCount) [best, bestCount] = [profile, named.size];
  }
  return best;
}

/**
 * Converts a printed page. Throws NotAPrintedPage, with a one-line reason, for Markdown, HTML source, JSON, or
 * text with neither a title nor a section heading of the profile. `page` is what the page's HTML says of the
 * printed lines, when it was printed from HTML.
 */
export function convertText(input: string, profile: Profile, page?: PageMarks): ConvertResult {
  const lines = splitLines(input);
  const refusal = notAPrintedPage(
    // Code may well hold Markdown: "## Impact" in a <pre> is an example, not a sign the page is Markdown already.
    lines.map((line) => (page?.codeBlock(line.number) === undefined ? line.raw : '')),
    (text) => isHeading(text, profile) || looksLikeTitle(text, profile),
  );
  if (refusal) throw new NotAPrintedPage(refusal);
  const layout = layoutOf(lines, profile, page);
  const headingLine = (line: Line) => isHeadingLine(line, profile, page);
  const { titleAt, footerAt, dropped } = layout;
  const notes: ConvertNote[] = [];
  const hasHeading = lines.some((line, i) => !dropped.has(i) && headingLine(line));
  if (titleAt < 0 && !hasHeading) {
    throw new NotAPrintedPage(
      `has no title line (one with "${profile.title.marker || 'RCA'}" in it) and no section heading of the "${profile.name}" profile: not a printed report`,
    );
  }

  const blocks: Block[] = [];
  let rest: Line[];
  if (titleAt >= 0) {
    blocks.push({ kind: 'title', text: layout.title! });
    for (const i of layout.keptBeforeTitle) notes.push({ line: lines[i].number, message: 'text before the title; kept after it' });
    rest = [
      ...layout.keptBeforeTitle.map((i) => lines[i]),
      ...lines.slice(titleAt + 1, footerAt).map((line, k) => (dropped.has(titleAt + 1 + k) ? blankLine(line) : line)),
    ];
  } else {
    notes.push({ line: 1, message: 'no title line found (a line such as "NA01 - RCA - April 11, 2026"); no "#" title written' });
    rest = lines.slice(0, footerAt).map((line, i) => (dropped.has(i) ? blankLine(line) : line));
  }
  const keptBefore = new Set(layout.keptBeforeTitle.map((i) => lines[i]));
  const raws = rest.map((line) => line.raw);

  const implicitFirst = profile.sections[0]?.mayBeImplicit ?? false;
  let sawHeading = false;
  let lastList: (Block & { kind: 'list' }) | undefined;
  let lastItemLine = -1;
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i];
    const code = page?.codeBlock(line.number);
    if (code !== undefined) {
      let end = i;
      while (end + 1 < rest.length && page!.codeBlock(rest[end + 1].number) === code) end++;
      const codeLines = rest.slice(i, end + 1).map((each) => each.raw);
      while (codeLines.length && !codeLines[codeLines.length - 1].trim()) codeLines.pop();
      if (codeLines.length) blocks.push({ kind: 'code', lines: codeLines });
      i = end;
      lastList = undefined;
      continue;
    }
    if (line.emptyParagraph) {
      notes.push({ line: line.number, message: 'an empty paragraph (only non-breaking spaces) in the page; kept as a comment' });
      blocks.push({ kind: 'empty' });
      lastList = undefined;
      continue;
    }
    if (!line.text) continue;
    const previous = rest[i - 1];
    // A more indented line right under a list item continues it.
    if (lastList && lastItemLine === i - 1 && previous?.text && line.indent > lastList.indent && !listMarker(line.text) && !headingLine(line)) {
      lastList.items[lastList.items.length - 1].lines.push({ text: line.text, at: line.number });
      lastItemLine = i;
      continue;
    }
    if (headingLine(line)) {
      blocks.push({ kind: 'heading', text: line.text });
      sawHeading = true;
      lastList = undefined;
      continue;
    }
    const table = tableAt(raws, i);
    if (table) {
      blocks.push({ kind: 'table', table, lineNumbers: table.rowLines.map((row) => rest[row].number) });
      i = table.last;
      lastList = undefined;
      continue;
    }
    const marker = listMarker(line.text);
    if (marker) {
      let text = marker.text;
      let at = line.number;
      if (!text) {
        // The website prints a list item as a lone "-" (or bullet) line, then the item's text.
        let next = i + 1;
        while (next < rest.length && !rest[next].text && !rest[next].emptyParagraph) next++;
        const candidate = rest[next];
        if (candidate?.text && !listMarker(candidate.text) && !headingLine(candidate)) {
          text = candidate.text;
          at = candidate.number;
          i = next;
        } else {
          notes.push({ line: line.number, message: 'a list marker with no text after it; kept as an empty list item' });
        }
      }
      if (!lastList || lastList.ordered !== marker.ordered) {
        lastList = { kind: 'list', ordered: marker.ordered, items: [], indent: line.indent };
        blocks.push(lastList);
      }
      lastList.items.push({ marker: marker.marker, lines: text ? [{ text, at }] : [] });
      lastItemLine = i;
      continue;
    }
    if (!sawHeading && titleAt >= 0 && !implicitFirst && !keptBefore.has(line)) {
      notes.push({ line: line.number, message: 'text between the title and the first section heading; kept there' });
    }
    blocks.push({ kind: 'paragraph', text: line.text, at: line.number });
    lastList = undefined;
  }

  const lastSection = [...blocks].reverse().find((block) => block.kind === 'heading');
  for (let i = footerAt; i < lines.length; i++) {
    if (!lines[i].text || dropped.has(i)) continue;
    const where = lastSection && lastSection.kind === 'heading' ? `under "${lastSection.text}"` : 'at the end';
    notes.push({ line: lines[i].number, message: `text after the page footer; kept ${where}` });
    blocks.push({ kind: 'paragraph', text: lines[i].text, at: lines[i].number });
  }
  notes.sort((a, b) => a.line - b.line);
  return { markdown: render(blocks, page ?? new PageMarks()), notes, dropped: droppedLines(lines, layout), profile: profile.name };
}

function render(blocks: Block[], page: PageMarks): string {
  const line = ({ text, at }: Text) => markdownLine(text, page.spans(at));
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'title':
        return `# ${markdownHeading(block.text)}`;
      case 'heading':
        return `## ${markdownHeading(block.text)}`;
      case 'paragraph':
        return line(block);
      case 'table':
        return renderTable(block.table, (row) => page.spans(block.lineNumbers[row]));
      case 'code':
        return codeBlock(block.lines);
      case 'empty':
        return EMPTY_PARAGRAPH;
      case 'list':
        return block.items
          .map((item) => {
            const [first, ...more] = item.lines;
            const pad = ' '.repeat(item.marker.length + 1);
            return [`${item.marker}${first ? ` ${line(first)}` : ''}`, ...more.map((each) => pad + line(each))].join('\n');
          })
          .join('\n');
    }
  });
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}
