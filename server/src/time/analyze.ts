import { DateTime } from 'luxon';
import type { RcaDocument } from '../model';
import type { RcaSettings } from '../settings';
import { INSTANCE_CODE } from '../title';
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

const RANGE_GAP =
  /^[\s,]*(?:\(\s*)?(?:until|till|til|to|through|thru|up\s+to|and|-|–|—|~)\s*(?:about\s+|approximately\s+|around\s+)?(?:the\s+(?:next|following)\s+day,?\s*)?(?:(?:on\s+)?(?:\u0000)[\s,]*(?:at\s+)?)?$/i;

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
  const titleInstances = doc.title ? [...doc.title.text.matchAll(INSTANCE_CODE)].map((m) => m[0]) : [];
  const timelineText = timelineIndex >= 0 ? masked.slice(doc.sections[timelineIndex].start, doc.sections[timelineIndex].end) : '';
  const instances = [...new Set([...titleInstances, ...[...timelineText.matchAll(INSTANCE_CODE)].map((m) => m[0])])].filter((c) => !/^DC\d/.test(c));
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

  // Ambiguous abbreviations: the instance's zone, then other zones in the document, then the region words.
  const allZones = [...zonesBySentence.values()].flat();
  const unambiguous = allZones.filter((z) => z.iana && z.candidates.length <= 1 && !z.weak).map((z) => z.iana!);
  const hints = [...instanceZones, ...unambiguous, ...(settings.defaultTimeZone ? [normaliseIana(settings.defaultTimeZone) ?? ''] : [])];
  const regionWords = masked;
  for (const zone of allZones) {
    if (zone.candidates.length > 1) resolveAmbiguous(zone, hints, instances, regionWords);
  }

  // Weak phrases count only right after a time.
  const immediateAfter = (sentence: Sentence, offset: number): ZoneMatch | undefined => {
    const zones = zonesBySentence.get(sentence) ?? [];
    return zones.find((z) => z.start >= offset && /^\s*[(,]?\s*(?:in\s+)?$/.test(masked.slice(offset, z.start)) && !z.vague);
  };
  const zones: ZoneMatch[] = [];
  const timeEnds = new Set(times.map((t) => t.end));
  for (const sentence of sentences) {
    for (const zone of zonesBySentence.get(sentence) ?? []) {
      if (!zone.weak) zones.push(zone);
      else {
        const before = masked.slice(sentence.start, zone.start).replace(/[\s(,]+$/, '');
        if (timeEnds.has(sentence.start + before.length)) zones.push(zone);
      }
    }
  }
  const counted = new Set(zones);

  // The document's zone.
  let documentZone: TimeAnalysis['documentZone'];
  const fm = doc.frontMatter;
  const fmZone = fm && ['timezone', 'timeZone', 'time_zone', 'zone', 'tz'].map((k) => fm[k]).find((v) => typeof v === 'string');
  if (typeof fmZone === 'string') {
    const iana = table.lookup(fmZone);
    if (iana) documentZone = { iana };
  }
  if (!documentZone) {
    const statement = sentences.find((s) => /\b(?:all|the)\s+times\b|\btimes\s+(?:are|in\s+this)\b|\btime\s*zone\s*:/i.test(s.text) && (zonesBySentence.get(s) ?? []).some((z) => counted.has(z) && z.iana));
    const timelineZone = zones.find((z) => z.iana && !z.unknown && sectionOfOffset(sentences, z.start) === timelineIndex && timelineIndex >= 0);
    const match = statement ? (zonesBySentence.get(statement) ?? []).find((z) => counted.has(z) && z.iana) : timelineZone;
    if (match?.iana) documentZone = { iana: match.iana, match };
  }
  const defaultZone = settings.defaultTimeZone ? table.lookup(settings.defaultTimeZone) : undefined;

  // Windows, sentence by sentence, carrying dates and lead-in zones forward within each section.
  const windows: TimeWindow[] = [];
  let carriedDate: DateMention | undefined;
  let carriedSection = -2;
  let leadZone: ZoneMatch | undefined;
  for (const sentence of sentences) {
    const block = sentence.block;
    if (block.section !== carriedSection) {
      carriedSection = block.section;
      carriedDate = undefined;
      leadZone = undefined;
    }
    const sTimes = timesBySentence.get(sentence) ?? [];
    const sDates = datesBySentence.get(sentence) ?? [];
    const sZones = (zonesBySentence.get(sentence) ?? []).filter((z) => counted.has(z));
    const dateBefore = (offset: number, after: number) =>
      [...sDates].reverse().find((d) => d.end <= offset && d.start >= after && !sTimes.some((t) => t.start > d.end && t.end <= offset));
    const dateRightAfter = (offset: number) =>
      sDates.find((d) => d.start >= offset && /^\s*(?:[A-Z]{2,5}\s*)?,?\s*(?:on\s+)?$/.test(masked.slice(offset, d.start)));
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
        const gapDate = sDates.find((d) => d.start >= t.end && d.end <= u.start);
        if (gapDate) gap = gap.replace(masked.slice(gapDate.start, gapDate.end), '\u0000');
        const between = /\bbetween\b/i.test(masked.slice(boundary, t.start));
        if (RANGE_GAP.test(gap) && (!/^\s*,?\s*and\b/i.test(gap) || between)) {
          endPoint = { time: u, date: gapDate, ownZone: immediateAfter(sentence, u.end) };
        }
      }
      startPoint.date = dateBefore(t.start, boundary) ?? dateRightAfter(startPoint.ownZone?.end ?? t.end);
      const last = endPoint ?? startPoint;
      const window: TimeWindow = { start: startPoint, end: endPoint, from: t.start, to: last.time.end, sentence, section: block.section };
      sentenceWindows.push(window);
      windows.push(window);
      boundary = (last.ownZone?.end ?? last.time.end);
      i += endPoint ? 2 : 1;
    }
    // Zones: own, then the nearest one after the window in its sentence, then before it, then the lead-in.
    sentenceWindows.forEach((w, index) => {
      const next = sentenceWindows[index + 1];
      const own = w.end?.ownZone ?? w.start.ownZone;
      const after = sZones.find((z) => z.start >= w.to && (!next || z.end <= next.from) && !z.vague);
      const before = [...sZones].reverse().find((z) => z.end <= w.from && !z.vague);
      const anyVague = sZones.find((z) => z.vague);
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
    // Dates: written, else carried from earlier in the section, else the incident's.
    for (const w of sentenceWindows) {
      const context = w.start.date ?? carriedDate;
      const startYmd = ymdOf(context, incidentYear) ?? (w.section === timelineIndex || w.section === introIndex ? incident : undefined);
      w.start.ymd = startYmd;
      if (w.start.date) carriedDate = w.start.date;
      if (w.end) {
        if (w.end.date) {
          w.end.ymd = ymdOf(w.end.date, startYmd?.year ?? incidentYear);
          carriedDate = w.end.date;
        } else w.end.ymd = startYmd;
      }
      computeInstants(w);
    }
    const lastDate = sDates[sDates.length - 1];
    if (lastDate && (!carriedDate || lastDate.start > carriedDate.start)) carriedDate = lastDate;
    // "during the following hours, Chicago time:" hands its zone to what follows in the section.
    if (sentence.end === block.end || /:\s*$/.test(sentence.text)) {
      const lead = [...sZones].reverse().find((z) => z.iana || z.vague || z.unknown);
      if (lead && sTimes.length === 0) leadZone = lead;
    }
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
    instanceZones,
    introIndex,
    timelineIndex,
    sectionIndex,
  };
}

function sectionOfOffset(sentences: Sentence[], offset: number): number {
  const s = sentences.find((x) => x.start <= offset && offset <= x.end);
  return s ? s.block.section : -1;
}

export function toMillis(ymd: Ymd, time: TimeMention, iana: string): number | undefined {
  if (time.hour24 === undefined) return undefined;
  const base = DateTime.fromObject({ ...ymd, hour: 0, minute: 0, second: 0 }, { zone: iana });
  if (!base.isValid) return undefined;
  // 24:00 is the end of the day; Luxon rejects hour 24 in fromObject.
  const dt = DateTime.fromObject({ ...ymd, hour: time.hour24 % 24, minute: time.minute, second: time.second ?? 0 }, { zone: iana }).plus({ days: time.hour24 === 24 ? 1 : 0 });
  return dt.isValid ? dt.toMillis() : undefined;
}

function computeInstants(w: TimeWindow): void {
  // Without a zone, instants are computed as if in UTC: differences and order still hold.
  const iana = w.iana ?? 'UTC';
  if (w.start.ymd) w.startMillis = toMillis(w.start.ymd, w.start.time, iana);
  if (!w.end || !w.end.ymd) return;
  const endZone = w.end.ownZone?.iana && w.end.ownZone !== w.zone ? w.end.ownZone.iana : iana;
  const startZone = w.start.ownZone?.iana ?? iana;
  if (w.start.ymd) w.startMillis = toMillis(w.start.ymd, w.start.time, startZone);
  w.endMillis = toMillis(w.end.ymd, w.end.time, endZone);
  if (w.startMillis === undefined || w.endMillis === undefined) return;
  if (w.endMillis <= w.startMillis) {
    w.backwards = true;
    if (!w.end.date) {
      const next = addDays(w.end.ymd, 1);
      const millis = toMillis(next, w.end.time, endZone);
      if (millis !== undefined && millis > w.startMillis) {
        w.nextDay = true;
        w.end.ymd = next;
        w.endMillis = millis;
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
  for (const code of instances) {
    const iana = CODE_HINTS[code.slice(0, 2)];
    const c = iana && zone.candidates.find((x) => x.iana === iana || continent(x.iana) === continent(iana));
    if (c) return pick(c);
  }
  for (const { pattern, iana } of REGION_HINTS) {
    if (!pattern.test(text)) continue;
    const c = zone.candidates.find((x) => x.iana === iana || continent(x.iana) === continent(iana));
    if (c) return pick(c);
  }
  zone.ambiguous = true;
}

export function isAmbiguous(zone: ZoneMatch): boolean {
  return (zone as ZoneMatch & { ambiguous?: boolean }).ambiguous === true;
}
