// Quick fixes and Fix All as code actions. The engine computed every fix as data; this only wraps them in edits.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection } from 'vscode-languageserver/node';
import { fixAll } from '../engine/fix-all';
import { minimalEdit } from '../engine/text';
import type { TextEdit } from '../engine/types';
import type { Analyser } from './analysis';
import type { Configuration } from './configuration';
import type { DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type DiagnosticData } from './protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export function registerCodeActions(connection: Connection, documents: DocumentStore, analyser: Analyser, configuration: Configuration): void {
  const fixAllCache = new Map<string, { version: number; settingsKey: string; edit: TextEdit | undefined }>();
  documents.onDidClose((document) => fixAllCache.delete(document.uri));

  connection.onCodeAction(async (params: CodeActionParams, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await analyser.analyse(document);
    if (token.isCancellationRequested || !analysis.result) return [];
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
        const data = current?.data as DiagnosticData | undefined;
        for (const fix of data?.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [current!],
            isPreferred: fix.isPreferred,
            edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits }] },
          });
        }
      }
    }
    // Fix-all re-checks the text several times: compute it when asked for, or beside a problem that has a
    // real fix (not only "Ignore"), and once per document version.
    const besideFixable = actions.some((action) => action.isPreferred);
    if (wants(FIX_ALL_KIND) && (only || besideFixable)) {
      let cached = fixAllCache.get(document.uri);
      if (!cached || cached.version !== document.version || cached.settingsKey !== analysis.settingsKey) {
        const text = document.getText();
        cached = { version: document.version, settingsKey: analysis.settingsKey, edit: minimalEdit(text, fixAll(text, await configuration.settingsFor(document.uri))) };
        fixAllCache.set(document.uri, cached);
      }
      const edit = cached.edit;
      if (edit) {
        actions.push({
          title: 'Fix all RCA Writer problems',
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }] },
        });
      }
    }
    return actions;
  });
}
