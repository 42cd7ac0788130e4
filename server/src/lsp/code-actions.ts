// Quick fixes and Fix All as code actions. The engine computes every fix as data and proves it (fix-proof.ts);
// this wraps them in edits. Proofs and Fix All re-check the text, seconds of work on a long report, so they run in
// slices (runInSlices) as the document's check does: other requests are answered between their steps, and a newer
// version of the document or the editor's cancellation stops them.
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
} from 'vscode-languageserver';
import { FIX_ALL_BUDGET_MS, QUICK_FIX_BUDGET_MS } from '../engine/budget';
import { fixAllBudget, fixAllSteps, type FixAllReport } from '../engine/fix-all';
import { offerSteps, quickFixBudget, type Offer } from '../engine/fix-proof';
import { CheckStopped, runInSlices } from '../engine/sliced-check';
import { minimalEdit } from '../engine/text';
import type { TextEdit } from '../engine/types';
import { cancelled, type Analyser, type Analysis } from './analysis';
import type { DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

const FIX_ALL_TITLE = 'Fix all RCA Writer problems';

/** Fix All of one state of a document: shared by every request for it, stopped when none waits any more. */
interface FixAllJob {
  generation: number;
  settingsKey: string;
  /** Requests waiting for it: it stops when the count falls back to 0. */
  waiting: number;
  /** A request has waited for it (the count starts at 0 while it is being made). */
  awaited: boolean;
  done: Promise<{ report: FixAllReport; edit: TextEdit | undefined }>;
}

/** Resolves when the request is cancelled; `dispose` stops listening. */
function whenCancelled(token: CancellationToken): { promise: Promise<'cancelled'>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<'cancelled'>((resolve) => {
    if (token.isCancellationRequested) return resolve('cancelled');
    dispose = token.onCancellationRequested(() => resolve('cancelled')).dispose;
  });
  return { promise, dispose };
}

const requestCancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * `canDisable`: the editor shows a code action it cannot apply, with the reason (codeAction.disabledSupport); it
 * then hears in the list that some fixes were not proved, as it hears of skipped rules from RCA001. It is told in
 * the log in every case.
 */
export function registerCodeActions(connection: Connection, documents: DocumentStore, analyser: Analyser, canDisable: () => boolean = () => false): void {
  const fixAlls = new Map<string, FixAllJob>();
  documents.onDidClose((document) => fixAlls.delete(document.uri));

  /** Why work made for `analysis` is no longer wanted, or undefined while it is. */
  const gone = (uri: string, analysis: Analysis) => {
    if (documents.generation(uri) === analysis.generation) return undefined;
    const document = documents.get(uri);
    return document ? `version ${document.version} replaced it` : 'the document was closed';
  };

  /** Runs `start`'s steps in slices, tracing a long run and a stop; a stopped run throws CheckStopped. */
  async function inSlices<T>(
    what: string,
    uri: string,
    analysis: Analysis,
    stopReason: () => string | undefined,
    start: (clock: () => number) => Generator<string, T, void>,
  ): Promise<T> {
    const name = `${uri} (version ${analysis.version})`;
    try {
      const { result, stats } = await runInSlices(start, {
        stopReason,
        onFirstPause: () => connection.tracer.log(`RCA Writer is ${what} ${name} in slices; other requests are answered meanwhile.`),
      });
      if (stats.slices > 1) {
        connection.tracer.log(
          `RCA Writer finished ${what} ${name} in ${stats.slices} slices: ${Math.round(stats.runMs)} ms of work, at most ${Math.round(stats.longestSliceMs)} ms at a time.`,
        );
      }
      return result;
    } catch (error) {
      if (error instanceof CheckStopped) connection.tracer.log(`RCA Writer stopped ${what} ${name} after ${error.stats.steps} steps: ${error.reason}.`);
      throw error;
    }
  }

  /** Fix All of the analysis's state: the one in progress or done for it, else a new one. */
  function fixAllJob(uri: string, analysis: Analysis): FixAllJob {
    const known = fixAlls.get(uri);
    if (known && known.generation === analysis.generation && known.settingsKey === analysis.settingsKey) return known;
    const { generation, settingsKey, text, settings, result } = analysis;
    const job: FixAllJob = { generation, settingsKey, waiting: 0, awaited: false, done: Promise.resolve(undefined as never) };
    const stopReason = () => gone(uri, analysis) ?? (job.awaited && job.waiting === 0 ? 'the editor cancelled every request for it' : undefined);
    job.done = inSlices('running Fix All on', uri, analysis, stopReason, (clock) => fixAllSteps(text, settings, fixAllBudget(clock), result, { clock })).then(
      (report) => ({ report, edit: minimalEdit(text, report.text) }),
      (error: unknown) => {
        if (fixAlls.get(uri) === job) fixAlls.delete(uri);
        throw error;
      },
    );
    fixAlls.set(uri, job);
    return job;
  }

  /** Waits for Fix All as one request: the job stops once no request waits for it. */
  async function awaitFixAll(job: FixAllJob, token: CancellationToken) {
    job.waiting++;
    job.awaited = true;
    const cancellation = whenCancelled(token);
    try {
      const outcome = await Promise.race([job.done, cancellation.promise]);
      if (outcome === 'cancelled') throw requestCancelled();
      return outcome;
    } catch (error) {
      if (error instanceof CheckStopped) throw token.isCancellationRequested ? requestCancelled() : cancelled();
      throw error;
    } finally {
      job.waiting--;
      cancellation.dispose();
    }
  }

  connection.onCodeAction(async (params: CodeActionParams, token) => {
    const uri = params.textDocument.uri;
    let analysis: Analysis;
    try {
      analysis = await analyser.analyse(uri, token);
    } catch {
      return []; // closed, or no longer wanted
    }
    // Every edit below is made from this analysis's text and carries its version, and only while it is current.
    if (token.isCancellationRequested || !analysis.result || documents.generation(uri) !== analysis.generation) return [];
    const result = analysis.result;
    const name = `${uri} (version ${analysis.version})`;
    const versioned = { uri, version: analysis.version };
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      // Fixes are taken from the current analysis, so an out-of-date diagnostic never applies stale edits.
      const asked = params.context.diagnostics.flatMap((diagnostic) => {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
        const current = analysis.diagnostics.find(
          (candidate) =>
            candidate.code === diagnostic.code &&
            candidate.message === diagnostic.message &&
            candidate.range.start.line === diagnostic.range.start.line &&
            candidate.range.start.character === diagnostic.range.start.character,
        );
        return current ? [{ current, finding: analysis.findings[analysis.diagnostics.indexOf(current)] }] : [];
      });
      let offers: Offer[];
      try {
        // Each fix is proved before it is offered, within one budget for the request.
        offers = await inSlices(
          'proving quick fixes for',
          uri,
          analysis,
          () => gone(uri, analysis) ?? (token.isCancellationRequested ? 'the editor cancelled the request' : undefined),
          function* (clock) {
            const budget = quickFixBudget(clock);
            const proved: Offer[] = [];
            for (const { finding } of asked) proved.push(yield* offerSteps(result, finding, budget, { clock }));
            return proved;
          },
        );
      } catch (error) {
        if (error instanceof CheckStopped) throw token.isCancellationRequested ? requestCancelled() : cancelled();
        throw error;
      }
      offers.forEach((offer, i) => {
        for (const fix of offer.fixes) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [asked[i].current],
            isPreferred: fix.isPreferred,
            edit: { documentChanges: [{ textDocument: versioned, edits: fix.edits }] },
          });
        }
      });
      const unproven = offers.reduce((sum, offer) => sum + offer.unproven, 0);
      if (unproven) {
        const reason = `Each fix is applied and the report checked again before it is offered, and this request's ${seconds(QUICK_FIX_BUDGET_MS)} of proofs ran out first (or a check of this long report was cut short); ask again to prove more.`;
        const fixes = `${unproven} ${unproven === 1 ? 'fix' : 'fixes'}`;
        connection.console.info(`RCA Writer did not offer ${fixes} for ${name}: not proved. ${reason}`);
        if (canDisable()) actions.push({ title: `${fixes} not offered: not proved yet`, kind: CodeActionKind.QuickFix, disabled: { reason } });
      }
    }
    // Fix-all re-checks the text several times: compute it when asked for, or beside a problem that has a
    // real fix (not only "Ignore"), and once per state of the document.
    const besideFixable = actions.some((action) => action.isPreferred);
    if (wants(FIX_ALL_KIND) && (only || besideFixable)) {
      const { report, edit } = await awaitFixAll(fixAllJob(uri, analysis), token);
      const outOfBudget = report.skipped.filter((skipped) => skipped.reason === 'budget' || skipped.reason === 'rounds').length;
      const stopped = outOfBudget
        ? `Fix All stopped after ${report.applied.length} fixes: the checks it may make (${seconds(FIX_ALL_BUDGET_MS)} of them) ran out before ${outOfBudget} more were proved; run it again for more.`
        : undefined;
      if (stopped) connection.console.info(`RCA Writer: ${stopped} (${name})`);
      if (edit) {
        actions.push({
          title: stopped ? `${FIX_ALL_TITLE} (${report.applied.length} proved; run it again for the rest)` : FIX_ALL_TITLE,
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: versioned, edits: [edit] }] },
        });
      } else if (stopped && canDisable()) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, disabled: { reason: stopped } });
    }
    return actions;
  });
}
