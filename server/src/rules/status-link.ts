import { documentValues, renderTemplate } from '../skeleton';
import { endOffset, plainText, type RcaDocument, type Section } from '../model';
import type { Rule } from './rule';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()"']+/gi;

/** Compares addresses the way a reader would: scheme, "www.", case of the host and a final slash don't matter. */
export function sameAddress(a: string, b: string): boolean {
  const canonical = (url: string) =>
    url
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/[/.,;:]+$/, '')
      .replace(/^[^/]+/, (host) => host.toLowerCase());
  return canonical(a) === canonical(b);
}

export const statusLink: Rule = {
  code: 'RCA108',
  name: 'status-link',
  description: 'Customer Communication does not give the status-portal address.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const expected = settings.statusPortalUrl;
    for (const section of doc.sections) {
      if (!section.def?.needsStatusLink) continue;
      const sectionIndex = doc.sections.indexOf(section);
      const urls = [
        ...doc.links.filter((link) => link.section === sectionIndex).map((link) => link.url),
        ...section.body.flatMap((node) => plainText(node).match(URL_IN_TEXT) ?? []),
      ];
      const found = expected ? urls.some((url) => sameAddress(url, expected)) : urls.length > 0;
      if (found) continue;
      const range = section.headingRange ?? section.bodyRange;
      const what = expected ? `the status-portal address ${expected}` : 'a status-portal address';
      report({
        range,
        message: `"${section.def.name}" does not give ${what}.`,
        fixes: expected ? [{ title: `Add ${expected}`, edits: [insertion(doc, section, expected, settings.statusPortalUrl)], isPreferred: true }] : [],
      });
    }
  },
};

function insertion(doc: RcaDocument, section: Section, url: string, portal: string) {
  // "…at this address:" with nothing after it: the address was lost; put it back where it was.
  const bodyText = doc.text.slice(section.headingEnd, section.end);
  const dangling = /\b(?:address|here|at)\s*:[ \t]*(?=\r?\n|$)/i.exec(bodyText);
  if (dangling) {
    const offset = section.headingEnd + dangling.index + dangling[0].trimEnd().length;
    return { range: doc.lines.range(offset, offset), newText: ` ${url}` };
  }
  const last = section.body[section.body.length - 1];
  const offset = last ? endOffset(last) : section.headingEnd;
  const sentence = renderTemplate(section.def!.skeleton, 'text', documentValues(doc, portal)).split('\n\n')[0];
  // Right after the last block: the text that follows (a line break, the next heading) stays as it was.
  const eol = doc.lines.eol;
  return { range: doc.lines.range(offset, offset), newText: `${eol}${eol}${sentence}` };
}
