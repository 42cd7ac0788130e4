// One report as the folder index holds it: the facts the cross-report rules compare, as plain data (it crosses
// worker threads and outlives the document), built from the model and time analysis the check made anyway.
import type { RcaDocument } from '../model';
import { endOffset, startOffset } from '../nodes';
import type { SectionRole } from '../profiles';
import { instanceCodes } from '../rules/instance-mismatch';
import { productMatcher, products } from '../rules/product-mismatch';
import { isInstanceCode } from '../title';
import { cachedAnalysis, type TimeAnalysis } from '../time/analyze';
import { ymdKey, type Ymd } from '../time/calendar';
import { describeYmd, replaceDate } from '../time/format';
import { datesIn, timelineDays, type StatedDate } from '../time/incident';
import type { Range } from '../types';
import { fingerprintOf, maskedWords, type Fingerprint } from './fingerprint';

/** Where the report states its incident date: the part another report's date may have been copied into. */
export type DatePart = 'title' | 'introduction' | 'timeline';

export interface IndexedDate {
  part: DatePart;
  ymd: Ymd;
  /** As written, for messages. */
  text: string;
  range: Range;
  /** The date written as `replaceWith`, in the same style, for a fix. */
  fixText?: string;
  /** Which part of this report the fix takes its date from. */
  fixFrom?: DatePart;
}

export interface IndexedParagraph {
  role: SectionRole;
  range: Range;
  fingerprint: Fingerprint;
}

/** A list of instances in the introduction or the timeline that names one the title does not. */
export interface IndexedInstanceList {
  part: 'introduction' | 'timeline';
  /** Its instances, sorted. */
  codes: string[];
  /** As written, for messages. */
  text: string;
  range: Range;
}

/** The introduction's products when they are none of the timeline's (RCA302's disagreement). */
export interface IndexedProducts {
  /** Product families, sorted. */
  families: string[];
  /** The first of them as written, for messages. */
  text: string;
  range: Range;
}

export interface IndexedWindow {
  start: number;
  end: number;
  range: Range;
}

export interface ReportEntry {
  /** What identifies the report in the index: an absolute path for the CLI, a URI for the server. */
  key: string;
  /** How messages name it: a path relative to the folder or the working directory. */
  name: string;
  title?: string;
  titleRange?: Range;
  /** The incident's day as the report states it (title first, then timeline, then introduction). */
  incident?: Ymd;
  /**
   * The dates RCA201 compares, when they disagree: the title's and the introduction's first, and the timeline's
   * first, each with the fix that writes this report's own date instead. Empty when the report agrees with itself.
   */
  disagreeing: IndexedDate[];
  /** The timeline's windows as instants (ms since the epoch), for overlaps. */
  windows: IndexedWindow[];
  instances: string[];
  /** The title's instances, sorted: the list another report may have copied. */
  titleInstances: string[];
  /** Lists of two or more instances in the introduction or the timeline that name one the title does not. */
  strayLists: IndexedInstanceList[];
  /** Product families (the profile's), when it names any. */
  products: string[];
  /** The product families its introduction names, sorted: what a report copied from this one may have kept. */
  introProducts: string[];
  /** The introduction's products, when the timeline names others and the impact section lists not both. */
  strayProducts?: IndexedProducts;
  /** Paragraphs of the sections whose text is the report's own (timeline, root cause, trigger, actions), masked. */
  paragraphs: IndexedParagraph[];
  /** The document's comments, for its suppression directives. */
  comments: { value: string; range: Range }[];
}

/** The roles whose paragraphs are compared: what a writer copies by mistake, unlike a template's lead-ins. */
const COMPARED_ROLES: ReadonlySet<SectionRole> = new Set(['timeline', 'root-cause', 'trigger', 'actions']);

