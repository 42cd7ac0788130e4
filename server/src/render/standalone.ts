import { sha256 } from '@noble/hashes/sha256';
import { imageSources } from './images';
import { htmlPage } from './page';
import type { RenderedReport } from './render';
import { STYLESHEET } from './stylesheet';

/**
 * The CSP hash of the inline stylesheet. Not node:crypto, which a web worker has not, nor Web Crypto, which is
 * missing outside a secure context (code-server served over plain http to another machine).
 */
const STYLE_HASH = (() => {
  let binary = '';
  for (const byte of sha256(new TextEncoder().encode(STYLESHEET))) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
})();

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
