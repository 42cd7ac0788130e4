// Nodes parsed from a piece of a document carry positions counted from the piece's start. Both readers that parse
// pieces (incremental.ts, chunks; plain-blocks.ts, runs of blocks) move them into place the same way. A piece always
// starts at a line's start, so columns stay as they are.
import type { Node, Point } from 'unist';

function movePoint(point: Point | undefined, offset: number, lines: number): void {
  if (!point) return;
  if (point.offset !== undefined) point.offset += offset;
  point.line += lines;
}

/** Moves every position in the nodes and their descendants by `offset` characters and `lines` lines. */
export function movePositions(nodes: readonly Node[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  // A stack, not recursion: a deeply nested tree must not exhaust the call stack.
  const stack: Node[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    movePoint(node.position?.start, offset, lines);
    movePoint(node.position?.end, offset, lines);
    const children = (node as { children?: Node[] }).children;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
}
