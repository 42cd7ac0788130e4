// convert on a published page saved as HTML: printed to text as a browser prints it, then converted as a printed page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { convertPage, convertText, NotAPrintedPage, pageProfile } from '../../server/src/convert';
import { LOCATED_PARSE_LIMIT, printHtml } from '../../server/src/engine/html-text';
import { isHtmlSource } from '../../server/src/convert/sniff';
import { candidateProfiles } from '../../server/src/engine/auto-profile';
import { findProfile } from '../../server/src/engine/profiles';
import { resolveSettings } from '../../server/src/engine/settings';
import { project, root, runIn } from './helpers';

const exlibris = findProfile('exlibris')!;
const fixtures = join(root, 'test', 'fixtures', 'convert');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const html = read('chrome.html');
/** The 1-based line of the HTML fixture that holds `text`. */
const htmlLine = (text: string) => html.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('convert: a page saved as HTML', () => {
  const result = convertPage(html, exlibris, printHtml);

  it('gives the Markdown of the same page printed as text, a clean report', () => {
    assert.equal(result.markdown, read('chrome.md'));
    assert.equal(convertPage(read('chrome.txt'), exlibris, printHtml).markdown, read('chrome.md'));
    assert.deepEqual(checkText(result.markdown).diagnostics, []);
  });

  it('names the line of the HTML in each note and each line left out', () => {
    assert.deepEqual(result.notes, [
      { line: htmlLine('<p>&nbsp;</p>'), message: 'an empty paragraph (only non-breaking spaces) in the page; kept as a comment' },
    ]);
    const dropped = (text: string) => result.dropped.find((line) => line.text === text);
    assert.deepEqual(dropped('Skip to main content'), { line: htmlLine('Skip to main content'), text: 'Skip to main content', reason: 'site navigation' });
    assert.equal(dropped('Save as PDF | Share')?.line, htmlLine('Save as PDF'));
    assert.equal(dropped('6. Publication History')?.reason, "the page's table of contents");
    assert.equal(dropped('Was this article helpful?')?.reason, 'the page footer');
  });

  it('prints nothing a browser hides: the head, scripts, styles, hidden elements, form fields', () => {
    const { text } = printHtml(html);
    // The <title>, a script, a style sheet, a link hidden by its style, an input's placeholder, an image's alt text.
    for (const hidden of ['- Ex Libris Knowledge Center', 'analytics', 'display', 'Reset', 'Search\n', 'logo']) {
      assert.ok(!text.includes(hidden), `printed: ${JSON.stringify(hidden)}`);
    }
    assert.ok(text.includes('Search site'), 'a label is printed');
  });

  it('tells HTML source from a printed page', () => {
    assert.ok(isHtmlSource(html));
    assert.ok(isHtmlSource('\ufeff<html lang="en"><body></body></html>'));
    assert.ok(isHtmlSource('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html></html>'));
    assert.ok(!isHtmlSource(read('chrome.txt')));
    assert.ok(!isHtmlSource('<b>NA01 - RCA - May 6, 2024</b> printed with a tag in it'));
    // The text API still refuses HTML, and so does convertPage with no printer (the web worker's): with one line.
    for (const convert of [() => convertText(html, exlibris), () => convertPage(html, exlibris)]) {
      assert.throws(convert, (error: unknown) => error instanceof NotAPrintedPage && /^is HTML source/.test(error.message) && !error.message.includes('\n'));
    }
  });

  it('refuses a page with no report in it, with one line', () => {
    assert.throws(
      () => convertPage('<!DOCTYPE html>\n<html><body><h1>Shopping list</h1><p>Milk</p></body></html>\n', exlibris, printHtml),
      (error: unknown) => error instanceof NotAPrintedPage && /^has no title line/.test(error.message) && !error.message.includes('\n'),
    );
  });
});

