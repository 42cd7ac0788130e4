import type { RootContent } from 'mdast';
import { blockNodes, nodesOutliveCheck } from '../block-facts';
import type { RcaDocument } from '../model';
import { isFrontMatter } from '../front-matter';
import { endOffset, startOffset } from '../nodes';
import { pushAll } from '../numbers';
import { SpanIndex, type Span } from '../spans';
import { builtInProfiles, type Profile } from '../profiles';
import { escapeRegExp, matchesOf } from '../regexp';
import { templateFields } from '../template';
import type { Rule } from './rule';

/**
 * The words a template leaves for the writer in brackets: common ones, and every field of the built-in profiles'
 * skeletons ("[went-well]"), which the fixes, snippets and new reports leave where they know no value.
 */
const skeletonFields = (profile: Profile) => profile.sections.flatMap((section) => templateFields(section.skeleton));
const BUILT_IN_FIELDS: ReadonlySet<string> = new Set(builtInProfiles().flatMap(skeletonFields));
const PLACEHOLDER_WORDS = [
  'date|time|times|instances?|products?|zone|time ?zone|customer|company|url|link|start|end|cause|root cause|action|name|month|day|year|duration|description|details?|summary|tbd',
  ...BUILT_IN_FIELDS,
].join('|');

/**
 * A date left to fill in: "YYYY-MM-DD", "MM/DD/YYYY", "XXXX-XX-XX", "2024-??-??", "[date]", "<date>", "<Month D, YYYY>".
 * The introduction's missing-date rule (RCA202) defers to it: the writer knows the date is missing.
 */
export const DATE_PLACEHOLDER =
  /\b(?:YYYY|yyyy)-(?:MM|mm)-(?:DD|dd)\b|\b(?:MM|DD)\/(?:DD|MM)\/(?:YYYY|YY)\b|\b(?:XXXX|xxxx)-(?:XX|xx)-(?:XX|xx)\b|(?:\b\d{4}|\?{4})-(?:\d{1,2}|\?\?)-\?\?|\?{4}-\?\?-\d{1,2}\b|\[(?:date|day)\](?!\()|<(?:date|day)>|<Month D, YYYY>|<[A-Z][a-z]+ D, YYYY>/gi;

/** Each pattern with the message it earns. Matched on the raw text, outside code and comments. */
type Pattern = { pattern: RegExp; what: string };
const PATTERNS: Pattern[] = [
  { pattern: /\b(?:TODO|TBD|FIXME|TBA)\b/g, what: 'a to-do marker' },
  { pattern: /\b(?:XX|xx|HH|hh):(?:XX|xx|MM|mm)(?::(?:SS|ss|XX|xx))?\b/g, what: 'a time placeholder' },
  { pattern: /(?<![\w:-])--:--(?::--)?(?![\w:-])/g, what: 'a time placeholder' },
  // "XXX" left for a number or a name; "XX" alone is too often a real code.
  { pattern: /\b(?:X{3,}|x{3,})\b/g, what: 'a placeholder' },
  { pattern: DATE_PLACEHOLDER, what: 'a date placeholder' },
  { pattern: /\?\?:\?\?(?::\?\?)?/g, what: 'a time placeholder' },
  // Not right after a word or a number: "max_conns=5??" and "really??" in a quoted chat message are a writer's
  // surprise, not a fact left out ("owner: ??", "?? customers").
  { pattern: /(?<![\p{L}\p{N}_])\?{2,}/gu, what: 'question marks left for a missing fact' },
  // Only the braced form: a bare "$5" is more often money than a tab stop.
  { pattern: /\$\{\d+(?::[^}\n]*|\|[^}\n]*\|)?\}/g, what: 'an unexpanded snippet tab stop' },
  { pattern: new RegExp(`<(?:${PLACEHOLDER_WORDS})>|<Month D, YYYY>|<[A-Z][a-z]+ D, YYYY>`, 'gi'), what: 'a placeholder' },
  { pattern: new RegExp(`\\[(?:${PLACEHOLDER_WORDS}|insert [^\\]\\n]{1,40})\\](?!\\()`, 'gi'), what: 'a placeholder' },
];

