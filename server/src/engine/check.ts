import type { Root } from 'mdast';
import { candidateProfiles, chooseProfile, isAutoProfile } from './auto-profile';
import { CHECK_BUDGET_MS, cpuClock, ParseCut, REPORTS_PER_LOOK, RuleCut } from './budget';
import { capFindings, DEFAULT_FINDINGS_LIMIT, type FindingsLimit } from './findings-cap';
import { compileProfiles } from './config-text';
import { markOneCheckTree } from './block-facts';
import { writtenInEnglish } from './language';
import { MIN_CHUNK } from './chunk-points';
import { IncrementalParser } from './incremental';
import { KeptLines, lineBounds, MAX_INLINE_WORK, MAX_NESTING, MAX_PARAGRAPH_ESCAPES } from './line-bounds';
import { buildModel, type RcaDocument } from './model';
import { MAX_TABLE_ROW_PIPES, parseMarkdown } from './parse';
import { DEFAULT_PROFILE, findProfile, type Profile } from './profiles';
import { allRules, timeRules, type Rule } from './rules';
import { incompleteCheck } from './rules/incomplete-check';
import { diagnosticOf } from './rules/rule';
import { mergeSameMistakes } from './same-mistake';
import { resolveSettings, type RcaSettings } from './settings';
import { applySuppressions, ignoreLineFix } from './suppress';
import { analyzeTimesInSteps } from './time/analyze';
import { setTimeDeadline, TimeAnalysisCut } from './time/deadline';
import { dropSwallowedFixes, isSwallowed } from './swallowed';
import { comparePositions } from './text';
import type { Finding, RcaDiagnostic, Severity } from './types';

export interface CheckResult {
  doc: RcaDocument;
  diagnostics: RcaDiagnostic[];
  /** The settings the check ran under, so a fix can be proved under the same (fix-proof.ts). */
  settings: RcaSettings;
  /** The profile was chosen for this document by `auto` (its name is doc.profile.name). */
  autoProfile: boolean;
  /**
   * The codes of the enabled rules that did not run to their end (the work budget, the size bounds, a failure), so
   * their silence says nothing; absent when every enabled rule ran. A proof compares only what ran (fix-proof.ts).
   */
  notRun?: readonly string[];
}

export class UnknownProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unknown profile "${profile}"`);
  }
}

/**
 * The profile the settings name: a user-defined one first, then a built-in one. Under `auto`, which chooses per
 * document in checkText, this is the house profile: what a new document is written in.
 */
export function resolveProfile(settings: RcaSettings): Profile {
  if (isAutoProfile(settings.profile)) return findProfile(DEFAULT_PROFILE)!;
  const custom = compileProfiles(settings.profiles, 'settings').get(settings.profile.toLowerCase());
  const profile = custom ?? findProfile(settings.profile);
  if (!profile) throw new UnknownProfileError(settings.profile);
  return profile;
}

/** The profiles a document may be read under with these settings: under `auto`, every one it may choose. */
export function reportProfiles(settings: RcaSettings): Profile[] {
  return isAutoProfile(settings.profile) ? candidateProfiles(settings) : [resolveProfile(settings)];
}

/** What marks a report under these settings (detect.ts): the profiles' title words and the profiles themselves. */
export function reportMarks(settings: RcaSettings): { titleWords: string[]; profiles: Profile[] } {
  const profiles = reportProfiles(settings);
  return { titleWords: [...new Set(profiles.flatMap((profile) => profile.titleWords ?? []))], profiles };
}

function profileOrDefault(settings: RcaSettings): Profile {
  try {
    return resolveProfile(settings);
  } catch {
    // The editor and the CLI report a bad profile to the user; checking goes on with the default.
    return findProfile(DEFAULT_PROFILE)!;
  }
}

/** The severity a rule's findings get under these settings, or 'off'. */
export function effectiveSeverity(rule: Rule, settings: RcaSettings, finding?: Finding): Severity | 'off' {
  return settings.rules[rule.code] ?? settings.rules[rule.name] ?? finding?.severity ?? rule.defaultSeverity;
}

/** The rules that read no words: an empty heading or list item, a placeholder, a check cut short. */
const ANY_LANGUAGE = new Set(['RCA001', 'RCA104', 'RCA107', 'RCA109']);

/**
 * Size bounds, in UTF-16 units. A real RCA is a few KB. The check grows linearly with the text (the date and time
 * rules too, since they stopped re-reading a sentence per mention): about 3-4 s of CPU for a 1 MB RCA, up to ~10 s
 * for a hostile 1 MB of times, dates and zones (docs/performance.md). Past MAX_TIME_CHECK_CHARS the date and time
 * rules are skipped; past MAX_CHARS nothing but the title is read, so a 10 MB file costs a few milliseconds.
 */
export const MAX_TIME_CHECK_CHARS = 1_200_000;
export const MAX_CHARS = 2_000_000;

function describeSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} million characters` : `${Math.round(chars / 1000)} thousand characters`;
}

