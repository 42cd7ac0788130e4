// Names and shapes shared by the client and the server. The client imports this file and no other from the
// server; facts that the engine or the renderer own are re-exported here, not copied.

export const SERVER_NAME = 'RCA Writer';
export const DIAGNOSTIC_SOURCE = 'rca-writer';
export const FIX_ALL_KIND = 'source.fixAll.rcaWriter';
export const CONFIGURATION_SECTION = 'rcaWriter';

/**
 * Node flags the editor starts the language server with. A young generation of 4 MB a half instead of V8's 16:
 * with 200 seed-sized reports opened at once the server held 148-152 MB with the default and 125-127 MB with this,
 * in the same time (2.2-2.5 s for the 200), because V8 never gives the young generation's pages back once a burst
 * of checks grew it, and Node runs no idle task that would. Kept small rather than at 1 MB (121 MB): a full check
 * of a 1 MB report allocates much that lives for the check, and promoted sooner it costs a full collection.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

import type { InlineSpan, LineMark } from '../engine/html-text';
import type { PageRequest, RenderedPage } from '../render/output';
import type { WebviewAssets } from '../render/webview';
import type { PrintHtmlJob, RenderJob, RenderReply } from '../render/worker';
import type { RcaSettings } from '../engine/settings';
export type { WebviewAssets };
/** The messages between the web client and its render worker (render/worker.ts). */
export type { PrintHtmlJob, RenderJob, RenderReply };

/** What travels in Diagnostic.data: the fixes the engine computed for this finding. */
export interface DiagnosticData {
  fixes: {
    title: string;
    isPreferred?: boolean;
    edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  }[];
  /** Document version the fixes were computed for. */
  version: number;
}

/** Custom request: is this document checked as an RCA? Used by the client for `when` clauses. */
export const IS_RCA_REQUEST = 'rcaWriter/isRca';
export interface IsRcaParams {
  uri: string;
}

/** Custom request: how a document is checked, for the status bar: as an RCA or not, and with which profile. */
export const DOCUMENT_STATUS_REQUEST = 'rcaWriter/documentStatus';
export interface DocumentStatusParams {
  uri: string;
}
/** null when the document is not open in the server (closed meanwhile); `auto`: the profile was chosen by `auto`. */
export type DocumentStatus = { isRca: boolean; profile: string; auto: boolean } | null;

/** Custom request: the workspace's reports, for the Explorer's "RCAs" view, newest incident first. */
export const REPORTS_REQUEST = 'rcaWriter/reports';
export interface ReportSummary {
  uri: string;
  /** Its path in its workspace folder. */
  name: string;
  title?: string;
  /** The incident's day as the report states it, YYYY-MM-DD. */
  incident?: string;
  /** Its findings, its own and the cross-report ones; null when it was not checked (workspace diagnostics off). */
  problems: ProblemCounts | null;
}
export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
}
/** Server to client: the reports or their problems changed; the view asks again. */
export const REPORTS_CHANGED_NOTIFICATION = 'rcaWriter/reportsChanged';

/** Custom request: the text of a new report from the profile ("RCA Writer: New RCA"). */
export const NEW_DOCUMENT_REQUEST = 'rcaWriter/newDocument';
export interface NewDocumentParams {
  /** A document or folder whose settings (profile, config file) apply; none for the defaults. */
  uri?: string;
  instances: string;
  /** As typed: "2026-04-11", "April 11, 2026", "11 April 2026". */
  date: string;
  zone: string;
}
export type NewDocumentResult = { text: string; fileName: string } | { error: string };

/**
 * Custom request: a published page (printed as text, or saved as HTML) converted to a report in Markdown ("RCA Writer:
 * Convert Published Page to RCA"), as `rca-writer convert` converts it.
 */
export const CONVERT_PAGE_REQUEST = 'rcaWriter/convertPage';
export interface ConvertPageParams {
  /** The page's document, whose settings (profile, config file) apply. */
  uri: string;
  text: string;
  /**
   * Set when `text` is a page saved as HTML printed to text by the client (engine/html-text.ts, in VS Code for the
   * Web's render worker): the line of the HTML each line of `text` was printed from.
   */
  sourceLines?: number[];
  /** With `sourceLines`: what the HTML says of the printed lines, and the links and code in them (engine/html-text.ts). */
  marks?: LineMark[];
  spans?: InlineSpan[];
}
export type ConvertPageResult =
  | {
      markdown: string;
      /** Text the converter could not place and other things to look at, by the page's line (1-based). */
      notes: { line: number; message: string }[];
      /** How many of the page's lines were the site's own and were left out. */
      leftOut: number;
    }
  /** `html`: the page is HTML and this server cannot print it (the web worker's); the client may print it and ask again. */
  | { error: string; html?: boolean };

/** Custom request: the profile sections a document lacks ("RCA Writer: Insert Section…"). */
export const MISSING_SECTIONS_REQUEST = 'rcaWriter/missingSections';
export interface MissingSectionsParams {
  uri: string;
}
export interface MissingSection {
  id: string;
  name: string;
  required: boolean;
}

/** Custom request: the edit that inserts one section in its place. */
export const INSERT_SECTION_REQUEST = 'rcaWriter/insertSection';
export interface InsertSectionParams {
  uri: string;
  id: string;
}
export interface InsertSectionResult {
  edit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}

/** Custom request: the document as a publish-ready page (preview, "Export HTML"). Served by the Node server. */
export const RENDER_REQUEST = 'rcaWriter/render';
export interface RenderParams extends PageRequest {
  uri: string;
}
export interface RenderResult extends RenderedPage {
  /** False for Markdown that is not an RCA: it is rendered all the same, without a banner. */
  isRca: boolean;
}

/**
 * Custom request: what the web's render worker needs to render a document as the server checks it (its text and
 * settings, config file included). The web worker's server does not render: the renderer would take its bundle
 * past its size budget, so VS Code for the Web renders in a worker of its own (render/worker.ts).
 */
export const RENDER_INPUT_REQUEST = 'rcaWriter/renderInput';
export interface RenderInputParams {
  uri: string;
}
export interface RenderInput {
  text: string;
  settings: RcaSettings;
  isRca: boolean;
  /** Under `auto`: the profile the server's check chose, so that the render's check keeps it. */
  keepProfile?: string;
}

/**
 * Server to client: the text of each file (null when it cannot be read), read through the editor. The web
 * worker's server has no files of its own; it looks for its config files (.rca-writer.json) this way.
 */
export const READ_FILES_REQUEST = 'rcaWriter/readFiles';
export interface ReadFilesParams {
  uris: string[];
}
export type ReadFilesResult = (string | null)[];
