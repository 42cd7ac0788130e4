// Whether a block parsed on its own may run on past the text it was given: a fence or an HTML block of kinds 1 to 5
// left open. The incremental parser (incremental.ts) and the plain-block reader (plain-blocks.ts) cut a document
// only where no block can, and check it after parsing.
import type { RootContent } from 'mdast';
import type { Node } from 'unist';

/** The openers of HTML blocks of kinds 1 to 5, which run on over blank lines, and their end markers ('': a closing tag). */
const HTML_ENDS: [RegExp, string][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, ''],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

/**
 * Whether the chunk's last node might continue past the chunk's end in the whole text. The nodes that end last are
 * the last top-level node and its last descendants: a fence or HTML block left open inside a list item or quote
 * also ends differently at the chunk's end (an HTML block there keeps the blank line before it) than where the
 * next line closes its container.
 */
export function mayRunOn(chunkText: string, nodes: RootContent[]): boolean {
  for (let last: Node | undefined = nodes[nodes.length - 1]; last;) {
    if (lastNodeMayRunOn(chunkText, last as RootContent)) return true;
    const children: Node[] | undefined = (last as { children?: Node[] }).children;
    last = children?.[children.length - 1];
  }
  return false;
}

/** The end marker of the HTML block of kinds 1 to 5 that `line` opens, if it opens one ("</tag>" for kind 1). */
export function htmlBlockEnd(line: string): string | undefined {
  for (const [start, end] of HTML_ENDS) {
    const opened = start.exec(line);
    if (opened) return end || `</${/<(\w+)/.exec(opened[0])![1].toLowerCase()}>`;
  }
  return undefined;
}

function lastNodeMayRunOn(chunkText: string, last: RootContent): boolean {
  const start = last.position?.start.offset ?? 0;
  const end = last.position?.end.offset ?? 0;
  const raw = chunkText.slice(start, end);
  const firstLine = /^[^\r\n]*/.exec(raw)![0];
  if (last.type === 'code') {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(firstLine);
    if (!opener) return false; // indented code: closed by any line that is not indented
    const lines = raw.split(/\r\n|\n|\r/);
    if (lines.length < 2) return true;
    const closer = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]);
    return !(closer && closer[1][0] === opener[1][0] && closer[1].length >= opener[1].length);
  }
  if (last.type === 'html') {
    for (const [start, end] of HTML_ENDS) {
      const opened = start.exec(firstLine);
      if (!opened) continue;
      if (!end) return !/<\/(?:script|pre|style|textarea)>/i.test(raw.slice(opened[0].length));
      return !raw.includes(end, opened[0].length);
    }
    return false; // kinds 6 and 7 end at a blank line, and every split point follows one
  }
  return false;
}