/** A placeholder of one top-level block: offsets from the block's start. */
interface Placeholder {
  start: number;
  end: number;
  text: string;
  what: string;
}

/**
 * Each top-level block's placeholders, kept by its node: the incremental parser hands back the very nodes of the
 * chunks an edit did not touch (block-facts.ts relies on the same), so an edit scans only the blocks it re-parsed.
 * No pattern matches across a line break into the next block, so block by block finds what the whole text would.
 */
const placeholdersByBlock = new WeakMap<RootContent, Placeholder[]>();

/** The patterns a check under a profile looks for, and the blocks' placeholders found with them. */
interface Patterns {
  patterns: Pattern[];
  byBlock: WeakMap<RootContent, Placeholder[]>;
}
const BUILT_IN_PATTERNS: Patterns = { patterns: PATTERNS, byBlock: placeholdersByBlock };
const patternsByProfile = new WeakMap<Profile, Patterns>();

/**
 * A team's own profile may have skeleton fields of its own ("{{service}}"), which its fixes and snippets leave as
 * "[service]": those are placeholders too, under that profile. Its blocks' placeholders are kept apart.
 */
function patternsFor(profile: Profile): Patterns {
  let found = patternsByProfile.get(profile);
  if (!found) {
    const own = [...new Set(skeletonFields(profile))].filter((field) => !BUILT_IN_FIELDS.has(field));
    found = own.length
      ? {
          patterns: [...PATTERNS, { pattern: new RegExp(`\\[(?:${own.map(escapeRegExp).join('|')})\\](?!\\()`, 'g'), what: 'a placeholder' }],
          byBlock: new WeakMap(),
        }
      : BUILT_IN_PATTERNS;
    patternsByProfile.set(profile, found);
  }
  return found;
}

/** What a block without placeholders keeps. */
const NONE: Placeholder[] = [];

/**
 * Passes whenever a pattern of PATTERNS can match: each needs ":", "?", "$", "<" or "[", three X's of a case, a to-do
 * word, or one of DATE_PLACEHOLDER's forms with "-" or "/" (its case ignored, as the pattern ignores it). Most blocks
 * have none of these: one search instead of ten.
 */
