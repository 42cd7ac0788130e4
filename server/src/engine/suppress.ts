import { blockCode } from './block-facts';
import { isFrontMatter } from './front-matter';
import type { RcaDocument } from './model';
import { endOffset, startOffset } from './nodes';
import { comparePositions } from './text';
import type { Fix, Position, RcaDiagnostic } from './types';

/**
 * Inline suppression, as markdownlint users know it:
 *   <!-- rca-writer-disable [CODES] -->            from here on
 *   <!-- rca-writer-enable [CODES] -->             from here on again
 *   <!-- rca-writer-disable-line [CODES] -->       this line
 *   <!-- rca-writer-disable-next-line [CODES] -->  the next line
 *   <!-- rca-writer-disable-file [CODES] -->       the whole file
 * CODES are rule codes or names, separated by spaces or commas; none means every rule.
 */
const DIRECTIVE = /^rca-writer-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])\s*([\s\S]*)$/;

type Scope = 'all' | Set<string>;

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  scope: Scope;
  at: Position;
  endLine: number;
}

function parseScope(text: string): Scope {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
  return words.length ? new Set(words.map((word) => word.toLowerCase())) : 'all';
}

function covers(scope: Scope, diagnostic: RcaDiagnostic): boolean {
  return scope === 'all' || scope.has(diagnostic.code.toLowerCase()) || scope.has(diagnostic.rule);
}

function directives(comments: RcaDocument['comments']): Directive[] {
  const result: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    result.push({
      kind: match[1] as Directive['kind'],
      scope: parseScope(match[2]),
      at: comment.range.start,
      endLine: comment.range.end.line,
    });
  }
  return result;
}

/** What the directives covering one rule say, indexed: a finding asks by line and by position, not every directive. */
interface RuleSuppressions {
  file: boolean;
  /** Lines a disable-line or disable-next-line comment switches off. */
  lines: Set<number>;
  /** The disable and enable comments in order; the last one at or before a finding decides. */
  toggles: Directive[];
  /** Whether the toggles' positions rise with their order, so a binary search finds that last one. */
  sorted: boolean;
}

function indexFor(list: Directive[], diagnostic: RcaDiagnostic): RuleSuppressions {
  const index: RuleSuppressions = { file: false, lines: new Set(), toggles: [], sorted: true };
  for (const directive of list) {
    if (!covers(directive.scope, diagnostic)) continue;
    if (directive.kind === 'disable-file') index.file = true;
    else if (directive.kind === 'disable-line') for (let line = directive.at.line; line <= directive.endLine; line++) index.lines.add(line);
    else if (directive.kind === 'disable-next-line') index.lines.add(directive.endLine + 1);
    else {
      const previous = index.toggles[index.toggles.length - 1];
      if (previous && comparePositions(previous.at, directive.at) > 0) index.sorted = false;
      index.toggles.push(directive);
    }
  }
  return index;
}

/**
 * Whether the directives switch a diagnostic off: 25,000 disable/enable pairs and as many findings made every finding
 * read every directive (26 s at 800 KB), so they are indexed once per rule.
 */
function suppressor(list: Directive[]): (diagnostic: RcaDiagnostic) => boolean {
  const byRule = new Map<string, RuleSuppressions>();
  return (diagnostic) => {
    const key = `${diagnostic.code.toLowerCase()}\u0000${diagnostic.rule}`;
    let index = byRule.get(key);
    if (!index) byRule.set(key, (index = indexFor(list, diagnostic)));
    const start = diagnostic.range.start;
    if (index.file || index.lines.has(start.line)) return true;
    const { toggles } = index;
    let last = -1;
    if (index.sorted) {
      let low = 0;
      let high = toggles.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (comparePositions(toggles[mid].at, start) <= 0) [last, low] = [mid, mid + 1];
        else high = mid - 1;
      }
    } else toggles.forEach((toggle, i) => comparePositions(toggle.at, start) <= 0 && (last = i));
    return last >= 0 && toggles[last].kind === 'disable';
  };
}

/** Drops the diagnostics that comments in the document switch off. */
export function applySuppressions(doc: RcaDocument, diagnostics: RcaDiagnostic[]): RcaDiagnostic[] {
  return applySuppressionComments(doc.comments, diagnostics);
}

/** applySuppressions from the document's comments alone, for findings made without its model (cross-report rules). */
export function applySuppressionComments(comments: RcaDocument['comments'], diagnostics: RcaDiagnostic[]): RcaDiagnostic[] {
  const list = directives(comments);
  if (!list.length) return diagnostics;
  const suppressed = suppressor(list);
  return diagnostics.filter((diagnostic) => !suppressed(diagnostic));
}

/** Whether a comment can go at the end of each line, found once per line: a long line can carry many findings. */
const endsByDoc = new WeakMap<RcaDocument, Map<number, { character: number; pad: string } | undefined>>();

function inFrontMatter(doc: RcaDocument, line: number): boolean {
  const first = doc.root.children[0];
  return !!first && isFrontMatter(first) && !!first.position && line < first.position.end.line;
}

function commentableEnd(doc: RcaDocument, line: number): { character: number; pad: string } | undefined {
  let ends = endsByDoc.get(doc);
  if (!ends) endsByDoc.set(doc, (ends = new Map()));
  if (ends.has(line)) return ends.get(line);
  const text = doc.lines.lineText(line);
  let result: { character: number; pad: string } | undefined;
  // A comment after a table row would become a cell, and one in a fenced block would be code.
  if (/^\s*\|/.test(text) || /^\s*(```|~~~)/.test(text) || text.trim() === '') result = undefined;
  // In front matter it would be YAML or TOML, not a comment the check reads.
  else if (inFrontMatter(doc, line)) result = undefined;
  // After an unclosed "<!--" the comment would be swallowed by that one; in a code block it would be code.
  else if (text.lastIndexOf('<!--') > text.lastIndexOf('-->')) result = undefined;
  else if (inCode(doc, doc.lines.lineEnd(line))) result = undefined;
  else result = { character: text.length, pad: text.endsWith(' ') ? '' : ' ' };
  ends.set(line, result);
  return result;
}

/** The last of `items` (in document order) whose start is at or before `offset`, by a binary search; -1 if none. */
function lastStartingBy<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (start(items[mid]) <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return last;
}

/**
 * Whether an offset lies in a code block, looked up in the top-level blocks around it only: a list of every code
 * block walked all 100,000 paragraphs of a document whose check the budget had stopped in its parse, for the
 * "Ignore" fix of its one finding (0.16 s).
 */
function inCode(doc: RcaDocument, offset: number): boolean {
  const blocks = doc.root.children;
  const at = lastStartingBy(blocks, offset, startOffset);
  // A block ending where the next begins holds the offset too.
  for (let b = at; b >= 0 && b >= at - 1; b--) {
    const code = blockCode(blocks[b]);
    const c = lastStartingBy(code, offset, startOffset);
    if (c >= 0 && offset <= endOffset(code[c])) return true;
  }
  return false;
}

/** "Ignore RCA201 on this line": a comment at the end of the diagnostic's first line. */
export function ignoreLineFix(doc: RcaDocument, diagnostic: RcaDiagnostic): Fix | undefined {
  const line = diagnostic.range.start.line;
  const at = commentableEnd(doc, line);
  if (!at) return undefined;
  const end = { line, character: at.character };
  const pad = at.pad;
  return {
    title: `Ignore ${diagnostic.code} on this line`,
    edits: [{ range: { start: end, end }, newText: `${pad}<!-- rca-writer-disable-line ${diagnostic.code} -->` }],
  };
}