/** The dates RCA201 would find at odds, with the date each should be (this report's own). */
function disagreeingDates(doc: RcaDocument, a: TimeAnalysis): IndexedDate[] {
  const at = (part: DatePart, d: StatedDate): IndexedDate => ({
    part,
    ymd: d.ymd,
    text: d.mention.text.replace(/\s+/g, ' ').trim(),
    range: doc.lines.range(d.mention.start, d.mention.end),
  });
  const withFix = (date: IndexedDate, mention: StatedDate['mention'], to: Ymd, from: DatePart): IndexedDate => ({
    ...date,
    fixText: replaceDate(mention, to),
    fixFrom: from,
  });
  const titleMention = a.titleDate;
  const titleYmd =
    titleMention?.year !== undefined && titleMention.day !== undefined && !titleMention.invalid
      ? { year: titleMention.year, month: titleMention.month, day: titleMention.day }
      : undefined;
  const title = titleMention && titleYmd ? { mention: titleMention, ymd: titleYmd } : undefined;
  const intro = datesIn(a, a.introIndex);
  const timeline = timelineDays(a);
  const reference = timeline.written[0];
  const result: IndexedDate[] = [];
  if (reference) {
    if (title && !timeline.accepts(title.ymd)) {
      result.push(withFix(at('title', title), title.mention, reference.ymd, 'timeline'));
      result.push(withFix(at('timeline', reference), reference.mention, title.ymd, 'title'));
    }
    if (intro.length && !intro.some((d) => timeline.accepts(d.ymd)))
      result.push(withFix(at('introduction', intro[0]), intro[0].mention, reference.ymd, 'timeline'));
  } else if (title && intro.length && !intro.some((d) => ymdKey(d.ymd) === ymdKey(title.ymd))) {
    result.push(withFix(at('introduction', intro[0]), intro[0].mention, title.ymd, 'title'));
  }
  return result;
}

/**
 * The index's record of a checked document: `doc` is the model the check built, and its time analysis is the one the
 * check made. When the check made none (its date and time rules off, the document past their size bound, or the
 * analysis out of time) the entry has the title alone: analysing here would spend what the check's bounds refused.
 */
export function indexEntry(doc: RcaDocument, key: string, name: string): ReportEntry {
  const title = doc.title?.text ?? doc.frontMatterFacts.title;
  const titleRange = doc.title?.textRange;
  const a = cachedAnalysis(doc);
  if (a) return analysedEntry(doc, a, key, name, title, titleRange);
  return {
    key,
    name,
    title,
    titleRange,
    disagreeing: [],
    windows: [],
    instances: [],
    titleInstances: [],
    strayLists: [],
    products: [],
    introProducts: [],
    paragraphs: [],
    comments: doc.comments,
  };
}

/** The entry of an analysed document, made as one object: spreading its facts over the bare entry was a tenth of indexEntry. */
function analysedEntry(doc: RcaDocument, a: TimeAnalysis, key: string, name: string, title: string | undefined, titleRange: Range | undefined): ReportEntry {
  const paragraphs: IndexedParagraph[] = [];
  const spans = [...a.dates, ...a.times];
  const headings = doc.root.children.filter((node) => node.type === 'heading');
  let nextHeading = 0;
  for (const block of a.blocks) {
    if (block.isTitle || block.section < 0) continue;
    // A heading (or a bold label standing as one) is the format's, not the writer's account: the reports of one
    // template ask the same questions ("How are we making incidents like this less likely?").
    while (nextHeading < headings.length && endOffset(headings[nextHeading]) <= block.start) nextHeading++;
    if (block.label || (nextHeading < headings.length && startOffset(headings[nextHeading]) <= block.start)) continue;
    const role = doc.sections[block.section].def?.role;
    if (!role || !COMPARED_ROLES.has(role)) continue;
    const text = a.masked.slice(block.start, block.end);
    // A lead-in ("... concluded the following:") is the template's, however many reports share it.
    if (/:\s*$/.test(text)) continue;
    const inside = spans.filter((s) => s.start >= block.start && s.end <= block.end).map((s) => ({ start: s.start - block.start, end: s.end - block.start }));
    // The timeline's statement of the window ("Customers served by NA01 ... from 12:14 AM until 2:27 AM") is the
    // template's sentence with this incident's times: every report has one.
    if (role === 'timeline' && a.times.some((t) => t.start >= block.start && t.end <= block.end)) continue;
    const fingerprint = fingerprintOf(maskedWords(text, inside));
    if (fingerprint) paragraphs.push({ role, range: doc.lines.range(block.start, block.end), fingerprint });
  }
  const windows: IndexedWindow[] = a.windows
    .filter((w) => w.section === a.timelineIndex && !w.conversionOf && w.startMillis !== undefined && w.endMillis !== undefined)
    .map((w) => ({ start: Math.min(w.startMillis!, w.endMillis!), end: Math.max(w.startMillis!, w.endMillis!), range: doc.lines.range(w.from, w.to) }));
  const matcher = productMatcher(doc.profile);
  const families = matcher ? new Set(products(matcher, a.masked, 0).map((p) => p.family)) : new Set<string>();
  const productsOf = (index: number) => {
    if (!matcher || index < 0) return [];
    const section = doc.sections[index];
    return products(matcher, a.masked.slice(section.headingEnd, section.end), section.headingEnd);
  };
  const intro = productsOf(a.introIndex);
  const introProducts = [...new Set(intro.map((p) => p.family))].sort();
  const titleInstances = titleCodes(doc, a);
  return {
    key,
    name,
    title,
    titleRange,
    disagreeing: disagreeingDates(doc, a),
    windows,
    instances: [...a.instances].sort(),
    titleInstances,
    strayLists: titleInstances.length ? strayLists(doc, a, new Set(titleInstances)) : [],
    products: [...families].sort(),
    introProducts,
    paragraphs,
    comments: doc.comments,
    incident: a.incident,
    strayProducts: strayProducts(doc, intro, introProducts, productsOf(a.timelineIndex), productsOf(a.sectionIndex('impact'))),
  };
}

