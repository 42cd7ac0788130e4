import { DateTime } from 'luxon';
import { isAmbiguous } from '../time/ambiguous';
import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import { describeYmd } from '../time/format';
import type { DateMention } from '../time/dates';
import type { Sentence } from '../time/text';
import { firstAtOrAfter } from '../numbers';
import { CLOCK_CHANGE_WORDS, seasonFitsClockChange } from '../time/dst';
import { statedYmd } from '../time/incident';
import { SEASON_SWAP, hasDst, isDst, offsetAt, offsetName, wallClock, zonePhrase, type ZoneMatch } from '../time/zones';
import type { Rule } from './rule';

const windowInstantsByAnalysis = new WeakMap<TimeAnalysis, Map<ZoneMatch, number>>();

/**
 * For each zone phrase, the instant of the first window it qualifies (its end when the phrase is the end's own zone),
 * found in one walk of the windows: asking each phrase to walk them grew with the square of a sentence of zone pairs.
 */
function windowInstants(a: TimeAnalysis): Map<ZoneMatch, number> {
  let instants = windowInstantsByAnalysis.get(a);
  if (instants) return instants;
  instants = new Map();
  const first = (zone: ZoneMatch | undefined, millis: number | undefined) => {
    if (zone && millis !== undefined && !instants!.has(zone)) instants!.set(zone, millis);
  };
  for (const w of a.windows) {
    first(w.end?.ownZone, w.endMillis);
    first(w.zone, w.startMillis);
    first(w.start.ownZone, w.startMillis);
  }
  windowInstantsByAnalysis.set(a, instants);
  return instants;
}

/**
 * The sentence holding a span, in a binary search: sentences come in document order without overlapping, so their
 * ends rise with their starts (a search per zone phrase of a long sentence of zone pairs grew with its square).
 */
function sentenceHolding(sentences: Sentence[], span: { start: number; end: number }): Sentence | undefined {
  const s = sentences[firstAtOrAfter(sentences, span.end, (x) => x.end)];
  return s && s.start <= span.start ? s : undefined;
}

const firstDatesByAnalysis = new WeakMap<TimeAnalysis, Map<Sentence, DateMention>>();

/** The first date (in a.dates, which lists them sentence by sentence) in each sentence that has one. */
function firstDates(a: TimeAnalysis): Map<Sentence, DateMention> {
  let first = firstDatesByAnalysis.get(a);
  if (first) return first;
  first = new Map();
  for (const d of a.dates) {
    const sentence = sentenceHolding(a.sentences, d);
    if (sentence && !first.has(sentence)) first.set(sentence, d);
  }
  firstDatesByAnalysis.set(a, first);
  return first;
}

/** The instant a zone phrase is about: the window it qualifies, else noon on a date in its sentence. */
function instantFor(a: TimeAnalysis, zone: ZoneMatch): number | undefined {
  const inWindow = windowInstants(a).get(zone);
  if (inWindow !== undefined) return inWindow;
  const sentence = sentenceHolding(a.sentences, zone);
  const date = sentence && firstDates(a).get(sentence);
  const ymd = date && statedYmd(date, a);
  if (!ymd || !zone.iana) return undefined;
  return DateTime.fromObject({ ...ymd, hour: 12 }, { zone: zone.iana }).toMillis();
}

