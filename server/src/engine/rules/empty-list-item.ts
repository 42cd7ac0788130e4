import type { RootContent } from 'mdast';
import { endOffset, isComment, plainText, startOffset } from '../nodes';
import { saysNothing } from '../says-nothing';
import { wholeLines } from '../structure';
import type { Rule } from './rule';

export const emptyListItem: Rule = {
  code: 'RCA107',
  name: 'empty-list-item',
  description: 'A list item with no text, or a paragraph that is only punctuation.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, report }) {
    const lastItems = lastItemsOfTopLists(doc.root.children);
    for (const item of doc.listItems) {
      const onlyWordsOrComments = item.node.children.every((child) => child.type === 'paragraph' || isComment(child));
      if (item.text || !onlyWordsOrComments) continue;
      if (isPrintedItem(doc.root.children, lastItems, item.node, doc)) continue;
      const lines = wholeLines(doc, startOffset(item.node), endOffset(item.node));
      report({
        range: item.range,
        message: 'This list item is empty.',
        fixes: [{ title: 'Remove the empty list item', edits: [{ range: doc.lines.range(lines.start, lines.end), newText: '' }], isPreferred: true }],
      });
    }
    // Every top-level paragraph, the ones above the first section too: the model does not count one that says
    // nothing as the introduction, so it belongs to no section.
    for (const node of doc.root.children) {
      if (node.type !== 'paragraph') continue;
      const text = plainText(node).trim();
      if (!saysNothing(text)) continue;
      const lines = wholeLines(doc, startOffset(node), endOffset(node));
      report({
        range: doc.lines.range(startOffset(node), endOffset(node)),
        message: `This paragraph is only "${text}"; it says nothing.`,
        fixes: [{ title: 'Remove the stray paragraph', edits: [{ range: doc.lines.range(lines.start, lines.end), newText: '' }], isPreferred: true }],
      });
    }
  },
};

/**
 * The last item of each top-level list, with the list's index: found once, where looking each item up in every list
 * grew with the square of a list of 100,000 empty items.
 */
function lastItemsOfTopLists(top: RootContent[]): Map<RootContent, number> {
  const last = new Map<RootContent, number>();
  top.forEach((node, index) => {
    if (node.type === 'list' && node.children.length) last.set(node.children[node.children.length - 1], index);
  });
  return last;
}

/**
 * Published pages print a list item as a lone "-" line with its text on the next line.
 * In Markdown that is an empty item followed by a paragraph; the item is not empty in the writer's eyes.
 */
function isPrintedItem(
  top: RootContent[],
  lastItems: Map<RootContent, number>,
  item: RootContent,
  doc: { lines: { positionAt(o: number): { line: number } } },
): boolean {
  // Only the last item of a list at the top is followed by a paragraph of its own.
  const listIndex = lastItems.get(item);
  if (listIndex === undefined) return false;
  const next = top[listIndex + 1];
  // "-" then text then "-" reads as a setext heading; the text is still the item's.
  if (!next || (next.type !== 'paragraph' && next.type !== 'heading')) return false;
  return doc.lines.positionAt(startOffset(next)).line === doc.lines.positionAt(endOffset(item as never)).line + 1;
}
