import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import { ymdKey, type Ymd } from '../time/calendar';
import type { TimeWindow } from '../time/window';
import { describeYmd } from '../time/format';
import { isPublicationDate } from '../time/date-lines';
import { datesIn, incidentStart, statedYmd, type StatedDate } from '../time/incident';
import type { RcaDocument } from '../model';
import { startOffset } from '../nodes';
import { pushAll } from '../numbers';
import type { Rule, RuleContext } from './rule';

/**
 * What may stand before an entry's time in its line, heading or table row: nothing, or a date ("April 12, 2026,
 * 00:10"), after a heading's marks when the timeline gives each entry a heading ("### 10:04 UTC — Search errors").
 */
const ENTRY_LEAD =
  /^[\s>|#]*(?:(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d{2}-\d{2})(?:,?\s*\d{4})?[\s,|]*(?:at\s+)?)?$/i;

/**
 * Which timeline entry a window belongs to, or undefined when it is not in one: a list item; a table row whose first
 * cell is the time (or a date, then the time), as in "| Time | Event |"; a paragraph line that begins with the time.
 * A table with the times further right ("| Region | Start | End |") lists regions, not a sequence.
 */
function entryKey(masked: string, w: TimeWindow): string | undefined {
  const block = w.sentence.block;
  if (block.listItem >= 0) return `item ${block.listItem}`;
  // A lead longer than this is more than a date: no need to read it (a long line with many times stays linear).
  const leads = (from: number) => w.from - from <= MAX_LEAD && ENTRY_LEAD.test(masked.slice(from, w.from));
  if (block.tableRow !== undefined) return leads(block.tableRow) ? `row ${block.tableRow}` : undefined;
  // The line's start, looked for only as far back as a lead can reach (a search to the start of a long line per time
  // was quadratic).
  const near = Math.max(0, w.from - MAX_LEAD - 1);
  const at = masked.slice(near, w.from).lastIndexOf('\n');
  if (at < 0 && block.start < w.from - MAX_LEAD) return undefined;
  const lineStart = at >= 0 ? near + at + 1 : masked.lastIndexOf('\n', w.from - 1) + 1;
  return leads(Math.max(lineStart, block.start)) ? `line ${lineStart}` : undefined;
}

const MAX_LEAD = 120;

/**
 * Whether a window's start is written in a zone that names none RCA Writer knows: right after it ("16:20 XYT", which
 * RCA204 reports), or right before it ("XYT 16:20", "Gotham time 16:20"), where an unknown phrase is not read as the
 * time's zone but is one to its reader.
 */
function inUnknownZone(a: TimeAnalysis, w: TimeWindow): boolean {
  if (w.start.ownZone?.unknown || w.zone?.unknown) return true;
  const from = Math.max(w.sentence.start, w.from - 32);
  const before = a.masked.slice(from, w.from);
  const lead = before.trimEnd().length;
  if (lead === 0 || before.length - lead > 1) return false;
  return a.table.find(before).some((z) => z.unknown && z.end === lead);
}

/** Fewer entries than this, all newest first, may be two entries swapped: still reported. */
const MIN_LOG_ENTRIES = 3;

/**
 * Indexes of a longest non-decreasing subsequence, preferring earlier elements on a tie: built from the end as a
 * longest non-increasing run of the reversed list (O(n log n)).
 */
function longestInOrder(values: number[]): Set<number> {
  const n = values.length;
  const tails: number[] = []; // index of the last element of the best run of each length, reading from the end
  const previous = new Array<number>(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    // Runs read from the end must not increase: find the first run whose last value is below values[i].
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] >= values[i]) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}

