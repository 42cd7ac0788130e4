// Teams put their timeline under headings of their own ("Response", "What happened", "Detection and response"): a
// section whose entries are mostly times of day is a timeline whatever its heading says.
import type { RootContent } from 'mdast';
import type { RcaDocument, Section } from './model';
import { sectionWithRole } from './sections';
import { endOffset, startOffset } from './nodes';

/** An entry's leading marker: heading hashes, a list bullet or number, a task box, a table's first pipe, emphasis. */
const ENTRY_MARKER = /^[ \t>]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+|\|[ \t]*)?(?:\[[ xX]\][ \t]+)?(?:\*\*|__|\*|_|`)?/;
/** A time of day at the start of an entry, after an optional date ("2026-07-03 09:52", "March 14, 14:02", "9:52 AM"). */
const LEADING_TIME = new RegExp(
  [
    '^(?:\\d{4}-\\d{2}-\\d{2}(?:[ T]|,[ \\t]*)', // 2026-07-03 09:52, 2026-07-03T09:52
    '|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?[ \\t]+)?(?:[A-Z][a-z]{2,8}\\.?[ \\t]+\\d{1,2}|\\d{1,2}[ \\t]+[A-Z][a-z]{2,8})(?:,?[ \\t]+\\d{4})?,?[ \\t]+(?:at[ \\t]+)?)?', // March 14, 2026, 14:02
    // 14:02, 9 AM, and 14h02 with two digits each side, as the rules read it (dates.ts findTimes): "2h30" is a duration.
    '(?:\\d{1,2}(?::\\d{2}(?::\\d{2})?|[ \\t]?[AaPp]\\.?[Mm]\\.?)|(?:[01]\\d|2[0-3])h[0-5]\\d)(?!\\w|:\\d)',
  ].join(''),
);
/** Where a sentence of prose ends: its stop, then space and a capital or a digit. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z\d])/;
/** The words a sentence of prose puts before the time it opens with. */
const SENTENCE_LEAD = /^[\s*_]*(?:(?:at|by|around|about|shortly\s+after|just\s+after|just\s+before|from)\s+)?(?:about\s+|around\s+|approximately\s+)?/i;
/** Fewer timed entries than this is a list that mentions times, not a timeline. */
const MIN_TIMED_ENTRIES = 3;

/** Whether the section's entries (list items, table rows, subheadings, paragraphs' lines) are mostly timed, three at least. */
export function looksLikeTimeline(section: Pick<Section, 'body'>, text: string): boolean {
  let entries = 0;
  let timed = 0;
  const count = (from: number, to: number) => {
    const line = text.slice(from, Math.min(to, lineEnd(text, from)));
    entries++;
    if (LEADING_TIME.test(line.replace(ENTRY_MARKER, ''))) timed++;
  };
  for (const node of section.body) {
    if (node.type === 'paragraph') {
      // "**09:14 ET** — p99 crosses 3 s." paragraph after paragraph, or one paragraph of timed lines: each timed line
      // is an entry. Prose between them ("We paged the database team:") is no entry, timed or not.
      const source = text.slice(startOffset(node), endOffset(node));
      const lines = source.split(/\r?\n|\r/);
      const timedLines = lines.filter((line) => LEADING_TIME.test(line.replace(ENTRY_MARKER, ''))).length;
      // A blog's account in prose: "At 4:05 PM PST, a rollout began. By 4:12 PM, failures had climbed to 30%."
      const timedSentences = source.split(SENTENCE_BREAK).filter((sentence) => LEADING_TIME.test(sentence.replace(SENTENCE_LEAD, ''))).length;
      const found = Math.max(timedLines, timedSentences);
      entries += found;
      timed += found;
      continue;
    }
    for (const entry of entriesOf(node)) count(startOffset(entry), endOffset(entry));
  }
  return timed >= MIN_TIMED_ENTRIES && timed * 2 >= entries;
}

const timelineByDoc = new WeakMap<RcaDocument, number>();

/**
 * The index of the section the date and time rules read as the timeline, or -1: the first with the timeline role,
 * else the first whose entries are mostly timed, whatever its heading ("Response" with "09:52 alert fired"), but the
 * introduction: the rules compare the introduction with the timeline, so one section cannot be both.
 */
export function timelineSection(doc: RcaDocument): number {
  let index = timelineByDoc.get(doc);
  if (index === undefined) {
    index = sectionWithRole(doc, 'timeline');
    if (index < 0) index = doc.sections.findIndex((section) => section.def?.role !== 'introduction' && looksLikeTimeline(section, doc.text));
    timelineByDoc.set(doc, index);
  }
  return index;
}

/** The nodes of a block that are entries of a timeline: a list's items, a table's rows but its header, a heading (a paragraph's lines are read above). */
function entriesOf(node: RootContent): RootContent[] {
  if (node.type === 'list') return node.children;
  if (node.type === 'table') return node.children.slice(1);
  if (node.type === 'heading') return [node];
  return [];
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