function incomplete(message: string, settings: RcaSettings): RcaDiagnostic | undefined {
  const severity = effectiveSeverity(incompleteCheck, settings);
  if (severity === 'off') return undefined;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { range, message, code: incompleteCheck.code, rule: incompleteCheck.name, severity, source: 'rca-writer' };
}

export interface CheckOptions {
  /** Parses the text; the server passes an incremental parser that gives the same tree (see incremental.ts). */
  parse?: (text: string) => Root;
  /** The parser to parse with in steps instead (the server keeps one per document, see incremental.ts). */
  parser?: IncrementalParser;
  /** Decides from the model whether the rules run at all; when it says no, no diagnostics are returned. */
  shouldCheck?: (doc: RcaDocument) => boolean;
  /** The work budget in milliseconds (CHECK_BUDGET_MS by default); the clock is the process's CPU time unless given. */
  budgetMs?: number;
  clock?: () => number;
  /** How many findings are listed (DEFAULT_FINDINGS_LIMIT unless given; see findings-cap.ts). */
  findingsLimit?: FindingsLimit;
  /** Under `auto`: the profile this document was last checked with, kept unless another fits strictly better. */
  keepProfile?: string;
}

/** The lines of each kept parser's document (the language server's), read again only where an edit touched them. */
const keptLines = new WeakMap<IncrementalParser, KeptLines>();

function keptLinesOf(parser: IncrementalParser): KeptLines {
  let kept = keptLines.get(parser);
  if (!kept) keptLines.set(parser, (kept = new KeptLines()));
  return kept;
}

/**
 * Parses the text once and runs every enabled rule over the model.
 * This is the engine's single entry point: the server, the CLI and the tests all call it.
 * It never throws on a document: what could not be checked is reported under RCA001.
 */
export function checkText(text: string, settingsInput: Partial<RcaSettings> | RcaSettings = {}, options: CheckOptions = {}): CheckResult {
  return runSteps(checkSteps(text, settingsInput, options));
}