export const chronology: Rule = {
  code: 'RCA211',
  name: 'chronology',
  description: 'Dated items are out of order: timeline entries, or a publication history dated before the incident.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    // Timeline entries: list items, table rows, and lines of a paragraph that begin with a time ("**10:15** –
    // Alerts fired"), each dated by its first time.
    const firstByItem = new Map<string, TimeWindow>();
    for (const w of a.windows) {
      // An entry that restates another in a second zone (a timeline given twice) has that entry's place.
      if (w.section !== a.timelineIndex || a.timelineIndex < 0 || w.startMillis === undefined || w.conversionOf) continue;
      const key = entryKey(a.masked, w);
      if (key !== undefined && !firstByItem.has(key)) firstByItem.set(key, w);
    }
    // An entry timed in a zone RCA Writer does not know has no known instant, and no place in the order.
    for (const [key, w] of firstByItem) if (inUnknownZone(a, w)) firstByItem.delete(key);
    // A status page's updates, copied as they show, newest first ("Resolved ... 15:31", "Monitoring ... 15:12", ...):
    // every entry earlier than the one above it is a log kept in the other order on purpose, not entries out of place.
    const firsts = [...firstByItem.values()].map((w) => w.startMillis!);
    const newestFirstLog = firsts.length >= MIN_LOG_ENTRIES && firsts.every((millis, i) => i === 0 || millis < firsts[i - 1]);
    if (!newestFirstLog) for (const telling of tellings(a, [...firstByItem.values()])) reportOutOfOrder(doc, telling, report);
    for (const finding of newestFirst(a)) report({ range: doc.lines.range(finding.from, finding.to), message: finding.message });
    // Publication history: nothing can be published before the incident.
    const start = incidentStart(a);
    const history = a.sectionIndex('publication-history');
    const tooEarly = (d: StatedDate, incident: Ymd) => {
      if (ymdKey(d.ymd) >= ymdKey(incident)) return;
      report({
        range: doc.lines.range(d.mention.start, d.mention.end),
        message: `Publication date ${describeYmd(d.ymd)} is before the incident (${describeYmd(incident)}).`,
      });
    };
    if (start) for (const d of datesIn(a, history)) tooEarly(d, start);
    // A line that labels the report's publication date ("Published:", "Posted on") is held to the earliest day the
    // title, the incident's date line, the introduction and the timeline give: a day the report tells of as past.
    const published = a.dates.flatMap((mention) => {
      const ymd = !mention.isTitle && isPublicationDate(doc, a.masked, mention) ? statedYmd(mention, a) : undefined;
      return ymd && (history < 0 || mention.section !== history) ? [{ mention, ymd }] : [];
    });
    const told = [a.titleDate, a.incidentDateLine].flatMap((d) => (d && statedYmd(d, a)) ?? []);
    for (const section of [a.introIndex, a.timelineIndex]) for (const d of datesIn(a, section)) told.push(d.ymd);
    const earliest = told.sort((x, y) => ymdKey(x) - ymdKey(y))[0];
    if (earliest) for (const d of published) tooEarly(d, earliest);
  },
};

/** A list that starts this much or more before the entries above it went past midnight (see reportOutOfOrder). */
const HALF_DAY = 12 * 3600000;

/**
 * The timeline's entries as the report tells them, in order: one sequence, or more where a list or table of entries
 * starts again from before where the entries above it had got to ("Key moments:" over three entries, then "Detailed
 * timeline" over every entry from the first again). Each telling is in order on its own; read as one, the second
 * made the first's later entries "later than the entry after it". These are no second telling: a list that starts
 * half a day or more before (it went past midnight, see reportOutOfOrder), an entry or two out of place, and a list
 * a date stands before, in its first entry or since the entries above ("### Thursday, March 11" copied from the day
 * before puts its entries out of order, as they are reported).
 */
