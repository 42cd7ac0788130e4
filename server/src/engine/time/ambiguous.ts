import type { ZoneCandidate, ZoneMatch } from './zones';

/** Abbreviations that name several zones (CST, IST, AST…): which one the document means. */

const REGION_HINTS: { pattern: RegExp; iana: string }[] = [
  { pattern: /\b(?:China|Chinese|Beijing|Shanghai)\b/, iana: 'Asia/Shanghai' },
  { pattern: /\b(?:North America|U\.?S\.?A?|United States|Chicago)\b/, iana: 'America/Chicago' },
  { pattern: /\b(?:India|Indian|Mumbai)\b/, iana: 'Asia/Kolkata' },
  { pattern: /\b(?:Israel|Israeli|Jerusalem|Tel Aviv)\b/, iana: 'Asia/Jerusalem' },
  { pattern: /\b(?:Ireland|Irish|Dublin)\b/, iana: 'Europe/Dublin' },
];

const CODE_HINTS: Record<string, string> = {
  CN: 'Asia/Shanghai',
  NA: 'America/Chicago',
  US: 'America/Chicago',
  CA: 'America/Toronto',
  IN: 'Asia/Kolkata',
  IL: 'Asia/Jerusalem',
};

function continent(iana: string): string {
  return iana.split('/')[0];
}

/** The candidate whose key comes first in `order` (the first such candidate on a tie), if any has one. */
function earliest(candidates: ZoneCandidate[], order: Map<string, number>, key: (c: ZoneCandidate) => string): ZoneCandidate | undefined {
  let best: ZoneCandidate | undefined;
  let bestAt = Infinity;
  for (const c of candidates) {
    const at = order.get(key(c));
    if (at !== undefined && at < bestAt) [best, bestAt] = [c, at];
  }
  return best;
}

/** Where each key first appears in `list`. */
function firstPositions(list: string[], skip?: string): Map<string, number> {
  const order = new Map<string, number>();
  list.forEach((key, i) => {
    if (key !== skip && !order.has(key)) order.set(key, i);
  });
  return order;
}

/**
 * Picks a reading for an ambiguous zone phrase and marks it ambiguous when nothing in the document decides: the zones
 * in `hints` (the instances', then other zones named, then the default), then the instances' country codes, then the
 * region words in `text`. The hints are indexed once and the region words looked for once, not per phrase: a
 * paragraph of 20,000 zone words names as many hints.
 */
export function ambiguityResolver(hints: string[], instances: string[], text: string): (zone: ZoneMatch & { ambiguous?: boolean }) => void {
  const exactOrder = firstPositions(hints);
  const continentOrder = firstPositions(hints.map(continent), 'UTC');
  const regionNamed = new Map<RegExp, boolean>();
  const named = (pattern: RegExp) => {
    let found = regionNamed.get(pattern);
    if (found === undefined) regionNamed.set(pattern, (found = pattern.test(text)));
    return found;
  };
  /** The reading for a list of candidates: the same for every phrase that has it (the zone table's own list). */
  const choose = (candidates: ZoneCandidate[]): ZoneCandidate | undefined => {
    const exact = earliest(candidates, exactOrder, (c) => c.iana);
    if (exact) return exact;
    const near = earliest(candidates, continentOrder, (c) => continent(c.iana));
    if (near) return near;
    // The zone itself before one on its continent: IN01 settles IST as India, though Israel is in Asia too.
    const closest = (iana: string) => candidates.find((x) => x.iana === iana) ?? candidates.find((x) => continent(x.iana) === continent(iana));
    for (const code of instances) {
      const iana = CODE_HINTS[code.slice(0, 2)];
      const c = iana && closest(iana);
      if (c) return c;
    }
    for (const { pattern, iana } of REGION_HINTS) {
      if (!named(pattern)) continue;
      const c = closest(iana);
      if (c) return c;
    }
    return undefined;
  };
  // Decided once per list: a paragraph of 35,000 "IST" asks the same question 35,000 times.
  const decided = new Map<ZoneCandidate[], { pick: ZoneCandidate; candidates: ZoneCandidate[] } | null>();
  return (zone) => {
    let decision = decided.get(zone.candidates);
    if (decision === undefined) {
      const c = choose(zone.candidates);
      decision = c ? { pick: c, candidates: [c, ...zone.candidates.filter((x) => x !== c)] } : null;
      decided.set(zone.candidates, decision);
    }
    if (!decision) {
      zone.ambiguous = true;
      return;
    }
    zone.iana = decision.pick.iana;
    zone.season = decision.pick.season;
    // Shared by the phrases it decides, as their table list was: nothing changes a phrase's candidates in place.
    zone.candidates = decision.candidates;
  };
}

export function isAmbiguous(zone: ZoneMatch): boolean {
  return (zone as ZoneMatch & { ambiguous?: boolean }).ambiguous === true;
}
