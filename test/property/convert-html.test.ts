// convert keeps every word of a report saved as HTML: random pages of the report's sections, whose blocks are
// paragraphs, lists (their items' text in paragraphs or not), tables, quotes, line breaks and nested containers,
// with inline markup, links and code around the words, convert without throwing, and every word of the page is in the
// Markdown as often as on the page, every absolute link with its target; each note names a line of the HTML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { convertPage } from '../../server/src/convert';
import { printHtml } from '../../server/src/engine/html-text';
import { findProfile } from '../../server/src/engine/profiles';
import { parameters, runs } from './arbitraries';

const SECTIONS = ['Introduction', 'Event Timeline', 'Root Cause Analysis', 'Technical Action Items and Preventive Measures', 'Customer Communication'];

const word = fc.stringMatching(/^[a-z]{3,8}$/);
const inline = fc.oneof(
  word,
  word.map((w) => `<b>${w}</b>`),
  word.map((w) => `<span class="x">${w}</span>`),
  word.map((w) => `<a href="/kb/${w}">${w}</a>`),
  fc.tuple(word, word).map(([w, target]) => `<a href="https://docs.example.com/${target}">${w}</a>`),
  fc.tuple(word, word).map(([a, b]) => `<a href="mailto:${a}@example.com"><b>${a}</b> ${b}</a>`),
  word.map((w) => `<code>${w}</code>`),
  fc.tuple(word, word).map(([a, b]) => `<em>${a}</em> ${b}`),
);
const text = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const item = fc.oneof(
  text.map((t) => `<li>${t}</li>`),
  text.map((t) => `<li><p>${t}</p></li>`),
);
const row = fc.array(text, { minLength: 1, maxLength: 4 }).map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small' },
    text.map((t) => `<p>${t}</p>`),
    text.map((t) => `<div>${t}</div>`),
    fc.tuple(text, text).map(([a, b]) => `<p>${a}<br>${b}</p>`),
    fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => `<ul>\n${items.join('\n')}\n</ul>`),
    fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => `<ol>${items.join('')}</ol>`),
    fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => `<table><tbody>${rows.join('\n')}</tbody></table>`),
    text.map((t) => `<blockquote><p>${t}</p></blockquote>`),
    tie('block').map((inner) => `<div class="section"><div>${inner}</div></div>`),
  ),
}));
const page = fc
  .array(fc.array(block, { minLength: 1, maxLength: 3 }), { minLength: SECTIONS.length, maxLength: SECTIONS.length })
  .map((sections) =>
    [
      '<!DOCTYPE html>',
      '<html><head><title>Knowledge Center</title></head><body>',
      '<nav><ul><li><a href="/">Home</a></li></ul></nav>',
      '<h1>NA01, NA02 - RCA - May 6, 2024</h1>',
      ...sections.map((blocks, i) => `<h2>${SECTIONS[i]}</h2>\n${blocks.join('\n')}`),
      '</body></html>',
    ].join('\n'),
  );

/** How often each word of lower-case letters stands in a text, markup left out. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.replace(/<[^>]*>/g, ' ').match(/\b[a-z]{3,8}\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe('convert: a page saved as HTML keeps every word of its report', () => {
  const exlibris = findProfile('exlibris')!;
  it('every word of the body is in the Markdown, as often; notes name lines of the HTML', () => {
    fc.assert(
      fc.property(page, (html) => {
        const body = html.slice(html.indexOf('<h1>'));
        const { markdown, notes } = convertPage(html, exlibris, printHtml);
        const kept = wordCounts(markdown);
        for (const [w, count] of wordCounts(body.replace(/<a href="[^"]*">/g, '<a>'))) {
          assert.ok((kept.get(w) ?? 0) >= count, `"${w}": ${count} on the page, ${kept.get(w) ?? 0} in the Markdown\n${markdown}`);
        }
        for (const [, target] of body.matchAll(/<a href="((?:https|mailto):[^"]*)">/g)) {
          assert.ok(markdown.includes(`](${target})`), `the link to ${target} is lost\n${markdown}`);
        }
        const lines = html.split('\n').length;
        for (const note of notes) assert.ok(note.line >= 1 && note.line <= lines, `note at line ${note.line} of ${lines}`);
      }),
      parameters(runs(2_000)),
    );
  });
});
