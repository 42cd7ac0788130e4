// What the preview and Export HTML ask for, whoever renders it: the Node server (lsp/render-request.ts) or the
// web's render worker (render/worker.ts).
import type { RenderedReport } from './render';
import { standaloneHtml } from './standalone';
import { webviewHtml, type WebviewAssets } from './webview';

export interface PageRequest {
  /** A whole self-contained HTML file (styles inline) rather than the report fragment. */
  standalone?: boolean;
  /** The preview's whole first page, loading these assets, rather than the report fragment. */
  webview?: WebviewAssets;
}

export interface RenderedPage {
  html: string;
  title: string;
  errorCount: number;
  allowRemoteImages: boolean;
}

/** The report as the request asks for it: the exported file, the preview's first page, or the fragment. */
export function renderedPage(report: RenderedReport, request: PageRequest): RenderedPage {
  const html = request.standalone ? standaloneHtml(report) : request.webview ? webviewHtml(report, request.webview) : report.html;
  return { html, title: report.title, errorCount: report.errors.length, allowRemoteImages: report.allowRemoteImages };
}
