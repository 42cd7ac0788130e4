// Raw HTML in a report, parsed a block at a time so that no tag can reach past the block it stands in.
//
// The browser's parsing rules (parse5, through rehype-raw) let one unclosed `<template>`, `<textarea>`
// or `<div>` swallow or re-nest everything after it, and an unfinished tag can leave the parser in a
// state it then trips over. So each top-level block is parsed on its own (a `<details>` … `</details>`
// run of blocks counts as one), the parser closes whatever the block left open at its end, and a block
// whose own words did not survive is rendered again with its HTML shown as text, under a note.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { parseFragment } from 'parse5';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { el } from './hast';

/**
 * GitHub's schema. MathML, SVG and `<noscript>` are unwrapped by it like any element it does not know: their words
 * stay, as escaped text, and no element or attribute of theirs reaches the page (dropping them with their content
 * would lose the words that follow an unclosed `<svg>`).
 */
const schema = defaultSchema;
const stripped = schema.strip ?? ['script'];

const STRIPPED_START = new RegExp(`<(?:${stripped.join('|')})\\b`, 'i');
const STRIPPED_END = new RegExp(`</(?:${stripped.join('|')})\\s*>`, 'i');

/** Markup or an event handler inside an attribute's value: `title="</noscript><img onerror=…>"`. */
const MARKUP_IN_VALUE = /<\/?[a-z!]|\bon[a-z]+\s*=/i;

/**
 * What the sanitiser keeps and a report needs not: an `<input>` of its own (GitHub's schema keeps it as a disabled
 * checkbox, with its name and value) and attribute values that carry markup. A task list's checkbox, the first
 * thing in its item, stays, with nothing but whether it is ticked.
 */
function inertForms(): (tree: HastRoot) => void {
  const visit = (parent: HastRoot | Element): void => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== 'element') return true;
      if (child.tagName === 'input') {
        const inTaskItem =
          parent.type === 'element' &&
          parent.tagName === 'li' &&
          String(parent.properties.className ?? '').includes('task-list-item') &&
          parent.children.find((node) => node.type === 'element') === child;
        if (!inTaskItem || child.properties.type !== 'checkbox') return false;
        child.properties = { type: 'checkbox', checked: !!child.properties.checked, disabled: true };
      }
      for (const [name, value] of Object.entries(child.properties)) {
        if (MARKUP_IN_VALUE.test(Array.isArray(value) ? value.join(' ') : String(value))) delete child.properties[name];
      }
      visit(child);
      return true;
    });
  };
  return visit;
}

const parseAndSanitize = unified().use(rehypeRaw).use(rehypeSanitize, schema).use(inertForms);

/** Elements whose content the parser takes as text or keeps out of the page: left open, they eat what follows. */
const SWALLOWING = new Set(['script', 'style', 'textarea', 'title', 'template', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'select']);

/** Elements that never have an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image']);

/** Declarations CommonMark lets run to their terminator, or to the end of the document when there is none. */
const DECLARATIONS: [RegExp, string][] = [
  [/^\s*<!--/, '-->'],
  [/^\s*<\?/, '?>'],
  [/^\s*<!\[CDATA\[/, ']]>'],
  [/^\s*<![A-Za-z]/, '>'],
];

export const HTML_SHOWN_AS_TEXT_NOTE = 'The HTML above is shown as written: it was incomplete, and would have hidden the words that follow it.';

type Raw = { type: 'raw'; value: string };

function isRaw(node: unknown): node is Raw {
  return (node as { type?: string }).type === 'raw';
}

/** Whether this raw HTML, parsed alone, leaves something unfinished that would swallow what follows it. */
function isUnfinished(value: string, topLevel: boolean): boolean {
  if (DECLARATIONS.some(([start, end]) => start.test(value) && !value.slice(value.indexOf('<') + 2).includes(end))) return true;
  let eof = false;
  const fragment = parseFragment(value, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      // Text-only elements (`<script>`, `<textarea>`) are judged below: inline, their end tag is a later node.
      if (error.code.startsWith('eof-in-') && error.code !== 'eof-in-element-that-can-contain-only-text') eof = true;
    },
  });
  if (eof) return true;
  // An inline start tag's end tag stands in a later node of the same paragraph; a block's, in the block.
  if (!topLevel) return false;
  const open = (nodes: typeof fragment.childNodes): boolean =>
    nodes.some((node) => {
      if (!('tagName' in node)) return false;
      if (SWALLOWING.has(node.tagName) && !node.sourceCodeLocation?.endTag) return true;
      const content = 'content' in node ? (node.content as { childNodes: typeof nodes }).childNodes : [];
      return open(node.childNodes) || open(content);
    });
  return open(fragment.childNodes);
}

function rawValues(node: RootContent | ElementContent): string[] {
  if (isRaw(node)) return [node.value];
  return 'children' in node ? (node.children as ElementContent[]).flatMap(rawValues) : [];
}

/** The names of the elements the raw HTML of these nodes opens and leaves open, innermost last. */
function leftOpen(values: string[], stack: string[] = []): string[] {
  const result = [...stack];
  for (const value of values) {
    for (const match of value.matchAll(/<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>/g)) {
      const name = match[2].toLowerCase();
      if (VOID.has(name) || match[3]) continue;
      if (!match[1]) result.push(name);
      else if (result.lastIndexOf(name) >= 0) result.splice(result.lastIndexOf(name));
    }
  }
  return result;
}

