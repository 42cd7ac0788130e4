import { cpuClock, QUICK_FIX_BUDGET_MS } from './budget';
import { checkSteps, runSteps, type CheckOptions, type CheckResult } from './check';
import { endOffset, startOffset } from './nodes';
import { timeRules } from './rules';
import { placeholder } from './rules/placeholder';
import { placesFixed, placesOf } from './same-mistake';
import { applyEdits } from './text';
import type { Fix, RcaDiagnostic, TextEdit } from './types';

/*
 * A fix proves itself before it is trusted: it is applied to the text, the text is checked again, and the fix
 * passes when the finding it was made for is gone and no error or warning appeared that was not there before.
 * Checking is the costly part, so proofs are made only when asked for (a quick fix the editor is about to show, a
 * Fix All), each once, within a budget of characters checked and of time, and in steps (the check's own), so the
 * server answers other requests between them and stops a proof no longer wanted (lsp/code-actions.ts).
 */

/** What applying some edits did to the findings they were made for, and to the rest. */
export interface Outcome {
  /** Targeted findings still there afterwards. */
  remaining: RcaDiagnostic[];
  /** Codes that have more errors or warnings afterwards than before (beyond the findings fixed). */
  raised: string[];
  /** Whether one of the raised codes is an error. */
  raisesError: boolean;
  /** Headings the edits did not touch that are no longer headings: the rest of the document parses differently. */
  hidden: number;
  /**
   * The check afterwards left out a rule the check before ran (its work budget ran out elsewhere, the text grew past
   * a size bound): that rule's findings can't be compared, so nothing is proved either way.
   */
  inconclusive: boolean;
}

