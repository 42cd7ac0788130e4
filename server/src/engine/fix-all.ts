import { FIX_ALL_BUDGET_MS } from './budget';
import { checkSteps, runSteps, type CheckOptions, type CheckResult } from './check';
import { judge, ProofBudget, verdictOf } from './fix-proof';
import { placesFixed } from './same-mistake';
import type { RcaSettings } from './settings';
import { applyEdits, LineIndex } from './text';
import type { Fix, RcaDiagnostic, TextEdit } from './types';

const MAX_ROUNDS = 20;

/**
 * Characters Fix All may check in all, proofs included: some hundreds of checks of a typical report, a few of a
 * 1 MB one; and FIX_ALL_BUDGET_MS of time. Past either, Fix All stops with what it has proved so far (then a second
 * Fix All can still do more).
 */
export const FIX_ALL_CHECK_CHARS = 8_000_000;

/** Fix All's budget, on `clock` when given. */
export const fixAllBudget = (clock?: () => number) => new ProofBudget(FIX_ALL_CHECK_CHARS, FIX_ALL_BUDGET_MS, clock);

type Clocked = Pick<CheckOptions, 'clock'>;

interface Candidate {
  diagnostic: RcaDiagnostic;
  fix: Fix;
}

function editSpan(index: LineIndex, edit: TextEdit): [number, number] {
  return [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)];
}

/**
 * The headings a fix inserts as new text (a missing section; a move re-inserts what it cut and is not counted).
 * Fix All inserts each at most once: a section that its proof let through twice would be a copy.
 */
