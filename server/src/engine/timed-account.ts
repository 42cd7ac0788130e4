// Cloud providers' incident reports (ISSUE SUMMARY / ROOT CAUSE / REMEDIATION AND PREVENTION), post-event summaries
// and monthly availability reports have no timeline section by design: they tell the response in prose, with its
// times ("engineers were alerted at 14:09 ... at 15:55 the change was rolled back"). Such a report has what a
// timeline gives its reader; one with no time of day at all ("by the afternoon") does not.
import type { Root } from 'mdast';
import type { RcaDocument } from './model';
import { findTimes } from './time/dates';
import { blocksOf, maskedText, sentencesOf } from './time/text';

/** Fewer timed moments than this, outside one sentence that gives a window, is a report that mentions times. */
const MIN_MOMENTS = 3;

/** The last answer, by the parsed tree it was read from: every candidate profile's model of a text shares its tree. */
const answers = new WeakMap<Root, { text: string; told: boolean }>();

/**
 * Whether the report tells its incident in time in its prose, in whatever section: one sentence gives two different
 * times of day (the window: "from 14:02 to 16:40", "began at 14:02 and ended at 16:40"), or the report gives three
 * different times of day at least. Code, HTML, collapsed logs and the title are not the report's account.
 */
export function toldInTime(doc: RcaDocument): boolean {
  const kept = answers.get(doc.root);
  if (kept?.text === doc.text) return kept.told;
  const told = tellsInTime(doc);
  answers.set(doc.root, { text: doc.text, told });
  return told;
}

function tellsInTime(doc: RcaDocument): boolean {
  const masked = maskedText(doc);
  const moments = new Set<number>();
  for (const block of blocksOf(doc)) {
    if (block.isTitle) continue;
    for (const sentence of sentencesOf(masked, block)) {
      const inSentence = new Set(findTimes(sentence.text).map(minuteOfDay));
      if (inSentence.size >= 2) return true;
      for (const moment of inSentence) moments.add(moment);
      if (moments.size >= MIN_MOMENTS) return true;
    }
  }
  return false;
}

/** A time's minute of the day, as written when it cannot exist ("14:00 PM" is still the writer's moment). */
function minuteOfDay(time: { hour: number; minute: number; hour24?: number }): number {
  return (time.hour24 ?? time.hour) * 60 + time.minute;
}
