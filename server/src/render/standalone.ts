import { createHash } from 'node:crypto';
import { imageSources } from './images';
import { htmlPage } from './page';
import type { RenderedReport } from './render';
import { STYLESHEET } from './stylesheet';

const STYLE_HASH = `sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}`;

/**
 * One self-contained file: the stylesheet inline, no script, and a policy that would refuse any script
 * the sanitiser ever let through. Only the inline stylesheet's hash may style the page; images only
 * from the page itself (data: URLs) unless the writer allowed remote ones.
 */
export function standaloneHtml(report: RenderedReport): string {
  return htmlPage({
    title: report.title,
    body: report.html,
    csp: `default-src 'none'; style-src '${STYLE_HASH}'; img-src ${imageSources(report.allowRemoteImages)}; base-uri 'none'; form-action 'none'`,
    head: `<style>${STYLESHEET}</style>`,
  });
}
