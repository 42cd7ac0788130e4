import type { Code, Heading, Html, Link, ListItem, Nodes, Root, RootContent } from 'mdast';
import { matchHeading, type MatchKind } from './headings';
import { parseMarkdown } from './parse';
import type { Profile, SectionDef } from './profiles';
import { LineIndex } from './text';
import type { Range } from './types';
import { minOf } from './numbers';

/** One section of an RCA: a heading and what stands under it, up to the next heading at its level or above. */
export interface Section {
  /** The profile section this is, when the heading names one. */
  def?: SectionDef;
  /** How the heading named it; 'implicit' for an introduction that has no heading. */
  match?: MatchKind | 'implicit';
  heading?: Heading;
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
  range: Range;
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

let yamlParse: ((text: string) => unknown) | undefined;

/** YAML's parse, loaded on first use: most reports have no front matter, and the server's start should not wait for it. */
export function parseYaml(text: string): unknown {
  // A synchronous require, not import(): callers parse synchronously, and the bundle is CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlParse ??= (require('yaml') as typeof import('yaml')).parse;
  return yamlParse(text);
}

export function nodeRange(lines: LineIndex, node: Nodes): Range {
  return lines.range(startOffset(node), endOffset(node));
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** The words a reader sees: text and inline code, without HTML or comments. */
export function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') {
    return node.type === 'yaml' || node.type === 'code' ? '' : node.value;
  }
  if ('children' in node) {
    const parts = (node.children as Nodes[]).map(plainText);
    const separator = node.type === 'root' || node.type === 'list' || node.type === 'listItem' ? '\n' : '';
    return parts.join(separator);
  }
  if (node.type === 'break') return '\n';
  return '';
}

/** Range of a heading's words, without the "##" marker, closing hashes or trailing spaces. */
function headingTextRange(lines: LineIndex, heading: Heading): Range {
  const children = heading.children.filter((child) => child.type !== 'html' || !/^<!--/.test(child.value));
  if (children.length === 0) return nodeRange(lines, heading);
  return lines.range(startOffset(children[0]), endOffset(children[children.length - 1]));
}

/** An HTML comment block: invisible to readers, home of suppression directives. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
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
export function buildModel(text: string, profile: Profile, root: Root = parseMarkdown(text)): RcaDocument {
  const lines = new LineIndex(text);
  const doc: RcaDocument = {
    text,
    lines,
    root,
    profile,
    extraTitles: [],
    sectionLevel: 2,
    sections: [],
    listItems: [],
    links: [],
    comments: [],
  };
  readFrontMatter(doc);

  const top = root.children;
  const matches = new Map<Heading, ReturnType<typeof matchHeading>>();
  for (const node of top) {
    if (node.type === 'heading') matches.set(node, cachedMatch(plainText(node), profile));
  }
  const matchedLevels = [...matches].filter(([h, m]) => m && h.depth >= 2 && h.depth <= 3).map(([h]) => h.depth);
  doc.sectionLevel = matchedLevels.length ? minOf(matchedLevels) : 2;

  const startsSection = (node: RootContent): node is Heading => {
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
    return matches.get(node)?.def.mayBeImplicit === true;
  });
  if (!explicitIntroduction) addImplicitIntroduction(doc, preamble);

  let current: Section | undefined;
  for (; index < top.length; index++) {
    const node = top[index];
    if (startsSection(node)) {
      if (node.depth === 1) doc.extraTitles.push(titleInfo(lines, node));
      const match = matches.get(node);
      current = {
        def: match?.def,
        match: match?.kind,
        heading: node,
        headingText: plainText(node).trim(),
        level: node.depth,
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
    if (node.type === 'yaml' || node.type === 'heading' || isComment(node)) return false;
    if (node.type === 'paragraph') {
      const words = plainText(node).trim();
      return !doc.profile.preambleLines.some((pattern) => pattern.test(words));
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

function readFrontMatter(doc: RcaDocument): void {
  const first = doc.root.children[0];
  if (!first || first.type !== 'yaml') return;
  try {
    const data: unknown = parseYaml(first.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) doc.frontMatter = data as Record<string, unknown>;
  } catch (error) {
    doc.frontMatterError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Section lists whose starts were found in order, with the length they had then. */
const sortedSections = new WeakMap<Section[], number>();

