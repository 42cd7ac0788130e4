import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Point } from 'unist';
import { visit } from 'unist-util-visit';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown (CommonMark + GFM + front matter) into mdast. The only place the engine parses. */
export function parseMarkdown(text: string): Root {
  const root = processor.parse(text);
  if (text.charCodeAt(0) === 0xfeff) {
    // The parser skips a byte order mark and counts positions without it; every range the engine reports counts
    // in the text as the editor has it, so positions move one place on.
    const shift = (point: Point | undefined) => {
      if (!point) return;
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    };
    visit(root, (node: Node) => {
      shift(node.position?.start);
      shift(node.position?.end);
    });
  }
  return root;
}
