import { analyzeTimes } from '../time/analyze';
import { isInstanceCode } from '../title';
import type { Rule } from './rule';
import { matchesOf } from '../regexp';

const CODE = /\b([A-Z]{2,3})(\d{2,3})\b(?:\s*(?:-|–|to|through)\s*\1(\d{2,3})\b)?/g;

/** Instance codes with their offsets; "NA01-NA03" and "NA01 to NA03" stand for NA01, NA02, NA03. */
export function instanceCodes(text: string, base = 0): { code: string; start: number; end: number }[] {
  const result: { code: string; start: number; end: number }[] = [];
  for (const m of matchesOf(CODE, text)) {
    const [, prefix, first, last] = m;
    if (/^DC$/.test(prefix)) continue;
    const start = base + m.index;
    const end = start + m[0].length;
    result.push({ code: prefix + first, start, end });
    if (last && Number(last) > Number(first) && Number(last) - Number(first) < 50) {
      for (let n = Number(first) + 1; n <= Number(last); n++) result.push({ code: prefix + String(n).padStart(first.length, '0'), start, end });
    }
  }
  return result;
}

export const instanceMismatch: Rule = {
  code: 'RCA301',
  name: 'instance-mismatch',
  description: 'The title and the timeline name different instances.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    if (!doc.title || a.timelineIndex < 0) return;
    const titleStart = doc.lines.offsetAt(doc.title.textRange.start);
    const titleEnd = doc.lines.offsetAt(doc.title.textRange.end);
    const title = instanceCodes(a.masked.slice(titleStart, titleEnd), titleStart);
    const section = doc.sections[a.timelineIndex];
    // Host and node names of the same shape ("the DB03 database node") are not instances.
    const timeline = instanceCodes(a.masked.slice(section.headingEnd, section.end), section.headingEnd).filter((c) =>
      isInstanceCode(c.code, a.instancePrefixes),
    );
    if (title.length === 0 || timeline.length === 0) return;
    const inTitle = new Set(title.map((c) => c.code));
    const inTimeline = new Set(timeline.map((c) => c.code));
    const reported = new Set<string>();
    for (const c of timeline) {
      if (inTitle.has(c.code) || reported.has(c.code)) continue;
      reported.add(c.code);
      report({
        range: doc.lines.range(c.start, c.end),
        message: `The timeline names ${c.code}, which the title does not (title: ${[...inTitle].join(', ')}).`,
      });
    }
    const missing = [...inTitle].filter((code) => !inTimeline.has(code));
    if (missing.length) {
      const first = title.find((c) => c.code === missing[0])!;
      report({
        range: doc.lines.range(first.start, first.end),
        message: `The title names ${missing.join(', ')}, which the timeline does not (timeline: ${[...inTimeline].join(', ')}).`,
      });
    }
  },
};