function tellings(a: TimeAnalysis, entries: TimeWindow[]): TimeWindow[][] {
  const tops = a.doc.root.children;
  const topAt = (offset: number) => {
    let lo = 0;
    let hi = tops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (startOffset(tops[mid]) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const groups: { top: number; entries: TimeWindow[] }[] = [];
  for (const w of entries) {
    const top = topAt(w.from);
    const last = groups[groups.length - 1];
    if (last?.top === top) last.entries.push(w);
    else groups.push({ top, entries: [w] });
  }
  const sequences: TimeWindow[][] = [];
  let reached = -Infinity;
  let nextDate = 0;
  let previousEnd = 0;
  for (const group of groups) {
    const { type } = tops[group.top];
    const lead = group.entries[0];
    const first = lead.startMillis!;
    // The first date written at or after the entries above: one before this list's first time dates it.
    while (nextDate < a.dates.length && a.dates[nextDate].start < previousEnd) nextDate++;
    const dated = !!lead.start.date || (nextDate < a.dates.length && a.dates[nextDate].start < lead.from);
    previousEnd = group.entries[group.entries.length - 1].to;
    const current = sequences[sequences.length - 1];
    const restarts =
      current !== undefined &&
      current.length >= MIN_TELLING &&
      group.entries.length >= MIN_TELLING &&
      (type === 'list' || type === 'table') &&
      !dated &&
      first < reached &&
      reached - first < HALF_DAY;
    if (current === undefined || restarts) {
      sequences.push([...group.entries]);
      reached = -Infinity;
    } else pushAll(current, group.entries);
    for (const w of group.entries) reached = Math.max(reached, w.startMillis!);
  }
  return sequences;
}

/** Fewer entries than this are no telling of a timeline: an entry or two out of place are reported as such. */
const MIN_TELLING = 2;

const DAY_MS = 24 * 3600000;

/** An entry's lead that is a weekday alone: "Tuesday, ", "**Wed** 09:30", "| Thursday | 11:10". */
const WEEKDAY_LEAD =
  /^[\s>|*_-]*(?:(?<mon>Mon(?:day)?)|(?<tue>Tue(?:s(?:day)?)?)|(?<wed>Wed(?:nesday)?)|(?<thu>Thu(?:rs?(?:day)?)?)|(?<fri>Fri(?:day)?)|(?<sat>Sat(?:urday)?)|(?<sun>Sun(?:day)?))\.?[\s,:*_|\-\u2013\u2014]*(?:at\s+)?$/i;
const WEEKDAY_GROUPS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The weekday (0 for Monday) that alone leads a timeline entry's time, if one does. */
function leadingWeekday(text: string, w: TimeWindow): number | undefined {
  const { block } = w.sentence;
  const from = block.tableRow ?? block.start;
  if (w.from - from > MAX_LEAD) return undefined;
  const groups = WEEKDAY_LEAD.exec(text.slice(from, w.from))?.groups;
  if (!groups) return undefined;
  const index = WEEKDAY_GROUPS.findIndex((name) => groups[name] !== undefined);
  return index >= 0 ? index : undefined;
}

/** Reports the entries of one telling of the timeline that are out of time order. */
function reportOutOfOrder(doc: RcaDocument, windows: TimeWindow[], report: RuleContext['report']): void {
  // Each entry's instant, a day later once the list has run past midnight.
  const entries: { window: TimeWindow; millis: number }[] = [];
  let previous: number | undefined;
  let rollover = 0;
  let weekday: number | undefined;
  for (const w of windows) {
    // "Tuesday, 14:00 ..." then "Wednesday, 09:30 ...": an entry led by another weekday than the last is that many days on.
    const led = w.start.date ? undefined : leadingWeekday(doc.text, w);
    if (led !== undefined) {
      if (weekday !== undefined && led !== weekday) rollover += ((led - weekday + 7) % 7) * DAY_MS;
      weekday = led;
    }
    let millis = w.startMillis! + rollover;
    // A time in the hour that repeats when the clocks go back, with no zone that says which pass it is: the reading
    // that keeps the list in order ("1:50 AM" then "1:10 AM" Central time on November 1, 2026 is the second 1:10).
    if (previous !== undefined && millis < previous && w.start.readings) {
      const later = w.start.readings.find((r) => r + rollover >= previous!);
      if (later !== undefined) millis = later + rollover;
    }
    if (previous !== undefined && millis < previous) {
      const gap = previous - millis;
      // "23:50 …" then "00:10 …" with no date written: the list went past midnight.
      if (!w.start.date && gap > 12 * 3600000 && gap < DAY_MS) {
        rollover += DAY_MS;
        millis += DAY_MS;
      }
    }
    entries.push({ window: w, millis });
    if (previous === undefined || millis >= previous) previous = millis;
  }
  // The entries out of place are those outside the longest run in time order, keeping earlier entries on a tie: one
  // misplaced entry is reported once, whether it is too early ("14:18" after "14:31") or too late (a wrong zone
  // that makes "10:15 AM PST" later than the entries after it).
  const inOrder = longestInOrder(entries.map((e) => e.millis));
  // An entry whose own date differs from its neighbour's says so: "14:20" before "14:12" reads as no mistake until
  // the dates show that one entry kept another month's ("2026-11-04T14:20Z" among December's entries).
  const quote = (w: TimeWindow, other?: TimeWindow) => {
    const time = `"${doc.text.slice(w.from, w.to)}"`;
    const [mine, theirs] = [w.start.ymd, other?.start.ymd];
    if (!mine || !theirs || (!w.start.date && !other!.start.date) || ymdKey(mine) === ymdKey(theirs)) return time;
    return `${time} on ${describeYmd(mine)}`;
  };
  // The nearest in-order entry before and after each entry.
  const keptBefore: number[] = [];
  const keptAfter: number[] = [];
  for (let i = 0, last = -1; i < entries.length; i++) {
    keptBefore.push(last);
    if (inOrder.has(i)) last = i;
  }
  for (let i = entries.length - 1, next = -1; i >= 0; i--) {
    keptAfter[i] = next;
    if (inOrder.has(i)) next = i;
  }
  entries.forEach((entry, index) => {
    if (inOrder.has(index)) return;
    const w = entry.window;
    const before = keptBefore[index];
    const after = keptAfter[index];
    const message =
      before >= 0 && entry.millis < entries[before].millis
        ? `This entry (${quote(w, entries[before].window)}) is earlier than the entry before it (${quote(entries[before].window, w)}); list timeline entries in time order.`
        : after >= 0
          ? `This entry (${quote(w, entries[after].window)}) is later than the entry after it (${quote(entries[after].window, w)}); list timeline entries in time order.`
          : `This entry (${quote(w)}) is out of time order; list timeline entries in time order.`;
    report({ range: doc.lines.range(w.from, w.to), message });
  });
}

/** Words that make a later range in a sentence an earlier event on purpose: "from 10:00 until 11:00, after a restart from 09:00 until 09:20". */
const ORDERING_WORDS = /\b(?:after|before|following|followed|prior|earlier|previous(?:ly)?|since|when|while|because|once|as)\b/i;

/**
 * Ranges that one sentence of the timeline lists newest first ("from 06:20 until 06:45 and from 05:10 until 05:40"): the
 * entries of a list are checked one by one above, but a sentence is one entry. One finding a sentence.
 */
function newestFirst(a: TimeAnalysis): { from: number; to: number; message: string }[] {
  const findings: { from: number; to: number; message: string }[] = [];
  const bySentence = new Map<TimeWindow['sentence'], TimeWindow[]>();
  for (const w of a.windows) {
    if (w.section !== a.timelineIndex || a.timelineIndex < 0 || !w.end || w.conversionOf || w.startMillis === undefined) continue;
    const list = bySentence.get(w.sentence);
    if (list) list.push(w);
    else bySentence.set(w.sentence, [w]);
  }
  for (const ranges of bySentence.values()) {
    let rollover = 0;
    for (let i = 0; i + 1 < ranges.length; i++) {
      const [w, next] = [ranges[i], ranges[i + 1]];
      const gap = a.masked.slice((w.end!.ownZone ?? w.end!.time).end, next.from);
      if (ORDERING_WORDS.test(gap)) break;
      let millis = next.startMillis! + rollover;
      const earlier = w.startMillis! + rollover;
      // "from 23:10 until 23:50 and from 00:10 until 00:40", no date written: the second is the next day's.
      if (millis < earlier && !next.start.date && earlier - millis > 12 * 3600000 && earlier - millis < 24 * 3600000) {
        rollover += 24 * 3600000;
        millis += 24 * 3600000;
      }
      if (millis >= earlier) continue;
      const quote = (x: TimeWindow) => a.doc.text.slice(x.from, x.to);
      findings.push({
        from: ranges[0].from,
        to: ranges[ranges.length - 1].to,
        message: `This sentence lists "${quote(w)}" before the earlier "${quote(next)}"; list the windows in time order, earliest first.`,
      });
      break;
    }
  }
  return findings;
}