const MAY_HOLD = /[:?$<[]|XXX|xxx|TODO|TBD|FIXME|TBA|[Yy]{4}-[Mm]{2}-[Dd]{2}|(?:[Mm]{2}|[Dd]{2})\/|[Xx]{4}-[Xx]{2}-[Xx]{2}/;

/** A block that marks items done, in capitals, as a status. */
const STATUS_DONE = /\bDONE\b/;

/** The spans of "TODO", in capitals, in a block that marks other items DONE. */
function statusWords(text: string): Span[] {
  return [...text.matchAll(/\bTODO\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether any pattern matches somewhere in the text (each pattern's search left where it began). */
function anyPatternIn(text: string, patterns: Pattern[]): boolean {
  return patterns.some(({ pattern }) => {
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  });
}

function placeholdersIn(doc: RcaDocument, block: RootContent, keep: boolean, { patterns, byBlock }: Patterns): Placeholder[] {
  const kept = keep ? byBlock.get(block) : undefined;
  if (kept) return kept;
  const base = startOffset(block);
  const text = doc.text.slice(base, endOffset(block));
  // Most blocks hold none: their nodes are not walked nor their spans indexed (58,000 one-line headings took 0.24 s,
  // one step the check's budget cannot stop). That is kept too: on an edit in a 1 MB report, searching every
  // unchanged block again for a candidate took 4 ms, and asking each pattern of every block with one (a timeline
  // entry's "10:16") 6 ms, of its 85; a weak map entry per block costs a check of a seed-sized report microseconds.
  if (!MAY_HOLD.test(text) || !anyPatternIn(text, patterns)) {
    if (keep) byBlock.set(block, NONE);
    return NONE;
  }
  const skip: Span[] = [];
  for (const node of blockNodes(block)) {
    const comment = node.type === 'html' && /^\s*<!--/.test(node.value);
    const literalUrl = node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url;
    if (node.type === 'code' || node.type === 'inlineCode' || isFrontMatter(node) || comment || literalUrl) {
      skip.push({ start: startOffset(node) - base, end: endOffset(node) - base });
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      // The address itself is not prose; the link text is still checked.
      const from = startOffset(node) - base;
      const urlAt = text.slice(from, endOffset(node) - base).lastIndexOf(node.url);
      if (node.url && urlAt > 0) skip.push({ start: from + urlAt, end: from + urlAt + node.url.length });
    }
  }
  // A table or list that marks items DONE uses TODO as the others' status, as the Google SRE book's action items do
  // ("Bug 5554823 TODO", "n/a DONE"): no leftover.
  if (STATUS_DONE.test(text)) pushAll(skip, statusWords(text));
  // Indexed, not walked per match: 100,000 placeholders asked both lists once each, which grew with their square.
  const skipped = new SpanIndex(skip);
  // One placeholder is one finding, even where two patterns see it ("[TBD]"). One pattern's matches never overlap
  // each other, so a pattern only asks the spans the patterns before it reported.
  const reported: SpanIndex[] = [];
  const found: Placeholder[] = [];
  for (const { pattern, what } of patterns) {
    const mine: Span[] = [];
    for (const match of matchesOf(pattern, text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (skipped.overlaps(start, end) || reported.some((earlier) => earlier.overlaps(start, end))) continue;
      mine.push({ start, end });
      found.push({ start, end, text: match[0], what });
    }
    reported.push(new SpanIndex(mine));
  }
  if (keep) byBlock.set(block, found);
  return found;
}

/**
 * Where each HTML element is last closed in the text, by its lower-case name. "<details>" and "<summary>" (or
 * "<time>") closed later by "</details>" are HTML, a collapsed log or chart, not a template's placeholder, which
 * nothing closes. Read once per check, and only when an angle-bracket placeholder was found: a block's placeholders
 * are kept by its node, and a closing tag may stand in another block.
 */
function lastClosingTags(text: string): Map<string, number> {
  const closed = new Map<string, number>();
  for (let at = text.indexOf('</'); at >= 0; at = text.indexOf('</', at + 2)) {
    const tag = CLOSING_TAG.exec(text.slice(at, at + 40));
    if (tag) closed.set(tag[1].toLowerCase(), at);
  }
  return closed;
}

/** Placeholder words that are also HTML elements: left open, either may be meant. */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(['details', 'summary', 'time', 'link']);

const CLOSING_TAG = /^<\/([A-Za-z][A-Za-z ]{0,30}?)\s*>/;

export const placeholder: Rule = {
  code: 'RCA109',
  name: 'placeholder',
  description: 'Placeholders are left in the text: TODO, TBD, XX:XX, --:--, XXX, HH:mm, ??, <date>, [date], snippet tab stops.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, report }) {
    let closed: Map<string, number> | undefined;
    const keep = nodesOutliveCheck(doc.root);
    const patterns = patternsFor(doc.profile);
    for (const block of doc.root.children) {
      const base = startOffset(block);
      for (const { start, end, text, what } of placeholdersIn(doc, block, keep, patterns)) {
        const range = doc.lines.range(base + start, base + end);
        const tag = text.startsWith('<') ? text.slice(1, -1).toLowerCase() : undefined;
        if (tag !== undefined) {
          closed ??= lastClosingTags(doc.text);
          if ((closed.get(tag) ?? -1) > base + end) continue;
          if (HTML_ELEMENTS.has(tag)) {
            report({ range, message: `"${text}" is never closed: close it with "</${tag}>" or, if it is a placeholder, replace it with the real text.` });
            continue;
          }
        }
        report({ range, message: `"${text}" is ${what}; replace it with the real text.` });
      }
    }
  },
};
