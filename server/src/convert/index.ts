// `rca-writer convert`: a published RCA, as its web page prints to text, turned into Markdown.
// Every sentence is kept word for word; only the page's own navigation and footer are left out.
import { matchHeading } from '../engine/headings';
import type { Profile } from '../engine/profiles';
import { isFooterLine, isFooterStart, isNavigation, listMarker, markdownHeading, markdownLine } from './page';

export interface ConvertNote {
  /** 1-based line of the input. */
  line: number;
  message: string;
}

export interface ConvertResult {
  markdown: string;
  /** Text the converter could not place, kept where it says, and other things the writer should look at. */
  notes: ConvertNote[];
}

interface Line {
  /** 1-based line number in the input. */
  number: number;
  indent: number;
  /** The line's text, trimmed, with runs of white space (no-break spaces too) as one space. */
  text: string;
}

type Block =
  | { kind: 'title' | 'heading' | 'paragraph'; text: string; line: number }
  | { kind: 'list'; ordered: boolean; items: { marker: string; lines: string[] }[]; indent: number };

const TITLE_WORDS = /\bRCA\b|\broot cause analysis\b|\bpost-?mortem\b|\bincident report\b/i;
/** Longer lines are sentences, not headings or titles. */
const MAX_HEADING_LENGTH = 80;
const MAX_TITLE_LENGTH = 200;

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => {
      const indent = /^[ \t\u00a0]*/.exec(raw)![0].replace(/\t/g, '    ').length;
      return { number: index + 1, indent, text: raw.replace(/[\s\u00a0]+/g, ' ').trim() };
    });
}

/** A line's text without a printed bullet, for recognising navigation and footer lines. */
function bare(text: string): string {
  const marker = listMarker(text);
  return marker && !marker.ordered ? marker.text : text;
}

function looksLikeTitle(text: string, profile: Profile): boolean {
  if (text.length > MAX_TITLE_LENGTH || /[.:;]$/.test(text)) return false;
  const words = [profile.title.marker, ...(profile.titleWords ?? [])].filter(Boolean);
  return TITLE_WORDS.test(text) || words.some((word) => text.toLowerCase().includes(word.toLowerCase()));
}

function isHeading(text: string, profile: Profile): boolean {
  return text.length <= MAX_HEADING_LENGTH && !listMarker(text) && matchHeading(text, profile) !== undefined;
}

export function convertText(input: string, profile: Profile): ConvertResult {
  const lines = splitLines(input);
  const notes: ConvertNote[] = [];

  // The footer starts at "Was this article helpful?"; known footer lines go, anything else is kept and reported.
  const footerAt = lines.findIndex((line) => isFooterStart(bare(line.text)));
  const body = footerAt < 0 ? lines : lines.slice(0, footerAt);
  const afterFooter = footerAt < 0 ? [] : lines.slice(footerAt + 1).filter((line) => line.text && !isFooterLine(bare(line.text)) && !isNavigation(bare(line.text), true));

  // The title is the first line that reads like one, before any section heading.
  const firstHeading = body.findIndex((line) => isHeading(line.text, profile));
  const searchEnd = firstHeading < 0 ? body.length : firstHeading;
  let titleAt = -1;
  for (let i = 0; i < searchEnd; i++) {
    const line = body[i];
    if (!line.text || isNavigation(bare(line.text), true)) continue;
    if (looksLikeTitle(line.text, profile) && !listMarker(line.text)) {
      titleAt = i;
      break;
    }
  }
  const blocks: Block[] = [];
  let rest: Line[];
  let beforeTitle: Line[] = [];
  if (titleAt >= 0) {
    blocks.push({ kind: 'title', text: body[titleAt].text, line: body[titleAt].number });
    beforeTitle = body.slice(0, titleAt).filter((line) => line.text && !isNavigation(bare(line.text), true));
    rest = [...beforeTitle, ...body.slice(titleAt + 1)];
    for (const line of beforeTitle) notes.push({ line: line.number, message: 'text before the title; kept after it' });
  } else {
    notes.push({ line: 1, message: 'no title line found (a line such as "NA01 - RCA - April 11, 2026"); no "#" title written' });
    rest = body;
  }

  const implicitFirst = profile.sections[0]?.mayBeImplicit ?? false;
  let sawHeading = false;
  let lastList: (Block & { kind: 'list' }) | undefined;
  let lastItemLine = -1;
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i];
    if (!line.text || isNavigation(bare(line.text), false)) continue;
    const previous = rest[i - 1];
    // A more indented line right under a list item continues it.
    if (lastList && lastItemLine === i - 1 && previous?.text && line.indent > lastList.indent && !listMarker(line.text) && !isHeading(line.text, profile)) {
      lastList.items[lastList.items.length - 1].lines.push(line.text);
      lastItemLine = i;
      continue;
    }
    if (isHeading(line.text, profile)) {
      blocks.push({ kind: 'heading', text: line.text, line: line.number });
      sawHeading = true;
      lastList = undefined;
      continue;
    }
    const marker = listMarker(line.text);
    if (marker) {
      let text = marker.text;
      if (!text) {
        // The website prints a list item as a lone "-" (or bullet) line, then the item's text.
        let next = i + 1;
        while (next < rest.length && !rest[next].text) next++;
        const candidate = rest[next];
        if (candidate && !listMarker(candidate.text) && !isHeading(candidate.text, profile) && !isNavigation(bare(candidate.text), false)) {
          text = candidate.text;
          i = next;
        } else {
          notes.push({ line: line.number, message: 'a list marker with no text after it; kept as an empty list item' });
        }
      }
      if (!lastList || lastList.ordered !== marker.ordered) {
        lastList = { kind: 'list', ordered: marker.ordered, items: [], indent: line.indent };
        blocks.push(lastList);
      }
      lastList.items.push({ marker: marker.marker, lines: text ? [text] : [] });
      lastItemLine = i;
      continue;
    }
    if (!sawHeading && titleAt >= 0 && !implicitFirst && !beforeTitle.includes(line)) {
      notes.push({ line: line.number, message: 'text between the title and the first section heading; kept there' });
    }
    blocks.push({ kind: 'paragraph', text: line.text, line: line.number });
    lastList = undefined;
  }

  const lastSection = [...blocks].reverse().find((block) => block.kind === 'heading');
  for (const line of afterFooter) {
    const where = lastSection && lastSection.kind === 'heading' ? `under "${lastSection.text}"` : 'at the end';
    notes.push({ line: line.number, message: `text after the page footer; kept ${where}` });
    blocks.push({ kind: 'paragraph', text: line.text, line: line.number });
  }
  notes.sort((a, b) => a.line - b.line);
  return { markdown: render(blocks), notes };
}

function render(blocks: Block[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'title':
        return `# ${markdownHeading(block.text)}`;
      case 'heading':
        return `## ${markdownHeading(block.text)}`;
      case 'paragraph':
        return markdownLine(block.text);
      case 'list':
        return block.items
          .map((item) => {
            const [first = '', ...more] = item.lines;
            const pad = ' '.repeat(item.marker.length + 1);
            return [`${item.marker}${first ? ` ${markdownLine(first)}` : ''}`, ...more.map((text) => pad + markdownLine(text))].join('\n');
          })
          .join('\n');
    }
  });
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}