describe('printHtml: text as a browser prints it', () => {
  const print = (body: string) => printHtml(`<!DOCTYPE html><html><body>${body}</body></html>`).text;

  it('collapses white space but keeps no-break spaces', () => {
    assert.equal(print('<p>  one\n   two\t three </p>'), 'one two three\n');
    assert.equal(print('<p>9:05&nbsp;AM</p>'), '9:05\u00a0AM\n');
  });

  it('puts paragraphs and headings apart with a blank line, and a line break on a line of its own', () => {
    assert.equal(print('<h2>Event Timeline</h2><p>First.</p><p>Second<br>line.</p>'), 'Event Timeline\n\nFirst.\n\nSecond\nline.\n');
    assert.equal(print('<div>One</div><div>Two</div>'), 'One\nTwo\n');
  });

  it('prints list items after "•", ordered ones with their numbers, nested ones indented', () => {
    assert.equal(print('<ul><li>A<ul><li>A.1</li></ul></li><li>B</li></ul>'), '• A\n  • A.1\n• B\n');
    assert.equal(print('<ol start="3"><li>Third</li><li>Fourth</li></ol>'), '3. Third\n4. Fourth\n');
    // Pages often wrap an item's text in a paragraph: it stays on the marker's line, and the list stays tight.
    assert.equal(print('<ul><li><p>First</p></li><li><div><p>Second</p></div></li><li> </li></ul><p>After.</p>'), '• First\n• Second\n\nAfter.\n');
  });

  it('prints a table row on one line, its cells between tabs, blocks in a cell as spaces', () => {
    assert.equal(
      print('<table><tr><th>Date</th><th>Event</th></tr><tr><td>May 6</td><td><p>Started</p><p>again</p></td></tr></table>'),
      'Date\tEvent\nMay 6\tStarted again\n',
    );
  });

  it('keeps the lines of preformatted text', () => {
    assert.equal(print('<pre>10:05 restart\n\n10:07 ok</pre>'), '10:05 restart\n\n10:07 ok\n');
  });

  it('gives each printed line the line of the HTML it comes from', () => {
    const printed = printHtml('<!DOCTYPE html>\n<html>\n<body>\n<h1>Title</h1>\n<p>One\ntwo</p>\n<ul>\n<li>Item</li>\n</ul>\n</body></html>\n');
    const lines = printed.text.split('\n');
    assert.deepEqual(
      lines.map((line, i) => [line, printed.sourceLines[i]]).filter(([line]) => line),
      [
        ['Title', 4],
        ['One two', 5],
        ['• Item', 8],
      ],
    );
  });
});

