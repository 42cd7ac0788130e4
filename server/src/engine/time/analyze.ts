import { DateTime } from 'luxon';
import type { RcaDocument } from '../model';
import type { RcaSettings } from '../settings';
import { instanceCodesIn, instancePrefixes, isInstanceCode } from '../title';
import { isValidDate, wallClockMillis } from './instants';
import { resolveWallClock, type WallReading } from './dst';
import { findDates, findTimes, type DateMention, type MonthOnly, type TimeMention } from './dates';
import { blocksOf, maskedText, sentencesOf, type Block, type Sentence } from './text';
import { normaliseIana, zoneTable, type ZoneCandidate, type ZoneMatch, type ZoneTable } from './zones';

/**
 * Everything the time rules, hovers and hints need, computed once per document and settings:
 * every date, time and zone phrase with its offsets, the windows they form, and the instants they mean.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export interface TimePoint {
  time: TimeMention;
  /** The date written for this time in its sentence, when there is one. */
  date?: DateMention;
  /** The calendar date the time is read on (written, carried from context, or the next day across midnight). */
  ymd?: Ymd;
  /** The zone phrase right after this time ("10:23AM Chicago Time Zone"). */
  ownZone?: ZoneMatch;
  /**
   * Every instant the time can mean, earliest first, when its wall time repeats (the night the clocks go back) and no
   * zone written with it settles which; the window's millis hold the reading taken.
   */
  readings?: number[];
  /** The time does not exist in the zone it is read in: the clocks went forward past it by this many minutes. */
  skipped?: number;
}

export type ZoneSource = 'own' | 'sentence' | 'lead' | 'document' | 'default' | 'instance';

export interface TimeWindow {
  start: TimePoint;
  /** Absent for a single time ("at 10:05"). */
  end?: TimePoint;
  /** From the first character of the first time to the last of the last time (zones excluded). */
  from: number;
  to: number;
  sentence: Sentence;
  section: number;
  /** The zone phrase the window is read in, when one is written. */
  zone?: ZoneMatch;
  iana?: string;
  zoneSource?: ZoneSource;
  startMillis?: number;
  endMillis?: number;
  /** The end's date was not written and the end is read on the day after the start. */
  nextDay?: boolean;
  /** Literal reading of the range ends before (or when) it starts. */
  backwards?: boolean;
  /** The window this one restates in another zone, in parentheses: "(16:00 UTC)" in "10:00 CST (16:00 UTC)". */
  conversionOf?: TimeWindow;
}

export interface TimeAnalysis {
  doc: RcaDocument;
  settings: RcaSettings;
  table: ZoneTable;
  masked: string;
  blocks: Block[];
  sentences: Sentence[];
  dates: (DateMention & { section: number; isTitle: boolean })[];
  monthYears: (MonthOnly & { section: number })[];
  times: TimeMention[];
  /** Zone phrases that count: strong ones anywhere, weak ones right after a time. */
  zones: ZoneMatch[];
  windows: TimeWindow[];
  titleDate?: DateMention;
  incident?: Ymd;
  /** The document's own zone: front matter, "all times are …", or the first zone named in the timeline. */
  documentZone?: { iana: string; match?: ZoneMatch };
  instances: string[];
  /** Letter prefixes that make a code an instance (title.ts instancePrefixes): NA, EU, …, not DB or SRV. */
  instancePrefixes: ReadonlySet<string>;
  /** Zones of the instances, from settings.instanceTimeZones. */
  instanceZones: string[];
  introIndex: number;
  timelineIndex: number;
  sectionIndex(id: string): number;
}

const cache = new WeakMap<RcaDocument, Map<string, TimeAnalysis>>();

export function analyzeTimes(doc: RcaDocument, settings: RcaSettings): TimeAnalysis {
  const key = JSON.stringify([settings.defaultTimeZone, settings.timeZoneAliases, settings.instanceTimeZones]);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  let analysis = byKey.get(key);
  if (!analysis) byKey.set(key, (analysis = analyze(doc, settings)));
  return analysis;
}

/** The analysis computed last for this document, whatever its settings (for hovers). */
export function cachedAnalysis(doc: RcaDocument): TimeAnalysis | undefined {
  const byKey = cache.get(doc);
  if (!byKey) return undefined;
  let last: TimeAnalysis | undefined;
  for (const value of byKey.values()) last = value;
  return last;
}

