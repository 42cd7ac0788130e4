import { documentValues, renderTemplate } from '../template';
import { statusPortalUrl } from '../profiles';
import type { RcaSettings } from '../settings';
import { allNodes } from '../block-facts';
import type { RcaDocument, Section } from '../model';
import { endOffset, startOffset } from '../nodes';
import type { Rule } from './rule';

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

interface ReferenceLinks {
  definitions: Map<string, string>;
  references: { offset: number; identifier: string }[];
}

/** Walked once per document: once per section made a document with many sections quadratic. */
function referenceLinks(doc: RcaDocument): ReferenceLinks {
  const links: ReferenceLinks = { definitions: new Map(), references: [] };
  for (const node of allNodes(doc)) {
    if (node.type === 'definition') links.definitions.set(node.identifier, node.url);
    else if (node.type === 'linkReference') links.references.push({ offset: startOffset(node), identifier: node.identifier });
  }
  return links;
}

/** Every address the section gives: links, reference links, raw HTML and bare URLs in its text. */
function addressesIn(doc: RcaDocument, section: Section, links: ReferenceLinks): string[] {
  const index = doc.sections.indexOf(section);
  const references = links.references.filter(({ offset }) => offset >= section.start && offset < section.end).map(({ identifier }) => identifier);
  const raw = doc.text.slice(section.headingEnd, section.end);
  return [
    ...doc.links.filter((link) => link.section === index).map((link) => link.url),
    ...references.flatMap((id) => links.definitions.get(id) ?? []),
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
    let links: ReferenceLinks | undefined;
    for (const section of doc.sections) {
      if (!section.def?.needsStatusLink) continue;
      const urls = addressesIn(doc, section, (links ??= referenceLinks(doc)));
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

function insertion(doc: RcaDocument, section: Section, url: string, settings: Pick<RcaSettings, 'statusPortalUrl'>) {
  // "…at this address:" with nothing after it: the address was lost; put it back where it was.
  const bodyText = doc.text.slice(section.headingEnd, section.end);
  const dangling = /\b(?:address|here|at)\s*:[ \t]*(?=\r?\n|$)/i.exec(bodyText);
  if (dangling) {
    const offset = section.headingEnd + dangling.index + dangling[0].trimEnd().length;
    return { range: doc.lines.range(offset, offset), newText: ` ${url}` };
  }
  const last = section.body[section.body.length - 1];
  const offset = last ? endOffset(last) : section.headingEnd;
  const sentence = renderTemplate(section.def!.skeleton, 'text', documentValues(doc, settings)).split('\n\n')[0];
  // Right after the last block: the text that follows (a line break, the next heading) stays as it was.
  const eol = doc.lines.eol;
  return { range: doc.lines.range(offset, offset), newText: `${eol}${eol}${sentence}` };
}
