import type { ZoneCandidate, ZoneMatch } from './zones';

/** Abbreviations that name several zones (CST, IST, AST…): which one the document means. */

const REGION_HINTS: { pattern: RegExp; iana: string }[] = [
  { pattern: /\b(?:China|Chinese|Beijing|Shanghai)\b/, iana: 'Asia/Shanghai' },
  { pattern: /\b(?:North America|U\.?S\.?A?|United States|Chicago)\b/, iana: 'America/Chicago' },
  { pattern: /\b(?:India|Indian|Mumbai)\b/, iana: 'Asia/Kolkata' },
  { pattern: /\b(?:Israel|Israeli|Jerusalem|Tel Aviv)\b/, iana: 'Asia/Jerusalem' },
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

/**
 * Picks a reading for an ambiguous zone phrase and marks it ambiguous when nothing in the document decides: the zones
 * in `hints` (the instances', then other zones named, then the default), then the instances' country codes, then the
 * region words in `text`.
 */
export function resolveAmbiguous(zone: ZoneMatch & { ambiguous?: boolean }, hints: string[], instances: string[], text: string): void {
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
  // The zone itself before one on its continent: IN01 settles IST as India, though Israel is in Asia too.
  const closest = (iana: string) => zone.candidates.find((x) => x.iana === iana) ?? zone.candidates.find((x) => continent(x.iana) === continent(iana));
  for (const code of instances) {
    const iana = CODE_HINTS[code.slice(0, 2)];
    const c = iana && closest(iana);
    if (c) return pick(c);
  }
  for (const { pattern, iana } of REGION_HINTS) {
    if (!pattern.test(text)) continue;
    const c = closest(iana);
    if (c) return pick(c);
  }
  zone.ambiguous = true;
}

export function isAmbiguous(zone: ZoneMatch): boolean {
  return (zone as ZoneMatch & { ambiguous?: boolean }).ambiguous === true;
}
