// The preview's and Export HTML's request, served by the Node server only: the renderer reads images next to
// the report and hashes with node:crypto, which a web worker has not.
import type { Connection } from 'vscode-languageserver';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText } from '../engine/check';
import type { FeatureContext } from './features';
import { RENDER_REQUEST, type RenderParams, type RenderResult } from './protocol';

export function registerRender(connection: Connection, context: FeatureContext): void {
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
