import { analyzeTimes } from '../time/analyze';
import { durationFits, type DurationMention } from '../time/durations';
import { formatDuration } from '../time/format';
import type { Rule } from './rule';
import { maxOf, minOf } from '../numbers';

/** A duration counts when it says how long the outage lasted, not how long a step took. */
// A duration in parentheses right after a window ("from 10:00 until 11:30 (about 3 hours)") states its length too.
const CUE =
  /(?:\b(?:lasted|lasting|for|duration\s+of|total\s+of|period\s+of|downtime\s+of|outage\s+of|interruption\s+of|took|spanned)\s+(?:a\s+(?:total|period)\s+of\s+)?|\(\s*)$/i;
const ADJECTIVE_CUE = /^\s*(?:long\s+)?(?:outage|interruption|downtime|disruption|degradation|service\s+interruption|event|incident)\b/i;
const OUTAGE_WORDS = /\b(?:outage|interruption|downtime|disruption|degradation|unavailab|inaccessib|service\s+was|event|incident)/i;
const NOT_THE_WINDOW = /\b(?:within|after|every|each|per|later|before|earlier|ago)\s+(?:about\s+|approximately\s+|around\s+)?$/i;

export const durationMismatch: Rule = {
  code: 'RCA213',
  name: 'duration-mismatch',
  description: 'A stated duration ("about 3 hours", "371 minutes") that the event window does not give.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    // A conversion ("(12:45–14:10 UTC)") restates a window; it is not another one to add up.
    const timed = a.windows.filter(
      (w) =>
        w.section === a.timelineIndex &&
        a.timelineIndex >= 0 &&
        w.end &&
        !w.conversionOf &&
        w.startMillis !== undefined &&
        w.endMillis !== undefined &&
        w.endMillis > w.startMillis,
    );
    // A timeline of single times ("10:05 alerts fire", "10:45 service restored") gives no range, only its span: the
    // outage may have begun before the first entry or ended before the last (a review the next day), so a stated
    // length is reported only when it is longer than everything the timeline covers.
    const points = timed.length
      ? []
      : a.windows.filter((w) => w.section === a.timelineIndex && a.timelineIndex >= 0 && !w.end && !w.conversionOf && w.startMillis !== undefined);
    if (timed.length === 0 && points.length < 2) return;
    const span = points.length ? (maxOf(points.map((w) => w.startMillis!)) - minOf(points.map((w) => w.startMillis!))) / 60000 : 0;
    const lengths = timed.map((w) => (w.endMillis! - w.startMillis!) / 60000);
    const total = lengths.reduce((x, y) => x + y, 0);
    const candidates = timed.length
      ? new Set([...lengths, total, (maxOf(timed.map((w) => w.endMillis!)) - minOf(timed.map((w) => w.startMillis!))) / 60000])
      : new Set<number>();
    const fits = (d: DurationMention) => (timed.length ? [...candidates].some((c) => durationFits(d, c)) : d.minutes <= span || durationFits(d, span));
    const relevant = new Set([a.timelineIndex, a.introIndex]);
    for (const [sentence, durations] of a.durationsBySentence) {
      const inMain = relevant.has(sentence.block.section);
      if (!inMain && !OUTAGE_WORDS.test(sentence.text)) continue;
      for (const d of durations) {
        const before = a.masked.slice(sentence.start, d.start);
        const after = a.masked.slice(d.end, sentence.end);
        const unqualified = before.replace(/(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|over|more than|less than|under)\s*$/i, '');
        const cue = CUE.test(unqualified) || ADJECTIVE_CUE.test(after);
        if (!cue || NOT_THE_WINDOW.test(before)) continue;
        // "The failover took 12 minutes", "alerts were muted for 10 minutes": a step, unless the sentence is about the outage.
        if (/\b(?:for|took)\s+(?:a\s+(?:total|period)\s+of\s+)?$/i.test(unqualified) && !OUTAGE_WORDS.test(sentence.text)) continue;
        if (fits(d)) continue;
        const actual = !timed.length
          ? `only ${formatDuration(span * 60000)} from its first time to its last`
          : lengths.length === 1
            ? formatDuration(lengths[0] * 60000)
            : `${formatDuration(total * 60000)} in total`;
        report({
          range: doc.lines.range(d.start, d.end),
          message: `"${d.text}" does not match the timeline, which gives ${actual}.`,
        });
      }
    }
  },
};
