// Images in the rendered page (issue 13, item 10): nothing remote unless allowed; images in the report's
// folder tree inlined as data: URLs, within a size bound, and never through a link that leaves the tree.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderText, standaloneHtml } from '../../../server/src/render';
import { inlineImage, MAX_INLINE_IMAGE_BYTES } from '../../../server/src/render/local-images';
import { ConfigError, settingsForFile } from '../../../server/src/engine/config';

const work = mkdtempSync(join(tmpdir(), 'rca-images-'));
after(() => rmSync(work, { recursive: true, force: true }));
const folder = join(work, 'reports', 'na01');
mkdirSync(join(folder, 'img'), { recursive: true });
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3b3e1d70000000049454e44ae426082',
  'hex',
);
writeFileSync(join(folder, 'img', 'graph.png'), PNG);
writeFileSync(join(work, 'secret.png'), PNG);
writeFileSync(join(folder, 'big.png'), Buffer.alloc(MAX_INLINE_IMAGE_BYTES + 1));
writeFileSync(join(folder, 'notes.txt'), 'not an image');
symlinkSync(join(work, 'secret.png'), join(folder, 'escape.png'));
symlinkSync(join(folder, 'img', 'graph.png'), join(folder, 'inside.png'));

const body = (markdown: string, settings = {}, withFolder = true) =>
  renderText(
    `# NA01 - RCA - April 11, 2026\n\n## Root Cause Analysis\n\n${markdown}\n`,
    settings,
    withFolder ? { folder, readImage: inlineImage } : { readImage: inlineImage },
  ).html;
const DATA_PNG = `data:image/png;base64,${PNG.toString('base64')}`;

describe('render: remote images are off by default', () => {
  const remote = [
    ['<img src="http://10.0.0.5/a.png" alt="inline">', 'http://10.0.0.5/a.png'],
    ['![chart](https://example.com/chart.png)', 'https://example.com/chart.png'],
    ['<img src="//example.com/p.png" alt="p">', '//example.com/p.png'],
  ];
  for (const [markdown, url] of remote) {
    it(`${markdown} becomes a line of text`, () => {
      const html = body(markdown);
      assert.doesNotMatch(html, /<img/);
      assert.ok(html.includes(`${url} not shown, remote images are off`), html);
    });
  }

  it('<picture><source srcset> alternatives are dropped', () => {
    assert.doesNotMatch(body('<picture><source srcset="http://127.0.0.1:9/x.svg"><img src="img/graph.png" alt="g"></picture>'), /<source|127\.0\.0\.1/);
  });

  it('the exported page allows images only as data: URLs, and the web only when allowed', () => {
    const text = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText.\n';
    assert.match(standaloneHtml(renderText(text)), /img-src data:;/);
    assert.doesNotMatch(standaloneHtml(renderText(text)), /https:|http:;/);
    assert.match(standaloneHtml(renderText(text, { allowRemoteImages: true })), /img-src data: https: http:;/);
  });

  it('without an image reader (the web render worker), a local image is a line of text saying where it shows', () => {
    const html = renderText('# NA01 - RCA - April 11, 2026\n\n## Root Cause Analysis\n\n![graph](img/graph.png)\n', {}, { folder }).html;
    assert.doesNotMatch(html, /<img/);
    assert.ok(html.includes('img/graph.png not shown, local images are shown by VS Code desktop and the command line'), html);
  });

  it('allowRemoteImages keeps http(s) images, and still no other scheme', () => {
    const html = body('![chart](https://example.com/chart.png)', { allowRemoteImages: true });
    assert.match(html, /<img src="https:\/\/example.com\/chart.png" alt="chart">/);
  });

  it('.rca-writer.json may set allowRemoteImages, and a value of the wrong type is named', () => {
    writeFileSync(join(work, '.rca-writer.json'), '{ "allowRemoteImages": true }');
    assert.equal(settingsForFile(join(folder, 'r.rca.md'), {}).settings.allowRemoteImages, true);
    writeFileSync(join(work, '.rca-writer.json'), '{ "allowRemoteImages": "yes" }');
    assert.throws(
      () => settingsForFile(join(folder, 'r.rca.md'), {}),
      (error: Error) => error instanceof ConfigError && /"allowRemoteImages" must be true or false/.test(error.message),
    );
    rmSync(join(work, '.rca-writer.json'));
  });
});

describe('render: local images are inlined from the report’s folder tree', () => {
  it('an image beside the report becomes a data: URL', () => {
    assert.ok(body('![graph](img/graph.png)').includes(`<img src="${DATA_PNG}" alt="graph">`));
    assert.ok(body('<img src="./img/graph.png?v=2" alt="raw">').includes(`<img src="${DATA_PNG}" alt="raw">`));
    assert.ok(body('![linked](inside.png)').includes(`src="${DATA_PNG}"`), 'a link that stays inside the tree is fine');
  });

  const refused: [string, string][] = [
    ['![up](../../secret.png)', 'outside the report’s folder'],
    ['![abs](/etc/passwd.png)', 'outside the report’s folder'],
    ['![link](escape.png)', 'outside the report’s folder'],
    ['![big](big.png)', 'larger than 2 MB'],
    ['![text](notes.txt)', 'not an image file'],
    ['![none](missing.png)', 'no such file'],
  ];
  for (const [markdown, reason] of refused) {
    it(`${markdown}: not shown (${reason})`, () => {
      const html = body(markdown);
      assert.doesNotMatch(html, /<img/);
      assert.ok(html.includes(`not shown, ${reason}]`), html);
    });
  }

  it('an unsaved report has no folder, so no local image', () => {
    assert.match(body('![graph](img/graph.png)', {}, false), /\[graph: img\/graph.png not shown, the report is not saved in a folder\]/);
  });
});
