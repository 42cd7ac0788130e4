import { analyzeTimes } from '../time/analyze';
import type { Profile } from '../profiles';
import { escapeRegExp, matchesOf } from '../regexp';
import type { Rule } from './rule';

interface ProductMention {
  family: string;
  start: number;
  end: number;
}

interface ProductMatcher {
  pattern: RegExp;
  families: Map<string, string>;
}

const matchers = new WeakMap<Profile, ProductMatcher | null>();

/** One pattern for all of a profile's product names, longest first so that "Primo VE" wins over "Primo". */
export function productMatcher(profile: Profile): ProductMatcher | null {
  let matcher = matchers.get(profile);
  if (matcher !== undefined) return matcher;
  const families = new Map<string, string>();
  for (const [family, names] of Object.entries(profile.products ?? {})) {
    for (const name of names) if (name.trim()) families.set(name.trim().split(/\s+/).join(' '), family);
  }
  const names = [...families.keys()].sort((a, b) => b.length - a.length);
  const alternatives = names.map((name) => name.split(' ').map(escapeRegExp).join('\\s+'));
  matcher = names.length ? { pattern: new RegExp(`(?<!\\w)(?:${alternatives.join('|')})(?!\\w)`, 'g'), families } : null;
  matchers.set(profile, matcher);
  return matcher;
}

export function products(matcher: ProductMatcher, text: string, base: number): ProductMention[] {
  const result: ProductMention[] = [];
  for (const m of matchesOf(matcher.pattern, text)) {
    const family = matcher.families.get(m[0].split(/\s+/).join(' '))!;
    result.push({ family, start: base + m.index, end: base + m.index + m[0].length });
  }
  return result;
}

export const productMismatch: Rule = {
  code: 'RCA302',
  name: 'product-mismatch',
  description: 'The title, the introduction and the timeline name different products for the same outage.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const matcher = productMatcher(doc.profile);
    if (!matcher) return;
    const a = analyzeTimes(doc, settings);
    const part = (index: number) => {
      if (index < 0) return [];
      const s = doc.sections[index];
      return products(matcher, a.masked.slice(s.headingEnd, s.end), s.headingEnd);
    };
    const titleStart = doc.title ? doc.lines.offsetAt(doc.title.textRange.start) : 0;
    const titleEnd = doc.title ? doc.lines.offsetAt(doc.title.textRange.end) : 0;
    const parts = [
      { name: 'title', mentions: products(matcher, a.masked.slice(titleStart, titleEnd), titleStart) },
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
