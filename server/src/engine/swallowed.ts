import type { RcaDocument } from './model';
import { endOffset, startOffset } from './nodes';
import { parseMarkdown } from './parse';
import type { Fix, RcaDiagnostic, TextEdit } from './types';

/** A block that never closes: from its start to the end of the document, everything is part of it. */
export interface OpenBlock {
  /** Offset of the block's first character. */
  start: number;
  /** 0-based line where it opens. */
  line: number;
  /** What the writer sees, e.g. 'the "<pre>" block'. */
  what: string;
  /** What would close it, e.g. "</pre>". */
  closer: string;
}

/**
 * How CommonMark names the raw-HTML block a line opens, types 1 to 5: the only ones that run until an end marker
 * rather than a blank line (types 6 and 7, "<div>" and any other tag, end at a blank line and swallow nothing
 * that a fix sets off with one). Checked in the spec's order; used only to describe the block to the writer.
 */
const HTML_OPENERS: { pattern: RegExp; describe: (match: RegExpExecArray) => [string, string] }[] = [
  { pattern: /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i, describe: (m) => [`the "<${m[1]}>" block`, `</${m[1]}>`] },
  { pattern: /^ {0,3}<!--/, describe: () => ['the HTML comment ("<!--")', '-->'] },
  { pattern: /^ {0,3}<\?/, describe: () => ['the "<?" block', '?>'] },
  { pattern: /^ {0,3}<!\[CDATA\[/, describe: () => ['the "<![CDATA[" section', ']]>'] },
  { pattern: /^ {0,3}<!([A-Za-z]+)/, describe: (m) => [`the "<!${m[1]}" declaration`, '>'] },
];

const PROBE = 'rca-writer-probe';
const openBlocks = new WeakMap<RcaDocument, OpenBlock | null>();

/**
 * The block at the end of the document that never closes, if there is one. Whether it is open is the parser's
 * own answer, not a guess from its text: the block is parsed again followed by a blank line and a heading, and it
 * is open when that heading does not come out as a heading of its own. Only a top-level fenced code block or raw-HTML
 * block can be open this way; in a list or a quote the container ends at an unindented line and takes the block
 * with it.
 */
export function openBlockAtEnd(doc: RcaDocument): OpenBlock | undefined {
  const known = openBlocks.get(doc);
  if (known !== undefined) return known ?? undefined;
  const found = findOpenBlock(doc);
  openBlocks.set(doc, found ?? null);
  return found;
}

function findOpenBlock(doc: RcaDocument): OpenBlock | undefined {
  const last = doc.root.children[doc.root.children.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return undefined;
  const line = doc.lines.positionAt(startOffset(last)).line;
  const lineStart = doc.lines.lineStart(line);
  const raw = doc.text.slice(lineStart, endOffset(last));
  // Parsed again, a block of 800 KB took as long as the document's own parse; these two the parser closes for sure.
  if (last.type === 'code' && closedCode(raw)) return undefined;
  const eol = doc.lines.eol;
  const probed = parseMarkdown(`${raw}${eol}${eol}# ${PROBE}${eol}`).children;
  const tail = probed[probed.length - 1];
  const closes = tail?.type === 'heading' && tail.children.length === 1 && tail.children[0].type === 'text' && tail.children[0].value === PROBE;
  if (closes) return undefined;
  const [what, closer] = describe(raw, last.type);
  return { start: startOffset(last), line, what, closer };
}

/**
 * Whether a code block's text shows it closed, as the parser reads it: an indented block ends at any line that is not
 * indented (the probe's heading ends it), and a fenced one whose last line is a closing fence ended there (a line
 * inside it that could close it would have).
 */
function closedCode(raw: string): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!fence) return true;
  const lastLine = /(?:\r\n|\r|\n)( {0,3}(`{3,}|~{3,})[ \t]*)$/.exec(raw);
  return !!lastLine && lastLine[2][0] === fence[1][0] && lastLine[2].length >= fence[1].length;
}

function describe(raw: string, type: 'code' | 'html'): [string, string] {
  if (type === 'code') {
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
    return fence ? [`the code block fenced with "${fence}"`, fence] : ['the code block', '```'];
  }
  for (const { pattern, describe: name } of HTML_OPENERS) {
    const match = pattern.exec(raw);
    if (match) return name(match);
  }
  return ['the HTML block', 'its end marker'];
}

/** Why no fix is offered for a finding whose fixes the open block would take in. */
export function swallowedReason(block: OpenBlock, carries: boolean): string {
  const effect = carries ? 'a fix that moved it would hide everything after its new place' : 'text a fix inserts after it would become part of it';
  return `No fix is offered: ${block.what} on line ${block.line + 1} is never closed, so ${effect}. Close it with "${block.closer}" first.`;
}

/** The offset past which an edit would land in the open block at the end, if the last block may be one. */
function openFrom(doc: RcaDocument): number | undefined {
  const last = doc.root.children[doc.root.children.length - 1];
  return last && (last.type === 'code' || last.type === 'html') ? startOffset(last) : undefined;
}

function touches(doc: RcaDocument, from: number, edit: TextEdit): boolean {
  return doc.lines.offsetAt(edit.range.end) > from || doc.lines.offsetAt(edit.range.start) > from;
}

/** Whether the open block at the end would take in the fix's edits, or be moved by them. */
export function isSwallowed(doc: RcaDocument, fix: Fix): boolean {
  const from = openFrom(doc);
  return from !== undefined && fix.edits.some((edit) => touches(doc, from, edit)) && openBlockAtEnd(doc) !== undefined;
}

/**
 * Keeps only the fixes that can work: none whose edits would land inside a block that never closes, or move such a
 * block elsewhere. A finding that loses a fix this way says why in its message.
 */
export function dropSwallowedFixes(doc: RcaDocument, diagnostics: RcaDiagnostic[]): void {
  const from = openFrom(doc);
  if (from === undefined) return;
  for (const diagnostic of diagnostics) {
    const dropped = diagnostic.fixes?.filter((fix) => fix.edits.some((edit) => touches(doc, from, edit))) ?? [];
    if (dropped.length === 0) continue;
    const block = openBlockAtEnd(doc);
    if (!block) return;
    diagnostic.fixes = diagnostic.fixes!.filter((fix) => !dropped.includes(fix));
    const carries = dropped.some((fix) => fix.edits.some((edit) => doc.lines.offsetAt(edit.range.start) <= from && doc.lines.offsetAt(edit.range.end) > from));
    diagnostic.message = `${diagnostic.message} ${swallowedReason(block, carries)}`;
  }
}
