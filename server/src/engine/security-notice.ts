// A security notice (a data breach notice, a security advisory) is written to the people whose data was reached, in a
// shape its readers and often the law expect: what happened, what information was involved, what we are doing, what
// you can do. Its account of what happened is how the attacker got in (a token copied from a ticket, a key never
// revoked): that is its cause, told without "the root cause was", and the days it gives are its timeline.
import type { RcaDocument } from './model';

/** What a notice calls itself, in its title or a heading: "Security advisory", "Notice of data breach", "Security incident". */
const NOTICE =
  /\b(?:security|privacy|data)\s+(?:incident|breach|notice|notification|advisory)\b|\bnotice\s+of\s+(?:a\s+)?(?:data|security|privacy)\b|\bunauthori[sz]ed\s+access\b/i;

/**
 * What a notice may call itself that an outage's report may name as its trigger ("Security update rollout broke
 * sign-in"): a notice only with a section that speaks to the people whose data was reached.
 */
const MAYBE_NOTICE = /\bsecurity\s+(?:update|alert)\b/i;

/** The section only a notice has: "What information was involved?", "What data was affected". */
const INVOLVED = /^what\s+(?:personal\s+)?(?:information|data)\s+(?:was|were|is|has\s+been)\s+(?:involved|affected|accessed|exposed|impacted)\b/i;

/** A section that speaks to the people whose data was reached: "What you can do", "What you should do". */
const YOU_CAN_DO = /^what\s+you\s+(?:can|should|need\s+to)\s+do\b/i;

/** The section that tells the notice's account: "What happened", "What happened?". */
const WHAT_HAPPENED = /^what\s+happened\s*[?.:]?\s*$/i;

/**
 * The offsets of a security notice's account of what happened, or undefined when the report is no such notice or
 * its "What happened" section says nothing.
 */
export function securityNoticeAccount(doc: RcaDocument): { start: number; end: number } | undefined {
  const headings = [doc.title?.text ?? '', ...doc.sections.map((section) => section.headingText)];
  const has = (pattern: RegExp) => headings.some((heading) => pattern.test(heading.trim()));
  if (!has(NOTICE) && !has(INVOLVED) && !(has(MAYBE_NOTICE) && has(YOU_CAN_DO))) return undefined;
  const account = doc.sections.find(
    (section) => WHAT_HAPPENED.test(section.headingText.trim()) && section.body.some((node) => node.type === 'paragraph' || node.type === 'list'),
  );
  return account && { start: account.headingEnd, end: account.end };
}
