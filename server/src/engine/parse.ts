import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Node, Point } from 'unist';
import { parsePlainBlocks } from './plain-blocks';
// Before any parse: a consume that does not copy every event each time a list item closes (see edit-map.ts).
import './edit-map';

/*
 * The engine's parser: CommonMark + GFM + YAML front matter, the tree remark-parse + remark-gfm + remark-frontmatter
 * give (render/* keeps that pipeline), built for speed. Each GFM construct needs a character to begin with (a table
 * a "|", strikethrough a "~", a footnote "[^", a task check "[ ]", an email autolink "@", the others "www." or
 * "http:"), and a construct that cannot match costs the parser an attempt at every character it hooks (the email
 * autolink tries at every letter: half the parse). So each document is parsed with only the constructs whose
 * characters it contains, in the order remark-gfm adds them; the tree is the same.
 */

type Options = NonNullable<Parameters<typeof fromMarkdown>[1]>;
type Extension = NonNullable<Options['extensions']>[number];
type ConstructRecord = NonNullable<Extension['text']>;

const autolink = gfmAutolinkLiteral();
const autolinkText = autolink.text as ConstructRecord;
const hooks = (codes: number[], keep: (name: string | undefined) => boolean): Extension => {
  const text: ConstructRecord = {};
  for (const code of codes) {
    const list = ([] as { name?: string }[]).concat(autolinkText[code] as never);
    const kept = list.filter((construct) => keep(construct.name));
    if (kept.length) text[code] = kept as never;
  }
  return { text };
};
const letters = Object.keys(autolinkText).map(Number);
/** Autolink literals by kind: e-mail addresses (at every letter), "www." (at w) and "http(s):" (at h). */
const autolinkKinds: { test: (text: string) => boolean; names: string[] }[] = [
  { test: (text) => text.includes('@'), names: ['emailAutolink'] },
  { test: (text) => /www\./i.test(text), names: ['wwwAutolink'] },
  { test: (text) => /https?:/i.test(text), names: ['protocolAutolink'] },
];

const footnote = gfmFootnote();
const strikethrough = gfmStrikethrough();
const table = gfmTable();
const taskListItem = gfmTaskListItem();
// TOML ("+++") as Hugo and Zola write it, beside YAML: a postmortem published from a static site has one or the other.
const yaml = frontmatter(['yaml', 'toml']);

type Construct = { tokenize: (this: { now: () => Point }, ...args: unknown[]) => unknown };
const tableConstruct = (table.flow as Record<string, Construct>).null;

/**
 * micromark reads a table row in one go and spends about 70 µs of CPU on each of its cells, mostly on their garbage:
 * one row of 200,000 cells took 16 s, a step the check's budget cannot stop. A line with more "|" than this (a real
 * table has tens of columns) is never read as a table row, nor as a table's first row: it is text, as the line of a
 * paragraph, and a table it follows ends before it. Counting every "|" of the line, escaped or in code, overcounts a
 * row's cells, never undercounts them.
 */
export const MAX_TABLE_ROW_PIPES = 2_000;

/** Whether the line of `text` that starts at `from` holds more "|" than MAX_TABLE_ROW_PIPES. */
export function tooWideForTable(text: string, from = 0): boolean {
  let pipes = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 124 && ++pipes > MAX_TABLE_ROW_PIPES) return true;
  }
  return false;
}

/** Whether `text` has more "|" in all than one table row may have: most texts have fewer, found in a search. */
export function mayHaveWideLine(text: string): boolean {
  let pipes = 0;
  for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) if (++pipes > MAX_TABLE_ROW_PIPES) return true;
  return false;
}

/** The lines of `text` (1-based, as micromark counts them) that are too wide for a table row; undefined if none. */
function wideLines(text: string): Set<number> | undefined {
  if (!mayHaveWideLine(text)) return undefined;
  const wide = new Set<number>();
  let line = 1;
  let pipes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 && ++pipes > MAX_TABLE_ROW_PIPES) wide.add(line);
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      pipes = 0;
    }
  }
  return wide.size ? wide : undefined;
}

/** The table construct, refusing to start a row at the lines given (a refused row is then read as other text is). */
function narrowTable(wide: Set<number>): Extension {
  const tokenize = function (this: { now: () => Point }, effects: unknown, ok: unknown, nok: unknown) {
    if (wide.has(this.now().line)) return nok;
    return tableConstruct.tokenize.call(this, effects, ok, nok);
  };
  return { flow: { null: { ...tableConstruct, tokenize } } } as Extension;
}

const autolinkMdast = gfmAutolinkLiteralFromMarkdown();
/** The autolink transform (it finds addresses in text nodes), run apart: only on blocks that can hold one. */
const autolinkTransform = autolinkMdast.transforms![0] as (tree: Node) => void;
const autolinkHandlers = { ...autolinkMdast, transforms: [] };
const footnoteMdast = gfmFootnoteFromMarkdown();
const strikethroughMdast = gfmStrikethroughFromMarkdown();
const tableMdast = gfmTableFromMarkdown();
const taskListItemMdast = gfmTaskListItemFromMarkdown();
const yamlMdast = frontmatterFromMarkdown(['yaml', 'toml']);

