import type { Code, Html, Link, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { ListItemInfo, RcaDocument } from './model';
import type { LineIndex } from './text';
import type { Range } from './types';
import { nodeRange, plainText, startOffset } from './nodes';
import { sectionAt } from './sections';

/** The nodes of one top-level block that the model lists, in document order, and the list items' text. */
interface BlockFacts {
  /** Every node of the block, the block first, in the order unist-util-visit visits them (pre-order). */
  all: Nodes[];
  nodes: (ListItem | Link | Html)[];
  /** Code blocks (fenced or indented), in order. */
  code: Code[];
  itemText: Map<ListItem, string>;
  /** Comments of each HTML node: offset from the node's start, length and trimmed value. */
  comments: Map<Html, [number, number, string][]>;
}

/**
 * Facts per top-level node. The incremental parser (incremental.ts) hands back the very node objects of the
 * chunks an edit did not touch, with their positions moved, so their facts are found here instead of walking
 * the whole tree again; only offsets are read afresh. Nodes are never changed in place otherwise.
 */
const blockFacts = new WeakMap<RootContent, BlockFacts>();

/**
 * Trees a check parsed for itself (checkText given no parser: a CLI run's files, a fix's proof). No later check hands
 * back their nodes, so what is kept by node for the next check only costs them: the time analysis neither copies nor
 * keeps a block's text and phrases for them (copies, weak map entries and moved duplicates of every phrase were a
 * tenth of a seed-sized report's analysis).
 */
const oneCheckTrees = new WeakSet<Root>();

export function markOneCheckTree(root: Root): void {
  oneCheckTrees.add(root);
}

/** Whether a later check may hand back this tree's nodes (an incremental parser's), so what is kept by node pays. */
export function nodesOutliveCheck(root: Root): boolean {
  return !oneCheckTrees.has(root);
}

function factsOf(block: RootContent): BlockFacts {
  let facts = blockFacts.get(block);
  if (facts) return facts;
  facts = { all: [], nodes: [], code: [], itemText: new Map(), comments: new Map() };
  const found = facts;
  const walk = (node: Nodes): void => {
    found.all.push(node);
    if (node.type === 'listItem') {
      found.nodes.push(node);
      found.itemText.set(node, plainText(node).trim());
    } else if (node.type === 'link') {
      found.nodes.push(node);
    } else if (node.type === 'code') {
      found.code.push(node);
    } else if (node.type === 'html') {
      found.nodes.push(node);
      // One HTML block can hold several comments ("<!-- a --> <!-- b -->" on one line).
      const comments: [number, number, string][] = [];
      for (const comment of node.value.matchAll(/<!--([\s\S]*?)-->/g)) comments.push([comment.index, comment[0].length, comment[1].trim()]);
      found.comments.set(node, comments);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(block);
  blockFacts.set(block, facts);
  return facts;
}

const allNodesByDoc = new WeakMap<RcaDocument, Nodes[]>();

/**
 * Every node of the document, the root first, in the order `visit(doc.root, ...)` visits them. Built from the
 * per-block facts, so after an edit only the re-parsed blocks are walked: a rule that loops over this instead of
 * calling `visit` on a 1 MB document costs a fraction of a millisecond instead of tens.
 */
export function allNodes(doc: RcaDocument): readonly Nodes[] {
  let nodes = allNodesByDoc.get(doc);
  if (!nodes) {
    nodes = [doc.root];
    for (const block of doc.root.children) for (const node of factsOf(block).all) nodes.push(node);
    allNodesByDoc.set(doc, nodes);
  }
  return nodes;
}

/** Every node of one top-level block, the block first, in `visit` order (kept per block node, as above). */
export function blockNodes(block: RootContent): readonly Nodes[] {
  return factsOf(block).all;
}

/** The code blocks (fenced or indented) inside one top-level block, in order. */
export function blockCode(block: RootContent): readonly Code[] {
  return factsOf(block).code;
}

/** Every code block of the document, in order (from the same per-block facts as the model: no walk of the tree). */
export function codeBlocks(doc: RcaDocument): Code[] {
  const result: Code[] = [];
  for (const block of doc.root.children) for (const code of factsOf(block).code) result.push(code);
  return result;
}

class ListItemEntry implements ListItemInfo {
  constructor(
    readonly node: ListItem,
    readonly text: string,
    readonly section: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return nodeRange(this.lines, this.node);
  }
}

/** Fills the document's list items, links and comments from the per-block facts. */
export function collectInlineFacts(doc: RcaDocument): void {
  for (const block of doc.root.children) {
    const facts = factsOf(block);
    for (const node of facts.nodes) {
      if (node.type === 'listItem') {
        doc.listItems.push(new ListItemEntry(node, facts.itemText.get(node)!, sectionAt(doc, startOffset(node)), doc.lines));
      } else if (node.type === 'link') {
        doc.links.push({ url: node.url, range: nodeRange(doc.lines, node), section: sectionAt(doc, startOffset(node)) });
      } else {
        const base = startOffset(node);
        for (const [at, length, value] of facts.comments.get(node)!) {
          doc.comments.push({ value, range: doc.lines.range(base + at, base + at + length) });
        }
      }
    }
  }
}
