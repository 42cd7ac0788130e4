// Where the report stands on a printed page: its title, its first and last section, and which lines around
// them are the site's (menus, breadcrumbs, page tools, the table of contents, the footer). Nothing here changes
// a line; it only says which lines are the report's.
import { matchHeading } from '../engine/headings';
import type { Profile } from '../engine/profiles';
import { breadcrumbSteps, isFooterStart, isMenuItem, isPageTools, isSentenceLike, isSiteLineAnywhere, isStockFooterLine, tableOfContents } from './chrome';
import type { PageMarks } from './marks';
import { listMarker } from './page';

export interface Line {
  /** 1-based line number in the input. */
  number: number;
  indent: number;
  /** The line as printed. */
  raw: string;
  /** The line's text, trimmed, with runs of white space (no-break spaces too) as one space. */
  text: string;
  /** Only white space, with a no-break space among it: an empty paragraph of the page, not a gap between two. */
  emptyParagraph: boolean;
}

export interface DroppedLine {
  /** 1-based line of the input. */
  line: number;
  text: string;
  /** What the line was taken for. */
  reason: string;
}

export interface PageLayout {
  /** Index of the title line, or -1. */
  titleAt: number;
  /** The title's text (a breadcrumb's last step when the page prints the title only there). */
  title?: string;
  /** Index of the first line of the footer, or the number of lines. */
  footerAt: number;
  /** Lines that are the site's, by index. */
  dropped: Map<number, string>;
  /** Lines before the title that are kept (moved after it). */
  keptBeforeTitle: number[];
}

const TITLE_WORDS = /\bRCA\b|\broot cause analysis\b|\bpost-?mortem\b|\bincident report\b/i;
/** Longer lines are sentences, not headings or titles. */
const MAX_HEADING_LENGTH = 80;
const MAX_TITLE_LENGTH = 200;

const INVISIBLE = /[\s\u00a0\u2007\u202f\u200b-\u200d\u2060\ufeff]+/g;

export function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => {
      const indent = /^[ \t\u00a0]*/.exec(raw)![0].replace(/\t/g, '    ').length;
      // A paragraph of no-break or zero-width spaces prints as a line of them: empty, but not a gap between two.
      const empty = !raw.replace(INVISIBLE, '') && /[^ \t]/.test(raw);
      const text = empty ? '' : raw.replace(/[\s\u00a0]+/g, ' ').trim();
      return { number: index + 1, indent, raw, text, emptyParagraph: empty };
    });
}

/** A line's text without a printed bullet. */
export function bare(text: string): string {
  const marker = listMarker(text);
  return marker && !marker.ordered ? marker.text : text;
}

export function looksLikeTitle(text: string, profile: Profile): boolean {
  if (text.length > MAX_TITLE_LENGTH || /[.:;]$/.test(text)) return false;
  const words = [profile.title.marker, ...(profile.titleWords ?? [])].filter(Boolean);
  return TITLE_WORDS.test(text) || words.some((word) => text.toLowerCase().includes(word.toLowerCase()));
}

/** Answers by text, per profile: a page asks about the same lines several times, and matching is the costly part. */
const headingAnswers = new WeakMap<Profile, Map<string, boolean>>();
const MAX_REMEMBERED = 10_000;

export function isHeading(text: string, profile: Profile): boolean {
  if (!text || text.length > MAX_HEADING_LENGTH) return false;
  let answers = headingAnswers.get(profile);
  if (!answers || answers.size > MAX_REMEMBERED) headingAnswers.set(profile, (answers = new Map()));
  let answer = answers.get(text);
  if (answer === undefined) answers.set(text, (answer = !listMarker(text) && matchHeading(text, profile) !== undefined));
  return answer;
}

/** Whether a line is a section heading: by its text, unless the page's markup says it is a paragraph or code. */
export function isHeadingLine(line: Line, profile: Profile, page?: PageMarks): boolean {
  return !page?.isNoHeading(line.number) && isHeading(line.text, profile);
}

