import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RcaSettings } from '../../../server/src/engine/settings';
import { htmlPage, renderText, standaloneHtml } from '../../../server/src/render';

/** These pages are house RCAs, some broken on purpose: rendered under the house profile, whose order and ids they show. */
const renderHouse = (text: string, settings: Partial<RcaSettings> = {}) => renderText(text, { profile: 'exlibris', ...settings });

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'render');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** Top-level section ids, in the order the page shows them. */
const sectionIds = (html: string) => [...html.matchAll(/<section class="rca-section" id="rca-([\w-]+)"/g)].map((m) => m[1]);

describe('render: reviewed snapshots', () => {
  // A changed render fails here; after reviewing the new output, UPDATE_SNAPSHOTS=1 rewrites the .html files.
  for (const file of readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    it(file, () => {
      const html = renderHouse(read(file)).html;
      const snapshot = join(fixtures, file.replace(/\.md$/, '.html'));
      if (process.env.UPDATE_SNAPSHOTS) writeFileSync(snapshot, html);
      assert.equal(html, readFileSync(snapshot, 'utf8'));
    });
  }
});

describe('render: the publish-ready page', () => {
  it('puts the sections in the profile order, an unknown one after the section it follows', () => {
    assert.deepEqual(sectionIds(renderHouse(read('out-of-order.md')).html), [
      'introduction',
      'affected-products',
      'event-timeline',
      'root-cause-analysis',
      'technical-action-items',
      'customer-communication',
    ]);
    assert.deepEqual(sectionIds(renderHouse(read('stripped.md')).html), [
      'introduction',
      'section-2',
      'event-timeline',
      'root-cause-analysis',
      'technical-action-items',
      'customer-communication',
    ]);
  });

  it('strips front matter, HTML comments and suppression comments', () => {
    const { html } = renderHouse(read('stripped.md'));
    assert.doesNotMatch(html, /secret-front-matter-value|timezone:/);
    assert.doesNotMatch(html, /<!--|rca-writer-disable|internal note/);
    assert.match(html, /Confidential Information, Disclaimer and Trademarks/);
  });

  it('keeps inline markup, GFM tables and task lists, and reference links from another section', () => {
    const { html } = renderHouse(read('stripped.md'));
    assert.match(html, /<table>/);
    assert.match(html, /<input type="checkbox" checked disabled>/);
    assert.match(html, /<a href="https:\/\/example.com\/runbook">runbook<\/a>/);
    assert.match(html, /<span title="expiry">It was renewed<\/span>/, 'harmless markup stays');
    assert.match(html, /certificate has expired &#x3C;not html>/);
  });

  it('summarises instances, the incident window in the document zone and in UTC, and the duration', () => {
    const report = renderHouse(read('clean.md'));
    assert.deepEqual(report.summary, {
      instances: ['NA01', 'NA02', 'NA03'],
      window: {
        local: 'March 17, 2026, 09:05 – 10:41 CDT',
        zone: 'America/Chicago',
        utc: 'March 17, 2026, 14:05 – 15:41 UTC',
        duration: '1 h 36 min',
      },
    });
    assert.match(report.html, /<dt>Incident window \(UTC\)<\/dt><dd>March 17, 2026, 14:05 – 15:41 UTC<\/dd>/);
    assert.match(report.html, /<dt>Duration<\/dt><dd>1 h 36 min<\/dd>/);
  });

  it('a window across midnight names both days', () => {
    const { summary } = renderHouse(read('stripped.md'));
    assert.equal(summary.window?.local, 'October 24, 2026, 23:30 – October 25, 2026, 01:15 CDT');
    assert.equal(summary.window?.utc, 'October 25, 2026, 04:30 – 06:15 UTC');
    assert.equal(summary.window?.duration, '1 h 45 min');
  });

  it('says how many errors are left and lists them, and has no banner when there are none', () => {
    const report = renderHouse(read('errors.md'));
    assert.equal(report.errors.length, 2);
    assert.match(report.html, /<div class="rca-banner" role="alert"><p>2 errors: not ready to publish<\/p><ul><li>Line 5: /);
    assert.match(report.html, /<code>RCA208<\/code>/);
    assert.doesNotMatch(renderHouse(read('clean.md')).html, /rca-banner/);
    assert.match(renderHouse('# X - RCA\n\n## Introduction\n\nText.\n').html, /\d+ errors?: not ready to publish/);
  });

  it('ends with the status-portal link from the settings, and leaves out an address that is not a web one', () => {
    assert.match(renderHouse(read('clean.md')).html, /<footer class="rca-status"><p>Service status: <a href="http:\/\/status.exlibrisgroup.com\/"/);
    const custom = renderHouse(read('clean.md'), { statusPortalUrl: 'https://status.example.org/' }).html;
    assert.match(custom, /Service status: <a href="https:\/\/status.example.org\/"/);
    assert.doesNotMatch(renderHouse(read('clean.md'), { statusPortalUrl: 'javascript:alert(1)' }).html, /javascript:|rca-status/);
  });

  it('never changes the checked document', () => {
    const text = read('stripped.md');
    renderHouse(text);
    assert.equal(read('stripped.md'), text);
  });
});

describe('render: sanitising', () => {
  const body = (markdown: string) => renderHouse(`# X - RCA - March 1, 2026\n\n## Root Cause Analysis\n\n${markdown}\n`).html;

  const cases: [string, RegExp][] = [
    ['<script>alert(1)</script>', /<script|alert\(/],
    ['<img src="x.png" onerror="alert(1)">', /onerror|alert\(/],
    ['[click](javascript:alert(1))', /javascript:/],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /data:/],
    ['<iframe src="https://example.com"></iframe>', /<iframe/],
    ['<svg><script>alert(1)</script></svg>', /<svg|<script|alert\(/],
    ['<div style="background:url(javascript:alert(1))">x</div>', /style=|javascript:/],
    ['<form action="https://evil.example"><button>go</button></form>', /<form|<button/],
    ['<object data="x.swf"></object><embed src="x.swf">', /<object|<embed/],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /<meta|javascript:/],
  ];
  for (const [payload, forbidden] of cases) {
    it(`removes ${payload}`, () => {
      assert.doesNotMatch(body(payload), forbidden);
    });
  }

  it('a forged section marker in raw HTML is dropped, not honoured', () => {
    const html = body('<div data-rca-part="abc:title">forged</div>');
    assert.doesNotMatch(html, /data-rca-part/);
    assert.match(html, /<div>forged<\/div>/);
  });

  it('ids from the document cannot clobber the page’s own', () => {
    assert.match(body('<a id="rca-introduction" name="x">a</a>'), /id="user-content-rca-introduction"/);
  });
});

describe('render: one stylesheet, inline in the export and copied for the webview', () => {
  it('media/preview.css is the stylesheet the export inlines (node scripts/build.mjs writes it)', async () => {
    const { STYLESHEET } = await import('../../../server/src/render');
    assert.equal(readFileSync(join(root, 'media', 'preview.css'), 'utf8'), STYLESHEET);
  });

  it('uses VS Code theme variables, each with a fallback, and has a print stylesheet', async () => {
    const { STYLESHEET } = await import('../../../server/src/render');
    const uses = [...STYLESHEET.matchAll(/var\((--vscode-[\w-]+)(,?)/g)];
    assert.ok(uses.length > 10);
    assert.deepEqual(
      uses.filter((m) => m[2] !== ',').map((m) => m[1]),
      [],
      'every VS Code variable needs a fallback',
    );
    assert.match(STYLESHEET, /@media print \{/);
    assert.match(STYLESHEET, /--vscode-contrastBorder/, 'high-contrast themes get their borders');
  });

  it('the export is one file: styles inline, allowed by hash, no script allowed', async () => {
    const { createHash } = await import('node:crypto');
    const { STYLESHEET } = await import('../../../server/src/render');
    const page = standaloneHtml(renderHouse(read('clean.md')));
    assert.ok(page.includes(`<style>${STYLESHEET}</style>`));
    const hash = createHash('sha256').update(STYLESHEET).digest('base64');
    assert.match(page, new RegExp(`content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`.replace(/'/g, '&#39;')));
    assert.doesNotMatch(page, /<script|<link/);
    assert.match(page, /<title>NA01, NA02, NA03 - RCA - March 17, 2026<\/title>/);
  });

  it('the page escapes its title', () => {
    const page = htmlPage({ title: '</title><script>x</script>', body: '', csp: "default-src 'none'", head: '' });
    assert.doesNotMatch(page, /<script>/);
  });
});
