// Raw HTML that is unclosed, unfinished or swallows text: the words stay in their sections and the
// renderer never throws (issue 13, items 8 and 9).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RcaSettings } from '../../../server/src/engine/settings';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { renderText } from '../../../server/src/render';
import { HTML_SHOWN_AS_TEXT_NOTE } from '../../../server/src/render/raw';

/** These pages are house RCAs, some broken on purpose: rendered under the house profile, whose order and ids they show. */
const renderHouse = (text: string, settings: Partial<RcaSettings> = {}) => renderText(text, { profile: 'exlibris', ...settings });

type Node = DefaultTreeAdapterMap['node'];
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

/** The words of each rendered section, by section id. */
function sections(html: string): Map<string, string> {
  const article = parseFragment(html).childNodes.find((node) => node.nodeName === 'article') as DefaultTreeAdapterMap['element'];
  const result = new Map<string, string>();
  for (const child of article.childNodes) {
    if (child.nodeName !== 'section') continue;
    result.set((child as DefaultTreeAdapterMap['element']).attrs.find((a) => a.name === 'id')!.value, textOf(child).replace(/\s+/g, ' '));
  }
  return result;
}

const report = (introduction: string) => `# NA01 - RCA - April 11, 2026

## Introduction

On April 11, 2026 the NA01 instance was unavailable from 10:00 to 11:00 CDT. ${introduction}

## Event Timeline

April 11, 2026, 10:00 to 11:00 CDT: the database failed.

## Root Cause Analysis

Disk full on the primary database server.

## Technical Action Items and Preventive Measures

- Add alerts on disk usage.

## Customer Communication

Updates are posted on http://status.exlibrisgroup.com/
`;

const LATER = [
  ['rca-event-timeline', 'database failed'],
  ['rca-root-cause-analysis', 'Disk full'],
  ['rca-technical-action-items', 'Add alerts'],
  ['rca-customer-communication', 'Updates are posted'],
] as const;