// \u0000 is the mark put where the gap's date was masked out (see gapDate below): a control character on purpose.
const RANGE_GAP =
  // eslint-disable-next-line no-control-regex
  /^(?:\s?(?:h|hrs?\.?)(?![A-Za-z]))?[\s,]*(?:\(\s*)?(?:until|till|til|to|through|thru|up\s+to|and|-|–|—|~|→|->)\s*(?:about\s+|approximately\s+|approx\.?\s+|around\s+|~\s*)?(?:the\s+(?:next|following)\s+day,?\s*)?(?:(?:on\s+)?(?:\u0000)[\s,]*(?:at\s+)?)?$/i;

/** A gap whose date (\u0000) belongs to the start: "11:20 PM on December 31, 2025 until". */
const RANGE_GAP_START_DATE =
  // eslint-disable-next-line no-control-regex
  /^[\s,]*(?:on\s+)?\u0000[\s,]*(?:until|till|til|to|through|thru|up\s+to|-|–|—|~|→|->)\s*(?:about\s+|approximately\s+|approx\.?\s+|around\s+|~\s*)?$/i;

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

export function zoneForInstance(instance: string, map: Record<string, string>): string | undefined {
  for (const [glob, iana] of Object.entries(map)) {
    if (globToRegExp(glob).test(instance)) return normaliseIana(iana);
  }
  return undefined;
}

function ymdOf(date: DateMention | undefined, year: number | undefined): Ymd | undefined {
  if (!date || date.day === undefined || date.invalid) return undefined;
  const y = date.year ?? year;
  return y === undefined ? undefined : { year: y, month: date.month, day: date.day };
}

export function ymdKey(ymd: Ymd): number {
  return ymd.year * 10000 + ymd.month * 100 + ymd.day;
}

export function addDays(ymd: Ymd, days: number): Ymd {
  if (isValidDate(ymd.year, ymd.month, ymd.day) && Number.isInteger(days)) {
    // What Luxon gives for a valid date in UTC, without building a DateTime.
    const d = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day + days));
    if (ymd.year >= 100) return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const dt = DateTime.fromObject(ymd, { zone: 'UTC' }).plus({ days });
  return { year: dt.year, month: dt.month, day: dt.day };
}

