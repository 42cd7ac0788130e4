// Editor aids over LSP: completions, hovers, inlay hints and the requests behind the client's commands.
// Like the rest of lsp/ this is wiring only; the work is done by engine modules.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Connection,
  type InlayHint,
} from 'vscode-languageserver/node';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingSections, newDocument } from '../authoring/new-document';
import { checkText, resolveProfile, type CheckResult } from '../engine/check';
import { completionsAt, type CompletionEntry } from '../authoring/completion';
import { findProfile, DEFAULT_PROFILE } from '../engine/profiles';
import { profileNote } from '../engine/auto-profile';
import {
  INSERT_SECTION_REQUEST,
  MISSING_SECTIONS_REQUEST,
  NEW_DOCUMENT_REQUEST,
  RENDER_REQUEST,
  type RenderParams,
  type RenderResult,
  type InsertSectionParams,
  type InsertSectionResult,
  type MissingSection,
  type MissingSectionsParams,
  type NewDocumentParams,
  type NewDocumentResult,
} from './protocol';
import type { RcaSettings } from '../engine/settings';
import { insertSectionEdit } from '../engine/structure';
import { timeInfoAt, timelineHints } from '../engine/time';

export interface FeatureContext {
  /**
   * The check of an open document's current text; `result` is absent when it is not an RCA, and the whole
   * answer when the document is not open.
   */
  analyse(uri: string): Promise<{ text: string; settings: RcaSettings; result?: CheckResult } | undefined>;
  settingsFor(uri: string): Promise<RcaSettings>;
}

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Module,
  zone: CompletionItemKind.EnumMember,
  instance: CompletionItemKind.Constant,
  date: CompletionItemKind.Value,
};

/** Trigger characters: "## " opens the section list, the space after a time opens the zone list. */
export const COMPLETION_TRIGGERS = [' ', '#'];

export function registerEditorFeatures(connection: Connection, context: FeatureContext): void {
  /** The check of an open RCA, with the settings it was made with. */
  async function checked(uri: string): Promise<{ result: CheckResult; settings: RcaSettings } | undefined> {
    const analysis = await context.analyse(uri);
    return analysis?.result ? { result: analysis.result, settings: analysis.settings } : undefined;
  }

  connection.onCompletion(async (params) => {
    const { result, settings } = (await checked(params.textDocument.uri)) ?? {};
    if (!result || !settings) return [];
    const invoked = params.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter;
    return completionsAt(result.doc, params.position, settings, invoked).map((entry): CompletionItem => ({
      label: entry.label,
      kind: KINDS[entry.kind],
      detail: entry.detail,
      documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: '```markdown\n' + entry.documentation + '\n```' } : undefined,
      sortText: entry.sortText,
      filterText: entry.insertText.split('\n')[0],
      insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: entry.range, newText: entry.insertText },
    }));
  });

  connection.onHover(async (params) => {
    const { result, settings } = (await checked(params.textDocument.uri)) ?? {};
    if (!result || !settings) return null;
    const onTitle = result.doc.title && params.position.line >= result.doc.title.range.start.line && params.position.line <= result.doc.title.range.end.line;
    const markdown = onTitle
      ? profileNote(result.doc.profile, result.autoProfile)
      : timeInfoAt(result.doc, result.doc.lines.offsetAt(params.position), settings);
    return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
  });

  connection.languages.inlayHint.on(async (params) => {
    const { result, settings } = (await checked(params.textDocument.uri)) ?? {};
    if (!result || !settings) return [];
    const { start, end } = params.range;
    return timelineHints(result.doc, settings)
      .filter((hint) => hint.position.line >= start.line && hint.position.line <= end.line)
      .map((hint): InlayHint => ({ position: hint.position, label: hint.label, paddingLeft: true }));
  });

  connection.onRequest(NEW_DOCUMENT_REQUEST, async (params: NewDocumentParams): Promise<NewDocumentResult> => {
    const settings = params.uri ? await context.settingsFor(params.uri) : undefined;
    let profile = findProfile(DEFAULT_PROFILE)!;
    try {
      if (settings) profile = resolveProfile(settings);
    } catch {
      // An unknown profile was already reported; the default one still makes a report.
    }
    try {
      return newDocument(profile, params, settings ?? (await context.settingsFor('')));
    } catch (error) {
      return { error: (error as Error).message };
    }
  });

  connection.onRequest(MISSING_SECTIONS_REQUEST, async (params: MissingSectionsParams): Promise<MissingSection[]> => {
    const { result } = (await checked(params.uri)) ?? {};
    return result ? missingSections(result.doc) : [];
  });

  connection.onRequest(INSERT_SECTION_REQUEST, async (params: InsertSectionParams): Promise<InsertSectionResult> => {
    const { result, settings } = (await checked(params.uri)) ?? {};
    const def = result?.doc.profile.sections.find((section) => section.id === params.id);
    if (!result || !settings || !def) return {};
    return { edit: insertSectionEdit(result.doc, def, settings) };
  });

  connection.onRequest(RENDER_REQUEST, async (params: RenderParams): Promise<RenderResult | null> => {
    const analysis = await context.analyse(params.uri);
    if (!analysis) return null;
    const { text, settings, result } = analysis;
    // Loaded on first use: the HTML pipeline (hast, parse5) is large, and the first check must not wait for it.
    const { renderReport, standaloneHtml, webviewHtml } = await import('../render');
    // Markdown that is not an RCA still previews; its findings are not the writer's concern, so no banner.
    // Images next to a saved report are inlined from its folder; an unsaved one has none.
    const folder = params.uri.startsWith('file:') ? dirname(fileURLToPath(params.uri)) : undefined;
    const report = result ? renderReport(result, settings, { folder }) : renderReport(checkText(text, settings), settings, { diagnostics: [], folder });
    const html = params.standalone ? standaloneHtml(report) : params.webview ? webviewHtml(report, params.webview) : report.html;
    return { html, title: report.title, errorCount: report.errors.length, isRca: !!result, allowRemoteImages: report.allowRemoteImages };
  });
}
