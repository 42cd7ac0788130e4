// VS Code for the Web's renderer: a web worker of its own (dist/web-render.js), started by the client on the first
// preview or export. The language server's worker stays small; this one checks the text with the settings the
// server used (rcaWriter/renderInput) and renders it as the Node server would, without local images.
import { checkText } from '../engine/check';
import { printHtml, type PrintedHtml } from '../engine/html-text';
import type { RcaSettings } from '../engine/settings';
import { renderedPage, type PageRequest, type RenderedPage } from './output';
import { renderReport } from './render';

export interface RenderJob extends PageRequest {
  id: number;
  text: string;
  settings: RcaSettings;
  isRca: boolean;
  keepProfile?: string;
}

/** A page saved as HTML to print as text, for Convert Published Page: the web's language server has no HTML parser. */
export interface PrintHtmlJob {
  id: number;
  printHtml: string;
}

export type RenderReply = { id: number; page: RenderedPage } | { id: number; printed: PrintedHtml } | { id: number; error: string };

/** One render: the same check and page as the Node server's rcaWriter/render. */
export function renderJob(job: RenderJob): RenderedPage {
  const result = checkText(job.text, job.settings, { keepProfile: job.keepProfile });
  const report = renderReport(result, job.settings, job.isRca ? {} : { diagnostics: [] });
  return renderedPage(report, job);
}

interface WorkerScope {
  onmessage: ((event: { data: RenderJob | PrintHtmlJob }) => void) | null;
  postMessage(message: RenderReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = ({ data }) => {
  try {
    scope.postMessage('printHtml' in data ? { id: data.id, printed: printHtml(data.printHtml) } : { id: data.id, page: renderJob(data) });
  } catch (error) {
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
