// Editor aids over LSP: completions, hovers, inlay hints and the requests behind the client's commands
// (render-request.ts serves the preview's, in the Node server only).
// Like the rest of lsp/ this is wiring only; the work is done by engine modules.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Connection,
  type InlayHint,
} from 'vscode-languageserver';
import { missingSections, newDocument } from '../authoring/new-document';
import { convertPage, convertPrinted, NotAPrintedPage } from '../convert';
import { isHtmlSource } from '../convert/sniff';
import type { PrintedHtml } from '../engine/html-text';
import { reportProfiles, resolveProfile, type CheckResult } from '../engine/check';
import { completionsAt, type CompletionEntry } from '../authoring/completion';
import { findProfile, DEFAULT_PROFILE, type Profile } from '../engine/profiles';
import { profileNote } from '../engine/auto-profile';
import {
  CONVERT_PAGE_REQUEST,
  INSERT_SECTION_REQUEST,
  MISSING_SECTIONS_REQUEST,
  NEW_DOCUMENT_REQUEST,
  type ConvertPageParams,
  type ConvertPageResult,
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
  /** The host's HTML printer (host.ts), if it has one. */
  printHtml?(html: string): PrintedHtml;
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

  /** The profile a document's settings name; an unknown one was already reported, and the default still serves. */
  function profileOf(settings: RcaSettings | undefined) {
    try {
      if (settings) return resolveProfile(settings);
    } catch {
      // Reported when the settings were read.
    }
    return findProfile(DEFAULT_PROFILE)!;
  }

  connection.onRequest(NEW_DOCUMENT_REQUEST, async (params: NewDocumentParams): Promise<NewDocumentResult> => {
    const settings = params.uri ? await context.settingsFor(params.uri) : undefined;
    const profile = profileOf(settings);
    try {
      return newDocument(profile, params, settings ?? (await context.settingsFor('')));
    } catch (error) {
      return { error: (error as Error).message };
    }
  });

  connection.onRequest(CONVERT_PAGE_REQUEST, async (params: ConvertPageParams): Promise<ConvertPageResult> => {
    const settings = await context.settingsFor(params.uri);
    let profiles: Profile[];
    try {
      profiles = reportProfiles(settings);
    } catch {
      // An unknown profile was reported when the settings were read; the default one still reads the page.
      profiles = [profileOf(undefined)];
    }
    try {
      const { markdown, notes, dropped } = params.sourceLines
        ? convertPrinted({ text: params.text, sourceLines: params.sourceLines, marks: params.marks, spans: params.spans }, profiles)
        : convertPage(params.text, profiles, context.printHtml);
      return { markdown, notes, leftOut: dropped.length };
    } catch (error) {
      if (error instanceof NotAPrintedPage)
        return { error: error.message, ...(!params.sourceLines && !context.printHtml && isHtmlSource(params.text) ? { html: true } : {}) };
      throw error;
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
}
