import { firstAtOrAfter, pushAll } from '../numbers';
import type { RcaDocument } from '../model';
import type { Mentions } from './mentions';
import { placeZone } from './place-zone';
import type { Sentence } from './text';
import { placeBeforeParenthesis, type ZoneMatch, type ZoneTable } from './zones';

/** The end of a statement about the report's times: "All times are in", "during the following hours,", "Time (". */
const STATEMENT_WORDS =
  'are|is|were|was|given|listed|shown|stated|expressed|reported|written|mentioned|quoted|noted|used|provided|displayed|indicated|specified|presented|logged|below|above|here|in|all|the|this|these|our|document|report|timeline|following|of|as|using|use|uses|local';
export const STATEMENT = new RegExp(
  String.raw`\b(?:times|hours|time\s*zones?|timezones?|tz|clock)\b(?:\s+(?:${STATEMENT_WORDS}))*\s*[:,(\-–—]?\s*(?:in\s+)?$`,
  'i',
);

/** Every word a statement's match can hold (its key words, split, and the words that may follow them). */
const STATEMENT_LETTERS = new Set(['times', 'hours', 'time', 'zone', 'zones', 'timezone', 'timezones', 'tz', 'clock', ...STATEMENT_WORDS.split('|')]);

/**
 * Where to read text[start, end) from to find STATEMENT's match as in the whole of it: no match holds a word the
 * statement does not know or anything but letters, spaces and `:,(-–—`, so reading from the last such character on
 * (kept, so that "\b" sees what is before the words after it) finds the same. Reading back word by word stops at the
 * zone phrase before, so a line of 20,000 zone words is read once, not once per phrase (it took 30 s at 800 KB).
 */
