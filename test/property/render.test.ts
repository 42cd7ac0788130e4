// The renderer keeps every word: random RCA-shaped Markdown salted with random raw HTML (unclosed,
// unfinished, text-only and table elements, declarations, stray end tags) renders without throwing, and
// each word of the writer's text stands in the rendered section it was written in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Nodes } from 'mdast';
import { checkText } from '../../server/src/engine/check';
import { startOffset } from '../../server/src/engine/nodes';
import { orderedSections, renderReport } from '../../server/src/render';
import { resolveSettings } from '../../server/src/engine/settings';
import { parameters } from './arbitraries';

const HEADINGS = ['Introduction', 'Event Timeline', 'Root Cause Analysis', 'Technical Action Items and Preventive Measures', 'Customer Communication', 'Notes'];

// Scripts are left out: the sanitiser removes a script with its content on purpose (a unit test covers it).
const TAGS = [
  'div',
  'span',
  'p',
  'b',
  'a href="https://example.com/x"',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'caption',
  'colgroup',
  'template',
  'textarea',
  'title',
  'style',
  'xmp',
  'iframe',
  'noscript',
  'noembed',
  'noframes',
  'plaintext',
  'select',
  'option',
  'svg',
  'math',
  'foreignObject',
  'desc',
  'mglyph',
  'details',
  'summary',
  'pre',
  'ul',
  'li',
  'h1',
  'section',
  'body',
  'html',
  'head',
  'frameset',
  'object',
  'form',
  'button',
  'font',
  'nobr',
  'marquee',
  'applet',
  'img src="x.png" alt="pic"',
  'br',
  'hr',
  'input',
  'div class="note"',
  "span title='a>b'",
];
const OTHER = [
  '<!-- kept out -->',
  '<!--',
  '-->',
  '<?php',
  '?>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<div class="note"',
  '<td',
  '&lt;',
  '<',
  '>',
  '</',
  '<br/>',
  '<div/>',
];

const fragment = fc.oneof(
  fc.constantFrom(...TAGS).map((tag) => `<${tag}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag.split(' ')[0]}>`),
  fc.constantFrom(...OTHER),
);

/** A piece of a line: a word of the writer's (filled in later, numbered) or raw HTML. */
const piece = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fragment });
const line = fc.tuple(fc.constantFrom('', '', '', '- ', '> ', '1. ', '    '), fc.array(piece, { minLength: 1, maxLength: 7 }));
const block = fc.array(line, { minLength: 1, maxLength: 4 });
const section = fc.tuple(fc.constantFrom(...HEADINGS), fc.array(block, { minLength: 1, maxLength: 4 }));
const documentShape = fc.array(section, { minLength: 1, maxLength: 5 });

/** Builds the Markdown; every word is unique ("s2w7"), so where it lands can be checked. */
function markdown(shape: [string, [string, (string | null)[]][][]][]): string {
  let count = 0;
  const sections = shape.map(([heading, blocks], s) => {
    const body = blocks.map((lines) => lines.map(([prefix, pieces]) => prefix + pieces.map((p) => p ?? `s${s}w${count++}`).join(' ')).join('\n'));
    return `## ${heading}\n\n${body.join('\n\n')}`;
  });
  return `# NA01 - RCA - April 11, 2026\n\n${sections.join('\n\n')}\n`;
}

type Parse5Node = DefaultTreeAdapterMap['node'];

function textContent(node: Parse5Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(textContent).join(' ');
}

/** The id and text of each rendered section, in page order. */
function renderedSections(html: string): { id: string; text: string }[] {
  const result: { id: string; text: string }[] = [];
  const article = parseFragment(html).childNodes.find((node) => node.nodeName === 'article') as DefaultTreeAdapterMap['element'];
  for (const child of article.childNodes) {
    if (child.nodeName !== 'section') continue;
    const id = (child as DefaultTreeAdapterMap['element']).attrs.find((attr) => attr.name === 'id')?.value ?? '';
    result.push({ id, text: textContent(child) });
  }
  return result;
}

/** Each word of the writer's text (mdast text nodes, not raw HTML) and the page position and id of its section. */
function expectedWords(text: string): { word: string; section: number; id: string }[] {
  const settings = resolveSettings({});
  const { doc } = checkText(text, settings);
  const ordered = orderedSections(doc);
  const id = (index: number) => `rca-${ordered[index].def ? ordered[index].def!.id : `section-${index + 1}`}`;
  const result: { word: string; section: number; id: string }[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      const offset = startOffset(node);
      const home = ordered.findIndex((s) => s.start <= offset && offset < s.end);
      for (const [word] of node.value.matchAll(/s\d+w\d+/g)) result.push({ word, section: home, id: home >= 0 ? id(home) : 'outside' });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(doc.root);
  return result;
}

describe('the renderer on random Markdown with random raw HTML', () => {
  it('never throws, and every word of the text is in the section it was written in', () => {
    fc.assert(
      fc.property(documentShape, (shape) => {
        const text = markdown(shape);
        const settings = resolveSettings({});
        const report = renderReport(checkText(text, settings), settings);
        assert.doesNotMatch(report.html, /data-rca-part/, 'the renderer’s own markers never reach the page');
        const sections = renderedSections(report.html);
        for (const { word, section, id } of expectedWords(text)) {
          assert.ok(section >= 0, `${word} is in a section`);
          assert.equal(sections[section]?.id, id, `section ${section} of the page is #${id}`);
          const words = new Set(sections[section].text.match(/s\d+w\d+/g) ?? []);
          assert.ok(words.has(word), `${word} should be in #${id}`);
        }
      }),
      parameters(),
    );
  });
});
