import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderText, standaloneHtml } from '../../server/src/render';
import { hasChromium, launch } from './chromium';
import { PAYLOADS } from './payloads';

const ORIGIN = 'http://rca-writer.test';

/** Runs first in the page: anything a payload runs ends up in window.__ran. */
const DETECTOR = `<script>
window.__ran = [];
window.pwned = function () { window.__ran.push('pwned'); };
window.alert = window.confirm = window.prompt = function () { window.__ran.push('dialog'); };
</script>`;

const document = `# NA01 - RCA - March 17, 2026\n\n## Root Cause Analysis\n\n${PAYLOADS.map((p, i) => `Payload ${i}:\n\n${p}\n`).join('\n')}`;

/** Loads html at a test origin; nothing else is fetched. Returns what ran, after poking every element. */
async function load(page: Page, html: string): Promise<{ ran: string[]; dialogs: number }> {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => (route.request().url() === `${ORIGIN}/` ? route.fulfill({ body: html, contentType: 'text/html' }) : route.abort()));
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  // Fire the events handlers listen for, and follow every link that is not a plain web or mail link
  // (those are safe by their scheme, and following them would leave the page).
  await page.evaluate(`(() => {
    document.addEventListener('click', (event) => {
      const link = event.target.closest && event.target.closest('a[href]');
      if (link && /^(https?|mailto):/i.test(link.href)) event.preventDefault();
      if (event.target.closest && event.target.closest('form')) event.preventDefault();
    }, true);
    for (const element of document.querySelectorAll('body *')) {
      for (const type of ['mouseover', 'focus', 'click', 'error', 'load', 'toggle', 'animationstart']) {
        element.dispatchEvent(new Event(type, { bubbles: true }));
      }
      if (typeof element.click === 'function') element.click();
    }
  })()`);
  // Two frames let anything queued by the events run before looking.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const ran = (await page.evaluate('window.__ran ?? []')) as string[];
  return { ran, dialogs };
}

describe('rendered XSS payloads in real Chromium', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  async function inPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
      return await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('the detector works: the raw payloads, unsanitised, do run', async () => {
    const raw = `<!DOCTYPE html><html><head>${DETECTOR}</head><body>${PAYLOADS.join('\n')}</body></html>`;
    const { ran } = await inPage((page) => load(page, raw));
    assert.ok(ran.length >= 5, `expected several payloads to run unsanitised, ${ran.length} did`);
  });

  it(`none of ${PAYLOADS.length} payloads runs once rendered, even with no CSP in the way`, async () => {
    const report = renderText(document);
    const page = `<!DOCTYPE html><html><head>${DETECTOR}</head><body>${report.html}</body></html>`;
    const { ran, dialogs } = await inPage((p) => load(p, page));
    assert.deepEqual(ran, []);
    assert.equal(dialogs, 0);
  });

  it('the rendered DOM has no script, handler, frame, or URL with a scheme other than http(s) or mailto', async () => {
    const report = renderText(document);
    const found = await inPage(async (page) => {
      await page.route('**/*', (route) => route.fulfill({ body: `<!DOCTYPE html><html><body>${report.html}</body></html>`, contentType: 'text/html' }));
      await page.goto(`${ORIGIN}/`);
      return (await page.evaluate(`(() => {
        const bad = [];
        for (const element of document.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'style', 'form', 'svg', 'math'].includes(tag)) bad.push(tag);
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'srcdoc' || attribute.name === 'formaction') bad.push(tag + '[' + attribute.name + ']');
            if (['href', 'src', 'action', 'data'].includes(attribute.name) && !/^(https?|mailto):/i.test(new URL(attribute.value, location.href).protocol)) bad.push(tag + '[' + attribute.name + '=' + attribute.value + ']');
          }
        }
        return bad;
      })()`)) as string[];
    });
    assert.deepEqual(found, []);
  });

  it('the exported page’s CSP stops inline script the sanitiser might ever miss, and lets its own stylesheet apply', async () => {
    const page = standaloneHtml(renderText(document)).replace('</body>', '<script>alert(1)</script><img src=x onerror="alert(2)"></body>');
    const result = await inPage(async (p) => {
      const violations: string[] = [];
      p.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const loaded = await load(p, page);
      const display = await p.evaluate(`getComputedStyle(document.querySelector('.rca-summary')).display`);
      return { ...loaded, violations: violations.length, display };
    });
    assert.equal(result.dialogs, 0);
    assert.ok(result.violations > 0, 'Chromium reports the refused script');
    assert.equal(result.display, 'grid', 'the inline stylesheet is allowed by its hash');
  });
});