describe('render: raw HTML keeps every word in its section (issue 13, item 8)', () => {
  for (const inline of [
    'See <template> for details.',
    'An inline <div> opens here.',
    'A <table> opens here.',
    'A <textarea> opens.',
    'Then <title> and <xmp>.',
    'An <iframe> here.',
    '<select> here.',
    'A <plaintext> here.',
  ]) {
    it(`"${inline}" in the Introduction leaves the later sections whole`, () => {
      const { html } = renderHouse(report(inline));
      const page = sections(html);
      for (const [id, words] of LATER) assert.ok(page.get(id)?.includes(words), `#${id} should hold "${words}", has "${page.get(id)}"`);
      const words = inline.replace(/<[^>]*>/g, ' ').match(/\w+/g)!;
      for (const word of words) assert.ok(page.get('rca-introduction')!.includes(word), `"${word}" stays in the Introduction`);
      assert.doesNotMatch(html, /data-rca-part/);
    });
  }

  it('a placeholder like <template> is shown as written, under a note', () => {
    const { html } = renderHouse(report('See <template> for details.'));
    assert.match(html, /<p>On April 11[^<]*See &#x3C;template> for details\.<\/p>\n<p class="rca-note">/);
    assert.ok(html.includes(HTML_SHOWN_AS_TEXT_NOTE));
  });

  it('a marker left to fill in (<cause>, <product>) is shown as written, with no note; real markup stays markup', () => {
    const { html } = renderHouse(report('The <product> service failed.\n\n<cause>\n\nSome <u>underlined</u> and <b>bold</b> words, and a <span>span.'));
    assert.match(html, /The &#x3C;product> service failed\./);
    assert.match(html, /<p>&#x3C;cause><\/p>/);
    assert.match(html, /<u>underlined<\/u>|underlined/);
    assert.match(html, /<b>bold<\/b>/);
    assert.ok(!html.includes('&#x3C;span>') && !html.includes('&#x3C;b>'), 'an element the page knows is not shown as text');
    assert.ok(!html.includes(HTML_SHOWN_AS_TEXT_NOTE));
    // Closed further on, an unknown element is markup (its words stay; the sanitiser drops the tag).
    const closed = renderHouse(report('A <custom>closed</custom> element.')).html;
    assert.ok(!closed.includes('&#x3C;custom>') && closed.includes('closed'));
  });

  it('balanced HTML across blocks still wraps the blocks between (a <details> around Markdown)', () => {
    const { html } = renderHouse(report('\n\n<details>\n<summary>Query log</summary>\n\nThe slow **query** ran for an hour.\n\n</details>'));
    assert.match(html, /<details>\n?<summary>Query log<\/summary>[\s\S]*<p>The slow <strong>query<\/strong> ran for an hour\.<\/p>[\s\S]*<\/details>/);
    assert.ok(!html.includes(HTML_SHOWN_AS_TEXT_NOTE));
    for (const [id, words] of LATER) assert.ok(sections(html).get(id)?.includes(words), `#${id} keeps "${words}"`);
  });

  it('an unclosed <pre> or <script> block that runs to the end of the document is shown as text, not dropped', () => {
    for (const opener of ['<pre>', '<script>', '<style>', '<textarea>']) {
      const { html } = renderHouse(
        `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nOn April 11, 2026 NA01 was down.\n\n${opener}\ndraft notes, to finish later\n`,
      );
      assert.match(sections(html).get('rca-introduction')!, /draft notes, to finish later/, opener);
      assert.doesNotMatch(html, /<script|<style|<textarea/);
    }
  });

  it('a script written inline is still removed with its content, and harmless markup stays markup', () => {
    const { html } = renderHouse(report('A <b>bold</b> word and <script>alert(1)</script> gone.'));
    assert.doesNotMatch(html, /alert\(|<script/);
    assert.match(html, /A <b>bold<\/b> word and\s+gone\./);
    assert.ok(!html.includes(HTML_SHOWN_AS_TEXT_NOTE));
  });
});

describe('render: never throws on unfinished HTML (issue 13, item 9)', () => {
  const inputs = [
    '<div class="note"\n\n<b>Note:</b> on April 11, 2026 the NA01 database failed.',
    '- <div class="note"\n- <b>Note:</b> on April 11, 2026 the NA01 database failed.',
    '<table><tr><td\n\n<b>Note:</b> on April 11, 2026 the NA01 database failed.',
    '<svg><foreignObject><div\n\n<math><mglyph><b>Note:</b> on April 11, 2026 the NA01 database failed.',
    '> <div title="a\n>\n> <b>Note:</b> on April 11, 2026 the NA01 database failed.',
  ];
  for (const input of inputs) {
    it(JSON.stringify(input), () => {
      const { html } = renderHouse(
        `# NA01 - RCA - April 11, 2026\n\n## Root Cause Analysis\n\n${input}\n\n## Customer Communication\n\nUpdates on http://status.exlibrisgroup.com/\n`,
      );
      const page = sections(html);
      assert.match(page.get('rca-root-cause-analysis')!, /Note: on April 11, 2026 the NA01 database failed\./);
      assert.match(page.get('rca-customer-communication')!, /Updates on/);
    });
  }

  it('an unclosed comment runs to the end of the document in Markdown: what it holds is shown as text, not hidden', () => {
    const { html } = renderHouse(
      '# NA01 - RCA - April 11, 2026\n\n## Root Cause Analysis\n\n<!-- unclosed\n\nOn April 11, 2026 the NA01 database failed.\n\n## Customer Communication\n\nUpdates.\n',
    );
    assert.match(
      sections(html).get('rca-root-cause-analysis')!,
      /<!-- unclosed On April 11, 2026 the NA01 database failed\. ## Customer Communication Updates\./,
    );
  });

  it('the unfinished tag itself is shown as text, with the note', () => {
    const { html } = renderHouse('# NA01 - RCA - April 11, 2026\n\n## Root Cause Analysis\n\n<div class="note"\n\n<b>Note:</b> the database failed.\n');
    assert.match(html, /<p>&#x3C;div class="note"<\/p>\n<p class="rca-note">[^<]+<\/p>\n<p><b>Note:<\/b> the database failed\.<\/p>/);
  });
});
