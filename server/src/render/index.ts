// Markdown to publish-ready HTML, shared by the preview, the export and the CLI.
export { renderReport, renderText, orderedSections, type RenderedReport, type RenderOptions } from './render';
export { standaloneHtml } from './standalone';
export { webviewHtml, type WebviewAssets } from './webview';
export { htmlPage, escapeHtml } from './page';
export { STYLESHEET } from './stylesheet';
export { summarize, type ReportSummary } from './summary';
export { renderedPage, type PageRequest, type RenderedPage } from './output';
export type { ImageReader } from './images';