function swapWord(word: string, iana: string): string {
  const lower = word.toLowerCase();
  const to = lower !== 'standard' ? 'standard' : iana.startsWith('Europe/') ? 'summer' : 'daylight';
  return word[0] === word[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
}

/**
 * What the fix writes: the other half of the pair ("CDT" for "CST", "Daylight" for "Standard"), but only when the
 * result reads back as a zone of the right season with the right offset. Otherwise the whole phrase becomes a name
 * that does ("British Summer Time" in winter: "Greenwich Mean Time"; there is no "British Standard Time").
 */
const fitsByAnalysis = new WeakMap<TimeAnalysis, Map<string, boolean>>();

function replacementFor(a: TimeAnalysis, zone: ZoneMatch, millis: number, dst: boolean): { start: number; end: number; text: string } | undefined {
  const iana = zone.iana!;
  let fitting = fitsByAnalysis.get(a);
  if (!fitting) fitsByAnalysis.set(a, (fitting = new Map()));
  // Remembered: a timeline of thousands of "CST" in summer asks the same of the same few phrases and instants.
  const fits = (phrase: string) => {
    const key = `${phrase}\u0000${iana}\u0000${millis}\u0000${dst}`;
    let fit = fitting.get(key);
    if (fit === undefined) fitting.set(key, (fit = phraseFits(phrase)));
    return fit;
  };
  const phraseFits = (phrase: string) => {
    const found = a.table.find(phrase);
    if (found.length !== 1 || found[0].start !== 0 || found[0].end !== phrase.length) return false;
    const f = found[0];
    if (!f.iana || f.unknown || f.vague) return false;
    if (f.season !== 'any' && (f.season === 'daylight') !== dst) return false;
    return offsetAt(f.iana, millis) === offsetAt(iana, millis);
  };
  const word = zone.seasonWord!;
  const swapped = zone.abbreviation !== undefined ? SEASON_SWAP[zone.abbreviation] : swapWord(word.text, iana);
  if (swapped) {
    const phrase = a.doc.text.slice(zone.start, word.start) + swapped + a.doc.text.slice(word.end, zone.end);
    if (fits(phrase)) return { start: word.start, end: word.end, text: swapped };
  }
  const longForm = zone.abbreviation === undefined;
  const whole = [...(longForm && iana === 'Europe/London' && !dst ? ['Greenwich Mean Time'] : []), offsetName(iana, millis), zonePhrase(iana, a.table)];
  const text = whole.find(fits);
  return text === undefined ? undefined : { start: zone.start, end: zone.end, text };
}

export const zoneSeason: Rule = {
  code: 'RCA205',
  name: 'zone-season',
  description: 'A zone abbreviation is wrong for its date: daylight time in winter or standard time in summer (CDT in January, PST in June).',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    for (const zone of a.zones) {
      if (!zone.iana || zone.season === 'any' || !zone.seasonWord || isAmbiguous(zone)) continue;
      const millis = instantFor(a, zone);
      if (millis === undefined) continue;
      const local = wallClock(zone.iana, millis);
      if (!hasDst(zone.iana, local.year)) continue;
      const dst = isDst(zone.iana, millis);
      if (dst === (zone.season === 'daylight')) continue;
      const sentence = sentenceHolding(a.sentences, zone);
      const toldChange = sentence !== undefined && CLOCK_CHANGE_WORDS.test(sentence.text);
      if (seasonFitsClockChange(zone.iana, millis, zone.season === 'daylight', toldChange)) continue;
      // Arizona keeps MST all summer.
      if (zone.abbreviation === 'MST' && dst) continue;
      const day = describeYmd(local);
      const correct = offsetName(zone.iana, millis);
      const replacement = replacementFor(a, zone, millis, dst);
      const shown = replacement && (/^[A-Z]{2,5}$/.test(replacement.text) ? replacement.text : `"${replacement.text}"`);
      report({
        range: doc.lines.range(zone.start, zone.end),
        // EST all through a July timeline: one slip, corrected the same way everywhere.
        sameMistake: `${zone.text}\u0000${zone.iana}\u0000${replacement?.text ?? ''}`,
        message: `${zone.seasonWord.text} is ${zone.season} time, but on ${day} ${zone.iana} is on ${dst ? 'daylight' : 'standard'} time (${correct})${shown ? `; write ${shown}` : ''}.`,
        fixes: replacement
          ? [
              {
                title: `Write ${replacement.text}`,
                edits: [{ range: doc.lines.range(replacement.start, replacement.end), newText: replacement.text }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
  },
};
