import { distance } from 'fastest-levenshtein';
import type { Profile, SectionDef } from './profiles';

/**
 * How a heading relates to a profile section:
 * - exact: the canonical text, as written in the profile;
 * - tolerated: the canonical text up to case, spacing, numbering and trailing punctuation (not reported);
 * - alias: another name for the section ("Root Cause");
 * - misspelling: close to the canonical name or an alias ("Root Cuase Analysis").
 */
export type MatchKind = 'exact' | 'tolerated' | 'alias' | 'misspelling';

export interface SectionMatch {
  def: SectionDef;
  kind: MatchKind;
}

/** Lower case, single spaces, "&" as "and", no leading numbering or trailing punctuation. */
export function normaliseHeading(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/i, '')
      .replace(/&/g, ' and ')
      .replace(/\s+/g, ' ')
      .trim()
      // A note in parentheses is not part of the name: "Event Timeline (all times CST)", "Timeline (UTC) 03/02/2023".
      .replace(/\s*\([^()]*\)/g, '')
      .replace(DATE_NOTE, '')
      .replace(/[\s:;.,!?\-\u2013\u2014]+$/u, '')
      .toLowerCase()
  );
}

/**
 * Dates written after a section's name are a note, not part of it: "Timeline 03/02/2023 - 03/20/2023", "Timeline:
 * May 6-8, 2025", "Timeline - March 3 to 5 (UTC)". The note holds a digit and nothing but dates, ranges and zones;
 * its characters are matched one at a time, so a long heading that is no note fails in linear time per start.
 */
const DATE_NOTE =
  /(?:\s+|\s*[-\u2013\u2014:,]\s*)(?:(?:on|from|between)\s+)?(?=[^\d]*\d)(?:[\d/.,:\-\u2013\u2014\s]|to|until|and|utc|gmt|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)+$/iu;

function misspellingBudget(length: number): number {
  // Short names are too easily confused with other words to guess at.
  if (length < 8) return 0;
  return Math.max(1, Math.floor(length * 0.15));
}

export function matchHeading(text: string, profile: Profile): SectionMatch | undefined {
  const trimmed = text.trim();
  const normalised = normaliseHeading(text);
  if (!normalised) return undefined;
  for (const def of profile.sections) {
    if (trimmed === def.name) return { def, kind: 'exact' };
  }
  for (const def of profile.sections) {
    if (normalised === normaliseHeading(def.name)) return { def, kind: 'tolerated' };
  }
  for (const def of profile.sections) {
    if (def.aliases.some((alias) => normaliseHeading(alias) === normalised)) return { def, kind: 'alias' };
  }
  let best: { def: SectionDef; cost: number } | undefined;
  for (const def of profile.sections) {
    for (const candidate of [def.name, ...def.aliases]) {
      const target = normaliseHeading(candidate);
      const cost = distance(normalised, target);
      if (cost <= misspellingBudget(target.length) && (!best || cost < best.cost)) best = { def, cost };
    }
  }
  return best && { def: best.def, kind: 'misspelling' };
}
