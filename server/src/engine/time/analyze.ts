import { pushAll } from '../numbers';
import type { RcaDocument } from '../model';
import type { SectionRole } from '../profiles';
import { sectionWithRole } from '../sections';
import type { RcaSettings } from '../settings';
import { instanceCodesIn, instancePrefixes, isInstanceCode } from '../title';
import { ambiguityResolver } from './ambiguous';
import { daysBetween, ymdOf, type Ymd } from './calendar';
import { ColumnZones, isHeaderCell } from './column-zones';
import { bareDateLine, isIncidentDateLine, isPublicationDate } from './date-lines';
import { TimeAnalysisCut, timeCheckpoint } from './deadline';
import { findDates, type DateMention, type MonthOnly, type TimeMention } from './dates';
import { zoneForInstance } from './instance-zones';
import { findMentions, noMentions, type Mentions } from './mentions';
import { partialAnalysis } from './partial';
import { markRestatedEntries } from './restated';
import { settleZonesByConversions } from './conversion-zones';
import { decideNumericOrder } from './numeric-order';
import { blocksOf, maskedText, type Block, type Sentence } from './text';
import type { TimeWindow } from './window';
import { SectionDays } from './window-days';
import { assignZones } from './window-zones';
import { markConversions, windowsIn } from './windows';
import { countedZones, documentZoneOf, type DocumentZone } from './zone-context';
import type { DurationMention } from './durations';
import { normaliseIana, zoneTable, type ZoneMatch, type ZoneTable } from './zones';
import { timelineSection } from '../timeline-shape';

/**
 * Everything the time rules, hovers and hints need, computed once per document and settings:
 * every date, time and zone phrase with its offsets, the windows they form, and the instants they mean.
 */
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
  /** The stated durations of each sentence that holds any, in the document's order. */
  durationsBySentence: Map<Sentence, DurationMention[]>;
  titleDate?: DateMention;
  /**
   * A full date on a line that labels it the incident's, before the first section of a part's name: "**Date of
   * incident:** 16 June 2026", "Incident date: 2026-06-16". A bare "Date:" may be the day the report was written.
   */
  incidentDateLine?: DateMention;
  /**
   * With no such line, a full date on a bare "Date:" line before the first section of a part's name, unless the page
   * says it is the day the report was published or written (date-lines.ts).
   */
  dateLine?: DateMention;
  incident?: Ymd;
  /** The year the report's dates without one are in, wherever the report states it (title, front matter, any full date). */
  incidentYear?: number;
  /** The document's own zone: front matter, "all times are …", or the first zone named in the timeline. */
  documentZone?: DocumentZone;
  instances: string[];
  /** Letter prefixes that make a code an instance (title.ts instancePrefixes): NA, EU, …, not DB or SRV. */
  instancePrefixes: ReadonlySet<string>;
  /** Zones of the instances, from settings.instanceTimeZones. */
  instanceZones: string[];
  /** The first section with the introduction role, or -1. */
  introIndex: number;
  /** The first section with the timeline role, or -1. */
  timelineIndex: number;
  /** The first section with a role, or -1. */
  sectionIndex(role: SectionRole): number;
  /** Never set here: a partial analysis (partial.ts) sets it, so a rule that may get either tells them apart. */
  partial?: undefined;
}

const cache = new WeakMap<RcaDocument, Map<string, TimeAnalysis>>();

