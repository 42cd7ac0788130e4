// The render worker's input (VS Code for the Web): the document's text and settings as the server checked them.
import type { Connection } from 'vscode-languageserver';
import type { FeatureContext } from './features';
import { RENDER_INPUT_REQUEST, type RenderInput, type RenderInputParams } from './protocol';

export function registerRenderInput(connection: Connection, context: FeatureContext): void {
  connection.onRequest(RENDER_INPUT_REQUEST, async (params: RenderInputParams): Promise<RenderInput | null> => {
    const analysis = await context.analyse(params.uri);
    if (!analysis) return null;
    const keepProfile = analysis.result?.autoProfile ? analysis.result.doc.profile.name : undefined;
    return { text: analysis.text, settings: analysis.settings, isRca: !!analysis.result, keepProfile };
  });
}