/** Runs work made of steps (checkSteps, a fix's proof, Fix All) to its end in one go: the CLI's and the tests' way. */
export function runSteps<T>(steps: Generator<string, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The codes of the rules a check under `settings` runs. */
const enabledRules = (settings: RcaSettings) =>
  allRules.filter((rule) => settings.rules[rule.code] !== 'off' && settings.rules[rule.name] !== 'off').map((rule) => rule.code);

/**
 * checkText as a sequence of steps: it yields after the parse, after choosing a profile and after each rule, saying
 * which step it finished, and returns the result. A caller that must stay responsive (the language server, see
 * sliced-check.ts) lets other work run between steps, or stops a check no longer wanted by not asking for more.
 */
export function* checkSteps(
  text: string,
  settingsInput: Partial<RcaSettings> | RcaSettings = {},
  options: CheckOptions = {},
): Generator<string, CheckResult, void> {
  // The budget covers the whole check, the parse included (budget.ts).
  const clock = options.clock ?? cpuClock;
  const started = clock();
  const budgetMs = options.budgetMs ?? CHECK_BUDGET_MS;
  const pastDeadline = () => clock() - started > budgetMs;
  const seconds = Math.round(budgetMs / 100) / 10;
  const settings = resolveSettings(settingsInput);
  const autoProfile = isAutoProfile(settings.profile);
  let profile = profileOrDefault(settings);
  const tooLarge = text.length > MAX_CHARS;
  const bounds = tooLarge ? undefined : options.parser ? keptLinesOf(options.parser).bounds(text) : lineBounds(text);
  const lineCount = bounds?.lineCount ?? 0;
  const tooNested = !!bounds && bounds.deepest() > MAX_NESTING;
  // A text too short to pass a bound is not read for it: an escape takes two characters, and the inline work is
  // at most the square of the text's length.
  const escapesAt = !bounds || tooNested || text.length <= 2 * MAX_PARAGRAPH_ESCAPES ? -1 : bounds.escapeHeavyParagraph();
  if (!bounds || tooNested || escapesAt >= 0 || (text.length * text.length > MAX_INLINE_WORK && bounds.inlineWork() > MAX_INLINE_WORK)) {
    // Only the first line is modelled, so the title still tells whether this is an RCA.
    const doc = buildModel(text.slice(0, 1000).split(/\r\n|\n|\r/, 1)[0], profile);
    const why = tooLarge
      ? `it has ${describeSize(text.length)}, more than the ${describeSize(MAX_CHARS)} it checks`
      : tooNested
        ? `quotes or lists nest more than ${MAX_NESTING} levels deep`
        : escapesAt >= 0
          ? `the paragraph at line ${(escapesAt + 1).toLocaleString('en-US')} has more than ${MAX_PARAGRAPH_ESCAPES.toLocaleString('en-US')} backslash escapes (\\) and character references (&amp;), more than the Markdown parser reads in the time a check may take`
          : 'a paragraph has so many emphasis, link or code markers (*, _, [, ], `, ~) that parsing it would take minutes';
    const skipped = incomplete(`RCA Writer did not check this document: ${why}.`, settings);
    return { doc, diagnostics: skipped ? [skipped] : [], settings, autoProfile, notRun: enabledRules(settings) };
  }
  let doc: RcaDocument;
  try {
    // The parse yields between chunks: the longest step of a long document's check but the time analysis. A text
    // shorter than a chunk's least size is parsed in one go when no parser is kept: cut at its headings, each piece
    // paid the parser's set-up (a quarter of a seed-sized report's parse), and it is read well within the budget.
    const parser = options.parser ?? (options.parse || text.length < MIN_CHUNK ? undefined : new IncrementalParser());
    const parse = options.parse ?? parseMarkdown;
    const root = parser ? yield* parser.parseSteps(text, pastDeadline) : parse(text);
    // A tree of this check's own: no caller's parser will hand its nodes back to a later check.
    if (!options.parser && !options.parse) markOneCheckTree(root);
    // Past the budget no rule runs, and the model (and under `auto` the first profile tried) is a step it cannot stop:
    // 58,000 headings took 0.1 to 0.3 s of it. A parse that ended past the budget stops the check as one cut short.
    if (parser && pastDeadline()) throw new ParseCut(lineCount);
    doc = buildModel(text, profile, root);
  } catch (error) {
    if (error instanceof ParseCut) {
      // No rule runs on part of the document: a section or a date past the cut would be reported missing.
      const doc = buildModel(text.slice(0, 1000).split(/\r\n|\n|\r/, 1)[0], profile);
      const where = error.line < lineCount ? ` at line ${(error.line + 1).toLocaleString('en-US')} of ${lineCount.toLocaleString('en-US')}` : '';
      const message = `RCA Writer stopped checking this document${where} after ${seconds} s, the time a check may take: reading its Markdown took that long, so no rule was run (one long list or thousands of one-line blocks cost the parser far more than prose).`;
      const skipped = incomplete(message, settings);
      return { doc, diagnostics: skipped ? [skipped] : [], settings, autoProfile, notRun: enabledRules(settings) };
    }
    const skipped = incomplete(`RCA Writer could not read this document as Markdown (${(error as Error).message}); nothing was checked.`, settings);
    return { doc: buildModel('', profile), diagnostics: skipped ? [skipped] : [], settings, autoProfile, notRun: enabledRules(settings) };
  }
  yield 'parse';
  if (options.shouldCheck && !options.shouldCheck(doc)) return { doc, diagnostics: [], settings, autoProfile };
  if (autoProfile) {
    doc = chooseProfile(text, doc.root, settings, doc, options.keepProfile, pastDeadline).doc;
    profile = doc.profile;
    yield 'profile';
  }
  // Under `auto`, a report in another language gets only what any language shows (language.ts); a profile named in
  // the settings is the team's word that its reports are read in it.
  const unread = autoProfile && !writtenInEnglish(text);
  // The structure rules run first (by code), so a document past the budget still gets their findings besides RCA001.
  const diagnostics: RcaDiagnostic[] = [];
  const failed: string[] = [];
  const tooLargeForTimes: string[] = [];
  const outOfTime: string[] = [];
  /** The date and time rules run on the lines the analysis read before it ran out. */
  const partly: string[] = [];
  let timesCut: TimeAnalysisCut | undefined;
  let timesAnalysed = false;
  let timesReady = false;
  setTimeDeadline(doc, pastDeadline);
  try {
    yield* runRules();
  } finally {
    // Also when the caller stops asking for steps: the document's analysis must not keep a deadline.
    setTimeDeadline(doc, undefined);
  }
  function* runRules(): Generator<string, void, void> {
    for (const rule of allRules) {
      if (settings.rules[rule.code] === 'off' || settings.rules[rule.name] === 'off') continue;
      if (unread && !ANY_LANGUAGE.has(rule.code)) continue;
      // Past the deadline, the date and time rules local to a sentence still run on what the analysis read: all of it,
      // or the lines before its cut. Their work grows with that, which the budget bounded.
      const local = timeRules.has(rule) && rule.partialTimes && (timesCut?.partial !== undefined || timesReady);
      // Checked between rules: the rules that finished keep their findings, and RCA001 names the rest.
      if (!local && (outOfTime.length || pastDeadline())) {
        outOfTime.push(rule.code);
        continue;
      }
      if (text.length > MAX_TIME_CHECK_CHARS && timeRules.has(rule)) {
        tooLargeForTimes.push(rule.code);
        continue;
      }
      if (timeRules.has(rule) && !timesAnalysed) {
        // The date and time analysis runs once, for the first date rule, and is the longest step: it runs in steps
        // of its own. Whatever stops it (the deadline, a bug) stops this rule as it would have inside it.
        timesAnalysed = true;
        try {
          yield* analyzeTimesInSteps(doc, settings);
          timesReady = true;
        } catch (error) {
          if (!(error instanceof TimeAnalysisCut)) {
            failed.push(rule.code);
            continue;
          }
          timesCut = error;
        }
      }
      // Past a cut, a date and time rule runs only if it reads nothing but what each sentence says, on the lines read.
      const partialTimes = timeRules.has(rule) ? timesCut?.partial : undefined;
      if (timeRules.has(rule) && timesCut && !(partialTimes && rule.partialTimes)) {
        outOfTime.push(rule.code);
        continue;
      }
      const before = diagnostics.length;
      let reported = 0;
      try {
        rule.check({
          doc,
          profile,
          settings,
          partialTimes,
          report(finding) {
            // Not the rules local to a sentence: they run past the deadline on purpose.
            if (++reported % REPORTS_PER_LOOK === 0 && !local && pastDeadline()) throw new RuleCut();
            const severity = effectiveSeverity(rule, settings, finding);
            if (severity === 'off') return;
            diagnostics.push(diagnosticOf(finding, rule, severity));
          },
        });
        if (partialTimes) partly.push(rule.code);
      } catch (error) {
        // One rule's failure must not hide the others' findings; its partial findings are dropped.
        diagnostics.length = before;
        if (error instanceof TimeAnalysisCut || error instanceof RuleCut) {
          if (error instanceof TimeAnalysisCut) timesCut = error;
          outOfTime.push(rule.code);
        } else failed.push(rule.code);
      }
      yield rule.code;
    }
  }
  const wideLine = bounds.tooWideTableLine();
  if (wideLine >= 0) {
    const message = `RCA Writer read line ${(wideLine + 1).toLocaleString('en-US')} as text, not as a table row: it has more than ${MAX_TABLE_ROW_PIPES.toLocaleString('en-US')} "|", and the Markdown parser takes longer to read a row that wide than a check may take.`;
    const skipped = incomplete(message, settings);
    if (skipped) diagnostics.push(skipped);
  }
  if (tooLargeForTimes.length) {
    const message = `Dates and times were not checked: this document has ${describeSize(text.length)}, more than the ${describeSize(MAX_TIME_CHECK_CHARS)} they are checked in; skipped: ${tooLargeForTimes.join(', ')}.`;
    const skipped = incomplete(message, settings);
    if (skipped) diagnostics.push(skipped);
  }
  if (outOfTime.length) {
    const reached = timesCut ? ` (${timesCut.message})` : '';
    const read = timesCut?.partial?.partial;
    const lines = read && (read.lines === read.of ? 'every line' : `lines 1–${read.lines.toLocaleString('en-US')} only`);
    const part = partly.length ? `, the date and time rules ${partly.join(', ')} checked ${lines}` : '';
    const message = `RCA Writer stopped checking this document after ${seconds} s, the time a check may take${reached}; the findings of the rules that ran are shown${part}, and these were skipped: ${outOfTime.join(', ')}.`;
    const skipped = incomplete(message, settings);
    if (skipped) diagnostics.push(skipped);
  }
  if (failed.length) {
    const skipped = incomplete(`Some checks could not run on this document and were skipped: ${failed.join(', ')}.`, settings);
    if (skipped) diagnostics.push(skipped);
  }
  // A pasted log's findings are counted in hundreds of thousands: what is done with them is cut into steps too.
  const kept = applySuppressions(doc, diagnostics);
  yield 'findings';
  dropSwallowedFixes(doc, kept);
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
  yield 'findings';
  const found = mergeSameMistakes(kept);
  const listed = capFindings(found, options.findingsLimit ?? DEFAULT_FINDINGS_LIMIT, (message) => incomplete(message, settings));
  yield 'findings';
  // Only what is listed gets its "Ignore" fix: a pasted log's 250,000 findings would each look for a place for one.
  const fromRules = listed === found ? undefined : new Set(found);
  let fixed = 0;
  for (const diagnostic of listed) {
    if (++fixed % 500 === 0) yield 'findings';
    if (fromRules && !fromRules.has(diagnostic)) continue;
    for (const finding of [diagnostic, ...(diagnostic.places ?? [])]) {
      const ignore = ignoreLineFix(doc, finding);
      if (ignore && !isSwallowed(doc, ignore)) finding.fixes = [...(finding.fixes ?? []), ignore];
    }
  }
  // A fix is proved under the profile the document was checked with, not chosen again (fix-proof.ts).
  const notRun = [...tooLargeForTimes, ...outOfTime, ...partly, ...failed];
  return {
    doc,
    diagnostics: listed,
    // A fix is proved under `auto` again when the language kept the profile's own rules from running.
    settings: autoProfile && !unread ? { ...settings, profile: profile.name } : settings,
    autoProfile,
    ...(notRun.length ? { notRun } : {}),
  };
}
