// Markdown to publish-ready HTML: the one renderer behind the preview, the export and the CLI.
//
// The document is parsed once (remark-parse, by the engine's check) and its sections are put in the
// profile's order. The reordered tree then goes remark-rehype → rehype-raw → rehype-sanitize →
// rehype-stringify. The parts the renderer writes itself (banner, summary, section wrappers,
// status link) are added after sanitising and hold nothing but text the renderer chose.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { checkText, type CheckResult } from '../engine/check';
import type { RcaDocument, Section } from '../engine/model';
import { isFrontMatter } from '../engine/front-matter';
import { statusPortalUrl } from '../engine/profiles';
import { isComment, startOffset } from '../engine/nodes';
import { pushAll } from '../engine/numbers';
import { resolveSettings, type RcaSettings } from '../engine/settings';
import type { RcaDiagnostic } from '../engine/types';
import { el, isWebUrl, textOf } from './hast';
import { applyImagePolicy, type ImageReader } from './images';
import { blocksToHtml } from './raw';
import { summarize, type ReportSummary } from './summary';
import { minOf } from '../engine/numbers';

export interface RenderedReport {
  /** The report as an HTML fragment: one `<article class="rca-report">`. */
  html: string;
  /** The title as plain text, for the window or tab. */
  title: string;
  errors: { line: number; code: string; message: string }[];
  summary: ReportSummary;
  statusPortalUrl?: string;
  /** Whether the page may load images from the web; its Content-Security-Policy says the same. */
  allowRemoteImages: boolean;
}

export interface RenderOptions {
  /** Render the error banner from these diagnostics; by default, those of the check. */
  diagnostics?: RcaDiagnostic[];
  /** The report's folder, where its local images are read from; without it they are not shown. */
  folder?: string;
  /** How they are read (local-images.ts on Node); without it they are not shown. */
  readImage?: ImageReader;
}

const PART = 'dataRcaPart';

/** mdast to hast, raw HTML still unparsed: the section wrappers are then the only elements at the top. */
function toHast(root: Root): HastRoot {
  return unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(root) as HastRoot;
}

const stringifier = unified().use(rehypeStringify);

/** Comments (and the suppression directives they carry) never reach the reader; nor does front matter. */
function visible(nodes: RootContent[]): RootContent[] {
  return nodes.filter((node) => !isFrontMatter(node) && !isComment(node));
}

/** A section heading at level 2 whatever level the writer used; headings under it keep their depth below it. */
function shiftHeadings<T extends Nodes>(node: T, shift: number): T {
  const copy = structuredClone(node);
  const visit = (n: Nodes): void => {
    if (n.type === 'heading' && shift !== 0) n.depth = Math.min(6, Math.max(2, n.depth + shift)) as Heading['depth'];
    if ('children' in n) for (const child of n.children as Nodes[]) visit(child);
  };
  visit(copy);
  return copy;
}

/** Profile order, stable: a section the profile doesn't know stays after the known section it follows. */
export function orderedSections(doc: RcaDocument): Section[] {
  const rank = (section: Section) => (section.def ? doc.profile.sections.indexOf(section.def) : -1);
  let previous = -1;
  const keyed = doc.sections.map((section, index) => {
    const own = rank(section);
    if (own >= 0) previous = own;
    return { section, index, key: own >= 0 ? own : previous };
  });
  return keyed.sort((a, b) => a.key - b.key || a.index - b.index).map((entry) => entry.section);
}

/** Top-level content that belongs to no section and is not the title (text between the title and the first section). */
function preamble(doc: RcaDocument): RootContent[] {
  const firstStart = minOf(
    doc.sections.filter((s) => s.heading ?? s.label).map((s) => s.start),
    doc.text.length,
  );
  const inSections = new Set(doc.sections.flatMap((s) => s.body));
  return doc.root.children.filter(
    (node) =>
      startOffset(node) < firstStart && node !== doc.title?.node && !inSections.has(node) && node.type !== 'definition' && node.type !== 'footnoteDefinition',
  );
}

function part(key: string, children: RootContent[]): RootContent {
  // An mdast node remark-rehype doesn't know becomes the element its data names.
  return { type: 'rcaPart', data: { hName: 'div', hProperties: { [PART]: key } }, children } as unknown as RootContent;
}

function sectionSlug(section: Section, index: number): string {
  return section.def ? section.def.id : `section-${index + 1}`;
}

function statusUrl(doc: RcaDocument, settings: RcaSettings): string | undefined {
  const portal = statusPortalUrl(doc.profile, settings);
  if (portal) return isWebUrl(portal) ? portal : undefined;
  const linkSection = doc.sections.findIndex((s) => s.def?.needsStatusLink);
  return doc.links.find((link) => link.section === linkSection && linkSection >= 0 && isWebUrl(link.url))?.url;
}