const headingsInserted = (fix: Fix) =>
  fix.edits
    .filter((edit) => edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character)
    .flatMap((edit) => edit.newText.match(/^ {0,3}#{1,6}[ \t].*$/gm) ?? [])
    .map((line) => line.trim());

/** A fix, named so that the same repair of the same finding is recognised in a later round. */
const identity = ({ diagnostic, fix }: Candidate) => `${diagnostic.code}\u0000${diagnostic.message}\u0000${fix.title}`;

/** The fix Fix All would apply for a finding: its preferred one, when it edits anything. */
function preferred(diagnostic: RcaDiagnostic): Fix | undefined {
  const fix = diagnostic.fixes?.find((candidate) => candidate.isPreferred);
  return fix && fix.edits.length > 0 ? fix : undefined;
}

/**
 * The preferred fix of each finding whose edits don't collide with another's, leaving out the ones `skip` names and
 * any that would insert a heading already inserted. `onCollide` hears of each left out for a collision, and with whom.
 */
function pick(
  text: string,
  diagnostics: RcaDiagnostic[],
  skip: (candidate: Candidate) => boolean,
  onCollide?: (candidate: Candidate, other: Candidate) => void,
): Candidate[] {
  const index = new LineIndex(text);
  const taken: { span: [number, number]; by: Candidate }[] = [];
  const picked: Candidate[] = [];
  for (const diagnostic of diagnostics) {
    const fix = preferred(diagnostic);
    if (!fix || skip({ diagnostic, fix })) continue;
    const spans = fix.edits.map((edit) => editSpan(index, edit));
    // Two inserts at one place would interleave unpredictably; leave the second for the next round.
    const collision = taken.find(({ span: [a, b] }) => spans.some(([start, end]) => start <= b && end >= a));
    if (collision) {
      onCollide?.({ diagnostic, fix }, collision.by);
      continue;
    }
    const candidate = { diagnostic, fix };
    for (const span of spans) taken.push({ span, by: candidate });
    picked.push(candidate);
  }
  return picked;
}

/** Applies, in one pass, the preferred fix of each diagnostic whose edits don't collide with another's. Proves nothing. */
export function applyPreferredFixes(text: string, diagnostics: RcaDiagnostic[]): string {
  const edits = pick(text, diagnostics, () => false).flatMap(({ fix }) => fix.edits);
  return edits.length ? applyEdits(text, edits) : text;
}

/**
 * The candidates applied together and checked: the result, when every target went and nothing new came; 'over
 * budget' when there was no budget for the check, or the check was cut short where the one before was not.
 */
function* attempt(
  before: CheckResult,
  candidates: Candidate[],
  budget: ProofBudget,
  options: Clocked,
): Generator<string, CheckResult | 'failed' | 'over budget', void> {
  const edits = candidates.flatMap(({ fix }) => fix.edits);
  const text = applyEdits(before.doc.text, edits);
  if (!budget.spend(text)) return 'over budget';
  const after = yield* checkSteps(text, before.settings, options);
  const verdict = verdictOf(
    judge(
      before,
      after,
      edits,
      candidates.flatMap(({ diagnostic, fix }) => placesFixed(diagnostic, fix)),
    ),
  );
  if (verdict.kind === 'unproven') return 'over budget';
  // Fix All applies only what proves itself fully: a fix that raises even a warning is left to the writer.
  return verdict.kind === 'proven' ? after : 'failed';
}

/** A fix Fix All applied, named as the quick fix is. */
export interface AppliedFix {
  code: string;
  title: string;
}

/** Why a preferred fix was left: see SkippedFix. */
export type SkipReason = 'overlap' | 'unproven' | 'repeats-heading' | 'budget' | 'rounds';

/** A preferred fix whose finding is still there after Fix All, and why it was not applied. */
export interface SkippedFix extends AppliedFix {
  /** 0-based, in the fixed text. */
  line: number;
  /**
   * `overlap`: its edit overlaps another fix's (`overlaps`), and the checks allowed no further round to try it alone;
   * `unproven`: applied, it left its finding, raised another or changed how the rest of the document parses;
   * `repeats-heading`: it would insert a heading that another fix already inserted;
   * `budget`, `rounds`: the check budget or the number of rounds ran out before it was tried.
   */
  reason: SkipReason;
  overlaps?: AppliedFix;
}

export interface FixAllReport {
  text: string;
  /** In the order they were applied. */
  applied: AppliedFix[];
  skipped: SkippedFix[];
}

/**
 * Applies every preferred fix that proves itself, re-checking between rounds, until nothing provable is left.
 * Each round applies the non-colliding fixes together and checks the result once; only when that result leaves a
 * finding or raises a new error or warning are the round's fixes proved one by one, and the ones that fail are
 * not tried again until the text has changed. A section is inserted at most once. Returns the final text; running Fix All
 * again on it changes nothing, unless the check budget ran out. Under `auto` every round is checked with the profile
 * chosen for the text given (a CheckResult's settings name it), so "again" means under that profile.
 */
export function fixAll(text: string, settings: Partial<RcaSettings>, budget = fixAllBudget()): string {
  return fixAllReport(text, settings, budget).text;
}

const named = ({ diagnostic, fix }: Candidate): AppliedFix => ({ code: diagnostic.code, title: fix.title });

/**
 * Fix All, saying which fixes it applied and which preferred fixes it left, and why (for `rca-writer check --fix`).
 * `checked` is the check of `text` under `settings` when the caller has it already.
 */
export function fixAllReport(text: string, settings: Partial<RcaSettings>, budget = fixAllBudget(), checked?: CheckResult): FixAllReport {
  return runSteps(fixAllSteps(text, settings, budget, checked));
}

/**
 * fixAllReport in the checks' steps, for a caller that lets other work run between them and stops when the result is
 * no longer wanted (the language server); `options` give every check its clock, the budget's own.
 */
export function* fixAllSteps(
  text: string,
  settings: Partial<RcaSettings>,
  budget: ProofBudget,
  checked?: CheckResult,
  options: Clocked = {},
): Generator<string, FixAllReport, void> {
  let current = checked ?? (yield* checkSteps(text, settings, options));
  const refused = new Set<string>();
  const written = new Set<string>();
  const done: AppliedFix[] = [];
  /** The fix each candidate collided with in the last round, by identity. */
  const collided = new Map<string, AppliedFix>();
  let stopped: 'budget' | 'rounds' = 'rounds';
  const repeatsHeading = (fix: Fix) => headingsInserted(fix).some((heading) => written.has(heading));
  const skip = (candidate: Candidate) => refused.has(identity(candidate)) || repeatsHeading(candidate.fix);
  const onCollide = (candidate: Candidate, other: Candidate) => collided.set(identity(candidate), named(other));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Only the last round's collisions say why a fix is left: earlier ones were tried again since.
    collided.clear();
    const candidates = pick(current.doc.text, current.diagnostics, skip, onCollide);
    if (candidates.length === 0) break;
    let next = yield* attempt(current, candidates, budget, options);
    if (next === 'over budget') {
      stopped = 'budget';
      break;
    }
    let applied = candidates;
    if (next === 'failed') {
      const passed: { candidate: Candidate; after: CheckResult }[] = [];
      for (const candidate of candidates) {
        const alone = yield* attempt(current, [candidate], budget, options);
        if (alone === 'over budget') {
          stopped = 'budget';
          break;
        }
        if (alone === 'failed') refused.add(identity(candidate));
        else passed.push({ candidate, after: alone });
      }
      if (passed.length === 0) {
        // Every fix of this round failed: the next round picks others (ones these had collided with), if any.
        if (candidates.every((candidate) => refused.has(identity(candidate)))) continue;
        break;
      }
      applied = passed.map(({ candidate }) => candidate);
      next = passed.length > 1 ? yield* attempt(current, applied, budget, options) : 'failed';
      if (typeof next === 'string') {
        // Fixes that pass alone but not together: the first one alone this round, the others in the next.
        applied = [passed[0].candidate];
        next = passed[0].after;
      }
    }
    for (const candidate of applied) {
      for (const heading of headingsInserted(candidate.fix)) written.add(heading);
      done.push(named(candidate));
    }
    current = next;
    // A fix refused on the old text may pass on the new one (a section moved into place first): try it again.
    refused.clear();
  }
  const skipped: SkippedFix[] = [];
  for (const diagnostic of current.diagnostics) {
    const fix = preferred(diagnostic);
    if (!fix) continue;
    const id = identity({ diagnostic, fix });
    const overlaps = collided.get(id);
    const reason: SkipReason = refused.has(id) ? 'unproven' : repeatsHeading(fix) ? 'repeats-heading' : overlaps ? 'overlap' : stopped;
    skipped.push({ code: diagnostic.code, title: fix.title, line: diagnostic.range.start.line, reason, ...(reason === 'overlap' ? { overlaps } : {}) });
  }
  return { text: current.doc.text, applied: done, skipped };
}
