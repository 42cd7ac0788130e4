import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import { formatDuration } from '../time/format';
import type { TimeWindow } from '../time/window';
import { instanceKey } from '../title';
import type { Rule } from './rule';

/**
 * The outage's window, stated as a range in a part that summarises it (the introduction or summary, the impact
 * section). Times in the timeline are steps, not the window, and are left to the timeline's own rules.
 */
function statedWindows(a: TimeAnalysis, section: number): TimeWindow[] {
  if (section < 0) return [];
  return a.windows.filter(
    (w) =>
      w.section === section &&
      w.end &&
      !w.conversionOf &&
      !w.backwards &&
      w.startMillis !== undefined &&
      w.endMillis !== undefined &&
      w.endMillis > w.startMillis,
  );
}

const instancesOf = (a: TimeAnalysis, w: TimeWindow) => instanceKey(w.sentence.text, a.instancePrefixes);

/** The window as written, with its zone: "08:15–09:40 UTC". */
function written(a: TimeAnalysis, w: TimeWindow): string {
  const text = (mention: { start: number; end: number }) => a.doc.text.slice(mention.start, mention.end);
  const zone = w.end?.ownZone ?? w.start.ownZone ?? w.zone;
  return `${text(w.start.time)}–${text(w.end!.time)}${zone ? ` ${zone.text}` : ''}`;
}

/** A sentence about a part of the service or of its users, whose window may rightly be shorter than the outage's. */
const PART_OF_THE_SERVICE =
  /\b(?:some|partial(?:ly)?|part of|a subset|subsets?|regions?|zones?|customers in|users in|only|except|elsewhere|other|remaining|rest of)\b/i;

export const windowMismatch: Rule = {
  code: 'RCA216',
  name: 'window-mismatch',
  description: 'The summary and the impact section state the outage window twice, with the same start and another end (or the reverse).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    const summary = statedWindows(a, a.introIndex);
    const impact = statedWindows(a, a.sectionIndex('impact'));
    if (!summary.length || !impact.length) return;
    const name = (w: TimeWindow) => doc.sections[w.section].headingText.trim() || 'the introduction';
    // Every instant the impact section names: one that is the summary's other end shows the section covers the whole
    // window too ("in the EU from 14:02 to 14:50; elsewhere until 15:10").
    const impactInstants = new Set(
      a.windows.filter((w) => w.section === impact[0].section).flatMap((w) => [w.startMillis, w.endMillis].filter((m): m is number => m !== undefined)),
    );
    for (const later of impact) {
      if (PART_OF_THE_SERVICE.test(later.sentence.text)) continue;
      // Two windows that share neither end are two periods (a first and a second interruption), not one stated twice.
      const earlier = summary.find(
        (w) =>
          (w.startMillis === later.startMillis) !== (w.endMillis === later.endMillis) &&
          (!instancesOf(a, w) || !instancesOf(a, later) || instancesOf(a, w) === instancesOf(a, later)),
      );
      if (!earlier) continue;
      const sameStart = earlier.startMillis === later.startMillis;
      if (impactInstants.has(sameStart ? earlier.endMillis! : earlier.startMillis!)) continue;
      const gap = sameStart ? Math.abs(later.endMillis! - earlier.endMillis!) : Math.abs(later.startMillis! - earlier.startMillis!);
      report({
        range: doc.lines.range(later.from, later.to),
        message: `"${name(later)}" gives the window as ${written(a, later)}, but "${name(earlier)}" gives ${written(a, earlier)}: the ${sameStart ? 'ends' : 'starts'} differ by ${formatDuration(gap)}. Correct whichever is wrong.`,
        related: [{ range: doc.lines.range(earlier.from, earlier.to), message: `"${name(earlier)}" gives ${written(a, earlier)}.` }],
      });
    }
  },
};
