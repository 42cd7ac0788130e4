import type { Nodes, RootContent } from 'mdast';
import type { LineIndex } from './text';
import type { Range } from './types';

/** Offsets, ranges and visible words of mdast nodes. */

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
    return node.type === 'yaml' || node.type === 'toml' || node.type === 'code' ? '' : node.value;
  }
  if ('children' in node) {
    const parts = (node.children as Nodes[]).map(plainText);
    const separator = node.type === 'root' || node.type === 'list' || node.type === 'listItem' ? '\n' : '';
    return parts.join(separator);
  }
  if (node.type === 'break') return '\n';
  return '';
}

/** An HTML comment block: invisible to readers, home of suppression directives. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}
