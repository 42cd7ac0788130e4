import type { RcaDocument } from '../engine/model';
import type { RcaSettings } from '../engine/settings';
import { renderTemplate, documentValues } from '../engine/template';
import { findDates, MONTH_NAMES } from '../engine/time/dates';
import { instanceCodesIn, instancePrefixes, parseTitle } from '../engine/title';
import type { Position, Range } from '../engine/types';
import { timelineSection } from '../engine/timeline-shape';

/** A completion as plain data; the server turns it into an LSP CompletionItem. */
export interface CompletionEntry {
  label: string;
  kind: 'section' | 'zone' | 'instance' | 'date';
  /** Replaces `range`. Snippet syntax when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  range: Range;
  detail?: string;
  documentation?: string;
  /** Orders the list: lower first. */
  sortText: string;
}

/** Zone phrases offered after a time, in the forms RCAs use. */
const COMMON_ZONES = [
  'Chicago time',
  'UTC',
  'Central Time',
  'Eastern Time',
  'Pacific Time',
  'Amsterdam time',
  'London time',
  'Israel time',
  'Beijing time',
  'Singapore time',
  'Sydney time',
  'CST',
  'CDT',
  'EST',
  'EDT',
  'PST',
  'PDT',
  'CET',
  'CEST',
  'GMT',
];

const HEADING_BEFORE_CURSOR = /^(#{1,6})([ \t]+)(.*)$/;
const TIME_BEFORE_CURSOR = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?[ \t]+([A-Za-z]*)$/;
const WORD_BEFORE_CURSOR = /([A-Za-z][A-Za-z0-9]*)$/;

function rangeBack(position: Position, length: number, lineEnd?: number): Range {
  return {
    start: { line: position.line, character: position.character - length },
    end: { line: position.line, character: lineEnd ?? position.character },
  };
}

/**
 * What to offer at `position`: sections after "## ", zones after a time, instance codes and the incident date.
 * `invoked` is false when typing a trigger character (a space): then only the first two contexts answer, so
 * that a space in a sentence never opens a list.
 */
export function completionsAt(doc: RcaDocument, position: Position, settings: RcaSettings, invoked = true): CompletionEntry[] {
  const line = doc.lines.lineText(position.line);
  const before = line.slice(0, position.character);

  const heading = HEADING_BEFORE_CURSOR.exec(before);
  if (heading) {
    const level = heading[1].length;
    return level >= 2 && level <= 3 ? sectionCompletions(doc, position, heading[3], line.length, settings) : [];
  }

  const time = TIME_BEFORE_CURSOR.exec(before);
  if (time) return zoneCompletions(doc, position, time[1], settings);

  const word = WORD_BEFORE_CURSOR.exec(before)?.[1] ?? '';
  if (!invoked && !word) return [];
  return [...instanceCompletions(doc, position, word, settings), ...dateCompletions(doc, position, word)];
}

function sectionCompletions(doc: RcaDocument, position: Position, typed: string, lineEnd: number, settings: RcaSettings): CompletionEntry[] {
  const present = new Set(doc.sections.filter((s) => s.def && s.start !== doc.lines.lineStart(position.line)).map((s) => s.def!.id));
  const range = rangeBack(position, typed.length, lineEnd);
  const values = documentValues(doc, settings);
  const entries: CompletionEntry[] = [];
  doc.profile.sections.forEach((def, index) => {
    const missing = !present.has(def.id);
    const group = missing ? (def.required ? 0 : 1) : 2;
    const order = `${group}-${String(index).padStart(2, '0')}`;
    const state = missing ? (def.required ? 'missing, required' : 'optional') : 'already in the document';
    entries.push({ label: def.name, kind: 'section', insertText: def.name, range, detail: state, sortText: `${order}-a` });
    if (missing) {
      entries.push({
        label: `${def.name} (with skeleton)`,
        kind: 'section',
        insertText: `${def.name}\n\n${renderTemplate(def.skeleton, 'snippet', values)}`,
        snippet: true,
        range,
        detail: state,
        documentation: renderTemplate(def.skeleton, 'text', values),
        sortText: `${order}-b`,
      });
    }
  });
  return entries;
}

function zoneCompletions(doc: RcaDocument, position: Position, typed: string, settings: RcaSettings): CompletionEntry[] {
  // Zones already written in the document come first: a report should stay in one zone.
  const used = new Set<string>();
  for (const match of doc.text.matchAll(/\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:[Tt]ime(?: ?[Zz]one)?|[Tt]imezone)\b|\b(UTC|GMT|[CEPM][SD]T)\b/g)) {
    used.add(match[0]);
  }
  const candidates = [...used, ...Object.keys(settings.timeZoneAliases), ...COMMON_ZONES];
  const seen = new Set<string>();
  const range = rangeBack(position, typed.length);
  return candidates
    .filter((zone) => {
      const key = zone.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return key.startsWith(typed.toLowerCase());
    })
    .map((zone, index) => ({
      label: zone,
      kind: 'zone' as const,
      insertText: zone,
      range,
      detail: used.has(zone) ? 'used in this document' : 'time zone',
      sortText: String(index).padStart(3, '0'),
    }));
}

function instanceCompletions(doc: RcaDocument, position: Position, typed: string, settings: RcaSettings): CompletionEntry[] {
  if (!/^[A-Z]{1,4}\d{0,3}$/.test(typed) && typed !== '') return [];
  // Instances as the rules see them (title.ts instancePrefixes): a prefix of the profile's regions, a prefix the title uses or one the
  // instanceTimeZones globs name. Host and node names of the same shape (DB03, SRV12) are not offered.
  const prefixes = instancePrefixes(doc.profile.instanceRegions, doc.title ? instanceCodesIn(doc.title.text) : [], settings.instanceTimeZones);
  const codes = new Set(instanceCodesIn(doc.text, prefixes));
  const range = rangeBack(position, typed.length);
  return [...codes]
    .filter((code) => code.startsWith(typed) && code !== typed)
    .sort()
    .map((code) => ({ label: code, kind: 'instance' as const, insertText: code, range, detail: 'instance in this document', sortText: `1-${code}` }));
}

function dateCompletions(doc: RcaDocument, position: Position, typed: string): CompletionEntry[] {
  const lower = typed.toLowerCase();
  const matchesMonth = typed === '' || (typed.length >= 2 && MONTH_NAMES.some((month) => month.toLowerCase().startsWith(lower)));
  if (!matchesMonth) return [];
  const dates: string[] = [];
  const titleDate = doc.title ? parseTitle(doc.title.text, doc.profile.title.marker).date : undefined;
  if (titleDate?.complete && !titleDate.numeric) dates.push(titleDate.text);
  const timeline = doc.sections[timelineSection(doc)];
  if (timeline) {
    for (const date of findDates(doc.text.slice(timeline.headingEnd, timeline.end)).dates) {
      if (date.year !== undefined && date.day !== undefined) dates.push(date.text);
    }
  }
  const range = rangeBack(position, typed.length);
  return [...new Set(dates)]
    .filter((date) => date.toLowerCase().startsWith(lower))
    .map((date, index) => ({ label: date, kind: 'date' as const, insertText: date, range, detail: 'incident date', sortText: `0-${index}` }));
}
