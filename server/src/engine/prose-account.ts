// Narrative reports have no timeline, cause or action sections by design: cloud providers' incident reports tell the
// response with its times ("engineers were alerted at 14:09 ... at 15:55 the change was rolled back"), post-event
// summaries and monthly availability reports tell each incident's cause and what will change in a paragraph of its
// own ("The cause of these delays was ...", "We are adding alerts ..."). Such a report has what those sections give
// their reader; one with no time of day ("by the afternoon"), no cause and no commitment does not.
import type { Root } from 'mdast';
import type { RcaDocument } from './model';
import { matchHeading } from './headings';
import { plainText } from './nodes';
import type { SectionRole } from './profiles';
import { securityNoticeAccount } from './security-notice';
import { findDates, findTimes } from './time/dates';
import { blocksOf, maskedText, sentencesOf } from './time/text';

/** The parts a report may tell in its prose. */
export type ToldPart = Extract<SectionRole, 'timeline' | 'root-cause' | 'actions'>;

/** Fewer timed moments than this, outside one sentence that gives a window, is a report that mentions times. */
const MIN_MOMENTS = 3;

/**
 * A line that labels the incident's start or its end, as incident reports' headers do: "**Start time:** Tuesday,
 * January 23, 2024, at 2:39 PM UTC", "Incident End: 12 March 2024 10:20". The two give the window.
 */
const START_LABEL = /^\s*(?:(?:incident|impact|outage|issue|event)\s+)?(?:start(?:ed)?|began|begin(?:ning)?)(?:\s+(?:time|date|at))?\s*:/i;
const END_LABEL = /^\s*(?:(?:incident|impact|outage|issue|event)\s+)?(?:end(?:ed)?|resolved|mitigated|recovered)(?:\s+(?:time|date|at))?\s*:/i;

/**
 * A sentence that names what caused the incident: "The root cause was ...", "The cause of these delays was ...",
 * "This was caused by ...", "the issue was traced back to ...", and a security notice's "The investigation found
 * that ...". A narrative postmortem (a blog post with no sections) gives it as why things failed: "new instances were
 * slow to start because they all fetched ...", "errors due to an expired certificate", "stemmed from a change", "a
 * permissions change caused the database to return duplicate rows".
 */
const CAUSE =
  /\b(?:root[- ]caus(?:e|ed)\b|(?<!\bnot\s)caused\s+(?!by\b)|because\b|due\s+to\b|as\s+a\s+result\s+of\b|(?:resulted|stemmed|arose)\s+from\b|(?:underlying|primary|proximate)\s+cause\b|the\s+cause\s+(?:of\b[^.;]{0,80}?\s)?(?:was|is|were)\b|(?:was|were|is)\s+(?:ultimately\s+|likely\s+)?(?:caused|triggered)\s+by\b|(?:was|were)\s+(?:ultimately\s+)?traced\s+(?:back\s+)?to\b|(?:investigation|review|analysis)\s+(?:found|determined|showed|revealed|concluded|confirmed)\s+that\b|the\s+trigger\s+(?:of|for)\b)/i;

/** A sentence that says the cause is not known yet: "We are still investigating the root cause.", "The cause remains unknown." ("an unknown address" is no such thing.) */
const CAUSE_UNKNOWN =
  /\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:known|determined|identified|found|clear)|(?:is|are|was|were|remains?|still|currently)\s+unknown|investigating|(?:being|under)\s+investigat\w*|to\s+be\s+determined|yet\s+to\s+be)\b/i;

