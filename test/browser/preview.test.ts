// The preview as the webview gets it: rcaWriter/render from the real server (dist/server.js), the whole
// first page with its CSP, with media/preview.css and media/preview.js, in real Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { RENDER_REQUEST, type RenderResult, type WebviewAssets } from '../../server/src/lsp/protocol';
import { TestClient } from '../helpers/lsp-client';
import { hasChromium, launch } from './chromium';

const root = join(__dirname, '..', '..');
const ORIGIN = 'http://webview.test';
const NONCE = 'test-nonce-123';
const uri = 'file:///work/preview.rca.md';
const text = readFileSync(join(root, 'examples', 'out-of-order.rca.md'), 'utf8');

/** What the client's Preview sends, with the webview's origin standing in for cspSource. */
const assets: WebviewAssets = { cspSource: ORIGIN, stylesheet: `${ORIGIN}/media/preview.css`, script: `${ORIGIN}/media/preview.js`, nonce: NONCE };

/** VS Code provides acquireVsCodeApi; this stand-in, run before the page's own script, records what it posts. */
function withStandIn(page: string): string {
  const script = `<script nonce="${NONCE}" src=`;
  assert.ok(page.includes(script), 'the page loads the preview script with the nonce');
  return page.replace(
    script,
    `<script nonce="${NONCE}">window.__posted = []; window.acquireVsCodeApi = () => ({ getState: () => undefined, setState: () => {}, postMessage: (m) => window.__posted.push(m) });</script>\n${script}`,
  );
}

describe('preview: server render in the webview page', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  let client: TestClient;
  let browser: Browser;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(uri, text);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await client?.shutdown();
  });

  it('rcaWriter/render returns the report fragment, the title and the error count', async () => {
    const result = await client.connection.sendRequest<RenderResult>(RENDER_REQUEST, { uri });
    assert.equal(result.title, 'AP02 - RCA - January 21, 2026');
    assert.equal(result.isRca, true);
    assert.match(result.html, /^<article class="rca-report">/);
    assert.equal(result.errorCount, (result.html.match(/<li>Line \d+:/g) ?? []).length);
    const standalone = await client.connection.sendRequest<RenderResult>(RENDER_REQUEST, { uri, standalone: true });
    assert.match(standalone.html, /^<!DOCTYPE html>[\s\S]*<style>/);
  });

  it('the page loads its stylesheet and script under the CSP, and an update keeps the scroll position', async () => {
    const first = await client.connection.sendRequest<RenderResult>(RENDER_REQUEST, { uri, webview: assets });
    assert.match(first.html, /^<!DOCTYPE html>[\s\S]*<article class="rca-report">/);
    client.replace(uri, text.replace('A database failover', 'A database failover (updated)'), 2);
    const second = await client.connection.sendRequest<RenderResult>(RENDER_REQUEST, { uri });
    assert.match(second.html, /\(updated\)/);

    const context = await browser.newContext({ viewport: { width: 600, height: 300 } });
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === `${ORIGIN}/`) return route.fulfill({ body: withStandIn(first.html), contentType: 'text/html' });
        const file = /^http:\/\/webview\.test\/media\/(preview\.(css|js))$/.exec(url);
        if (file) return route.fulfill({ body: readFileSync(join(root, 'media', file[1])), contentType: file[2] === 'css' ? 'text/css' : 'text/javascript' });
        return route.abort();
      });
      await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
      assert.deepEqual(violations, []);
      assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('.rca-summary')).display`), 'grid');
      await page.evaluate('window.scrollTo(0, 400)');
      const y = await page.evaluate('window.scrollY');
      assert.ok((y as number) > 0);
      await page.evaluate(`new Promise((resolve) => {
        const seen = () => window.__posted.some((m) => m.type === 'rendered') ? resolve() : requestAnimationFrame(seen);
        window.postMessage({ type: 'update', html: ${JSON.stringify(second.html)}, title: ${JSON.stringify(second.title)} }, '*');
        seen();
      })`);
      assert.equal(await page.evaluate('window.scrollY'), y);
      assert.match((await page.evaluate('document.body.textContent')) as string, /\(updated\)/);
      assert.equal(await page.evaluate('document.querySelectorAll(".rca-report").length'), 1);
    } finally {
      await context.close();
    }
  });
});