function closes(node: RootContent | ElementContent, names: string[]): boolean {
  return rawValues(node).some((value) => names.some((name) => new RegExp(`</${name}\\s*>`, 'i').test(value)));
}

/** Top-level blocks, one group each, except that a block opening an element a later block closes runs to that block. */
function groups(nodes: ElementContent[]): ElementContent[][] {
  const result: ElementContent[][] = [];
  let index = 0;
  while (index < nodes.length) {
    let end = index;
    let open = leftOpen(rawValues(nodes[index]));
    while (open.length && end + 1 < nodes.length) {
      const closer = nodes.findIndex((node, at) => at > end && closes(node, open));
      if (closer < 0) break;
      open = leftOpen(nodes.slice(end + 1, closer + 1).flatMap(rawValues), open);
      end = closer;
    }
    result.push(nodes.slice(index, end + 1));
    index = end + 1;
  }
  return result;
}

/** Letters and digits, as a multiset: what the reader must find again on the page. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.matchAll(/[\p{L}\p{N}]+/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * The writer's own text in these nodes: text nodes, not what stands inside raw HTML, and not what stands
 * between a raw `<script>` (or another element the schema strips) and its end tag (the sanitiser removes those on
 * purpose, content and all).
 */
function ownText(nodes: ElementContent[]): string {
  const parts: string[] = [];
  let inScript = false;
  const walk = (node: ElementContent): void => {
    if (isRaw(node)) {
      if (STRIPPED_START.test(node.value) && !STRIPPED_END.test(node.value)) inScript = true;
      else if (STRIPPED_END.test(node.value)) inScript = false;
    } else if (node.type === 'text') {
      if (!inScript) parts.push(node.value);
    } else if (node.type === 'element') {
      if (typeof node.properties.alt === 'string') parts.push(node.properties.alt);
      node.children.forEach(walk);
    }
  };
  nodes.forEach(walk);
  return parts.join(' ');
}

function pageText(node: ElementContent | RootContent): string {
  if (node.type === 'element') {
    const alt = typeof node.properties.alt === 'string' ? `${node.properties.alt} ` : '';
    return alt + node.children.map(pageText).join(' ');
  }
  return node.type === 'text' ? node.value : '';
}

function keepsWords(source: ElementContent[], rendered: ElementContent[]): boolean {
  const shown = words(rendered.map(pageText).join(' '));
  for (const [word, count] of words(ownText(source))) if ((shown.get(word) ?? 0) < count) return false;
  return true;
}

/** A copy with the raw HTML that matches `escape` turned into text. */
function escaped(nodes: ElementContent[], escape: (raw: Raw, topLevel: boolean) => boolean, topLevel = true): ElementContent[] {
  return nodes.map((node): ElementContent => {
    if (!isRaw(node)) return node.type === 'element' ? { ...node, children: escaped(node.children, escape, false) } : node;
    if (!escape(node, topLevel)) return node;
    // A block of HTML shown as text reads as a paragraph of its own.
    return topLevel ? el('p', {}, [node.value]) : { type: 'text', value: node.value };
  });
}

function parsed(nodes: ElementContent[]): ElementContent[] {
  const root: HastRoot = { type: 'root', children: structuredClone(nodes) };
  return (parseAndSanitize.runSync(root) as HastRoot).children as ElementContent[];
}

const LONE_START_TAG = /^\s*<([A-Za-z][\w-]*)>\s*$/;
/** Elements a page knows: the sanitiser's, and those CommonMark knows by name. */
const KNOWN_ELEMENTS = new Set([...(schema.tagNames ?? []), ...htmlBlockNames, ...htmlRawNames, ...VOID, ...SWALLOWING]);

/**
 * "<cause>", "<owner>": a bare start tag of no element a page knows, that nothing in its group closes, is a marker
 * left for the writer (a template's, an older skeleton's), not markup. Sanitised it would vanish, and the reader of the
 * page would not see that something is missing.
 */
function isPlaceholderTag(raw: Raw, groupValues: string[]): boolean {
  const tag = LONE_START_TAG.exec(raw.value);
  if (!tag) return false;
  const name = tag[1].toLowerCase();
  if (KNOWN_ELEMENTS.has(name)) return false;
  const end = new RegExp(`</${name}\\s*>`, 'i');
  return !groupValues.some((value) => end.test(value));
}

/** One group's HTML: parsed as written when that keeps its words, else with its raw HTML shown as text. */
function renderGroup(nodes: ElementContent[]): ElementContent[] {
  let shownAsText = false;
  const values = nodes.flatMap(rawValues);
  const first = escaped(nodes, (raw, topLevel) => {
    if (isPlaceholderTag(raw, values)) return true;
    const unfinished = isUnfinished(raw.value, topLevel);
    shownAsText ||= unfinished;
    return unfinished;
  });
  try {
    const html = parsed(first);
    if (keepsWords(first, html)) return shownAsText ? [...html, note()] : html;
  } catch {
    // A parser that trips over the HTML is one more reason to show it as text.
  }
  return [...parsed(escaped(nodes, () => true)), note()];
}

function note(): ElementContent {
  return el('p', { className: ['rca-note'] }, [HTML_SHOWN_AS_TEXT_NOTE]);
}

/** Sanitised HTML for a run of blocks that may hold raw HTML; every word of their text is in the result. */
export function blocksToHtml(nodes: ElementContent[]): ElementContent[] {
  const blocks = nodes.filter((node) => node.type !== 'text' || node.value.trim() !== '');
  return groups(blocks).flatMap((group) => (group.some((node) => rawValues(node).length) ? renderGroup(group) : parsed(group)));
}