export function layoutOf(lines: Line[], profile: Profile, page?: PageMarks): PageLayout {
  const dropped = new Map<number, string>();
  // Code is the report's, whatever it reads like.
  const live = (i: number) => !!lines[i].text && !dropped.has(i) && page?.codeBlock(lines[i].number) === undefined;
  lines.forEach((line, i) => {
    const reason = page?.siteReason(line.number) ?? (live(i) && isSiteLineAnywhere(bare(line.text)) ? 'site navigation' : undefined);
    if (line.text && reason) dropped.set(i, reason);
  });

  // The in-page table of contents repeats the section headings; the report's own headings come after it.
  const texts = lines.map((line, i) => (live(i) ? line.text : ''));
  const entryText = (text: string) => listMarker(text)?.text ?? text;
  for (const i of tableOfContents(texts, entryText, (text) => isHeading(text, profile))) dropped.set(i, "the page's table of contents");

  const headingIndexes = lines.map((line, i) => (live(i) && isHeadingLine(line, profile, page) ? i : -1)).filter((i) => i >= 0);
  const firstHeading = headingIndexes[0] ?? lines.length;

  // The title is the first line that reads like one (a short menu item such as "Cloud RCA" only when nothing
  // else does), at its last copy before the first section: breadcrumbs end in it, the page heading follows.
  const candidates = lines
    .map((_, i) => i)
    .filter((i) => i < firstHeading && live(i) && !listMarker(lines[i].text) && !breadcrumbSteps(lines[i].text) && looksLikeTitle(lines[i].text, profile));
  let titleAt = candidates.find((i) => !isMenuItem(lines[i].text)) ?? candidates[0] ?? -1;
  let title = titleAt >= 0 ? lines[titleAt].text : undefined;
  for (const i of candidates) if (i > titleAt && lines[i].text === title) titleAt = i;
  if (titleAt < 0) {
    // Some pages print the title only as the breadcrumb's last step.
    for (let i = 0; i < firstHeading && titleAt < 0; i++) {
      const steps = live(i) ? breadcrumbSteps(lines[i].text) : undefined;
      const last = steps?.[steps.length - 1];
      if (last && looksLikeTitle(last, profile)) {
        titleAt = i;
        title = last;
      }
    }
  }

  const keptBeforeTitle: number[] = [];
  const siteHeader = new Set<string>();
  for (let i = 0; i < titleAt; i++) {
    if (!live(i)) continue;
    const text = lines[i].text;
    const reason =
      bare(text) === title
        ? 'a breadcrumb ending in the title'
        : breadcrumbSteps(text)
          ? 'a breadcrumb'
          : isPageTools(lines[i].raw) || isMenuItem(bare(text))
            ? "the site's header, before the title"
            : undefined;
    if (reason) {
      dropped.set(i, reason);
      siteHeader.add(bare(text));
    } else keptBeforeTitle.push(i);
  }

  // Between the title and the first section: the page's tools, and the title printed again.
  let lastTool = false;
  for (let i = titleAt + 1; i < firstHeading; i++) {
    if (!live(i)) continue;
    const text = lines[i].text;
    // "Last updated" is often printed with its date on the next line.
    const dateOfTool: boolean = lastTool && /\d/.test(text) && !isSentenceLike(text) && text.length <= 40;
    const reason: string | undefined = text === title ? 'a copy of the title' : isPageTools(lines[i].raw) || dateOfTool ? 'page tools' : undefined;
    if (reason) dropped.set(i, reason);
    lastTool = reason === 'page tools' && /\b(?:updated|modified|edited)$/i.test(text);
  }

  // The footer starts after the last section at a line only footers print, or at the site's header printed again.
  // Past a line only footers print, nothing of the report follows: whatever is no sentence goes. Past a repeat of
  // the header alone, only what is surely the site's goes (a "Publication History" row is no sentence either).
  const lastHeading = headingIndexes[headingIndexes.length - 1] ?? titleAt;
  let footerAt = lines.length;
  let certain = false;
  for (let i = Math.max(lastHeading + 1, titleAt + 1, 0); i < lines.length; i++) {
    if (!live(i)) continue;
    const text = bare(lines[i].text);
    const repeatsHeader = siteHeader.has(text) && text.includes(' ') && !isSentenceLike(text);
    // A row of links prints as one line: "← Current Status  Powered by …" starts the footer by its second link.
    const footerStart = isFooterStart(text) || (page?.spans(lines[i].number).some((span) => span.href && isFooterStart(span.text)) ?? false);
    if (footerAt === lines.length && (footerStart || repeatsHeader)) footerAt = i;
    if (footerAt === lines.length) continue;
    certain ||= footerStart;
    // A title in the footer is a link to another report.
    const site = isStockFooterLine(text) || siteHeader.has(text) || isPageTools(lines[i].raw) || looksLikeTitle(text, profile);
    if (site || (certain && !isSentenceLike(text))) dropped.set(i, 'the page footer');
  }
  return { titleAt, title, footerAt, dropped, keptBeforeTitle };
}

export function droppedLines(lines: Line[], layout: PageLayout): DroppedLine[] {
  return [...layout.dropped].sort(([a], [b]) => a - b).map(([i, reason]) => ({ line: lines[i].number, text: lines[i].text, reason }));
}
