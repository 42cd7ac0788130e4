// Quick fixes and Fix All as code actions. The engine computes every fix as data and proves it (fix-proof.ts);
// this only wraps them in edits.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection } from 'vscode-languageserver';
import { fixAll } from '../engine/fix-all';
import { provenFixes } from '../engine/fix-proof';
import { minimalEdit } from '../engine/text';
import type { TextEdit } from '../engine/types';
import type { Analyser, Analysis } from './analysis';
import type { DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export function registerCodeActions(connection: Connection, documents: DocumentStore, analyser: Analyser): void {
  const fixAllCache = new Map<string, { generation: number; settingsKey: string; edit: TextEdit | undefined }>();
  documents.onDidClose((document) => fixAllCache.delete(document.uri));

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
    const versioned = { uri, version: analysis.version };
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        // Fixes are taken from the current analysis, so an out-of-date diagnostic never applies stale edits.
        const current = analysis.diagnostics.find(
          (candidate) =>
            candidate.code === diagnostic.code &&
            candidate.message === diagnostic.message &&
            candidate.range.start.line === diagnostic.range.start.line &&
            candidate.range.start.character === diagnostic.range.start.character,
        );
        // Each fix is proved before it is offered.
        const finding = current ? analysis.findings[analysis.diagnostics.indexOf(current)] : undefined;
        for (const fix of finding ? provenFixes(analysis.result, finding) : []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [current!],
            isPreferred: fix.isPreferred,
            edit: { documentChanges: [{ textDocument: versioned, edits: fix.edits }] },
          });
        }
      }
    }
    // Fix-all re-checks the text several times: compute it when asked for, or beside a problem that has a
    // real fix (not only "Ignore"), and once per state of the document.
    const besideFixable = actions.some((action) => action.isPreferred);
    if (wants(FIX_ALL_KIND) && (only || besideFixable)) {
      let cached = fixAllCache.get(uri);
      if (!cached || cached.generation !== analysis.generation || cached.settingsKey !== analysis.settingsKey) {
        const { generation, settingsKey, text, settings } = analysis;
        cached = { generation, settingsKey, edit: minimalEdit(text, fixAll(text, settings)) };
        fixAllCache.set(uri, cached);
      }
      const edit = cached.edit;
      if (edit) {
        actions.push({
          title: 'Fix all RCA Writer problems',
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: versioned, edits: [edit] }] },
        });
      }
    }
    return actions;
  });
}