/** Where the front matter's `title` line writes its date, as a mention of the document's text. */
function frontMatterTitleMention(doc: RcaDocument, date: DateMention): TimeAnalysis['dates'][number] | undefined {
  const node = doc.root.children[0];
  if (!node || (node.type !== 'yaml' && (node.type as string) !== 'toml') || !node.position) return undefined;
  const start = node.position.start.offset ?? 0;
  const raw = doc.text.slice(start, node.position.end.offset ?? start);
  const line = /^[ \t]*["']?title["']?[ \t]*[:=][ \t]*(.*)$/m.exec(raw);
  if (!line) return undefined;
  const valueStart = start + line.index + line[0].length - line[1].length;
  const found = findDates(line[1], valueStart).dates.find((d) => d.text === date.text);
  return found && Object.assign(found, { section: -1, isTitle: true });
}

export function analyzeTimes(doc: RcaDocument, settings: RcaSettings): TimeAnalysis {
  const steps = analyzeTimesInSteps(doc, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * analyzeTimes in steps: it yields every few blocks and sentences, so a check in slices (sliced-check.ts) lets other
 * work run during the analysis of a long document, the longest part of its check. The result is kept only once it
 * is whole.
 */
export function* analyzeTimesInSteps(doc: RcaDocument, settings: RcaSettings): Generator<'times', TimeAnalysis, void> {
  const key = JSON.stringify([settings.defaultTimeZone, settings.timeZoneAliases, settings.instanceTimeZones, settings.numericDateOrder]);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  let analysis = byKey.get(key);
  if (!analysis) byKey.set(key, (analysis = yield* analyze(doc, settings)));
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

/** What a sentence without dates, times, zones or windows reads: frozen, so that a write would throw. */
const NONE = Object.freeze([]) as never[];

/** How many blocks, or sentences, the analysis reads between two steps. */
const PER_STEP = 64;

/** findMentions over the blocks a few at a time, into `all`. */
function* mentionsInSteps(
  masked: string,
  blocks: Block[],
  table: ZoneTable,
  checkpoint: (offset: number) => void,
  all: Mentions,
): Generator<'times', Mentions, void> {
  for (let i = 0; i < blocks.length; i += PER_STEP) {
    findMentions(masked, blocks, table, checkpoint, all, i, Math.min(i + PER_STEP, blocks.length));
    if (i + PER_STEP < blocks.length) yield 'times';
  }
  return all;
}

function* analyze(doc: RcaDocument, settings: RcaSettings): Generator<'times', TimeAnalysis, void> {
  const table = zoneTable(settings.timeZoneAliases);
  const masked = maskedText(doc);
  yield 'times';
  const blocks = blocksOf(doc);
  yield 'times';
  const sectionIndex = (role: SectionRole) => sectionWithRole(doc, role);
  const introIndex = sectionIndex('introduction');
  const timelineIndex = timelineSection(doc);
  const impactIndex = sectionIndex('impact');
  const checkpoint = timeCheckpoint(doc);
  // Past the deadline, the cut carries what the lines read say on their own (partial.ts): the lines before the cut,
  // or every line once all their phrases are found (`all`).
  const withPartial = function* (error: unknown, read: Mentions, all: boolean): Generator<'times', unknown, void> {
    if (!(error instanceof TimeAnalysisCut)) return error;
    const partial = yield* partialAnalysis(doc, masked, read, all ? masked.length : error.offset, { introIndex, timelineIndex });
    return new TimeAnalysisCut(error.reached, error.offset, partial);
  };
  const mentions = noMentions();
  try {
    yield* mentionsInSteps(masked, blocks, table, checkpoint, mentions);
  } catch (error) {
    throw yield* withPartial(error, mentions, false);
  }
  const { sentences, dates, monthYears, times, datesBySentence, timesBySentence, durationsBySentence } = mentions;
  decideNumericOrder(dates, settings.numericDateOrder);

  // Instances and their zones.
  const titleInstances = doc.title ? instanceCodesIn(doc.title.text) : [];
  const timelineText = timelineIndex >= 0 ? masked.slice(doc.sections[timelineIndex].start, doc.sections[timelineIndex].end) : '';
  const prefixes = instancePrefixes(doc.profile.instanceRegions, titleInstances, settings.instanceTimeZones);
  const instances = [...new Set([...titleInstances, ...instanceCodesIn(timelineText)])].filter((c) => isInstanceCode(c, prefixes));
  const instanceZones = [...new Set(instances.map((i) => zoneForInstance(i, settings.instanceTimeZones)).filter((z): z is string => !!z))];

  // The incident date and year: the title (an H1's, else the front matter's) first, then the timeline, then the
  // introduction. The front matter's date field comes last: it is often the day the report was published.
  const full = (d: DateMention | undefined) => (d && d.year !== undefined && d.day !== undefined && !d.invalid ? d : undefined);
  // The day a report was published is not the incident's, wherever its line stands.
  const firstFull = (section: number) => dates.find((d) => d.section === section && full(d) && !isPublicationDate(doc, masked, d));
  const fromFrontMatter = (text: string | undefined) => (text ? findDates(text).dates.find((d) => full(d)) : undefined);
  const { title: fmTitle, date: fmDate } = doc.frontMatterFacts;
  const frontMatterTitleDate = doc.title ? undefined : fromFrontMatter(fmTitle);
  // With no H1, the front matter's title is the title, and its date is checked against the timeline where it is written.
  const titleDate = dates.find((d) => d.isTitle) ?? (frontMatterTitleDate && frontMatterTitleMention(doc, frontMatterTitleDate));
  const frontMatterDate = fromFrontMatter(fmDate);
  const incidentDateLine = dates.find((d) => full(d) && !d.isTitle && isIncidentDateLine(doc, masked, d));
  const dateLine = incidentDateLine
    ? undefined
    : bareDateLine(
        doc,
        masked,
        dates.filter((d) => full(d) && !d.isTitle),
      );
  const incidentSource = full(titleDate) ?? frontMatterTitleDate ?? incidentDateLine ?? firstFull(timelineIndex) ?? firstFull(introIndex) ?? frontMatterDate;
  const incidentYear = titleDate?.year ?? incidentSource?.year ?? dates.find((d) => d.year !== undefined)?.year ?? frontMatterDate?.year;
  const incident = ymdOf(incidentSource, incidentYear);
  for (const d of dates) {
    if (d.year === undefined && incidentYear !== undefined) {
      d.yearInferred = true;
    }
  }
  yearsAcrossNewYear(
    dates,
    incident,
    incidentYear,
    dates.find((d) => full(d) && !d.isTitle && isPublicationDate(doc, masked, d)),
  );

  const { zones, bySentence: zonesBySentence } = countedZones(masked, mentions);

  // Ambiguous abbreviations: the instance's zone, then other zones in the document, then the region words.
  const unambiguous = zones.filter((z) => z.iana && z.candidates.length <= 1 && !z.unknown).map((z) => z.iana!);
  const hints = [...instanceZones, ...unambiguous, ...(settings.defaultTimeZone ? [normaliseIana(settings.defaultTimeZone) ?? ''] : [])];
  const resolveAmbiguous = ambiguityResolver(hints, instances, masked);
  for (const zone of zones) {
    if (zone.candidates.length > 1) resolveAmbiguous(zone);
  }

  const documentZone = documentZoneOf(doc, table, sentences, zonesBySentence, zones, timelineIndex, introIndex);
  const defaultZone = settings.defaultTimeZone ? table.lookup(settings.defaultTimeZone) : undefined;

  // Windows, sentence by sentence, carrying dates and lead-in zones forward within each section.
  const windows: TimeWindow[] = [];
  let carriedSection = -2;
  let days = new SectionDays({ incident, incidentYear, timelineIndex, introIndex, impactIndex });
  let leadZone: ZoneMatch | undefined;
  const columns = new ColumnZones(masked, table);
  let read = 0;
  for (const sentence of sentences) {
    if (++read % PER_STEP === 0) yield 'times';
    try {
      checkpoint(sentence.start);
    } catch (error) {
      throw yield* withPartial(error, mentions, true);
    }
    const block = sentence.block;
    if (block.section !== carriedSection) {
      carriedSection = block.section;
      days = new SectionDays({ incident, incidentYear, timelineIndex, introIndex, impactIndex });
      leadZone = undefined;
    }
    // Shared empty lists for the many sentences without: three fresh ones each were 4 MB of garbage a check.
    const sTimes = timesBySentence.get(sentence) ?? NONE;
    const sDates = datesBySentence.get(sentence) ?? NONE;
    const sZones = zonesBySentence.get(sentence) ?? NONE;
    const sentenceWindows = sTimes.length ? windowsIn(masked, sentence, sTimes, sDates, sZones) : NONE;
    if (sentenceWindows.length) {
      pushAll(windows, sentenceWindows);
      const context = { leadZone: columns.leadZoneOf(block, leadZone), documentZone, defaultZone, instanceZones, timelineIndex };
      assignZones(sentenceWindows, sZones, context);
      // Before the days are read: a conversion's own date ("= 04:40 UTC (March 12)") is not the day the next entries are on.
      markConversions(masked, sentenceWindows, sDates);
      columns.markConversion(block, sentenceWindows);
    }
    days.read(sentenceWindows, sDates, sentence);
    const headerZone = sTimes.length === 0 && isHeaderCell(block) ? columns.readHeader(sentence, sZones, leadZone) : undefined;
    // "during the following hours, Chicago time:" hands its zone to what follows in the section; a table's header,
    // the zone of its first column that names one.
    // A comment or trailing spaces after the sentence still leave it last in its block.
    if (headerZone) leadZone = headerZone;
    else if (sTimes.length === 0 && sZones.length && (!masked.slice(sentence.end, block.end).trim() || /:\s*$/.test(sentence.text))) {
      const lead = [...sZones].reverse().find((z) => z.iana || z.vague || z.unknown);
      if (lead) leadZone = lead;
    }
  }
  settleZonesByConversions(windows);
  markRestatedEntries(windows, timelineIndex);
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
    durationsBySentence,
    titleDate,
    incidentDateLine,
    dateLine,
    incident,
    incidentYear,
    documentZone,
    instances,
    instancePrefixes: prefixes,
    instanceZones,
    introIndex,
    timelineIndex,
    sectionIndex,
  };
}

/** Read in the incident's year, a date this far from the day it is read by is on the other side of a new year, */
const FAR_DAYS = 300;
/** when the year before or after puts it this near. */
const NEAR_DAYS = 62;

/**
 * The year of each date written without one, where the incident's year is wrong for it: an incident over a new year
 * ("December 30" to "January 2") written with one year, or none but the publication's. Each such date is read by the
 * incident's day, else by the day the report was published, which no day it tells of comes after: in the incident's
 * year it lands most of a year away, and the year before or after puts it within two months.
 */
function yearsAcrossNewYear(dates: DateMention[], incident: Ymd | undefined, incidentYear: number | undefined, published: DateMention | undefined): void {
  const publishedYmd = ymdOf(published, undefined);
  const anchor = incident ?? publishedYmd;
  if (!anchor || incidentYear === undefined) return;
  for (const d of dates) {
    if (d.year !== undefined || d.day === undefined || d.invalid) continue;
    const read = { year: incidentYear, month: d.month, day: d.day };
    if (Math.abs(daysBetween(anchor, read)) <= FAR_DAYS) continue;
    for (const year of [incidentYear - 1, incidentYear + 1]) {
      const other = { year, month: d.month, day: d.day };
      const gap = daysBetween(anchor, other);
      if (Math.abs(gap) <= NEAR_DAYS && (incident || gap <= 0)) d.inferredYear = year;
    }
  }
}
