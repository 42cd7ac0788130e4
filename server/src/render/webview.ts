import { imageSources } from './images';
import { escapeHtml, htmlPage } from './page';
import type { RenderedReport } from './render';

/** Where the preview's webview loads its assets from: only the client knows these (webview.asWebviewUri). */
export interface WebviewAssets {
  /** The webview's `cspSource`: the origin its stylesheet may come from. */
  cspSource: string;
  /** media/preview.css and media/preview.js, as URIs the webview can load. */
  stylesheet: string;
  script: string;
  /** Fresh for each panel: only a script that carries it runs. */
  nonce: string;
}

/**
 * The preview's first page, built here so that the webview and the exported file share one page shell.
 * Later renders are posted into this page as fragments, so it keeps its scroll position.
 */
export function webviewHtml(report: RenderedReport, assets: WebviewAssets): string {
  return htmlPage({
    title: report.title,
    body: report.html,
    csp: [
      "default-src 'none'",
      `style-src ${assets.cspSource}`,
      `img-src ${imageSources(report.allowRemoteImages)}`,
      `script-src 'nonce-${assets.nonce}'`,
    ].join('; '),
    head: `<link rel="stylesheet" href="${escapeHtml(assets.stylesheet)}">`,
    tail: `<script nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.script)}"></script>\n`,
  });
}