describe('rca-writer convert page.html', () => {
  it('writes the Markdown and names the HTML lines on stderr', () => {
    const dir = project({ 'page.html': html });
    const result = runIn(['convert', 'page.html'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, read('chrome.md'));
    assert.equal(result.stderr, `page.html:${htmlLine('<p>&nbsp;</p>')}: note: an empty paragraph (only non-breaking spaces) in the page; kept as a comment\n`);
  });
});

describe('convert under auto: the profile whose headings the page names', () => {
  const postmortem = [
    '<!DOCTYPE html><html><body><nav><a href="/">Engineering blog</a></nav><article>',
    '<h1>Postmortem: checkout API outage on March 3, 2026</h1>',
    '<h2>Summary</h2><p>On March 3, 2026 from 14:05 to 14:50 UTC the checkout API returned errors.</p>',
    '<h2>Impact</h2><p>About 30% of checkouts failed.</p>',
    '<h2>Timeline</h2><ul><li>14:05 UTC - the error alert fires</li><li>14:50 UTC - the rollback is complete</li></ul>',
    '<h2>Root cause</h2><p>A configuration change removed the pool limit.</p>',
    '<h2>Lessons learned</h2><p>Pool settings need a check.</p>',
    '</article></body></html>',
  ].join('\n');
  const auto = candidateProfiles(resolveSettings({ profile: 'auto' }));

  it('reads a postmortem with the postmortem profile: "Impact" and "Lessons learned" are headings', () => {
    assert.equal(pageProfile(printHtml(postmortem).text, auto).name, 'postmortem');
    const { markdown } = convertPage(postmortem, auto, printHtml);
    assert.match(markdown, /\n## Impact\n/);
    assert.match(markdown, /\n## Lessons learned\n/);
    // The house profile alone takes both for paragraphs.
    assert.doesNotMatch(convertPage(postmortem, exlibris, printHtml).markdown, /## Impact/);
  });

  it('reads a house report with the house profile, and a profile named in the settings is the one used', () => {
    assert.equal(pageProfile(printHtml(html).text, auto).name, 'exlibris');
    assert.equal(convertPage(html, auto, printHtml).markdown, read('chrome.md'));
    const dir = project({ 'pm.html': postmortem, '.rca-writer.json': '{ "profile": "exlibris" }' });
    assert.doesNotMatch(runIn(['convert', 'pm.html'], { cwd: dir }).stdout, /## Impact/);
    assert.match(runIn(['convert', 'pm.html'], { cwd: project({ 'pm.html': postmortem }) }).stdout, /\n## Impact\n/);
  });
});

describe('convert: what the HTML says that the printed text cannot', () => {
  const postmortem = findProfile('postmortem')!;
  /** A postmortem page: its sections, with `body` in the first. */
  const page = (body: string, head = '') =>
    [
      `<!DOCTYPE html><html><head>${head}</head><body><article>`,
      '<h1>Postmortem: checkout API outage on March 3, 2026</h1>',
      `<h2>Summary</h2>${body}`,
      '<h2>Root cause</h2><p>A configuration change removed the pool limit.</p>',
      '</article></body></html>',
    ].join('\n');
  const convert = (html: string, profile = postmortem) => convertPage(html, profile, printHtml).markdown;
  const headings = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('## '));

  it('a paragraph that reads like a section name stays a paragraph; printed as text, it is still read as a heading', () => {
    const html = page('<p>Impact</p><p>About 30% of checkouts failed.</p><blockquote>Timeline</blockquote>');
    assert.deepEqual(headings(convert(html)), ['## Summary', '## Root cause']);
    assert.match(convert(html), /\n\nImpact\n\nAbout 30%/);
    // "Intro." is the house profile's "Introduction" to the guess from text.
    assert.match(convert(page('<p>Intro.</p>'), exlibris), /\n\nIntro\.\n/);
    assert.match(convertText('NA01 - RCA - May 6, 2024\n\nIntro.\n\nText.\n', exlibris).markdown, /\n## Intro\.\n/);
    assert.deepEqual(headings(convertText(printHtml(html).text, postmortem).markdown), ['## Summary', '## Impact', '## Timeline', '## Root cause']);
  });

  it('a heading the page marks is a heading: <h2>, role="heading", and a paragraph all in bold as editors write them', () => {
    for (const impact of [
      '<h3>Impact</h3>',
      '<div role="heading" aria-level="2">Impact</div>',
      '<p><strong>Impact</strong></p>',
      '<p><b>Impact</b> </p>',
      '<p><span style="font-weight: 700">Impact</span></p>',
    ]) {
      assert.deepEqual(headings(convert(page(`${impact}<p>About 30% of checkouts failed.</p>`))), ['## Summary', '## Impact', '## Root cause'], impact);
    }
    // Google Docs sets bold by a class of its style sheet.
    const docs = page(
      '<p class="c2"><span class="c7">Impact</span></p><p class="c2"><span class="c1">Text.</span></p>',
      '<style>.c1{color:#000}.c7{font-weight:700;color:#000}</style>',
    );
    assert.deepEqual(headings(convert(docs)), ['## Summary', '## Impact', '## Root cause']);
    // Bold words in a sentence make no heading of it.
    assert.deepEqual(headings(convert(page('<p><strong>Impact</strong> was small</p>'))), ['## Summary', '## Root cause']);
  });

  it('keeps absolute links as Markdown links, a bare address as it is, and only the text of other links', () => {
    const markdown = convert(
      page(
        [
          '<p>Updates were posted on <a href="https://status.example.com/incidents/42">the status page</a>, at',
          '<a href="https://status.example.com/">https://status.example.com</a> and by <a href="mailto:ops@example.com">mail</a>.</p>',
          '<p>See <a href="/kb/pools">the pool guide</a> and <a href="https://example.com/a_(b)">notes [draft]</a>.</p>',
          '<ul><li><a href="https://example.com/runbook">Runbook</a> updated</li></ul>',
          '<table><tr><th>Ticket</th><th>Owner</th></tr><tr><td><a href="https://t.example.com/1">T-1</a></td><td>ops</td></tr></table>',
        ].join('\n'),
      ),
    );
    assert.match(
      markdown,
      /\nUpdates were posted on \[the status page\]\(https:\/\/status\.example\.com\/incidents\/42\), at https:\/\/status\.example\.com and by \[mail\]\(mailto:ops@example\.com\)\.\n/,
    );
    assert.match(markdown, /\nSee the pool guide and \[notes \\\[draft\\\]\]\(https:\/\/example\.com\/a_%28b%29\)\.\n/);
    assert.match(markdown, /\n- \[Runbook\]\(https:\/\/example\.com\/runbook\) updated\n/);
    assert.match(markdown, /\n\| \[T-1\]\(https:\/\/t\.example\.com\/1\) \| ops \|\n/);
  });

  it('keeps preformatted text as a fenced code block and inline code as code, untouched', () => {
    const markdown = convert(
      page(
        [
          '<p>We ran <code>kubectl rollout undo *</code> and <code>a`b</code>.</p>',
          '<pre>- 14:05 restart\n\n# not a heading\nImpact\nhost\tstate\nweb-1\tdown\n```</pre>',
        ].join('\n'),
      ),
    );
    assert.match(markdown, /\nWe ran `kubectl rollout undo \*` and ``a`b``\.\n/);
    assert.ok(markdown.includes('\n````\n- 14:05 restart\n\n# not a heading\nImpact\nhost\tstate\nweb-1\tdown\n```\n````\n'), markdown);
    assert.deepEqual(headings(markdown), ['## Summary', '## Root cause']);
    // Markdown in code is an example: the page is no Markdown for it.
    const example = convert(page('<pre>## Impact\n## Timeline\n# Postmortem: a title</pre>'));
    assert.ok(example.includes('\n```\n## Impact\n## Timeline\n# Postmortem: a title\n```\n'), example);
  });

  it("leaves out the site's navigation, header, sidebar and footers, and lists each; the title in the site's header stays", () => {
    const html = [
      '<!DOCTYPE html><html><body>',
      '<header><div>Acme Engineering</div><nav><a href="/">Blog</a> <a href="/jobs">Careers</a></nav>',
      '<h1>Postmortem: checkout API outage on March 3, 2026</h1></header>',
      '<aside><p>Popular posts</p><p>Scaling our cache layer to millions of keys</p></aside>',
      '<main><h2>Summary</h2><p>Checkout failed for 45 minutes.</p>',
      '<footer><p>Posted by the platform team.</p></footer>',
      '<h2>Root cause</h2><p>A configuration change removed the pool limit.</p></main>',
      '<footer><p>Subscribe to our newsletter for new posts every week.</p></footer>',
      '</body></html>',
    ].join('\n');
    const result = convertPage(html, postmortem, printHtml);
    assert.equal(
      result.markdown,
      '# Postmortem: checkout API outage on March 3, 2026\n\n## Summary\n\nCheckout failed for 45 minutes.\n\n## Root cause\n\nA configuration change removed the pool limit.\n',
    );
    assert.deepEqual(
      result.dropped.map(({ line, text, reason }) => [line, text, reason]),
      [
        [2, 'Acme Engineering', "the site's header"],
        [2, 'Blog Careers', 'site navigation'],
        [4, 'Popular posts', "the page's sidebar"],
        [4, 'Scaling our cache layer to millions of keys', "the page's sidebar"],
        [6, 'Posted by the platform team.', "the article's footer"],
        [8, 'Subscribe to our newsletter for new posts every week.', 'the page footer'],
      ],
    );
  });

  it('keeps an aside in the content of a page with no article: a note of the report, not a sidebar', () => {
    const html = page('<aside class="note"><p>Numbers are for the EU region only.</p></aside><p>About 30% of checkouts failed.</p>');
    assert.match(convert(html), /\n\nNumbers are for the EU region only\.\n\nAbout 30%/);
    const main = html.replace('<article>', '<main>').replace('</article>', '</main>');
    assert.match(convert(main), /\n\nNumbers are for the EU region only\.\n\nAbout 30%/);
  });
});

describe('convert: a page too large to parse with source locations', () => {
  it('is parsed without them, and each printed line still names the line of the HTML it comes from', () => {
    const filler = '<p>Filler paragraph of the report, kept as it is.</p>\n'.repeat(Math.ceil(LOCATED_PARSE_LIMIT / 50));
    const large = [
      '<!DOCTYPE html><html><body>',
      '<nav><a href="/">Home</a></nav>',
      '<h1>NA01 - RCA - May 6, 2024</h1>',
      '<h2>Introduction</h2>',
      filler,
      '<p>Caf&eacute; &amp; <b>bar</b> reopened.</p>',
      '<p>Last line of the report.</p>',
      '<footer><p>Was this article helpful?</p></footer>',
      '</body></html>',
    ].join('\n');
    assert.ok(large.length > LOCATED_PARSE_LIMIT);
    const sourceLine = (text: string) => large.split('\n').findIndex((line) => line.includes(text)) + 1;
    const printed = printHtml(large);
    const printedLine = (text: string) => printed.sourceLines[printed.text.split('\n').indexOf(text)];
    for (const text of ['Home', 'NA01 - RCA - May 6, 2024', 'Last line of the report.', 'Was this article helpful?']) {
      assert.equal(printedLine(text), sourceLine(text), text);
    }
    // A text the source starts with an entity is found by its first plain characters.
    assert.equal(printedLine('Café & bar reopened.'), sourceLine('Caf&eacute;'));
    const dropped = convertPage(large, exlibris, printHtml).dropped;
    assert.deepEqual(
      dropped.map(({ line, text }) => [line, text]),
      [
        [2, 'Home'],
        [sourceLine('Was this article helpful?'), 'Was this article helpful?'],
      ],
    );
  });
});