/** As RCA302 compares them: the introduction and the timeline name products, none the same, not all listed as affected. */
function strayProducts(
  doc: RcaDocument,
  intro: { family: string; start: number; end: number }[],
  introFamilies: string[],
  timeline: { family: string }[],
  impact: { family: string }[],
): IndexedProducts | undefined {
  const inTimeline = new Set(timeline.map((p) => p.family));
  if (!intro.length || !inTimeline.size || introFamilies.some((f) => inTimeline.has(f))) return undefined;
  const listed = new Set(impact.map((p) => p.family));
  if ([...introFamilies, ...inTimeline].every((f) => listed.has(f))) return undefined;
  return { families: introFamilies, text: doc.text.slice(intro[0].start, intro[0].end), range: doc.lines.range(intro[0].start, intro[0].end) };
}

function titleCodes(doc: RcaDocument, a: TimeAnalysis): string[] {
  if (!doc.title) return [];
  const start = doc.lines.offsetAt(doc.title.textRange.start);
  const end = doc.lines.offsetAt(doc.title.textRange.end);
  return [...new Set(instanceCodes(a.masked.slice(start, end)).map((c) => c.code))].sort();
}

/** Between two instances of one list: a comma, "and", "or", a slash; a range ("NA01-NA03") is one list already. */
const LIST_SEPARATOR = /^\s*(?:,|;|\/|&)?\s*(?:(?:and|or)\s+)?(?:the\s+)?$/i;

/**
 * The introduction's and the timeline's lists of instances ("NA01, NA02, NA03 and NA91") that name an instance the
 * title does not: what a report copied from another may have kept of that report's title. A list of the title's
 * instances, or of some of them ("NA01 and NA02 recovered first"), is this report's own.
 */
function strayLists(doc: RcaDocument, a: TimeAnalysis, inTitle: ReadonlySet<string>): IndexedInstanceList[] {
  const lists: IndexedInstanceList[] = [];
  const parts = [
    ['introduction', a.introIndex],
    ['timeline', a.timelineIndex],
  ] as const;
  for (const [part, index] of parts) {
    if (index < 0) continue;
    const section = doc.sections[index];
    const codes = instanceCodes(a.masked.slice(section.headingEnd, section.end), section.headingEnd).filter((c) => isInstanceCode(c.code, a.instancePrefixes));
    let run: typeof codes = [];
    const close = () => {
      const set = [...new Set(run.map((c) => c.code))].sort();
      if (set.length >= 2 && set.some((code) => !inTitle.has(code))) {
        const start = run[0].start;
        const end = run[run.length - 1].end;
        lists.push({ part, codes: set, text: a.masked.slice(start, end), range: doc.lines.range(start, end) });
      }
      run = [];
    };
    for (const code of codes) {
      const last = run[run.length - 1];
      if (last && code.start > last.end && !LIST_SEPARATOR.test(a.masked.slice(last.end, code.start))) close();
      run.push(code);
    }
    close();
  }
  return lists;
}

/** "'NA01 - RCA - April 2, 2025'": how a related location, which carries the path, names another report. */
export function describeTitle(entry: ReportEntry): string {
  return entry.title ? `'${entry.title}'` : entry.name;
}

/** "'NA01 - RCA - April 2, 2025' (rca/2025-04-02.rca.md)": how a message names another report. */
export function describeReport(entry: ReportEntry): string {
  return entry.title ? `'${entry.title}' (${entry.name})` : entry.name;
}

export function describeIncident(entry: ReportEntry): string | undefined {
  return entry.incident ? describeYmd(entry.incident) : undefined;
}