/** Which section an offset falls in, or -1: the last one whose start..end holds it. */
export function sectionAt(doc: RcaDocument, offset: number): number {
  const sections = doc.sections;
  let last = sections.length - 1;
  if (sortedSections.get(sections) !== sections.length) {
    let sorted = true;
    for (let i = 1; i < sections.length && sorted; i++) sorted = sections[i - 1].start <= sections[i].start;
    if (sorted) sortedSections.set(sections, sections.length);
  }
  if (sortedSections.get(sections) === sections.length) {
    // Starts in order: no section after the last one that starts at or before the offset can hold it.
    let low = 0;
    let high = sections.length - 1;
    last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sections[mid].start <= offset) {
        last = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
  }
  for (let i = last; i >= 0; i--) {
    const section = sections[i];
    if (offset >= section.start && offset <= section.end) return i;
  }
  return -1;
}

/** The nodes of one top-level block that the model lists, in document order, and the list items' text. */
interface BlockFacts {
  /** Every node of the block, the block first, in the order unist-util-visit visits them (pre-order). */
  all: Nodes[];
  nodes: (ListItem | Link | Html)[];
  /** Code blocks (fenced or indented), in order. */
  code: Code[];
  itemText: Map<ListItem, string>;
  /** Comments of each HTML node: offset from the node's start, length and trimmed value. */
  comments: Map<Html, [number, number, string][]>;
}

/**
 * Facts per top-level node. The incremental parser (incremental.ts) hands back the very node objects of the
 * chunks an edit did not touch, with their positions moved, so their facts are found here instead of walking
 * the whole tree again; only offsets are read afresh. Nodes are never changed in place otherwise.
 */
const blockFacts = new WeakMap<RootContent, BlockFacts>();

function factsOf(block: RootContent): BlockFacts {
  let facts = blockFacts.get(block);
  if (facts) return facts;
  facts = { all: [], nodes: [], code: [], itemText: new Map(), comments: new Map() };
  const found = facts;
  const walk = (node: Nodes): void => {
    found.all.push(node);
    if (node.type === 'listItem') {
      found.nodes.push(node);
      found.itemText.set(node, plainText(node).trim());
    } else if (node.type === 'link') {
      found.nodes.push(node);
    } else if (node.type === 'code') {
      found.code.push(node);
    } else if (node.type === 'html') {
      found.nodes.push(node);
      // One HTML block can hold several comments ("<!-- a --> <!-- b -->" on one line).
      const comments: [number, number, string][] = [];
      for (const comment of node.value.matchAll(/<!--([\s\S]*?)-->/g)) comments.push([comment.index, comment[0].length, comment[1].trim()]);
      found.comments.set(node, comments);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(block);
  blockFacts.set(block, facts);
  return facts;
}

const allNodesByDoc = new WeakMap<RcaDocument, Nodes[]>();

/**
 * Every node of the document, the root first, in the order `visit(doc.root, ...)` visits them. Built from the
 * per-block facts, so after an edit only the re-parsed blocks are walked: a rule that loops over this instead of
 * calling `visit` on a 1 MB document costs a fraction of a millisecond instead of tens.
 */
export function allNodes(doc: RcaDocument): readonly Nodes[] {
  let nodes = allNodesByDoc.get(doc);
  if (!nodes) {
    nodes = [doc.root];
    for (const block of doc.root.children) for (const node of factsOf(block).all) nodes.push(node);
    allNodesByDoc.set(doc, nodes);
  }
  return nodes;
}

/** Every code block of the document, in order (from the same per-block facts as the model: no walk of the tree). */
export function codeBlocks(doc: RcaDocument): Code[] {
  const result: Code[] = [];
  for (const block of doc.root.children) for (const code of factsOf(block).code) result.push(code);
  return result;
}

function collectInlineFacts(doc: RcaDocument): void {
  for (const block of doc.root.children) {
    const facts = factsOf(block);
    for (const node of facts.nodes) {
      if (node.type === 'listItem') {
        doc.listItems.push({
          node,
          range: nodeRange(doc.lines, node),
          text: facts.itemText.get(node)!,
          section: sectionAt(doc, startOffset(node)),
        });
      } else if (node.type === 'link') {
        doc.links.push({ url: node.url, range: nodeRange(doc.lines, node), section: sectionAt(doc, startOffset(node)) });
      } else {
        const base = startOffset(node);
        for (const [at, length, value] of facts.comments.get(node)!) {
          doc.comments.push({ value, range: doc.lines.range(base + at, base + at + length) });
        }
      }
    }
  }
}

/** The sections the profile knows, by id; the first of each when a section is repeated. */
export function sectionsById(doc: RcaDocument): Map<string, Section> {
  const result = new Map<string, Section>();
  for (const section of doc.sections) {
    if (section.def && !result.has(section.def.id)) result.set(section.def.id, section);
  }
  return result;
}