function analyze(doc: RcaDocument, settings: RcaSettings): TimeAnalysis {
  const table = zoneTable(settings.timeZoneAliases);
  const masked = maskedText(doc);
  const blocks = blocksOf(doc);
  const sectionIndex = (id: string) => doc.sections.findIndex((s) => s.def?.id === id);
  const introIndex = sectionIndex('introduction');
  const timelineIndex = sectionIndex('event-timeline');
  const sentences: Sentence[] = [];
  const dates: TimeAnalysis['dates'] = [];
  const monthYears: TimeAnalysis['monthYears'] = [];
  const times: TimeMention[] = [];
  const zonesBySentence = new Map<Sentence, ZoneMatch[]>();
  const datesBySentence = new Map<Sentence, DateMention[]>();
  const timesBySentence = new Map<Sentence, TimeMention[]>();
  for (const block of blocks) {
    for (const sentence of sentencesOf(masked, block)) {
      sentences.push(sentence);
      const found = findDates(sentence.text, sentence.start);
      const sentenceTimes = findTimes(sentence.text, sentence.start).filter((t) => !found.dates.some((d) => t.start < d.end && d.start < t.end));
      datesBySentence.set(sentence, found.dates);
      timesBySentence.set(sentence, sentenceTimes);
      for (const d of found.dates) dates.push({ ...d, section: block.section, isTitle: block.isTitle });
      for (const d of found.monthYears) monthYears.push({ ...d, section: block.section });
      times.push(...sentenceTimes);
      const zones = table.find(sentence.text, sentence.start).filter((z) => !sentenceTimes.some((t) => z.start < t.end && t.start < z.end));
      zonesBySentence.set(sentence, zones);
    }
  }

  // Instances and their zones.
  const titleInstances = doc.title ? instanceCodesIn(doc.title.text) : [];
  const timelineText = timelineIndex >= 0 ? masked.slice(doc.sections[timelineIndex].start, doc.sections[timelineIndex].end) : '';
  const prefixes = instancePrefixes(titleInstances, settings.instanceTimeZones);
  const instances = [...new Set([...titleInstances, ...instanceCodesIn(timelineText)])].filter((c) => isInstanceCode(c, prefixes));
  const instanceZones = [...new Set(instances.map((i) => zoneForInstance(i, settings.instanceTimeZones)).filter((z): z is string => !!z))];

  // The incident date and year: title first, then the timeline, then the introduction.
  const titleDate = dates.find((d) => d.isTitle);
  const firstFull = (section: number) => dates.find((d) => d.section === section && d.year !== undefined && d.day !== undefined && !d.invalid);
  const incidentSource = titleDate && titleDate.year !== undefined && titleDate.day !== undefined && !titleDate.invalid ? titleDate : (firstFull(timelineIndex) ?? firstFull(introIndex));
  const incidentYear = titleDate?.year ?? incidentSource?.year ?? dates.find((d) => d.year !== undefined)?.year;
  const incident = ymdOf(incidentSource, incidentYear);
  for (const d of dates) {
    if (d.year === undefined && incidentYear !== undefined) {
      d.yearInferred = true;
    }
  }

  // Which zone phrases count. Places, long names, IANA names and offsets always do. An abbreviation is often also a
  // word or an acronym ("the AST parser", "the IST shift", "the CAT team"), so it counts only where it reads as a
  // zone: after a time ("10:15 IST", "10:15 (IST)", "10:15 in IST"), before one ("IST 10:15"), followed by "time"
  // ("CST time"), in a statement about times ("All times are in CDT", "the following hours, CDT:", "Time (CDT)"),
  // in parentheses or after a dash in a heading ("Event Timeline (CDT)"), alone in a table cell, or after "in" in a
  // sentence with a date or a time. Unknown phrases ("Gotham Time", "XYT") count only right after a time.
  const timeEnds = new Set(times.map((t) => t.end));
  // "10:00h CEST", "14:00 hrs IST": the zone still follows the time.
  for (const t of times) {
    const suffix = /^\s?(?:h|hrs?\.?|hours)(?![\p{L}\p{N}])/u.exec(masked.slice(t.end, t.end + 8));
    if (suffix) timeEnds.add(t.end + suffix[0].length);
  }
  const timeStarts = new Set(times.map((t) => t.start));
  const afterTime = (sentence: Sentence, zone: ZoneMatch) => {
    const lead = tailExec(/[\s(,]*(?:\bin\s+)?[\s(]*$/, /[^\s(,in]/, masked, sentence.start, zone.start)!;
    return timeEnds.has(lead.index);
  };
  const dateEnds = new Set(dates.map((d) => d.end));
  const readsAsZone = (sentence: Sentence, zone: ZoneMatch) => {
    if (afterTime(sentence, zone)) return true;
    if (zone.unknown) return false;
    // "April 11, 2026 (CDT): …"
    if (dateEnds.has(tailExec(/[\s(,]*$/, /[^\s(,]/, masked, sentence.start, zone.start)!.index)) return true;
    // Only the next few characters matter after the zone (a long block stays linear).
    const rest = masked.slice(zone.end, Math.min(sentence.block.end, zone.end + 40));
    const next = /^\s*[:,]?\s*/.exec(rest)!;
    if (timeStarts.has(zone.end + next[0].length) && rest.length > next[0].length) return true;
    if (/\stime$/i.test(zone.text) || /^\s+(?:times?|time\s*zones?|timezones?|tz)\b/i.test(rest)) return true;
    // "Time (CDT)", "Time: CDT" heading a table column or a line; "response time (AST)" in prose is not.
    if (zone.start - sentence.start < 40 && /^[\s|>]*(?:local\s+)?time\s*[:(\-–—]?\s*$/i.test(masked.slice(sentence.start, zone.start))) return true;
    if (tailExec(STATEMENT, /[^A-Za-z\s:,(\-–—]/, masked, sentence.start, zone.start)) return true;
    if ((masked[sentence.block.start] === '#' || sentence.block.tableRow !== undefined) && tailExec(/(?:^|[(\-–—:,/])\s*$/, /\S/, masked, sentence.block.start, zone.start)) return true;
    const { block } = sentence;
    if (block.tableRow !== undefined && zone.start - block.start <= 8 && block.end - zone.end <= 8 && !masked.slice(block.start, zone.start).trim() && !masked.slice(zone.end, block.end).trim()) return true;
    const sentenceHasTime = (timesBySentence.get(sentence) ?? []).length > 0 || (datesBySentence.get(sentence) ?? []).length > 0;
    return zone.abbreviation !== undefined && zone.abbreviation.length >= 3 && sentenceHasTime && tailExec(/\bin\s+$/i, /[^\sin]/i, masked, sentence.block.start, zone.start) !== null;
  };
  const zones: ZoneMatch[] = [];
  for (const sentence of sentences) {
    const kept: ZoneMatch[] = [];
    for (const zone of zonesBySentence.get(sentence) ?? []) {
      const contextual = zone.weak || zone.abbreviation !== undefined;
      // Right after a zone that counts, a second name of it counts too: "10:00 UTC-5 (CDT)", "CST/CDT".
      const last = kept[kept.length - 1];
      const afterZone = last !== undefined && !zone.unknown && zone.start - last.end <= 4 && /^[\s(,/]*$/.test(masked.slice(last.end, zone.start));
      if (!contextual || afterZone || readsAsZone(sentence, zone)) kept.push(zone);
    }
    zonesBySentence.set(sentence, kept);
    zones.push(...kept);
  }
  const counted = new Set(zones);

  // Ambiguous abbreviations: the instance's zone, then other zones in the document, then the region words.
  const unambiguous = zones.filter((z) => z.iana && z.candidates.length <= 1 && !z.unknown).map((z) => z.iana!);
  const hints = [...instanceZones, ...unambiguous, ...(settings.defaultTimeZone ? [normaliseIana(settings.defaultTimeZone) ?? ''] : [])];
  const regionWords = masked;
  for (const zone of zones) {
    if (zone.candidates.length > 1) resolveAmbiguous(zone, hints, instances, regionWords);
  }

  // A zone right after a time is that time's own zone.
  const immediateAfter = (sentence: Sentence, offset: number): ZoneMatch | undefined => {
    const zones = zonesBySentence.get(sentence) ?? [];
    // Zones are in order and never overlap: past the first that the gap rules out, every gap holds that one's text.
    for (let k = firstAtOrAfter(zones, offset, (z) => z.start); k < zones.length; k++) {
      const z = zones[k];
      const gap = masked.slice(offset, z.start);
      if (/^\s*[(,]?\s*(?:in\s+)?$/.test(gap)) {
        if (!z.vague) return z;
      } else if (/[^\s(,in]/.test(gap)) return undefined;
    }
    return undefined;
  };

  // The document's zone.
  let documentZone: TimeAnalysis['documentZone'];
  const fm = doc.frontMatter;
  const fmZone = fm && ['timezone', 'timeZone', 'time_zone', 'zone', 'tz'].map((k) => fm[k]).find((v) => typeof v === 'string');
  if (typeof fmZone === 'string') {
    const iana = table.lookup(fmZone);
    if (iana) documentZone = { iana };
  }
  if (!documentZone) {
    const statement = sentences.find((s) => /\b(?:all|the)\s+times\b|\btimes\s+(?:are|in\s+this|below|above|here|given|listed|shown)\b|\btime\s*zone\s*:/i.test(s.text) && (zonesBySentence.get(s) ?? []).some((z) => counted.has(z) && z.iana));
    const timelineZone = zones.find((z) => z.iana && !z.unknown && sectionOfOffset(sentences, z.start) === timelineIndex && timelineIndex >= 0);
    const match = statement ? (zonesBySentence.get(statement) ?? []).find((z) => counted.has(z) && z.iana) : timelineZone;
    if (match?.iana) documentZone = { iana: match.iana, match };
  }
  const defaultZone = settings.defaultTimeZone ? table.lookup(settings.defaultTimeZone) : undefined;

  // Windows, sentence by sentence, carrying dates and lead-in zones forward within each section.
  const windows: TimeWindow[] = [];
  let carriedDate: DateMention | undefined;
  // The day carried instead of carriedDate's once the timeline has run past midnight ("11:52 PM", then "12:30 AM").
  let carriedYmd: Ymd | undefined;
  // The latest start so far in the section, to see a timeline run past midnight.
  let latestStart: number | undefined;
  let carriedSection = -2;
  let leadZone: ZoneMatch | undefined;
  for (const sentence of sentences) {
    const block = sentence.block;
    if (block.section !== carriedSection) {
      carriedSection = block.section;
      carriedDate = undefined;
      carriedYmd = undefined;
      latestStart = undefined;
      leadZone = undefined;
    }
    const sTimes = timesBySentence.get(sentence) ?? [];
    const sDates = datesBySentence.get(sentence) ?? [];
    const sZones = (zonesBySentence.get(sentence) ?? []).filter((z) => counted.has(z));
    // Dates and times are in order and never overlap, so each of these looks at one or two of them (a sentence with
    // thousands of times stays linear): the last date before an offset, unless a time stands between them.
    const dateBefore = (offset: number, after: number) => {
      const d = sDates[firstAtOrAfter(sDates, offset + 1, (x) => x.end) - 1];
      if (!d || d.start < after) return undefined;
      const t = sTimes[firstAtOrAfter(sTimes, d.end + 1, (x) => x.start)];
      return t && t.end <= offset ? undefined : d;
    };
    // The first date after an offset, when only a zone, a comma or "on" stands between (a date holds a digit, so
    // past the first date no gap can match).
    const dateRightAfter = (offset: number) => {
      for (let k = firstAtOrAfter(sDates, offset, (x) => x.start); k < sDates.length; k++) {
        const gap = masked.slice(offset, sDates[k].start);
        if (/^\s*(?:[A-Z]{2,5}\s*)?,?\s*(?:on\s+)?$/.test(gap)) return sDates[k];
        if (/[^\sA-Z,on]/.test(gap)) return undefined;
      }
      return undefined;
    };
    let i = 0;
    let boundary = sentence.start;
    const sentenceWindows: TimeWindow[] = [];
    while (i < sTimes.length) {
      const t = sTimes[i];
      const u = sTimes[i + 1];
      const startPoint: TimePoint = { time: t, ownZone: immediateAfter(sentence, t.end) };
      let endPoint: TimePoint | undefined;
      if (u) {
        let gap = masked.slice(startPoint.ownZone?.end ?? t.end, u.start);
        const firstAfter = sDates[firstAtOrAfter(sDates, t.end, (d) => d.start)];
        const gapDate = firstAfter && firstAfter.end <= u.start ? firstAfter : undefined;
        if (gapDate) gap = gap.replace(masked.slice(gapDate.start, gapDate.end), '\u0000');
        const between = /\bbetween\b/i.test(masked.slice(boundary, t.start));
        const uZone = immediateAfter(sentence, u.end);
        if (RANGE_GAP.test(gap) && (!/^\s*,?\s*and\b/i.test(gap) || between)) {
          endPoint = { time: u, date: gapDate, ownZone: uZone };
        } else if (gapDate && RANGE_GAP_START_DATE.test(gap)) {
          // "from 11:20 PM on December 31, 2025 until 12:35 AM on January 1, 2026": the date in between is the start's.
          endPoint = { time: u, ownZone: uZone };
        }
      }
      startPoint.date = dateBefore(t.start, boundary) ?? dateRightAfter(startPoint.ownZone?.end ?? t.end);
      // A date right after the end ("until 1:10 a.m. CST on January 15th") is the end's when the start has a date of
      // its own, else the whole range's ("from 10:00 until 11:00 CDT on April 11").
      const trailing = endPoint && !endPoint.date ? dateRightAfter(endPoint.ownZone?.end ?? endPoint.time.end) : undefined;
      if (endPoint && trailing) {
        if (startPoint.date) endPoint.date = trailing;
        else startPoint.date = trailing;
      }
      const last = endPoint ?? startPoint;
      const window: TimeWindow = { start: startPoint, end: endPoint, from: t.start, to: last.time.end, sentence, section: block.section };
      sentenceWindows.push(window);
      windows.push(window);
      boundary = (last.ownZone?.end ?? last.time.end);
      i += endPoint ? 2 : 1;
    }
    // Zones: own, then the nearest one after the window in its sentence, then before it, then the lead-in.
    let firstVague: [ZoneMatch | undefined] | undefined;
    sentenceWindows.forEach((w, index) => {
      const next = sentenceWindows[index + 1];
      const own = w.end?.ownZone ?? w.start.ownZone;
      let after: ZoneMatch | undefined;
      for (let k = firstAtOrAfter(sZones, w.to, (z) => z.start); k < sZones.length && !after; k++) {
        if (next && sZones[k].end > next.from) break;
        if (!sZones[k].vague) after = sZones[k];
      }
      let before: ZoneMatch | undefined;
      for (let k = firstAtOrAfter(sZones, w.from + 1, (z) => z.end) - 1; k >= 0 && !before; k--) if (!sZones[k].vague) before = sZones[k];
      const anyVague = (firstVague ??= [sZones.find((z) => z.vague)])[0];
      const zone = own ?? after ?? before ?? anyVague;
      if (zone) {
        w.zone = zone;
        w.zoneSource = own ? 'own' : 'sentence';
      } else if (leadZone) {
        w.zone = leadZone;
        w.zoneSource = 'lead';
      } else if (documentZone && w.section === timelineIndex) {
        w.zone = documentZone.match;
        w.iana = documentZone.iana;
        w.zoneSource = 'document';
      }
      if (w.zone && !w.iana) w.iana = w.zone.vague ? instanceZones[0] : w.zone.iana;
      if (!w.iana && !w.zoneSource && documentZone) {
        w.iana = documentZone.iana;
        w.zoneSource = 'document';
      }
      if (!w.iana && !w.zoneSource && defaultZone) {
        w.iana = defaultZone;
        w.zoneSource = 'default';
      }
      if (!w.iana && !w.zoneSource && instanceZones.length === 1) {
        w.iana = instanceZones[0];
        w.zoneSource = 'instance';
      }
    });
    // Dates: written, else carried from earlier in the section, else the incident's. What is carried is a range's
    // start date, not its end date: in "July 14, 2025, from 11:45 p.m. until 12:30 a.m. on July 15." the entries
    // below begin on July 14, and move to the next day only when they run past midnight (as RCA211 reads them).
    const endDates = new Set<DateMention>();
    for (const w of sentenceWindows) {
      let startYmd = w.start.date ? ymdOf(w.start.date, incidentYear) : (carriedYmd ?? ymdOf(carriedDate, incidentYear));
      startYmd ??= w.section === timelineIndex || w.section === introIndex ? incident : undefined;
      w.start.ymd = startYmd;
      if (w.start.date) {
        carriedDate = w.start.date;
        carriedYmd = undefined;
      }
      if (w.end) {
        if (w.end.date) {
          w.end.ymd = ymdOf(w.end.date, startYmd?.year ?? incidentYear);
          endDates.add(w.end.date);
        } else w.end.ymd = startYmd;
      }
      computeInstants(w);
      // "11:52 PM – …" then "12:30 AM – …" with no date: between 12 and 24 hours earlier is the next day.
      if (!w.start.date && startYmd && w.section === timelineIndex && w.startMillis !== undefined && latestStart !== undefined) {
        const gap = latestStart - w.startMillis;
        if (gap > 12 * 3600000 && gap < 24 * 3600000) {
          const next = addDays(startYmd, 1);
          w.start.ymd = next;
          if (w.end && !w.end.date) w.end.ymd = next;
          w.nextDay = undefined;
          w.backwards = undefined;
          computeInstants(w);
          carriedYmd = next;
        }
      }
      if (w.startMillis !== undefined && (latestStart === undefined || w.startMillis > latestStart)) latestStart = w.startMillis;
    }
    const lastDate = sDates[sDates.length - 1];
    if (lastDate && !endDates.has(lastDate) && (!carriedDate || lastDate.start > carriedDate.start)) {
      carriedDate = lastDate;
      carriedYmd = undefined;
    }
    // "during the following hours, Chicago time:" hands its zone to what follows in the section.
    // A comment or trailing spaces after the sentence still leave it last in its block.
    if (!masked.slice(sentence.end, block.end).trim() || /:\s*$/.test(sentence.text)) {
      const lead = [...sZones].reverse().find((z) => z.iana || z.vague || z.unknown);
      if (lead && sTimes.length === 0) leadZone = lead;
    }
  }

  // Conversions: "10:00 CST (16:00 UTC)", "from 10:00 until 11:00 CDT (15:00 until 16:00 UTC)".
  for (let i = 0; i + 1 < windows.length; i++) {
    const w = windows[i];
    const c = windows[i + 1];
    const cZone = c.end?.ownZone ?? c.start.ownZone;
    if (w.sentence !== c.sentence || !cZone?.iana || cZone.unknown || cZone.vague || cZone === w.zone) continue;
    const wEnd = (w.end?.ownZone ?? w.start.ownZone)?.end ?? w.to;
    if (!/^\s*[([]\s*(?:i\.\s*e\.,?\s*|or\s+|=\s*)?$/.test(masked.slice(wEnd, c.from))) continue;
    if (/^\s*[)\]]/.test(masked.slice(cZone.end, cZone.end + 20))) c.conversionOf = w;
  }

  return {
    doc,
    settings,
    table,
    masked,
    blocks,
    sentences,
    dates,
    monthYears,
    times,
    zones,
    windows,
    titleDate,
    incident,
    documentZone,
    instances,
    instancePrefixes: prefixes,
    instanceZones,
    introIndex,
    timelineIndex,
    sectionIndex,
  };
}

/** The end of a statement about the report's times: "All times are in", "during the following hours,", "Time (". */
const STATEMENT =
  /\b(?:times|hours|time\s*zones?|timezones?|tz|clock)\b(?:\s+(?:are|is|were|was|given|listed|shown|stated|expressed|reported|written|mentioned|quoted|noted|used|provided|displayed|indicated|specified|presented|logged|below|above|here|in|all|the|this|these|our|document|report|timeline|following|of|as|using|use|uses|local))*\s*[:,(\-–—]?\s*(?:in\s+)?$/i;

/** The index of the first item whose key (ascending along the list) is at least `value`, or the list's length. */
function firstAtOrAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How far back tailExec reads before it knows the rest of the text cannot change the match. */
const TAIL = 256;

/**
 * `pattern` (anchored at the end with $, looking back at most one character) run on text[start, end), with the
 * match's index in `text`. No match of `pattern` can begin before the last character that `outside` matches, so
 * when the last TAIL characters hold one, the tail alone gives the same result: per zone phrase this reads a bounded
 * tail instead of the whole sentence before it (quadratic in a long sentence).
 */
function tailExec(pattern: RegExp, outside: RegExp, text: string, start: number, end: number): RegExpExecArray | null {
  const from = end - TAIL;
  if (from - 1 > start) {
    const tail = text.slice(from - 1, end);
    if (outside.test(tail)) {
      const m = pattern.exec(tail);
      if (m) m.index += from - 1;
      return m;
    }
  }
  const m = pattern.exec(text.slice(start, end));
  if (m) m.index += start;
  return m;
}

function sectionOfOffset(sentences: Sentence[], offset: number): number {
  const s = sentences.find((x) => x.start <= offset && offset <= x.end);
  return s ? s.block.section : -1;
}

export function toMillis(ymd: Ymd, time: TimeMention, iana: string): number | undefined {
  if (time.hour24 === undefined) return undefined;
  // 24:00 is the end of the day; Luxon rejects hour 24 in fromObject.
  return wallClockMillis(ymd.year, ymd.month, ymd.day, time.hour24 % 24, time.minute, time.second ?? 0, time.hour24 === 24 ? 1 : 0, iana);
}

/**
 * A point's instant in `iana`, with the reading of a repeated wall time (the night the clocks go back) chosen by the
 * season of the point's own zone ("1:30 AM CDT": fixed), else of the window's zone (preferred), else the earliest.
 */
function readPoint(w: TimeWindow, point: TimePoint, ymd: Ymd, iana: string): WallReading | undefined {
  const millis = toMillis(ymd, point.time, iana);
  if (millis === undefined || point.time.hour24 === undefined || ymd.year < 100) return millis === undefined ? undefined : { millis };
  const own = point.ownZone?.iana === iana ? point.ownZone : undefined;
  const season = own ? own.season : w.zone?.iana === iana ? w.zone.season : undefined;
  const t = point.time;
  const local = Date.UTC(ymd.year, ymd.month - 1, ymd.day, t.hour24! % 24, t.minute, t.second ?? 0) + (t.hour24 === 24 ? 86_400_000 : 0);
  return resolveWallClock(local, millis, iana, season, own !== undefined);
}

function computeInstants(w: TimeWindow): void {
  // Without a zone, instants are computed as if in UTC: differences and order still hold.
  const iana = w.iana ?? 'UTC';
  const setStart = (reading: WallReading | undefined) => {
    w.startMillis = reading?.millis;
    w.start.readings = reading?.readings;
    w.start.skipped = reading?.skipped;
  };
  if (w.start.ymd) setStart(readPoint(w, w.start, w.start.ymd, iana));
  if (!w.end || !w.end.ymd) return;
  const endZone = w.end.ownZone?.iana && w.end.ownZone !== w.zone ? w.end.ownZone.iana : iana;
  const startZone = w.start.ownZone?.iana ?? iana;
  const start = w.start.ymd ? readPoint(w, w.start, w.start.ymd, startZone) : undefined;
  const end = readPoint(w, w.end, w.end.ymd, endZone);
  setStart(start);
  w.endMillis = end?.millis;
  w.end.readings = end?.readings;
  w.end.skipped = end?.skipped;
  if (!start || !end) return;
  if (end.millis <= start.millis && (start.readings || end.readings)) {
    // A repeated hour without a zone that settles it: "from 1:30 AM until 1:15 AM" on the night the clocks go back is
    // 45 minutes when the end is the second 1:15. Take the shortest reading that runs forward.
    let best: [number, number] | undefined;
    for (const s of start.readings ?? [start.millis]) {
      for (const e of end.readings ?? [end.millis]) if (e > s && (!best || e - s < best[1] - best[0])) best = [s, e];
    }
    if (best) [w.startMillis, w.endMillis] = best;
  }
  if (w.startMillis === undefined || w.endMillis === undefined) return;
  if (w.endMillis <= w.startMillis) {
    w.backwards = true;
    if (!w.end.date) {
      const next = addDays(w.end.ymd, 1);
      const millis = readPoint(w, w.end, next, endZone)?.millis;
      if (millis !== undefined && millis > w.startMillis) {
        w.nextDay = true;
        w.end.ymd = next;
        w.endMillis = millis;
        w.end.readings = undefined;
      }
    }
  }
}

const REGION_HINTS: { pattern: RegExp; iana: string }[] = [
  { pattern: /\b(?:China|Chinese|Beijing|Shanghai)\b/, iana: 'Asia/Shanghai' },
  { pattern: /\b(?:North America|U\.?S\.?A?|United States|Chicago)\b/, iana: 'America/Chicago' },
  { pattern: /\b(?:India|Indian|Mumbai)\b/, iana: 'Asia/Kolkata' },
  { pattern: /\b(?:Israel|Israeli|Jerusalem|Tel Aviv)\b/, iana: 'Asia/Jerusalem' },
];

const CODE_HINTS: Record<string, string> = { CN: 'Asia/Shanghai', NA: 'America/Chicago', US: 'America/Chicago', CA: 'America/Toronto', IN: 'Asia/Kolkata', IL: 'Asia/Jerusalem' };

function continent(iana: string): string {
  return iana.split('/')[0];
}

/** Picks a reading for CST, IST, AST… and marks the zone ambiguous when nothing in the document decides. */
function resolveAmbiguous(zone: ZoneMatch & { ambiguous?: boolean }, hints: string[], instances: string[], text: string): void {
  const pick = (c: ZoneCandidate) => {
    zone.iana = c.iana;
    zone.season = c.season;
    zone.candidates = [c, ...zone.candidates.filter((x) => x !== c)];
  };
  for (const hint of hints) {
    const exact = zone.candidates.find((c) => c.iana === hint);
    if (exact) return pick(exact);
  }
  for (const hint of hints) {
    const near = zone.candidates.find((c) => continent(c.iana) === continent(hint) && continent(hint) !== 'UTC');
    if (near) return pick(near);
  }
  // The zone itself before one on its continent: IN01 settles IST as India, though Israel is in Asia too.
  const closest = (iana: string) => zone.candidates.find((x) => x.iana === iana) ?? zone.candidates.find((x) => continent(x.iana) === continent(iana));
  for (const code of instances) {
    const iana = CODE_HINTS[code.slice(0, 2)];
    const c = iana && closest(iana);
    if (c) return pick(c);
  }
  for (const { pattern, iana } of REGION_HINTS) {
    if (!pattern.test(text)) continue;
    const c = closest(iana);
    if (c) return pick(c);
  }
  zone.ambiguous = true;
}

export function isAmbiguous(zone: ZoneMatch): boolean {
  return (zone as ZoneMatch & { ambiguous?: boolean }).ambiguous === true;
}
