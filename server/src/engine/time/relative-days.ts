import { firstAtOrAfter } from '../numbers';
import { addDays, ymdKey, type Ymd } from './calendar';
import type { TimeAnalysis } from './analyze';
import { WEEKDAY_NAMES } from './dates';
import { weekdayOf } from './format';
import { datesIn } from './incident';
import { matchesOf } from '../regexp';

/** A weekday written on its own for the incident's day ("during scheduled work last Tuesday"), and the days it may name. */
export interface RelativeWeekday {
  start: number;
  end: number;
  /** The phrase as written: "last Tuesday". */
  text: string;
  /** Offsets of the weekday word alone. */
  word: { start: number; end: number };
  weekday: number;
  /** The incident's days, one of which the weekday must be. */
  days: Ymd[];
}

const RELATIVE =
  /\b(?:last|this(?:\s+past)?|past|on|during|early\s+on|late\s+on)\s+(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+(?:the\s+)?\d)/g;
const ANY_WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
/** The sentence talks about the incident itself. */
const INCIDENT_WORDS = /\b(?:interruption|outage|degradation|incident|downtime|unavailab\w*|inaccessible|experienced|slowness|disruption)\b/i;
/**
 * The sentence may name another day on purpose: a cause, something before or after, a plan. Only a sentence with none of
 * these is certain to date the incident with its weekday.
 */
const OTHER_DAY_WORDS =
  /\b(?:(?<!Root\s)[Cc]aused?|[Dd]ue\s+to|[Aa]fter|[Bb]efore|[Ff]ollowing|[Bb]ecause|[Pp]rior|[Ss]ince|triggered|[Ee]arlier|[Pp]revious(?:ly)?|preceding|deployed|introduced|planned|will|[Nn]ext)\b/;

/**
 * Weekdays that stand alone, where the day they name is certainly the incident's: in a sentence of the introduction
 * about the incident, or a timeline sentence with a time, with no date of its own and no word that points at another
 * day. The incident's days are the timeline's written dates (else the incident date), when they span less than a week.
 */
export function relativeWeekdays(a: TimeAnalysis): RelativeWeekday[] {
  const written = datesIn(a, a.timelineIndex).map((d) => d.ymd);
  if (!written.length && a.incident) written.push(a.incident);
  if (!written.length) return [];
  written.sort((x, y) => ymdKey(x) - ymdKey(y));
  const days: Ymd[] = [written[0]];
  while (ymdKey(days[days.length - 1]) < ymdKey(written[written.length - 1])) {
    days.push(addDays(days[days.length - 1], 1));
    if (days.length > 6) return [];
  }
  const found: RelativeWeekday[] = [];
  for (const sentence of a.sentences) {
    const section = sentence.block.section;
    if (section < 0 || (section !== a.introIndex && section !== a.timelineIndex)) continue;
    const matches = matchesOf(RELATIVE, sentence.text);
    if (matches.length !== 1 || matchesOf(ANY_WEEKDAY, sentence.text).length !== 1) continue;
    if (OTHER_DAY_WORDS.test(sentence.text) || within(a.dates, sentence)) continue;
    const hasTime = within(a.times, sentence);
    if (section === a.introIndex ? !INCIDENT_WORDS.test(sentence.text) : !hasTime) continue;
    const m = matches[0];
    const start = sentence.start + m.index;
    const wordStart = start + m[0].length - m.groups!.wd.length;
    found.push({
      start,
      end: start + m[0].length,
      text: m[0],
      word: { start: wordStart, end: start + m[0].length },
      weekday: WEEKDAY_NAMES.indexOf(m.groups!.wd) + 1,
      days,
    });
  }
  return found.filter((r) => !r.days.some((d) => weekdayOf(d) === r.weekday));
}

/** Whether a mention (in document order) lies in the sentence: a search, so a long report with many weekdays stays fast. */
function within(mentions: readonly { start: number; end: number }[], sentence: { start: number; end: number }): boolean {
  const m = mentions[firstAtOrAfter(mentions, sentence.start, (x) => x.start)];
  return !!m && m.end <= sentence.end;
}
