import type { Heading, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { collectInlineFacts } from './block-facts';
import { frontMatterFacts, isFrontMatter, readFrontMatter, type FrontMatterFacts } from './front-matter';
import { matchHeading, type MatchKind, type SectionMatch } from './headings';
import { boldHeadingMatch } from './labels';
import { endOffset, isComment, nodeRange, plainText, startOffset } from './nodes';
import { parseDocument } from './incremental';
import type { Profile, SectionDef } from './profiles';
import { LineIndex } from './text';
import type { Range } from './types';
import { minOf } from './numbers';
import { saysNothing } from './says-nothing';

/** One section of an RCA: a heading and what stands under it, up to the next heading at its level or above. */
export interface Section {
  /** The profile section this is, when the heading names one. */
  def?: SectionDef;
  /** How the heading named it; 'implicit' for an introduction that has no heading. */
  match?: MatchKind | 'implicit';
  heading?: Heading;
  /** A bold paragraph that stands as the heading in a document that has no section headings (labels.ts). */
  label?: Paragraph;
  /** Heading text without markup or comments. */
  headingText: string;
  level: number;
  /** The whole heading line(s). */
  headingRange?: Range;
  /** Just the heading's words (after "## "), for renaming. */
  headingTextRange?: Range;
  /** Offset where the block starts (the heading's first character, or the body's for implicit sections). */
  start: number;
  /** Offset where the heading ends (== start for implicit sections). */
  headingEnd: number;
  /** Offset where the next section begins, or the end of the text. */
  end: number;
  /** Top-level nodes under the heading. */
  body: RootContent[];
  bodyRange: Range;
}

export interface ListItemInfo {
  node: ListItem;
  /** Worked out when read: a long report has ten thousand items, and one rule reads the range of an empty one. */
  readonly range: Range;
  text: string;
  /** Index into `sections`, or -1 before the first section. */
  section: number;
}

export interface LinkInfo {
  url: string;
  range: Range;
  section: number;
}

export interface TitleInfo {
  node: Heading;
  text: string;
  range: Range;
  /** Just the words after "# ". */
  textRange: Range;
}

export interface RcaDocument {
  text: string;
  lines: LineIndex;
  root: Root;
  profile: Profile;
  frontMatter?: Record<string, unknown>;
  /** A message when the front matter is not valid YAML. */
  frontMatterError?: string;
  /** The title, date and zone the front matter gives (a static site's page has its title there, not in an H1). */
  frontMatterFacts: FrontMatterFacts;
  title?: TitleInfo;
  /** Other level-1 headings after the title. */
  extraTitles: TitleInfo[];
  /** Heading level that sections use in this document (2 unless the writer used 3). */
  sectionLevel: number;
  sections: Section[];
  listItems: ListItemInfo[];
  links: LinkInfo[];
  /** HTML comments, in order: where suppression directives live. */
  comments: { value: string; range: Range }[];
}

/**
 * The bold paragraphs that stand as headings (labels.ts), when a document has no heading that names a section, and
 * two at least: one bold name in a document of prose is emphasis.
 */
function boldHeadings(top: RootContent[], profile: Profile): Map<Paragraph, SectionMatch> {
  const labels = new Map<Paragraph, SectionMatch>();
  for (const node of top) {
    const match = boldHeadingMatch(node, profile);
    if (match) labels.set(node as Paragraph, match);
  }
  return labels.size >= 2 ? labels : new Map();
}

/** Range of a heading's words, without the "##" marker, closing hashes or trailing spaces; a bold label's, without its stars. */
function headingTextRange(lines: LineIndex, heading: Heading | Paragraph): Range {
  if (heading.type === 'paragraph') {
    const strong = heading.children.find((child) => child.type === 'strong');
    const words = strong && 'children' in strong ? strong.children : [];
    if (words.length) return lines.range(startOffset(words[0]), endOffset(words[words.length - 1]));
    return nodeRange(lines, heading);
  }
  const children = heading.children.filter((child) => child.type !== 'html' || !/^<!--/.test(child.value));
  if (children.length === 0) return nodeRange(lines, heading);
  const start = startOffset(children[0]);
  let end = endOffset(children[children.length - 1]);
  // The space before a comment that ends the line ("… 2026 <!-- rca-writer-disable-line RCA201 -->") is not the
  // heading's text: a fix that rewrites the text keeps it.
  while (end > start && (lines.text[end - 1] === ' ' || lines.text[end - 1] === '\t')) end--;
  return lines.range(start, end);
}

function titleInfo(lines: LineIndex, heading: Heading): TitleInfo {
  return {
    node: heading,
    text: plainText(heading).trim(),
    range: nodeRange(lines, heading),
    textRange: headingTextRange(lines, heading),
  };
}

const matchCache = new WeakMap<Profile, Map<string, ReturnType<typeof matchHeading>>>();
/** Distinct heading texts kept per profile; typing in a heading makes a new one per keystroke. */
const MATCH_CACHE_SIZE = 5000;

/** matchHeading, remembered per profile and heading text: it compares every heading with every section name. */
function cachedMatch(text: string, profile: Profile): ReturnType<typeof matchHeading> {
  let byText = matchCache.get(profile);
  if (!byText) matchCache.set(profile, (byText = new Map()));
  if (byText.has(text)) return byText.get(text);
  const match = matchHeading(text, profile);
  if (byText.size >= MATCH_CACHE_SIZE) byText.clear();
  byText.set(text, match);
  return match;
}

/** `root` is the text's tree when the caller has it already (an incremental parse); by default it is parsed here. */
export function buildModel(text: string, profile: Profile, root: Root = parseDocument(text)): RcaDocument {
  const lines = new LineIndex(text);
  const doc: RcaDocument = {
    text,
    lines,
    root,
    profile,
    frontMatterFacts: {},
    extraTitles: [],
    sectionLevel: 2,
    sections: [],
    listItems: [],
    links: [],
    comments: [],
  };
  const frontMatter = readFrontMatter(root);
  if (frontMatter.frontMatter) doc.frontMatter = frontMatter.frontMatter;
  if (frontMatter.error !== undefined) doc.frontMatterError = frontMatter.error;
  doc.frontMatterFacts = frontMatterFacts(frontMatter.frontMatter);

  const top = root.children;
  const matches = new Map<Heading, ReturnType<typeof matchHeading>>();
  for (const node of top) {
    // Only a heading of level 1 to 3 can be the title or start a section (see startsSection): 58,000 "###### h1"
    // lines were each matched against every section name.
    if (node.type === 'heading' && node.depth <= 3) matches.set(node, cachedMatch(plainText(node), profile));
  }
  const matchedLevels = [...matches].filter(([h, m]) => m && h.depth >= 2 && h.depth <= 3).map(([h]) => h.depth);
  doc.sectionLevel = matchedLevels.length ? minOf(matchedLevels) : 2;
  const labels = matchedLevels.length ? new Map<Paragraph, SectionMatch>() : boldHeadings(top, profile);

  const startsSection = (node: RootContent): node is Heading | Paragraph => {
    if (node.type === 'paragraph') return labels.has(node);
    if (node.type !== 'heading') return false;
    const match = matches.get(node);
    // A setext heading ("text" over a line of "-") is often a list item printed by a website, not a
    // section: it only starts one when it names a section.
    if (isSetext(node, text) && !match) return false;
    if (node.depth <= doc.sectionLevel) return true;
    // Mixed levels: a deeper heading that plainly names a section is one; an alias there ("### Summary")
    // is more likely a subheading of the section above.
    return node.depth <= 3 && (match?.kind === 'exact' || match?.kind === 'tolerated');
  };

  let index = 0;
  // Front matter and the title come first.
  const preamble: RootContent[] = [];
  for (; index < top.length; index++) {
    const node = top[index];
    if (node.type === 'heading' && node.depth === 1 && !matches.get(node) && !doc.title) {
      doc.title = titleInfo(lines, node);
      continue;
    }
    if (startsSection(node)) break;
    preamble.push(node);
  }
  const explicitIntroduction = top.slice(index).some((node) => {
    if (!startsSection(node)) return false;
    return (node.type === 'heading' ? matches.get(node) : labels.get(node))?.def.mayBeImplicit === true;
  });
  if (!explicitIntroduction) addImplicitIntroduction(doc, preamble);

  let current: Section | undefined;
  // "## Incident Timeline" straight over "### Detection (06:00 UTC - 06:30 UTC)": a section heading with nothing under it
  // but deeper headings holds them as its parts, though they name sections a profile has but does not require (the
  // response's phases are named as the parts of a postmortem). A required one ("### Root Causes") still starts its own.
  let holderDepth = 0;
  const heldPart = (node: RootContent) => {
    if (node.type !== 'heading') return false;
    if (node.depth <= holderDepth) holderDepth = 0;
    if (current?.heading && current.def && !current.body.length && node.depth > current.heading.depth && node.depth > doc.sectionLevel) {
      holderDepth = current.heading.depth;
    }
    return holderDepth > 0 && !matches.get(node)?.def.required;
  };
  for (; index < top.length; index++) {
    const node = top[index];
    if (!heldPart(node) && startsSection(node)) {
      if (node.type === 'heading' && node.depth === 1) doc.extraTitles.push(titleInfo(lines, node));
      const match = node.type === 'heading' ? matches.get(node) : labels.get(node);
      current = {
        def: match?.def,
        match: match?.kind,
        ...(node.type === 'heading' ? { heading: node } : { label: node }),
        headingText: plainText(node).trim(),
        level: node.type === 'heading' ? node.depth : doc.sectionLevel,
        headingRange: nodeRange(lines, node),
        headingTextRange: headingTextRange(lines, node),
        start: lines.lineStart(lines.positionAt(startOffset(node)).line),
        headingEnd: endOffset(node),
        end: text.length,
        body: [],
        bodyRange: lines.range(endOffset(node), text.length),
      };
      const previous = doc.sections[doc.sections.length - 1];
      if (previous) closeSection(doc, previous, current.start);
      doc.sections.push(current);
    } else if (current) {
      current.body.push(node);
    }
  }
  collectInlineFacts(doc);
  return doc;
}

function isSetext(heading: Heading, text: string): boolean {
  const start = startOffset(heading);
  return text.charAt(start) !== '#' && heading.position?.start.line !== heading.position?.end.line;
}

function closeSection(doc: RcaDocument, section: Section, end: number): void {
  section.end = end;
  section.bodyRange = doc.lines.range(section.headingEnd, end);
}

function addImplicitIntroduction(doc: RcaDocument, preamble: RootContent[]): void {
  const def = doc.profile.sections.find((section) => section.mayBeImplicit);
  if (!def) return;
  const content = preamble.filter((node) => {
    if (isFrontMatter(node) || node.type === 'heading' || isComment(node)) return false;
    if (node.type === 'paragraph') {
      const words = plainText(node).trim();
      return !saysNothing(words) && !doc.profile.preambleLines.some((pattern) => pattern.test(words));
    }
    return true;
  });
  if (content.length === 0) return;
  const start = startOffset(content[0]);
  const end = endOffset(content[content.length - 1]);
  doc.sections.push({
    def,
    match: 'implicit',
    headingText: '',
    level: doc.sectionLevel,
    start,
    headingEnd: start,
    end,
    body: content,
    bodyRange: doc.lines.range(start, end),
  });
}