const optionsByKey = new Map<number, Options>();

function optionsFor(text: string): { options: Options; addresses: boolean } {
  let key = 0;
  autolinkKinds.forEach((kind, i) => {
    if (kind.test(text)) key |= 1 << i;
  });
  if (text.includes('[^')) key |= 1 << 3;
  if (text.includes('~')) key |= 1 << 4;
  if (text.includes('|')) key |= 1 << 5;
  if (/\[[ \t\r\nxX]/.test(text)) key |= 1 << 6;
  if (/^\ufeff?(?:---|\+\+\+)/.test(text)) key |= 1 << 7;
  let options = optionsByKey.get(key);
  if (!options) {
    const names = autolinkKinds.flatMap((kind, i) => (key & (1 << i) ? kind.names : []));
    const extensions: Extension[] = [];
    const mdastExtensions: NonNullable<Options['mdastExtensions']> = [];
    if (names.length) {
      extensions.push(hooks(letters, (name) => names.includes(name ?? '')));
      mdastExtensions.push(autolinkHandlers);
    }
    const optional: [number, Extension, NonNullable<Options['mdastExtensions']>[number]][] = [
      [3, footnote, footnoteMdast],
      [4, strikethrough, strikethroughMdast],
      [5, table, tableMdast],
      [6, taskListItem, taskListItemMdast],
      [7, yaml, yamlMdast],
    ];
    for (const [bit, extension, mdast] of optional) {
      if (!(key & (1 << bit))) continue;
      extensions.push(extension);
      mdastExtensions.push(mdast);
    }
    optionsByKey.set(key, (options = { extensions, mdastExtensions }));
  }
  return { options, addresses: (key & 7) !== 0 || /[@&\\]/.test(text) };
}

/**
 * Runs the autolink transform on each top-level block whose source can give an address in its text: "http:", "www."
 * or "@" written out, or through a character reference or an escape. It only ever changes text inside a block.
 */
function linkAddresses(root: Root, source: string): void {
  for (const child of root.children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    const raw = start === undefined || end === undefined ? source : source.slice(start, end);
    if (/[@&\\]|https?:|www\./i.test(raw)) autolinkTransform(child);
  }
}

/**
 * Labels defined outside the text parsed (in another chunk of the document, see incremental.ts), as micromark
 * normalises them: a reference to one is a reference, as in a parse of the whole document.
 */
export interface DefinedElsewhere {
  links: string[];
  footnotes: string[];
}

/**
 * A text construct tried first at every "[" and "!" that adds the labels to the parser's own lists and matches
 * nothing. micromark resolves references in its text pass, after every definition of the text was read, and every
 * reference begins with "[" or "![", so the labels are known before the first is looked up.
 */
function definedElsewhere(defined: DefinedElsewhere): Extension {
  let added = false;
  const tokenize = function (this: { parser: { defined: string[]; gfmFootnotes?: string[] } }, _effects: unknown, _ok: unknown, nok: unknown) {
    if (!added) {
      added = true;
      for (const label of defined.links) this.parser.defined.push(label);
      const footnotes = this.parser.gfmFootnotes ?? (this.parser.gfmFootnotes = []);
      for (const label of defined.footnotes) footnotes.push(label);
    }
    return nok;
  };
  const construct = { name: 'definedElsewhere', tokenize, add: 'before' } as never;
  return { text: { 33: construct, 91: construct } };
}

/**
 * Parses Markdown (CommonMark + GFM + front matter) into mdast. The only place the engine parses. `defined`: labels
 * defined outside `text`. A document of plain blocks is read without micromark but for its runs of marked-up blocks
 * (plain-blocks.ts); the tree is the same.
 */
export function parseMarkdown(text: string, defined?: DefinedElsewhere): Root {
  return parsePlainBlocks(text, (run) => parseWithMicromark(run, defined)) ?? parseWithMicromark(text, defined);
}

/** The parse of every document by micromark alone: what `parseMarkdown` gives, however it reads the text. */
export function parseWithMicromark(text: string, defined?: DefinedElsewhere): Root {
  const { options: own, addresses } = optionsFor(text);
  const wide = own.extensions!.includes(table) ? wideLines(text) : undefined;
  let extensions = wide ? own.extensions!.map((extension) => (extension === table ? narrowTable(wide) : extension)) : own.extensions!;
  // Last, so that its construct comes before every other extension's at "[" (a footnote call is one).
  if (defined) extensions = extensions.concat(definedElsewhere(defined));
  const options = extensions === own.extensions ? own : { ...own, extensions };
  const root = fromMarkdown(text, options);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (addresses) linkAddresses(root, bom ? text.slice(1) : text);
  if (bom) {
    // The parser skips a byte order mark and counts positions without it; every range the engine reports counts
    // in the text as the editor has it, so positions move one place on.
    const shift = (point: Point | undefined) => {
      if (!point) return;
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    };
    // A stack, not visit: visit looks each node up among its siblings, which grew with the square of a long list.
    const stack: Node[] = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      shift(node.position?.start);
      shift(node.position?.end);
      if ('children' in node) for (const child of node.children as Node[]) stack.push(child);
    }
  }
  return root;
}
