// The preview's and Export HTML's request, served by the Node server: it reads the images next to the report.
// VS Code for the Web renders in a worker of its own instead (render/worker.ts, fed by render-input.ts).
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
    const [{ renderReport, renderedPage }, { inlineImage }] = await Promise.all([import('../render'), import('../render/local-images')]);
    // Markdown that is not an RCA still previews; its findings are not the writer's concern, so no banner.
    // Images next to a saved report are inlined from its folder; an unsaved one has none.
    const images = { folder: params.uri.startsWith('file:') ? dirname(fileURLToPath(params.uri)) : undefined, readImage: inlineImage };
    const report = result ? renderReport(result, settings, images) : renderReport(checkText(text, settings), settings, { diagnostics: [], ...images });
    return { ...renderedPage(report, params), isRca: !!result };
  });
}
