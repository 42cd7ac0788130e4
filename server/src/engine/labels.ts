// A section's name written as a label rather than a heading. Documents exported from Google Docs, Notion or a wiki
// often carry their headings as bold paragraphs ("**Root cause**"), and the Google SRE book's template writes the
// short parts as labelled lines under the title ("**Root Causes:** a leak in ..."): either way the part is there.
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { matchHeading, type SectionMatch } from './headings';
import { plainText } from './nodes';
import type { Profile, SectionDef } from './profiles';

/** Longer than this, a bold paragraph is emphasis, not a heading. */
const MAX_LABEL = 80;

function isBlankText(node: PhrasingContent): boolean {
  return (node.type === 'text' && !node.value.trim()) || (node.type === 'html' && /^<!--/.test(node.value));
}

/**
 * The section a paragraph names when it is nothing but bold words on one line ("**Timeline (UTC)**", "**Root
 * cause:**"): a heading in all but its markup. Only a section's name or alias counts, never a near miss.
 */
export function boldHeadingMatch(node: RootContent, profile: Profile): SectionMatch | undefined {
  if (node.type !== 'paragraph') return undefined;
  const children = node.children.filter((child) => !isBlankText(child));
  const [strong, after] = children;
  if (strong?.type !== 'strong' || children.length > 2) return undefined;
  if (after && (after.type !== 'text' || !/^\s*:\s*$/.test(after.value))) return undefined;
  const text = plainText(strong).trim();
  if (!text || text.length > MAX_LABEL || /[\r\n]/.test(text)) return undefined;
  const match = matchHeading(text, profile, false);
  return match && match.kind !== 'misspelling' ? match : undefined;
}

/** "Root Causes:", "**Root cause:**" or "**Root cause**:" at the start of a line, its name then a colon. */
const LINE_LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][^:*_\r\n]{1,60}?)[ \t]*(?:\*\*|__)?[ \t]*:(?!\/\/)/;

/**
 * The sections the document names by labelled lines ("**Root Causes:** ..."), in its top-level paragraphs and its
 * top-level lists' items: each line of a paragraph may hold a label, as the SRE template's header block does.
 */
export function labelledSections(root: Root, text: string, profile: Profile): Set<SectionDef> {
  const found = new Set<SectionDef>();
  const read = (paragraph: Paragraph) => {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined) return;
    for (const line of text.slice(start, end).split(/\r?\n|\r/)) {
      const label = LINE_LABEL.exec(line);
      const match = label && matchHeading(label[1], profile, false);
      if (match && match.kind !== 'misspelling') found.add(match.def);
    }
  };
  for (const node of root.children) {
    if (node.type === 'paragraph') read(node);
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const first = item.children[0];
      if (first?.type === 'paragraph') read(first);
    }
  }
  return found;
}