function banner(errors: RenderedReport['errors']): Element | undefined {
  if (!errors.length) return undefined;
  const count = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: not ready to publish`;
  return el('div', { className: ['rca-banner'], role: 'alert' }, [
    el('p', {}, [count]),
    el(
      'ul',
      {},
      errors.map((e) => el('li', {}, [`Line ${e.line}: ${e.message} `, el('code', {}, [e.code])])),
    ),
  ]);
}

function summaryBlock(summary: ReportSummary): Element | undefined {
  const rows: [string, string][] = [];
  if (summary.instances.length) rows.push(['Affected instances', summary.instances.join(', ')]);
  if (summary.window) {
    rows.push([`Incident window (${summary.window.zone})`, summary.window.local]);
    if (summary.window.zone !== 'UTC') rows.push(['Incident window (UTC)', summary.window.utc]);
    if (summary.window.duration) rows.push(['Duration', summary.window.duration]);
  }
  if (!rows.length) return undefined;
  return el(
    'dl',
    { className: ['rca-summary'], ariaLabel: 'Summary' },
    rows.flatMap(([term, value]) => [el('dt', {}, [term]), el('dd', {}, [value])]),
  );
}

/** Links whose words are their address don't need the address printed after them. */
function markBareLinks(nodes: ElementContent[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && textOf(node).trim() === node.properties.href) {
      node.properties.className = ['rca-bare'];
    }
    markBareLinks(node.children);
  }
}

/** One block per line, so that snapshots and exported files read well in a diff. */
function lines(children: ElementContent[]): ElementContent[] {
  const blocks = children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  return [{ type: 'text', value: '\n' }, ...blocks.flatMap((child): ElementContent[] => [child, { type: 'text', value: '\n' }])];
}

export function renderReport(result: CheckResult, settings: RcaSettings, options: RenderOptions = {}): RenderedReport {
  const { doc } = result;
  const sections = orderedSections(doc);
  const shift = 2 - doc.sectionLevel;
  const parts: RootContent[] = [];
  if (doc.title) parts.push(part('title', [structuredClone(doc.title.node)]));
  const intro = visible(preamble(doc));
  if (intro.length)
    parts.push(
      part(
        'preamble',
        intro.map((node) => shiftHeadings(node, shift)),
      ),
    );
  sections.forEach((section, index) => {
    const nodes: RootContent[] = [];
    if (section.heading) nodes.push({ ...structuredClone(section.heading), depth: 2 });
    else if (section.label) nodes.push(structuredClone(section.label));
    pushAll(
      nodes,
      visible(section.body).map((node) => shiftHeadings(node, shift)),
    );
    parts.push(part(`${index}`, nodes));
  });
  // Link reference definitions stay in the tree so references in any section resolve.
  const inSections = new Set(doc.sections.flatMap((s) => s.body));
  const definitions = doc.root.children.filter((node) => (node.type === 'definition' || node.type === 'footnoteDefinition') && !inSections.has(node));
  const mdast: Root = { type: 'root', children: [...parts, ...definitions] };
  const hast = toHast(mdast);

  // Each part's raw HTML is parsed and sanitised on its own, so nothing in one part can reach another.
  const images = { folder: options.folder, read: options.readImage, allowRemote: settings.allowRemoteImages };
  const content = (nodes: ElementContent[]) => applyImagePolicy(blocksToHtml(nodes), images);
  const byKey = new Map<string, ElementContent[]>();
  const rest: ElementContent[] = [];
  for (const child of hast.children) {
    const key = child.type === 'element' ? child.properties[PART] : undefined;
    if (child.type === 'element' && typeof key === 'string') byKey.set(key, content(child.children));
    else if (child.type === 'element') pushAll(rest, content([child])); // e.g. the footnotes remark-rehype appends
  }

  const diagnostics = options.diagnostics ?? result.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => ({ line: d.range.start.line + 1, code: d.code, message: d.message }));
  const summary = summarize(doc, settings);
  const portal = statusUrl(doc, settings);

  const header: ElementContent[] = [];
  const bannerElement = banner(errors);
  if (bannerElement) header.push(bannerElement);
  pushAll(header, byKey.get('title') ?? [el('h1', {}, [doc.title?.text || doc.frontMatterFacts.title || 'Untitled report'])]);
  const summaryElement = summaryBlock(summary);
  if (summaryElement) header.push(summaryElement);

  const body: ElementContent[] = [el('header', { className: ['rca-header'] }, header)];
  const pre = byKey.get('preamble');
  if (pre) body.push(el('div', { className: ['rca-preamble'] }, pre));
  sections.forEach((section, index) => {
    const children = byKey.get(`${index}`) ?? [];
    body.push(el('section', { className: ['rca-section'], id: `rca-${sectionSlug(section, index)}` }, children));
  });
  pushAll(body, rest);
  if (portal) {
    body.push(el('footer', { className: ['rca-status'] }, [el('p', {}, ['Service status: ', el('a', { href: portal }, [portal])])]));
  }
  markBareLinks(body);
  const article = el('article', { className: ['rca-report'] }, lines(body));
  for (const child of body) if (child.type === 'element' && child.tagName !== 'footer') child.children = lines(child.children);
  return {
    html: stringifier.stringify({ type: 'root', children: [article] }),
    title: doc.title?.text || doc.frontMatterFacts.title || 'Untitled report',
    errors,
    summary,
    ...(portal ? { statusPortalUrl: portal } : {}),
    allowRemoteImages: settings.allowRemoteImages,
  };
}

/** Checks and renders text in one call: the CLI and the tests start here. */
export function renderText(text: string, settingsInput: Partial<RcaSettings> | RcaSettings = {}, options: RenderOptions = {}): RenderedReport {
  const settings = resolveSettings(settingsInput);
  return renderReport(checkText(text, settings), settings, options);
}
