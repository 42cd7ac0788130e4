/**
 * Stated durations: "about 3 hours", "371 minutes", "2 hours and 13 minutes", "1.5 hours", "an hour and a half",
 * "a 40-minute outage", "2h 13m". Each with its value, and how loosely it was meant.
 */

import { matchesOf } from '../regexp';

export interface DurationMention {
  start: number;
  end: number;
  text: string;
  minutes: number;
  qualifier: 'exact' | 'about' | 'over' | 'under';
  /** The smallest unit written: "3 hours" is looser than "180 minutes". */
  unit: 'hour' | 'minute';
}

const NUMBER_WORDS: Record<string, number> = {
  'a': 1,
  'an': 1,
  'one': 1,
  'two': 2,
  'three': 3,
  'four': 4,
  'five': 5,
  'six': 6,
  'seven': 7,
  'eight': 8,
  'nine': 9,
  'ten': 10,
  'eleven': 11,
  'twelve': 12,
  'fifteen': 15,
  'twenty': 20,
  'thirty': 30,
  'forty': 40,
  'forty-five': 45,
  'fifty': 50,
  'half': 0.5,
};
const NUM = String.raw`(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|half\s+an?)`;
const QUAL = (name: string) =>
  String.raw`(?<${name}>about|approximately|approx\.?|around|roughly|nearly|almost|close\s+to|some|~|over|more\s+than|less\s+than|under|just\s+under|just\s+over|a\s+little\s+over|up\s+to)`;
const DURATION = new RegExp(
  String.raw`(?:${QUAL('q')}\s*)?(?<h>${NUM})\s*-?\s*(?<hu>hours?|hrs?|h)\b(?:\s*(?:and\s+)?(?<hh>a\s+half)|\s*(?:and\s+)?(?<m2>\d+)\s*(?:minutes?|mins?|m)\b)?|(?:${QUAL('q2')}\s*)?(?<m>${NUM})\s*-?\s*(?:minutes?|mins?)\b`,
  'gi',
);

function value(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('half')) return 0.5;
  return NUMBER_WORDS[w] ?? Number(w);
}

/**
 * What every duration kept below has in it: a unit that ends a word as the pattern's "\b" does ("hours", "hr",
 * "mins", "minute"), or "h" ending one after a digit (after a word, "h" is dropped). The pattern tries its qualifiers
 * and number words ("a", "an") at every letter: a sentence without any of these, most of them, is not searched. The
 * word's end matters: "threshold", "through" and "administrator" hold the letters, not the unit.
 */
const MAY_HOLD_DURATION = /hours?\b|hrs?\b|min(?:ute)?s?\b|\d\s*-?\s*h\b/i;

export function findDurations(text: string, base = 0): DurationMention[] {
  const result: DurationMention[] = [];
  if (!MAY_HOLD_DURATION.test(text)) return result;
  for (const m of matchesOf(DURATION, text)) {
    const g = m.groups!;
    // "2 h" only counts next to a number; "24/7", "2FA" never match; "h" alone must follow digits.
    if (g.hu && /^h$/i.test(g.hu) && !/^\d/.test(g.h)) continue;
    let minutes: number;
    let unit: DurationMention['unit'];
    if (g.h !== undefined) {
      minutes = value(g.h) * 60 + (g.hh ? 30 : 0) + (g.m2 ? Number(g.m2) : 0);
      unit = g.m2 || !Number.isInteger((value(g.h) * 60) / 60) ? 'minute' : 'hour';
      if (g.hh) unit = 'hour';
    } else {
      minutes = value(g.m);
      unit = 'minute';
    }
    if (!Number.isFinite(minutes) || minutes <= 0) continue;
    const q = (g.q ?? g.q2 ?? '').toLowerCase();
    const qualifier: DurationMention['qualifier'] = !q ? 'exact' : /over|more|little/.test(q) ? 'over' : /less|under|up/.test(q) ? 'under' : 'about';
    result.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], minutes, qualifier, unit });
  }
  return result;
}

/** Whether a window of `actual` minutes can be described as the stated duration. */
export function durationFits(stated: DurationMention, actual: number): boolean {
  const slack = stated.unit === 'hour' ? Math.max(30, stated.minutes * 0.1) : Math.max(2, stated.minutes * 0.02);
  const loose = stated.qualifier === 'exact' ? slack : Math.max(slack * 1.5, stated.minutes * 0.25, 15);
  switch (stated.qualifier) {
    case 'over':
      return actual >= stated.minutes - 1 && actual <= stated.minutes + Math.max(loose, stated.minutes * 0.5);
    case 'under':
      return actual <= stated.minutes + 1 && actual >= stated.minutes * 0.5;
    default:
      return Math.abs(actual - stated.minutes) <= loose;
  }
}