/** A sentence in which the writers commit to a change: "We are adding alerts", "we have disabled the job". */
const COMMITMENT =
  /\bwe(?:\s+are|\s+will|\s+have|\s+plan\s+to|\s+intend\s+to|['’](?:re|ll|ve))\s+(?:also\s+|now\s+|already\s+|since\s+)?(?:been\s+)?(?:add|chang|improv|implement|introduc|build|built|updat|limit|partition|re-?enabl|enabl|disabl|review|audit|mov|deploy|tun|increas|reduc|redesign|rework|harden|automat|expand|extend|creat|instrument|mak|made|establish|requir|separat|isolat|migrat|replac|remov|rais|lower|work(?:ing)?\s+(?:on|to)\b)/i;

/** A sentence about keeping the incident from happening again: "To help reduce the impact of similar incidents in the future, ...". */
const PREVENTION =
  /\b(?:prevent|avoid|reduce|stop)\b[^.;]{0,80}\b(?:recurr\w*|happening\s+again|from\s+occurring|in\s+the\s+future|future\s+incidents|similar\s+incidents)\b/i;

/**
 * Headings of their own that the profile does not list but that plainly hold the part: GitLab's "Improving Recovery
 * Procedures" over its corrective actions, "What caused the outage", "What went wrong", "Troubleshooting chronology". The part is there,
 * under a name the aliases cannot all foresee.
 */
const PART_HEADINGS: Record<ToldPart, RegExp> = {
  'timeline': /\b(?:timeline|chronology|sequence\s+of\s+events)\b/i,
  'root-cause': /\bcaus(?:e|es|ed)\b|^why\b|^what\s+went\s+wrong\b/i,
  'actions':
    /\b(?:improv(?:e|es|ed|ing|ements?)|prevent(?:s|ed|ing|ion|ive|ative)?|follow[- ]?ups?|remediations?|corrective|next\s+steps|action\s+(?:items?|plan)|(?:going|moving)\s+forward|recurrence)\b/i,
};

interface Told {
  'timeline': boolean;
  'root-cause': boolean;
  'actions': boolean;
}

/** The last answer, by the parsed tree it was read from: every candidate profile's model of a text shares its tree. */
const answers = new WeakMap<Root, { text: string; told: Told }>();

/**
 * Whether the report tells a part in its prose, in whatever section: the timeline when one sentence gives two
 * different times of day (the window: "from 14:02 to 16:40", "began at 14:02 and ended at 16:40"), a start line and an
 * end line give them, or the report gives three different times of day at least; the cause when a sentence names it; the actions when a sentence commits the
 * writers to a change or says how the incident is kept from happening again; and any part under a heading the profile
 * does not list that plainly names it (PART_HEADINGS). Code, HTML, collapsed logs and the title are not the report's
 * account.
 */
export function toldInProse(doc: RcaDocument, part: ToldPart): boolean {
  let kept = answers.get(doc.root);
  if (kept?.text !== doc.text) {
    kept = { text: doc.text, told: readAccount(doc) };
    answers.set(doc.root, kept);
  }
  return kept.told[part];
}

function readAccount(doc: RcaDocument): Told {
  const told: Told = { 'timeline': false, 'root-cause': false, 'actions': false };
  for (const node of doc.root.children) {
    if (node.type !== 'heading' || node.depth < 2) continue;
    const heading = plainText(node);
    // A heading the profile names is its section, or a part of one (the timeline's "### Detection"): not this.
    if (matchHeading(heading, doc.profile, false)) continue;
    for (const part of ['timeline', 'root-cause', 'actions'] as const) told[part] ||= PART_HEADINGS[part].test(heading);
  }
  const masked = maskedText(doc);
  // A security notice tells its cause as what happened, and its timeline by the days that account gives.
  const notice = securityNoticeAccount(doc);
  if (notice) {
    told['root-cause'] = true;
    told.timeline = findDates(masked.slice(notice.start, notice.end)).dates.some((date) => date.day !== undefined);
  }
  const moments = new Set<number>();
  let start: number | undefined;
  let end: number | undefined;
  // An incident of weeks is told by its days: "detected on October 19 ... used between October 2 and October 19". A
  // table's dates are a schedule's as often (the action items' due dates).
  const days = new Set<number>();
  for (const block of blocksOf(doc)) {
    if (block.isTitle) continue;
    for (const { text } of sentencesOf(masked, block)) {
      if (!told.timeline) {
        const times = findTimes(text).map(minuteOfDay);
        const inSentence = new Set(times);
        for (const moment of inSentence) moments.add(moment);
        if (times.length && START_LABEL.test(text)) start = times[0];
        if (times.length && END_LABEL.test(text)) end = times[0];
        if (block.tableRow === undefined)
          for (const date of findDates(text).dates) if (date.day !== undefined) days.add(((date.year ?? 0) * 100 + date.month) * 100 + date.day);
        told.timeline =
          inSentence.size >= 2 || moments.size >= MIN_MOMENTS || (start !== undefined && end !== undefined && start !== end) || days.size >= MIN_MOMENTS;
      }
      told['root-cause'] ||= CAUSE.test(text) && !CAUSE_UNKNOWN.test(text);
      told.actions ||= COMMITMENT.test(text) || PREVENTION.test(text);
      if (told.timeline && told['root-cause'] && told.actions) return told;
    }
  }
  return told;
}

/** A time's minute of the day, as written when it cannot exist ("14:00 PM" is still the writer's moment). */
function minuteOfDay(time: { hour: number; minute: number; hour24?: number }): number {
  return (time.hour24 ?? time.hour) * 60 + time.minute;
}