export function statementFrom(text: string, start: number, end: number): number {
  let at = end;
  while (at > start) {
    const c = text[at - 1];
    if (/[A-Za-z]/.test(c)) {
      let wordStart = at - 1;
      while (wordStart > start && /[A-Za-z]/.test(text[wordStart - 1])) wordStart--;
      // One letter of an unknown word is kept: no key word is one letter long, so no match starts there.
      if (!STATEMENT_LETTERS.has(text.slice(wordStart, at).toLowerCase())) return at - 1;
      at = wordStart;
    } else if (/[\s:,(\-–—]/.test(c)) at--;
    else return at - 1;
  }
  return start;
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

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Where the match of /[\s(,]*$/ on text[start, end) starts: the run of spaces, "(" and "," before `end`. Read back
 * character by character, where a pattern tried at each of the last few hundred characters cost a zone phrase
 * microseconds (35,000 phrases on one line).
 */
export function gapStart(text: string, start: number, end: number): number {
  let at = end;
  while (at > start) {
    const c = text.charCodeAt(at - 1);
    if (c !== 40 && c !== 44 && !isSpace(c)) break;
    at--;
  }
  return at;
}

/**
 * Where the match of /[\s(,]*(?:\bin\s+)?[\s(]*$/ on text[start, end) starts: what leads back from a zone phrase to
 * the time it follows ("10:15 (IST)", "10:15, in IST"). The "in" must end the gap's run, stand as a word, and be
 * followed by a space and no comma after it; the leftmost match then starts at the run before it.
 */
export function leadStart(text: string, start: number, end: number): number {
  const gap = gapStart(text, start, end);
  const inAt = gap - 2;
  if (inAt < start || text.charCodeAt(inAt) !== 105 || text.charCodeAt(inAt + 1) !== 110) return gap;
  if (inAt > start && isWordChar(text.charCodeAt(inAt - 1))) return gap;
  if (gap >= end || !isSpace(text.charCodeAt(gap))) return gap;
  for (let i = gap; i < end; i++) if (text.charCodeAt(i) === 44) return gap;
  return gapStart(text, start, inAt);
}

/**
 * Which zone phrases count, per sentence and all of them in order. Places, long names, IANA names and offsets always
 * do. An abbreviation is often also a word or an acronym ("the AST parser", "the IST shift", "the CAT team"), so it
 * counts only where it reads as a zone: after a time ("10:15 IST", "10:15 (IST)", "10:15 in IST"), before one
 * ("IST 10:15"), followed by "time" ("CST time"), in a statement about times ("All times are in CDT", "the following
 * hours, CDT:", "Time (CDT)"), in parentheses or after a dash in a heading ("Event Timeline (CDT)"), alone in a table
 * cell, or after "in" in a sentence with a date or a time. Unknown phrases ("Gotham Time", "XYT") count only right
 * after a time.
 */
export function countedZones(masked: string, mentions: Mentions): { zones: ZoneMatch[]; bySentence: Map<Sentence, ZoneMatch[]> } {
  const { times, dates, timesBySentence, datesBySentence } = mentions;
  const timeEnds = new Set(times.map((t) => t.end));
  // "10:00h CEST", "14:00 hrs IST": the zone still follows the time.
  for (const t of times) {
    const suffix = /^\s?(?:h|hrs?\.?|hours)(?![\p{L}\p{N}])/u.exec(masked.slice(t.end, t.end + 8));
    if (suffix) timeEnds.add(t.end + suffix[0].length);
  }
  const timeStarts = new Set(times.map((t) => t.start));
  const afterTime = (sentence: Sentence, zone: ZoneMatch) => {
    return timeEnds.has(leadStart(masked, sentence.start, zone.start));
  };
  const dateEnds = new Set(dates.map((d) => d.end));
  const readsAsZone = (sentence: Sentence, zone: ZoneMatch) => {
    if (afterTime(sentence, zone)) return true;
    if (zone.unknown) return false;
    // "April 11, 2026 (CDT): …"
    if (dateEnds.has(gapStart(masked, sentence.start, zone.start))) return true;
    // Only the next few characters matter after the zone (a long block stays linear).
    const rest = masked.slice(zone.end, Math.min(sentence.block.end, zone.end + 40));
    const next = /^\s*[:,]?\s*/.exec(rest)!;
    if (timeStarts.has(zone.end + next[0].length) && rest.length > next[0].length) return true;
    if (/\stime$/i.test(zone.text) || /^\s+(?:times?|time\s*zones?|timezones?|tz)\b/i.test(rest)) return true;
    // A caption over a table or list, the zone last before its colon: "The same events in UTC:", "Pacific time (PDT):".
    if (/^\s*\)?\s*:\s*$/.test(rest) && zone.end + rest.length >= sentence.block.end) return true;
    // "Time (CDT)", "Time: CDT" heading a table column or a line; "response time (AST)" in prose is not.
    if (zone.start - sentence.start < 40 && /^[\s|>]*(?:local\s+)?time\s*[:(\-–—]?\s*$/i.test(masked.slice(sentence.start, zone.start))) return true;
    if (STATEMENT.test(masked.slice(statementFrom(masked, sentence.start, zone.start), zone.start))) return true;
    // "All times are US Eastern (EDT)": the region as people say it, and in parentheses the abbreviation that says it.
    if (zone.abbreviation !== undefined && masked[zone.start - 1] === '(') {
      const from = Math.max(sentence.start, zone.start - 40);
      const place = placeBeforeParenthesis(masked.slice(from, zone.start));
      if (place >= 0 && STATEMENT.test(masked.slice(statementFrom(masked, sentence.start, from + place), from + place))) return true;
    }
    if (
      (masked[sentence.block.start] === '#' || sentence.block.label || sentence.block.tableRow !== undefined) &&
      tailExec(/(?:^|[(\-–—:,/])\s*$/, /\S/, masked, sentence.block.start, zone.start)
    )
      return true;
    const { block } = sentence;
    // A cell holds its row's pipes: "| UTC | Pacific | Event |" heads a column of UTC times.
    if (
      block.tableRow !== undefined &&
      zone.start - block.start <= 8 &&
      block.end - zone.end <= 8 &&
      !masked
        .slice(block.start, zone.start)
        .replace(/^\s*\|/, '')
        .trim() &&
      !masked
        .slice(zone.end, block.end)
        .replace(/\|\s*$/, '')
        .trim()
    )
      return true;
    const sentenceHasTime = (timesBySentence.get(sentence) ?? []).length > 0 || (datesBySentence.get(sentence) ?? []).length > 0;
    return (
      zone.abbreviation !== undefined &&
      zone.abbreviation.length >= 3 &&
      sentenceHasTime &&
      tailExec(/\bin\s+$/i, /[^\sin]/i, masked, sentence.block.start, zone.start) !== null
    );
  };
  const zones: ZoneMatch[] = [];
  /** The zones that count, of each sentence with any. */
  const bySentence = new Map<Sentence, ZoneMatch[]>();
  for (const sentence of mentions.sentences) {
    const phrases = mentions.zonesBySentence.get(sentence);
    if (!phrases) continue;
    const kept: ZoneMatch[] = [];
    for (const zone of phrases) {
      const contextual = zone.weak || zone.abbreviation !== undefined;
      // Right after a zone that counts, a second name of it counts too: "10:00 UTC-5 (CDT)", "CST/CDT".
      const last = kept[kept.length - 1];
      const afterZone = last !== undefined && !zone.unknown && zone.start - last.end <= 4 && /^[\s(,/]*$/.test(masked.slice(last.end, zone.start));
      if (!contextual || afterZone || readsAsZone(sentence, zone)) kept.push(zone);
    }
    if (kept.length) bySentence.set(sentence, kept);
    pushAll(zones, kept);
  }
  return { zones, bySentence };
}

export interface DocumentZone {
  iana: string;
  match?: ZoneMatch;
}

/**
 * The document's own zone: front matter, else a statement such as "all times are …", else the first zone named in the
 * timeline, else the one zone the introduction names when it names no other ("from 09:15 to 11:45 PST" above a
 * timeline of bare times: a reader takes the timeline's times in PST).
 */
export function documentZoneOf(
  doc: RcaDocument,
  table: ZoneTable,
  sentences: Sentence[],
  zonesBySentence: Map<Sentence, ZoneMatch[]>,
  zones: ZoneMatch[],
  timelineIndex: number,
  introIndex = -1,
): DocumentZone | undefined {
  const fmZone = doc.frontMatterFacts.timeZone;
  if (fmZone) {
    const iana = table.lookup(fmZone);
    if (iana) return { iana };
  }
  const statement = sentences.find(
    (s) =>
      zonesBySentence.get(s)?.some((z) => z.iana) &&
      /\b(?:all|the)\s+times\b|\btimes\s+(?:are|in\s+this|below|above|here|given|listed|shown)\b|\btime\s*zone\s*:/i.test(s.text),
  );
  const timelineZone = timelineIndex >= 0 ? zones.find((z) => z.iana && !z.unknown && sectionOfOffset(sentences, z.start) === timelineIndex) : undefined;
  const match = statement
    ? (zonesBySentence.get(statement) ?? []).find((z) => z.iana)
    : (placeStatement(table, sentences) ?? timelineZone ?? introductionZone(sentences, zones, introIndex) ?? zoneBeforeTimeline(doc, zones, timelineIndex));
  return match?.iana ? { iana: match.iana, match } : undefined;
}

/**
 * A statement of the report's times that names a place alone, as US reports write: "All times are Eastern.", "All
 * times Pacific", "Times below are US Central." The place ends the statement, so that "all times are Eastern region
 * outages" names no zone.
 */
const PLACE_STATEMENT =
  /\b(?:[Aa]ll\s+)?[Tt]imes\b(?:\s+(?:are|were|given|listed|shown|below|above|here|in\s+this\s+(?:document|report|timeline)))*\s+(?:in\s+)?(?<place>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?)\s*(?:[.;)]|$)/;

/** The zone a statement of the report's times names by a place alone, at its place in the text. */
function placeStatement(table: ZoneTable, sentences: Sentence[]): ZoneMatch | undefined {
  for (const sentence of sentences) {
    const found = PLACE_STATEMENT.exec(sentence.text);
    const place = found?.groups!.place;
    const zone = place && placeZone(table, place);
    if (!found || !place || !zone) continue;
    const start = sentence.start + found.index + found[0].lastIndexOf(place);
    const { seasonWord } = zone;
    return {
      ...zone,
      start,
      end: start + place.length,
      text: place,
      seasonWord: seasonWord && { ...seasonWord, start: start + seasonWord.start, end: start + seasonWord.end },
    };
  }
  return undefined;
}

/** The zone of `named` when they are all one (a vague or unknown one, or two different ones, give none). */
function oneZone(named: ZoneMatch[]): ZoneMatch | undefined {
  if (!named.length || named.some((z) => !z.iana || z.unknown || z.vague || z.iana !== named[0].iana)) return undefined;
  return named[0];
}

/** The introduction's one zone. */
function introductionZone(sentences: Sentence[], zones: ZoneMatch[], introIndex: number): ZoneMatch | undefined {
  if (introIndex < 0) return undefined;
  return oneZone(zones.filter((z) => sectionOfOffset(sentences, z.start) === introIndex));
}

/**
 * The one zone the report names before its timeline, when the introduction names none: an incident tool's export
 * gives it in a table of key facts over the summary ("Reported at | 2024-05-01 14:05:12 BST"), and a reader takes
 * the timeline's bare times in it.
 */
function zoneBeforeTimeline(doc: RcaDocument, zones: ZoneMatch[], timelineIndex: number): ZoneMatch | undefined {
  if (timelineIndex < 0) return undefined;
  const start = doc.sections[timelineIndex].start;
  return oneZone(zones.filter((z) => z.start < start));
}

/**
 * The section of the first sentence holding the offset (its end counts). Sentences come in document order without
 * overlapping, so their ends rise with their starts and a binary search finds it: a walk per zone phrase grew with the
 * square of a document of zone words.
 */
function sectionOfOffset(sentences: Sentence[], offset: number): number {
  const s = sentences[firstAtOrAfter(sentences, offset, (x) => x.end)];
  return s && s.start <= offset ? s.block.section : -1;
}
