// Exports fetch nothing (issue 13, item 10): a loopback server stands in for any address a pasted image
// could name, and counts the requests that reach it while the exported page is opened in real Chromium
// and while `render --pdf` prints it. With --allow-remote-images the same images do reach it, which
// shows the counting works.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { renderCommand } from '../../server/src/render/cli';
import { printPdf } from '../../server/src/render/pdf';
import { CHROMIUM, hasChromium, launch } from './chromium';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="30">LOOPBACK-SECRET</text></svg>';

describe('exported pages and PDFs load no remote image', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  let server: Server;
  let seen: string[] = [];
  let base = '';
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'rca-network-'));

  before(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end(SVG);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  const report = () => `# NA01 - RCA - April 11, 2026

## Introduction

On April 11, 2026 the NA01 instance was unavailable from 10:00 to 11:00 CDT.

<img src="http://${base}/img.svg" alt="html image">

![markdown image](http://${base}/markdown.svg)

<picture><source srcset="http://${base}/source.svg"><img src="//${base}/relative.svg" alt="protocol-relative"></picture>

![local diagram](diagram.svg)
`;

  const io = () => {
    const out = { stderr: '' };
    return { out, io: { stdout: () => {}, stderr: (text: string) => (out.stderr += text) } };
  };

  /** Opens the page from disk, as a reader would, and waits for it to load. */
  async function open(file: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return (await page.evaluate('document.body.innerText')) as string;
    } finally {
      await page.close();
    }
  }

  it('render -o: the page opened in Chromium asks nothing of the loopback server; the local image is inlined', async () => {
    seen = [];
    const source = join(work, 'blocked.rca.md');
    writeFileSync(source, report());
    writeFileSync(join(work, 'diagram.svg'), SVG.replace('LOOPBACK-SECRET', 'LOCAL-DIAGRAM'));
    const html = join(work, 'blocked.html');
    const { io: streams } = io();
    assert.equal(await renderCommand([source, '-o', html], streams), 0);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /img-src data:;/);
    assert.match(page, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="local diagram">/);
    assert.match(page, /\[markdown image: http:\/\/127\.0\.0\.1:\d+\/markdown\.svg not shown, remote images are off/);
    assert.doesNotMatch(page, /<source/);
    const text = await open(html);
    assert.match(text, /html image: http/);
    assert.deepEqual(seen, []);
  });

  it('render --pdf: Chromium prints without a request to the loopback server', async () => {
    seen = [];
    const source = join(work, 'blocked.rca.md');
    const pdf = join(work, 'blocked.pdf');
    const { out, io: streams } = io();
    assert.equal(await renderCommand([source, '--pdf', pdf, '--chromium', CHROMIUM], streams), 0, out.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(seen, []);
  });

  it('printing refuses what a page asks for even without the renderer’s rewriting or policy', async () => {
    seen = [];
    const pdf = join(work, 'raw.pdf');
    const page = `<!DOCTYPE html><p>Raw page</p><img src="http://${base}/raw.svg"><img src="http://localhost:${base.split(':')[1]}/host.svg">`;
    const { blocked } = await printPdf(page, pdf, { chromium: CHROMIUM });
    assert.deepEqual(seen, []);
    assert.equal(blocked.length, 2, `refused: ${blocked.join(', ')}`);
  });

  it('--allow-remote-images lets the page and the PDF load them (so the counting above can fail)', async () => {
    seen = [];
    const source = join(work, 'allowed.rca.md');
    writeFileSync(source, report());
    const html = join(work, 'allowed.html');
    const pdf = join(work, 'allowed.pdf');
    const { out, io: streams } = io();
    assert.equal(await renderCommand([source, '-o', html, '--pdf', pdf, '--chromium', CHROMIUM, '--allow-remote-images'], streams), 0, out.stderr);
    assert.match(readFileSync(html, 'utf8'), /img-src data: https: http:;/);
    assert.ok(seen.includes('/markdown.svg'), `the PDF loaded the image: ${seen.join(', ')}`);
    seen = [];
    await open(html);
    assert.ok(seen.includes('/img.svg') && seen.includes('/markdown.svg'), `the page loaded the images: ${seen.join(', ')}`);
  });
});
