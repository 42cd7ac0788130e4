import { analyzeTimes } from '../time/analyze';
import type { Rule } from './rule';

/** Product names as RCAs write them, each with the family it belongs to ("Primo VE" is Primo). */
const PRODUCTS: [RegExp, string][] = [
  [/\bAlma\b/g, 'Alma'],
  [/\bPrimo(?:\s+(?:VE|BO|MT|Central))?\b/g, 'Primo'],
  [/\bSummon\b/g, 'Summon'],
  [/\bLeganto\b/g, 'Leganto'],
  [/\bEsploro\b/g, 'Esploro'],
  [/\bRosetta\b/g, 'Rosetta'],
  [/\bRapido\b/g, 'Rapido'],
  [/\bRialto\b/g, 'Rialto'],
  [/\bPivot\b/g, 'Pivot'],
  [/\bSFX\b/g, 'SFX'],
  [/\bAleph\b/g, 'Aleph'],
  [/\bVoyager\b/g, 'Voyager'],
  [/\bcampusM\b/g, 'campusM'],
  [/\bRefWorks\b/g, 'RefWorks'],
  [/\b360\s+(?:Core|Link|Search|Resource\s+Manager|MARC)\b/g, '360'],
  [/\bUlrichsweb\b/g, 'Ulrichsweb'],
];

interface ProductMention {
  family: string;
  start: number;
  end: number;
}

function products(text: string, base: number): ProductMention[] {
  const result: ProductMention[] = [];
  for (const [pattern, family] of PRODUCTS) {
    for (const m of text.matchAll(pattern)) result.push({ family, start: base + m.index, end: base + m.index + m[0].length });
  }
  return result.sort((x, y) => x.start - y.start);
}

export const productMismatch: Rule = {
  code: 'RCA302',
  name: 'product-mismatch',
  description: 'The title, the introduction and the timeline name different products for the same outage.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const part = (index: number) => {
      if (index < 0) return [];
      const s = doc.sections[index];
      return products(a.masked.slice(s.headingEnd, s.end), s.headingEnd);
    };
    const titleStart = doc.title ? doc.lines.offsetAt(doc.title.textRange.start) : 0;
    const titleEnd = doc.title ? doc.lines.offsetAt(doc.title.textRange.end) : 0;
    const parts = [
      { name: 'title', mentions: products(a.masked.slice(titleStart, titleEnd), titleStart) },
      { name: 'introduction', mentions: part(a.introIndex) },
      { name: 'timeline', mentions: part(a.timelineIndex) },
    ];
    // Products named where the impact is described (Affected Products) may each appear anywhere.
    const listed = new Set(part(a.sectionIndex('impact')).map((p) => p.family));
    const impactName = doc.profile.sections.find((def) => def.role === 'impact')?.name;
    const families = (p: (typeof parts)[number]) => new Set(p.mentions.map((m) => m.family));
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const [x, y] = [families(parts[i]), families(parts[j])];
        if (x.size === 0 || y.size === 0 || [...x].some((f) => y.has(f))) continue;
        if ([...y].every((f) => listed.has(f)) && [...x].every((f) => listed.has(f))) continue;
        const mention = parts[j].mentions[0];
        report({
          range: doc.lines.range(mention.start, mention.end),
          message: `The ${parts[j].name} names ${[...y].join(', ')}, but the ${parts[i].name} names ${[...x].join(', ')}: name the same product throughout${impactName ? `, or list every affected product under ${impactName}` : ''}.`,
        });
        return;
      }
    }
  },
};
