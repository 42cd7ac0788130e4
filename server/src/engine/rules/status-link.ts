import { documentValues, renderTemplate } from '../template';
import { statusPortalUrl } from '../profiles';
import type { RcaSettings } from '../settings';
import { allNodes, blockNodes } from '../block-facts';
import type { RcaDocument, Section } from '../model';
import { endOffset, startOffset } from '../nodes';
import type { Rule } from './rule';
import type { Nodes } from 'mdast';
import { matchesOf } from '../regexp';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()"']+/gi;

/** An address as a reader compares it: no scheme, no "www.", host in lower case, no final slash. */
function canonicalAddress(url: string): string {
  return url
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[/.,;:]+$/, '')
    .replace(/^[^/]+/, (host) => host.toLowerCase());
}

export function sameAddress(a: string, b: string): boolean {
  return canonicalAddress(a) === canonicalAddress(b);
}

/** The identifiers of the reference links ("[status][portal]") written in the section, read from its own blocks. */
function referencesIn(doc: RcaDocument, section: Section): string[] {
  const identifiers: string[] = [];
  const blocks = doc.root.children;
  // The first block that ends after the section starts, found by halving: a report that repeats the section
  // thousands of times would otherwise walk the blocks before each one.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (endOffset(blocks[middle]) <= section.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < blocks.length && startOffset(blocks[index]) < section.end; index++) {
    for (const node of blockNodes(blocks[index])) {
      const offset = startOffset(node);
      if (node.type === 'linkReference' && offset >= section.start && offset < section.end) identifiers.push(node.identifier);
    }
  }
  return identifiers;
}

/**
 * Where each reference's definition points. A definition may stand anywhere in the document, so the whole tree is
 * walked, but only for a section that uses reference links: an edit elsewhere in a long report walks nothing.
 */
function definitions(doc: RcaDocument): Map<string, string> {
  const urls = new Map<string, string>();
  for (const node of allNodes(doc)) if (node.type === 'definition') urls.set(node.identifier, node.url);
  return urls;
}

/** Every address the section gives: links, reference links, raw HTML and bare URLs in its text. */
function addressesIn(doc: RcaDocument, index: number, definedUrls: () => Map<string, string>): string[] {
  const section = doc.sections[index];
  const references = referencesIn(doc, section);
  const defined = references.length ? definedUrls() : undefined;
  const raw = doc.text.slice(section.headingEnd, section.end);
  return [
    ...doc.links.filter((link) => link.section === index).map((link) => link.url),
    ...references.flatMap((id) => defined?.get(id) ?? []),
    ...(raw.match(URL_IN_TEXT) ?? []),
  ];
}

/** The address written without a scheme ("status.example.com/"), which readers follow all the same. */
function mentionsBareAddress(text: string, expected: string): boolean {
  const bare = canonicalAddress(expected).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])(?:www\\.)?${bare}/?(?![\\w-])`, 'i').test(text);
}

export const statusLink: Rule = {
  code: 'RCA108',
  name: 'status-link',
  description: 'Customer Communication does not give the status-portal address.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const expected = statusPortalUrl(doc.profile, settings);
    let defined: Map<string, string> | undefined;
    const definedUrls = () => (defined ??= definitions(doc));
    for (const [index, section] of doc.sections.entries()) {
      if (!section.def?.needsStatusLink) continue;
      const urls = addressesIn(doc, index, definedUrls);
      const raw = doc.text.slice(section.headingEnd, section.end);
      const found = expected ? urls.some((url) => sameAddress(url, expected)) || mentionsBareAddress(raw, expected) : urls.length > 0;
      if (found) continue;
      const range = section.headingRange ?? section.bodyRange;
      const what = expected ? `the status-portal address ${expected}` : 'a status-portal address';
      report({
        range,
        message: `"${section.def.name}" does not give ${what}.`,
        fixes: expected ? [{ title: `Add ${expected}`, edits: [insertion(doc, section, expected, settings)], isPreferred: true }] : [],
      });
    }
  },
};

const PORTAL_NAME = /\bstatus[ \t]+(?:portal|page)\b/gi;
/** Where a link's text, code or HTML lies, the address cannot be written in after a name. */
const NOT_PROSE = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'heading']);

/** The offset just after the last "status portal" or "status page" written in the section's prose, if any. */
function lastPortalName(doc: RcaDocument, section: Section): number | undefined {
  let found: number | undefined;
  const stack: Nodes[] = [...section.body].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (NOT_PROSE.has(node.type)) continue;
    if (node.type === 'text') {
      const start = startOffset(node);
      // Only where the text is its source as written (no escape or character reference), so an offset in the one is
      // the same in the other.
      if (doc.text.slice(start, endOffset(node)) !== node.value) continue;
      for (const match of matchesOf(PORTAL_NAME, node.value)) found = start + match.index + match[0].length;
    } else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return found;
}

function insertion(doc: RcaDocument, section: Section, url: string, settings: Pick<RcaSettings, 'statusPortalUrl'>) {
  // "…at this address:" with nothing after it: the address was lost; put it back where it was.
  const bodyText = doc.text.slice(section.headingEnd, section.end);
  const dangling = /\b(?:address|here|at)\s*:[ \t]*(?=\r?\n|$)/i.exec(bodyText);
  if (dangling) {
    const offset = section.headingEnd + dangling.index + dangling[0].trimEnd().length;
    return { range: doc.lines.range(offset, offset), newText: ` ${url}` };
  }
  // "…posted on the system status portal." names the portal but not where it is: the address goes after the name,
  // rather than a second sentence that says the same again.
  const named = lastPortalName(doc, section);
  if (named !== undefined) return { range: doc.lines.range(named, named), newText: ` (${url})` };
  const last = section.body[section.body.length - 1];
  const offset = last ? endOffset(last) : section.headingEnd;
  const sentence = renderTemplate(section.def!.skeleton, 'text', documentValues(doc, settings)).split('\n\n')[0];
  // Right after the last block: the text that follows (a line break, the next heading) stays as it was.
  const eol = doc.lines.eol;
  return { range: doc.lines.range(offset, offset), newText: `${eol}${eol}${sentence}` };
}
