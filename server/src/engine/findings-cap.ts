// How many findings a check lists. A pasted log or a generated file can hold hundreds of thousands of one
// mistake (250,000 empty list items); listed one by one they make a diagnostics message of many megabytes that the
// editor has to parse and draw, and no writer reads past the first screen of them.
import type { RcaDiagnostic } from './types';

export interface FindingsLimit {
  /** The most findings of one rule listed in a document; the rest are counted in one finding of that rule. */
  perRule: number;
  /** The most findings listed in a document in all; the rest are counted in one RCA001 note. */
  perDocument: number;
}

/** What the editor lists, and the CLI unless --max-findings says otherwise. */
export const DEFAULT_FINDINGS_LIMIT: FindingsLimit = { perRule: 1000, perDocument: 5000 };

/** No cap: every finding (the CLI's --max-findings all). */
export const NO_FINDINGS_LIMIT: FindingsLimit = { perRule: Infinity, perDocument: Infinity };

/** A limit of `count` findings per document and per rule (the CLI's --max-findings N). */
export function findingsLimit(count: number): FindingsLimit {
  return { perRule: count, perDocument: count };
}

const countOf = (n: number) => n.toLocaleString('en-US');

/**
 * The findings to list, in the order given (by position): the first `perRule` of each rule, then one more of that
 * rule at the first one left out, saying how many were left out; then, past `perDocument` in all, the first ones
 * and `note` (an RCA001 finding, or nothing when RCA001 is off) saying how many there were.
 */
export function capFindings(diagnostics: RcaDiagnostic[], limit: FindingsLimit, note: (message: string) => RcaDiagnostic | undefined): RcaDiagnostic[] {
  if (diagnostics.length <= Math.min(limit.perRule, limit.perDocument)) return diagnostics;
  const listed = new Map<string, number>();
  const summaries = new Map<string, { first: RcaDiagnostic; more: number }>();
  const kept: RcaDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const seen = listed.get(diagnostic.code) ?? 0;
    if (seen < limit.perRule) {
      listed.set(diagnostic.code, seen + 1);
      kept.push(diagnostic);
      continue;
    }
    const summary = summaries.get(diagnostic.code);
    if (summary) {
      summary.more++;
      continue;
    }
    // Placed where the first one left out stands, so the list stays in document order.
    const { fixes: _fixes, related: _related, ...rest } = diagnostic;
    const first: RcaDiagnostic = rest;
    summaries.set(diagnostic.code, { first, more: 1 });
    kept.push(first);
  }
  for (const [code, { first, more }] of summaries) {
    first.message = `${countOf(more)} more ${code} finding${more === 1 ? '' : 's'} from here on are not listed: a document lists at most ${countOf(limit.perRule)} of one rule (the CLI's --max-findings lists more).`;
  }
  if (kept.length <= limit.perDocument) return kept;
  const shown = kept.slice(0, limit.perDocument);
  const notice = note(
    `RCA Writer lists the first ${countOf(limit.perDocument)} of this document's ${countOf(diagnostics.length)} findings (the CLI's --max-findings lists more).`,
  );
  if (notice) shown.unshift(notice);
  return shown;
}
