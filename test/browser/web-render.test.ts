// The web's renderer (dist/web-render.js) in real headless Chromium, started from a blob: URL as the web client
// starts it: for each example, the preview's fragment, its first page and the exported file must be what the Node
// server renders from the same text and settings (minus local images, which only the Node hosts read).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkText } from '../../server/src/engine/check';
import { defaultSettings } from '../../server/src/engine/settings';
import { renderedPage, renderReport, type RenderedPage } from '../../server/src/render';
import type { RenderJob, RenderReply } from '../../server/src/render/worker';
import { hasChromium, launch } from './chromium';

const root = join(__dirname, '..', '..');
const ORIGIN = 'http://rca-writer.test';
const examples = readdirSync(join(root, 'examples')).filter((file) => file.endsWith('.rca.md'));
const webview = {
  cspSource: 'https://webview.test',
  stylesheet: 'https://webview.test/preview.css',
  script: 'https://webview.test/preview.js',
  nonce: 'bm9uY2U=',
};

describe('web render worker in Chromium', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await browser.newPage();
    await page.route('**/*', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ body: '<!doctype html><title>render worker</title>', contentType: 'text/html' });
      if (path === '/dist/web-render.js') return route.fulfill({ body: readFileSync(join(root, 'dist', 'web-render.js')), contentType: 'text/javascript' });
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  });
  after(async () => {
    await browser?.close();
  });

  /** The worker's answer to `jobs`, started as web-renderer.ts starts it (a blob: URL that imports the script). */
  function renderInWorker(jobs: RenderJob[]): Promise<RenderReply[]> {
    return page.evaluate(async (jobs) => {
      const scope = globalThis as unknown as {
        location: { href: string };
        Blob: new (parts: string[], options: { type: string }) => unknown;
        URL: { new (url: string, base: string): { toString(): string }; createObjectURL(blob: unknown): string };
        Worker: new (url: string) => {
          onmessage: ((event: { data: RenderReply }) => void) | null;
          onerror: ((event: { message: string }) => void) | null;
          postMessage(job: RenderJob): void;
        };
      };
      const script = new scope.URL('/dist/web-render.js', scope.location.href).toString();
      const boot = new scope.Blob([`importScripts(${JSON.stringify(script)});`], { type: 'application/javascript' });
      const worker = new scope.Worker(scope.URL.createObjectURL(boot));
      const replies = new Map<number, RenderReply>();
      return new Promise<RenderReply[]>((resolve) => {
        worker.onerror = (event) => resolve([{ id: 0, error: `worker error: ${event.message}` }]);
        worker.onmessage = ({ data }) => {
          replies.set(data.id, data);
          if (replies.size === jobs.length) resolve(jobs.map((job) => replies.get(job.id)!));
        };
        for (const job of jobs) worker.postMessage(job);
      });
    }, jobs);
  }

  /** What the Node server renders for the same input, without an image reader. */
  function inNode(job: RenderJob): RenderedPage {
    const result = checkText(job.text, job.settings, { keepProfile: job.keepProfile });
    return renderedPage(renderReport(result, job.settings, job.isRca ? {} : { diagnostics: [] }), job);
  }

  it('renders every example as the Node renderer does: fragment, preview page and exported file', async () => {
    const jobs: RenderJob[] = examples.flatMap((file, index) => {
      const base = { text: readFileSync(join(root, 'examples', file), 'utf8'), settings: defaultSettings(), isRca: true };
      return [
        { id: index * 3 + 1, ...base },
        { id: index * 3 + 2, ...base, webview },
        { id: index * 3 + 3, ...base, standalone: true },
      ];
    });
    const replies = await renderInWorker(jobs);
    for (const [index, reply] of replies.entries()) {
      const job = jobs[index];
      assert.ok('page' in reply, `${examples[Math.floor(index / 3)]}: ${'error' in reply ? reply.error : ''}`);
      assert.deepEqual(reply.page, inNode(job), `${examples[Math.floor(index / 3)]}, job ${job.id}`);
    }
    const exported = replies[2] as { page: RenderedPage };
    assert.match(exported.page.html, /^<!doctype html>/i);
    assert.match(exported.page.html, /style-src &#39;sha256-/);
  });

  it('keeps the profile the server chose, renders Markdown that is not an RCA without a banner, and says why an image is missing', async () => {
    const text = '# Notes\n\nNothing to report.\n\n![graph](img/graph.png)\n';
    const [plain] = await renderInWorker([{ id: 1, text, settings: defaultSettings(), isRca: false }]);
    assert.ok('page' in plain, JSON.stringify(plain));
    assert.equal(plain.page.errorCount, 0);
    assert.ok(plain.page.html.includes('img/graph.png not shown, local images are shown by VS Code desktop and the command line'), plain.page.html);
    const house = readFileSync(join(root, 'examples', 'clean.rca.md'), 'utf8');
    const [kept] = await renderInWorker([{ id: 1, text: house, settings: defaultSettings(), isRca: true, keepProfile: 'postmortem' }]);
    assert.ok('page' in kept);
    assert.deepEqual(kept.page, inNode({ id: 1, text: house, settings: defaultSettings(), isRca: true, keepProfile: 'postmortem' }));
  });
});
