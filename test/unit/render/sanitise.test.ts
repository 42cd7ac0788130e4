// What the sanitiser drops: form elements of the writer's own (a task list's checkbox stays), MathML, SVG and
// <noscript> elements (their words stay, as text), attribute values that carry markup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderText } from '../../../server/src/render';

const page = (body: string) => renderText(`# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nBefore.\n\n${body}\n\nAfter.\n`, { profile: 'exlibris' }).html;

describe('sanitising raw HTML', () => {
  for (const payload of [
    '<input type="text" value="secret" autofocus onfocus="pwned()">',
    '<input type="checkbox" checked autofocus>',
    '<form action="https://evil.example"><input name="q"><button formaction="https://evil.example">Go</button></form>',
    'A paragraph with <input autofocus onfocus=pwned()> inline.',
    '<math><mtext><table><mglyph><style><img src=x onerror=pwned()></style></mglyph></table></mtext></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:pwned()">click<mtext>x</mtext></maction></math>',
    '<svg><foreignObject><p onclick="pwned()">svg</p></foreignObject></svg>',
    '<noscript><p title="</noscript><img src=x onerror=pwned()>"></noscript>',
    '<noscript><a onclick="pwned()">n</a></noscript>',
    '<p title="<img src=x onerror=pwned()>">titled</p>',
    '<a href="#x" data-x="x onmouseover=pwned()">link</a>',
  ]) {
    it(`leaves no element, attribute or handler of ${payload}`, () => {
      const html = page(payload);
      const body = html.slice(html.indexOf('Before.'), html.indexOf('After.'));
      // Markup of the payload that survives as text is escaped ("&#x3C;"), so a "<" here is the renderer's own.
      assert.doesNotMatch(body, /<(?:input|math|svg|noscript|form|img|maction|mglyph|foreignObject)\b/i, body);
      assert.doesNotMatch(body, /<[^>]*\s(?:on[a-z]+|autofocus|xlink:href|formaction|title)=/i, body);
      assert.doesNotMatch(html, /rca-note/, 'not shown as text under a note');
    });
  }

  for (const [payload, words] of [
    ['<svg><text>Traffic graph</text>', ['Traffic graph', 'After.']],
    ['<math><mi>x</mi></math> is the error rate', ['is the error rate']],
    ['<noscript>Enable scripts</noscript>', ['Enable scripts']],
  ] as const) {
    it(`keeps the words of ${payload} and what follows it`, () => {
      const html = page(payload);
      for (const word of words) assert.ok(html.includes(word), `${word} in ${html}`);
    });
  }

  it("keeps a task list's checkboxes, ticked or not, disabled and with nothing else", () => {
    const html = page('- [ ] open item\n- [x] done item');
    assert.match(html, /<li class="task-list-item"><input type="checkbox" disabled> open item<\/li>/);
    assert.match(html, /<li class="task-list-item"><input type="checkbox" checked disabled> done item<\/li>/);
  });

  it('keeps the words around and inside harmless form markup', () => {
    const html = page('<select><option>first choice</option></select> and <button>a button</button>');
    assert.match(html, /first choice/);
    assert.match(html, /a button/);
    assert.doesNotMatch(html, /<select|<button|<option/);
  });
});
