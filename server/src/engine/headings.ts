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

/**
 * A normalised heading with hyphens as spaces and each word's plural "s" dropped: "Follow-up", "Follow ups" and
 * "Follow Up" are one name, as "Action Item" and "Action Items" are, and "Root causes and contributing factors" is
 * "Root Cause and Contributing Factors". Writers vary these freely; they are not misspellings.
 */
function looseKey(normalised: string): string {
  return normalised
    .replace(/[-\u2010-\u2014_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\w{3,})s\b/g, '$1');
}

interface NormalisedSection {
  def: SectionDef;
  name: string;
  aliases: string[];
  /** The name's and the aliases' loose keys. */
  nameKey: string;
  aliasKeys: string[];
  /** The name, then the aliases, each with its misspelling budget. */
  targets: { target: string; budget: number }[];
}

const normalisedByProfile = new WeakMap<Profile, NormalisedSection[]>();

/** A profile's names and aliases normalised once, not for every heading: 100,000 headings normalised them as often. */
function normalisedSections(profile: Profile): NormalisedSection[] {
  let sections = normalisedByProfile.get(profile);
  if (!sections) {
    sections = profile.sections.map((def) => {
      const name = normaliseHeading(def.name);
      const aliases = def.aliases.map(normaliseHeading);
      const targets = [name, ...aliases].map((target) => ({ target, budget: misspellingBudget(target.length) }));
      return { def, name, aliases, nameKey: looseKey(name), aliasKeys: aliases.map(looseKey), targets };
    });
    normalisedByProfile.set(profile, sections);
  }
  return sections;
}

/** `nearMisses`: false leaves out the misspellings, whose distances are most of the work (detection, over a folder's every heading). */
export function matchHeading(text: string, profile: Profile, nearMisses = true): SectionMatch | undefined {
  const trimmed = text.trim();
  const normalised = normaliseHeading(text);
  if (!normalised) return undefined;
  for (const def of profile.sections) {
    if (trimmed === def.name) return { def, kind: 'exact' };
  }
  const sections = normalisedSections(profile);
  for (const { def, name } of sections) {
    if (normalised === name) return { def, kind: 'tolerated' };
  }
  for (const { def, aliases } of sections) {
    if (aliases.includes(normalised)) return { def, kind: 'alias' };
  }
  const key = looseKey(normalised);
  for (const { def, nameKey } of sections) {
    // The house's exact headings are part of its format: "Customer Communications" is still renamed there.
    if (key === nameKey) return { def, kind: profile.open ? 'tolerated' : 'misspelling' };
  }
  for (const { def, aliasKeys } of sections) {
    if (aliasKeys.includes(key)) return { def, kind: 'alias' };
  }
  if (!nearMisses) return undefined;
  let best: { def: SectionDef; cost: number } | undefined;
  for (const { def, targets } of sections) {
    for (const { target, budget } of targets) {
      // The distance is at least the difference in length: past the budget, it need not be computed.
      if (Math.abs(normalised.length - target.length) > budget) continue;
      const cost = distance(normalised, target);
      if (cost <= budget && (!best || cost < best.cost)) best = { def, cost };
    }
  }
  return best && { def: best.def, kind: 'misspelling' };
}