const key = (diagnostic: RcaDiagnostic) => `${diagnostic.code}\u0000${diagnostic.message}`;
const counts = (diagnostic: RcaDiagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning';

/**
 * Findings about the words of a block a fix wrote from a template (a section skeleton): its placeholders, the date it
 * leaves for the writer. They are the writer's to fill in and don't count against the fix. Findings about the
 * document's structure count wherever they point, and so does anything in text a fix carried from elsewhere (a
 * moved section) or wrote within a line (a rewritten time).
 */
const aboutWrittenWords = new Set([placeholder.code, ...[...timeRules].map((rule) => rule.code)]);

interface Span {
  start: number;
  end: number;
  newText: string;
}

/**
 * Where an offset of the text before the edits lies afterwards: one offset, or the span of the text that replaced
 * it (an insertion right at the offset counts: what stood there may now be on either side of the inserted text).
 */
function mapOffset(spans: readonly Span[], offset: number): [number, number] {
  let shift = 0;
  for (const span of spans) {
    if (span.start > offset) break;
    if (offset < span.end || (span.start === span.end && span.start === offset)) return [span.start + shift, span.start + shift + span.newText.length];
    shift += span.newText.length - (span.end - span.start);
  }
  return [offset + shift, offset + shift];
}

/** The spans of the text after the edits that hold blocks the edits wrote, not carried from the text they removed. */
function writtenBlocks(text: string, spans: readonly Span[]): [number, number][] {
  const removed = spans.map((span) => text.slice(span.start, span.end));
  const written: [number, number][] = [];
  let shift = 0;
  for (const span of spans) {
    const start = span.start + shift;
    shift += span.newText.length - (span.end - span.start);
    const block = span.newText.trim();
    if (/[\r\n]/.test(block) && !removed.some((slice) => slice.includes(block))) written.push([start, start + span.newText.length]);
  }
  return written;
}

/**
 * How many top-level headings that the edits did not touch are not headings afterwards, at the place they moved to.
 * Headings make the sections; one that an edit turned into code or comment (an open block it inserted or carried)
 * means the rest of the document no longer parses as it did.
 */
function hiddenHeadings(before: CheckResult, after: CheckResult, spans: readonly Span[]): number {
  const afterHeadings = new Set<number>();
  for (const node of after.doc.root.children) if (node.type === 'heading') afterHeadings.add(startOffset(node));
  let hidden = 0;
  for (const node of before.doc.root.children) {
    if (node.type !== 'heading') continue;
    const start = startOffset(node);
    const end = endOffset(node);
    const lineStart = before.doc.lines.lineStart(before.doc.lines.positionAt(start).line);
    if (spans.some((span) => span.start <= end && span.end >= lineStart)) continue;
    const [at] = mapOffset(spans, start);
    if (!afterHeadings.has(at)) hidden++;
  }
  return hidden;
}

/**
 * Compares the findings before and after `edits` (made for `targets`). A target remains when a finding with its code
 * and message starts where the target's start went, as many times as such findings went there (removing one of two
 * empty list items in a row brings the second to the first's place: one is left, not two). New findings are counted
 * per code, not matched one by one: a fix changes the wording of findings elsewhere ("It belongs after ...").
 */
export function judge(before: CheckResult, after: CheckResult, edits: readonly TextEdit[], targets: readonly RcaDiagnostic[]): Outcome {
  // A repeated mistake is one finding with many places: each place counts, so that correcting one place of five
  // neither leaves its target nor raises the four that remain as a new finding.
  const notRunBefore = new Set(before.notRun);
  const inconclusive = (after.notRun ?? []).some((code) => !notRunBefore.has(code));
  const beforeFound = before.diagnostics.flatMap(placesOf);
  // A rule that did not run before has nothing to compare with: its findings afterwards are not new.
  const afterFound = after.diagnostics.filter((diagnostic) => !notRunBefore.has(diagnostic.code)).flatMap(placesOf);
  const beforeIndex = before.doc.lines;
  const afterIndex = after.doc.lines;
  const spans = edits
    .map((edit) => ({ start: beforeIndex.offsetAt(edit.range.start), end: beforeIndex.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const moved = (diagnostic: RcaDiagnostic) => mapOffset(spans, beforeIndex.offsetAt(diagnostic.range.start));
  const afterStarts = afterFound.map((diagnostic) => afterIndex.offsetAt(diagnostic.range.start));
  const remaining = targets.filter((target) => {
    const [from, to] = moved(target);
    const same = (diagnostic: RcaDiagnostic) => key(diagnostic) === key(target);
    const alike = beforeFound.filter((diagnostic) => {
      if (!same(diagnostic)) return false;
      const [a, b] = moved(diagnostic);
      return a === from && b === to;
    }).length;
    const there = afterFound.filter((diagnostic, i) => same(diagnostic) && afterStarts[i] >= from && afterStarts[i] <= to).length;
    return there >= Math.max(1, alike);
  });
  const allowed = new Map<string, number>();
  for (const diagnostic of beforeFound) if (counts(diagnostic)) allowed.set(diagnostic.code, (allowed.get(diagnostic.code) ?? 0) + 1);
  for (const target of targets) if (counts(target) && !remaining.includes(target)) allowed.set(target.code, (allowed.get(target.code) ?? 0) - 1);
  const written = writtenBlocks(before.doc.text, spans);
  const found = new Map<string, number>();
  const errors = new Set<string>();
  afterFound.forEach((diagnostic, i) => {
    if (!counts(diagnostic)) return;
    if (aboutWrittenWords.has(diagnostic.code) && written.some(([start, end]) => afterStarts[i] >= start && afterStarts[i] < end)) return;
    found.set(diagnostic.code, (found.get(diagnostic.code) ?? 0) + 1);
    if (diagnostic.severity === 'error') errors.add(diagnostic.code);
  });
  const raised = [...found].filter(([code, count]) => count > (allowed.get(code) ?? 0)).map(([code]) => code);
  return {
    remaining,
    raised,
    raisesError: raised.some((code) => errors.has(code)),
    hidden: hiddenHeadings(before, after, spans),
    inconclusive,
  };
}

/**
 * How much proofs may still do: characters of text checked (how many checks, whatever the machine), and time since
 * the budget was made on `clock` (the process's CPU time unless given; the server's clock leaves out its pauses).
 */
export class ProofBudget {
  private readonly started: number;

  constructor(
    private chars: number,
    private readonly ms = Infinity,
    private readonly clock: () => number = cpuClock,
  ) {
    this.started = clock();
  }

  /** Takes the cost of checking `text` from the budget; false (and nothing taken) when it is spent. */
  spend(text: string): boolean {
    if (text.length > this.chars || this.clock() - this.started > this.ms) return false;
    this.chars -= text.length;
    return true;
  }
}

/**
 * What a quick-fix request may check: about a hundred proofs of a typical report, one of a 1 MB one, and
 * QUICK_FIX_BUDGET_MS of time. A fix that could not be proved within it is not offered; asked again, the fixes
 * proved already are not proved again, so a new request goes further.
 */
export const QUICK_FIX_PROOF_CHARS = 1_000_000;

/** A quick-fix request's budget, on `clock` when given. */
export const quickFixBudget = (clock?: () => number) => new ProofBudget(QUICK_FIX_PROOF_CHARS, QUICK_FIX_BUDGET_MS, clock);

export type Verdict =
  | { kind: 'proven' }
  /** Its finding is still there, or it changes how the rest of the document parses, or it raises an error. */
  | { kind: 'refused' }
  /** It raises warnings that were not there. */
  | { kind: 'raises'; codes: string[] }
  | { kind: 'unproven' };

/** What one outcome says of the fixes that led to it. */
export function verdictOf(outcome: Outcome): Verdict {
  if (outcome.inconclusive) return { kind: 'unproven' };
  if (outcome.remaining.length || outcome.hidden || outcome.raisesError) return { kind: 'refused' };
  if (outcome.raised.length) return { kind: 'raises', codes: outcome.raised };
  return { kind: 'proven' };
}

/** Applies one fix and checks the result, in the check's steps; `options` give the check its clock. */
export function* proveFixSteps(
  before: CheckResult,
  target: RcaDiagnostic,
  fix: Fix,
  budget: ProofBudget,
  options: Pick<CheckOptions, 'clock'> = {},
): Generator<string, Verdict, void> {
  const text = applyEdits(before.doc.text, fix.edits);
  if (!budget.spend(text)) return { kind: 'unproven' };
  const after = yield* checkSteps(text, before.settings, options);
  return verdictOf(judge(before, after, fix.edits, placesFixed(target, fix)));
}

/** Applies one fix and checks the result, in one go. */
export function proveFix(before: CheckResult, target: RcaDiagnostic, fix: Fix, budget: ProofBudget): Verdict {
  return runSteps(proveFixSteps(before, target, fix, budget));
}

/** The fixes to offer for a finding, and how many of its fixes were left unproved (not offered). */
export interface Offer {
  fixes: Fix[];
  unproven: number;
}

/**
 * The fixes to offer for one finding of a check, each proved once (the verdicts are kept with the check's result),
 * in steps. A fix that leaves its finding, raises an error or changes how the rest of the document parses is not
 * offered; one that raises a warning is offered as a choice, not preferred, and says what it raises; one the budget
 * left unproved (or whose re-check was cut short) is not offered, and counted in `unproven`.
 */
export function* offerSteps(
  result: CheckResult,
  target: RcaDiagnostic,
  budget: ProofBudget,
  options: Pick<CheckOptions, 'clock'> = {},
): Generator<string, Offer, void> {
  let verdicts = verdictsByResult.get(result);
  if (!verdicts) verdictsByResult.set(result, (verdicts = new Map()));
  const offer: Offer = { fixes: [], unproven: 0 };
  for (const fix of target.fixes ?? []) {
    let verdict = verdicts.get(fix);
    if (!verdict) {
      verdict = yield* proveFixSteps(result, target, fix, budget, options);
      if (verdict.kind !== 'unproven') verdicts.set(fix, verdict);
    }
    if (verdict.kind === 'proven') offer.fixes.push(fix);
    else if (verdict.kind === 'raises') offer.fixes.push({ ...fix, title: `${fix.title} (this raises ${verdict.codes.join(', ')})`, isPreferred: false });
    else if (verdict.kind === 'unproven') offer.unproven++;
  }
  return offer;
}

/** offerSteps in one go: the fixes to offer for one finding. */
export function provenFixes(result: CheckResult, target: RcaDiagnostic, budget = quickFixBudget()): Fix[] {
  return runSteps(offerSteps(result, target, budget)).fixes;
}

const verdictsByResult = new WeakMap<CheckResult, Map<Fix, Verdict>>();
