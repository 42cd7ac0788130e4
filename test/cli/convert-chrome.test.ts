// convert on pages printed with and without the site around the report: menus, sign-in boxes, breadcrumbs,
// page tools, the table of contents, footers; tables; empty paragraphs; and inputs that are no printed page.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Nodes, Table } from 'mdast';
import { checkText } from '../../server/src/engine/check';
import { convertText, EMPTY_PARAGRAPH, NotAPrintedPage } from '../../server/src/convert';
import { plainText } from '../../server/src/engine/nodes';
import { parseMarkdown } from '../../server/src/engine/parse';
import { findProfile } from '../../server/src/engine/profiles';
import { project, root, runIn } from './helpers';

const exlibris = findProfile('exlibris')!;
const fixtures = join(root, 'test', 'fixtures', 'convert');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') found.push((node as Table).children.map((row) => row.children.map((cell) => plainText(cell))));
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return found;
}

const TITLE = 'NA07, NA08 - RCA - January 8, 2024';
/** A page with only what the tests need around `lines`: a title and one section. */
const page = (...lines: string[]) => [TITLE, 'Introduction', 'This document serves as a Root Cause Analysis.', ...lines, ''].join('\n');

describe('convert: one page printed with and without the site around it', () => {
  const withChrome = convertText(read('chrome.txt'), exlibris);
  const plain = convertText(read('plain.txt'), exlibris);

  it('gives the same Markdown both ways, a clean report', () => {
    assert.equal(withChrome.markdown, read('chrome.md'));
    assert.equal(plain.markdown, read('chrome.md'));
    // Expected findings: none (the page is a complete report; its empty paragraph is a comment, not a finding).
    assert.deepEqual(checkText(withChrome.markdown).diagnostics, []);
    assert.deepEqual(plain.dropped, []);
  });

  it('lists every line it leaves out, with what it took it for', () => {
    const byReason = new Map<string, string[]>();
    for (const line of withChrome.dropped) byReason.set(line.reason, [...(byReason.get(line.reason) ?? []), line.text.replace(/^• /, '')]);
    assert.deepEqual(Object.fromEntries(byReason), {
      'site navigation': ['Skip to main content', 'Knowledge Assistant', 'Search site', 'Forgot password', 'Go back to previous article'],
      "the site's header, before the title": ['BETA', 'Back', 'Sign in', 'Ex Libris Knowledge Center', 'Home', 'Cloud Services', 'Service Notices'],
      'a breadcrumb ending in the title': [TITLE],
      'page tools': ['Last updated', 'Jan 10, 2024', 'Save as PDF | Share'],
      "the page's table of contents": [
        'Table of contents',
        '1. Introduction',
        '2. Event Timeline',
        '3. Root Cause Analysis',
        '4. Technical Action Items and Preventive Measures',
        '5. Customer Communication',
        '6. Publication History',
      ],
      'the page footer': [
        'Was this article helpful?',
        'Yes',
        'No',
        'Recommended articles',
        'NA02 - RCA - December 4, 2023',
        'EU01 - RCA - November 20, 2023',
        'Ex Libris Knowledge Center',
        '© Copyright 2024 Example Holdings',
        'Privacy policy',
        'Terms of use',
      ],
    });
  });

  it('loses nothing silently: each printed line is either left out and listed, or its words are in the Markdown', () => {
    const visible = plainText(parseMarkdown(withChrome.markdown)).replace(/\s+/g, ' ');
    const listed = new Set(withChrome.dropped.map((line) => line.line));
    const lines = read('chrome.txt').split('\n');
    lines.forEach((raw, index) => {
      const text = raw.replace(/[\s\u00a0]+/g, ' ').trim();
      if (!text || text === '-' || /^[-|]+$/.test(text) || listed.has(index + 1)) return;
      for (const cell of text
        .split('|')
        .map((part) => part.trim())
        .filter(Boolean)) {
        assert.ok(visible.includes(cell), `line ${index + 1}: "${cell}" is in the Markdown`);
      }
    });
    // And none of the report's own lines (the page printed without the site) was left out.
    const reportLines = new Set(
      read('plain.txt')
        .split('\n')
        .map((line) => line.trim()),
    );
    assert.deepEqual(
      withChrome.dropped.filter((line) => reportLines.has(line.text) && line.reason !== 'a breadcrumb ending in the title'),
      [],
    );
  });

  it('keeps the empty paragraph visible and says where it was', () => {
    assert.ok(withChrome.markdown.includes(`\n\n${EMPTY_PARAGRAPH}\n\n## Event Timeline`));
    assert.deepEqual(withChrome.notes, [{ line: 33, message: 'an empty paragraph (only non-breaking spaces) in the page; kept as a comment' }]);
    assert.deepEqual(plain.notes, [{ line: 9, message: 'an empty paragraph (only non-breaking spaces) in the page; kept as a comment' }]);
  });
});

describe('convert: the site around the report, in other forms', () => {
  it('drops another site’s header, breadcrumb, "On this page" list and footer too', () => {
    const input = [
      'Acme Status Center',
      'Menu',
      'Log in',
      'Support › Incidents › 2024',
      TITLE,
      'Print\tShare',
      'On this page',
      '• Introduction',
      '• Event Timeline',
      'Introduction',
      'This document serves as a Root Cause Analysis.',
      'Event Timeline',
      'The service was slow from 9:05 AM until 9:50 AM.',
      'Back to top',
      'Powered by Example Docs',
      'Acme Status Center',
      '',
    ].join('\n');
    const { markdown, notes, dropped } = convertText(input, exlibris);
    assert.equal(
      markdown,
      `# ${TITLE}\n\n## Introduction\n\nThis document serves as a Root Cause Analysis.\n\n## Event Timeline\n\nThe service was slow from 9:05 AM until 9:50 AM.\n`,
    );
    assert.deepEqual(notes, []);
    assert.deepEqual(
      dropped.map((line) => line.line),
      [1, 2, 3, 4, 6, 7, 8, 9, 14, 15, 16],
    );
  });

  it('prefers the full title to a short menu item that also names an RCA', () => {
    const { markdown, dropped } = convertText(`Home\nCloud RCA\n${TITLE}\nIntroduction\nText.\n`, exlibris);
    assert.equal(markdown, `# ${TITLE}\n\n## Introduction\n\nText.\n`);
    assert.deepEqual(
      dropped.map((line) => line.text),
      ['Home', 'Cloud RCA'],
    );
  });

  it('takes the title from the breadcrumb when the page prints it only there', () => {
    const { markdown, dropped } = convertText(`Home > Notices > ${TITLE}\nIntroduction\nText.\n`, exlibris);
    assert.equal(markdown, `# ${TITLE}\n\n## Introduction\n\nText.\n`);
    assert.deepEqual(dropped, []);
  });

  it('reads a title with slashes between instances as the title, not a breadcrumb', () => {
    const { markdown } = convertText('NA01 / NA02 - RCA - May 6, 2024\nIntroduction\nText.\n', exlibris);
    assert.equal(markdown.split('\n')[0], '# NA01 / NA02 - RCA - May 6, 2024');
  });

  it('keeps a sentence before the title, and a sentence after the footer, with a note', () => {
    const input = [
      'Sign in',
      'This notice was sent to all customers of the region.',
      TITLE,
      'Introduction',
      'Text.',
      'Was this article helpful?',
      'Write to the support team for the full log.',
      '',
    ].join('\n');
    const { markdown, notes } = convertText(input, exlibris);
    assert.deepEqual(notes, [
      { line: 2, message: 'text before the title; kept after it' },
      { line: 7, message: 'text after the page footer; kept under "Introduction"' },
    ]);
    assert.match(markdown, /This notice was sent to all customers of the region\./);
    assert.match(markdown, /Write to the support team for the full log\./);
  });

  it('keeps heading-like lines that are not repeated later: a short section is no table of contents', () => {
    const { markdown, dropped } = convertText(`${TITLE}\nIntroduction\nAffected Products\nEvent Timeline\nText.\n`, exlibris);
    assert.equal(markdown, `# ${TITLE}\n\n## Introduction\n\n## Affected Products\n\n## Event Timeline\n\nText.\n`);
    assert.deepEqual(dropped, []);
  });

  it("after the site's header printed again, drops only what is surely the site's: report lines stay, with a note", () => {
    const input = [
      'Acme Status Center',
      TITLE,
      'Introduction',
      'Text.',
      'Publication History',
      'Acme Status Center',
      'January 9, 2024 - First published',
      'Privacy policy',
      '',
    ].join('\n');
    const { markdown, notes, dropped } = convertText(input, exlibris);
    assert.match(markdown, /## Publication History\n\nJanuary 9, 2024 - First published\n$/);
    assert.deepEqual(notes, [{ line: 7, message: 'text after the page footer; kept under "Publication History"' }]);
    assert.deepEqual(
      dropped.map((line) => [line.line, line.reason]),
      [
        [1, "the site's header, before the title"],
        [6, 'the page footer'],
        [8, 'the page footer'],
      ],
    );
  });

  it('keeps an introduction line that starts with "Updated" where page tools could stand', () => {
    const input = [TITLE, 'Updated: Jan 10, 2024', 'Last modified 2024-01-10 14:02', 'Updated the runbook on May 3', 'Event Timeline', 'Text.', ''].join('\n');
    const { markdown, dropped } = convertText(input, exlibris);
    assert.deepEqual(
      dropped.map((line) => line.text),
      ['Updated: Jan 10, 2024', 'Last modified 2024-01-10 14:02'],
    );
    assert.match(markdown, /\n\nUpdated the runbook on May 3\n\n## Event Timeline/);
  });

  it('keeps the report’s own "Share" and "Back" words when they stand inside a sentence', () => {
    const { markdown, dropped } = convertText(page('Share the report with the team.', 'Back up the database first.'), exlibris);
    assert.match(markdown, /Share the report with the team\.\n\nBack up the database first\./);
    assert.deepEqual(dropped, []);
  });
});

describe('convert: tables', () => {
  for (const [form, rows] of [
    ['pipes after each cell, with a delimiter row', ['Date | Publication History |', '---|---|', 'January 9, 2024 | First published |']],
    ['pipes on both sides', ['| Date | Publication History |', '| --- | --- |', '| January 9, 2024 | First published |']],
    ['pipes between cells, no delimiter row', ['Date | Publication History', 'January 9, 2024 | First published']],
    ['tabs', ['Date\tPublication History', 'January 9, 2024\tFirst published']],
    ['rows indented and with blank lines between', ['    Date | Publication History |', '', '    ---|---|', '', '    January 9, 2024 | First published |']],
  ] as const) {
    it(`reads a table printed with ${form}`, () => {
      const { markdown, notes } = convertText(page(...rows), exlibris);
      assert.deepEqual(tables(markdown), [
        [
          ['Date', 'Publication History'],
          ['January 9, 2024', 'First published'],
        ],
      ]);
      assert.deepEqual(notes, []);
      assert.deepEqual(
        checkText(markdown).diagnostics.filter((d) => d.code === 'RCA107'),
        [],
      );
    });
  }

  it('gives short rows empty cells and keeps every cell of a long row', () => {
    const { markdown } = convertText(page('When\tWhat', 'January 9, 2024\tFirst published\tby the Cloud team', 'January 10, 2024'), exlibris);
    assert.deepEqual(tables(markdown), [
      [
        ['When', 'What', ''],
        ['January 9, 2024', 'First published', 'by the Cloud team'],
      ],
    ]);
    assert.match(markdown, /\n\nJanuary 10, 2024\n$/, 'a line without a tab ends the table');
  });

  it('escapes a pipe inside a tab-separated cell, and markup in cells', () => {
    const { markdown } = convertText(page('Step\tResult', 'cache_a | cache_b\t*all* up'), exlibris);
    assert.deepEqual(tables(markdown), [
      [
        ['Step', 'Result'],
        ['cache_a | cache_b', '*all* up'],
      ],
    ]);
  });

  it('reads bullets and numbers printed with a tab after them as list items, not rows', () => {
    const { markdown } = convertText(
      page('\u2022\tStorage was added.', '\u2022\tAlerts were lowered.', '1.\tReview the policy.', '2.\tAudit the clusters.'),
      exlibris,
    );
    assert.deepEqual(tables(markdown), []);
    assert.match(markdown, /\n- Storage was added\.\n- Alerts were lowered\.\n\n1\. Review the policy\.\n2\. Audit the clusters\.\n$/);
  });

  it('keeps one line with a pipe in it as a paragraph', () => {
    const { markdown } = convertText(page('Region: NA | Impact: logins failed'), exlibris);
    assert.deepEqual(tables(markdown), []);
    assert.match(markdown, /\n\nRegion: NA \| Impact: logins failed\n$/);
  });
});

describe('convert: empty paragraphs', () => {
  it('turns each line of only non-breaking spaces into a comment, and ordinary blank lines into nothing', () => {
    const { markdown, notes } = convertText(page('\u00a0', '', '   ', ' \u00a0 \u00a0', 'Last line.'), exlibris);
    assert.ok(markdown.endsWith(`${EMPTY_PARAGRAPH}\n\n${EMPTY_PARAGRAPH}\n\nLast line.\n`));
    assert.deepEqual(
      notes.map((note) => note.line),
      [4, 7],
    );
  });

  it('counts zero-width spaces as empty too, and keeps them inside sentences', () => {
    const { markdown, notes } = convertText(page('\u200b', 'Two\u200bwords.'), exlibris);
    assert.ok(markdown.endsWith(`${EMPTY_PARAGRAPH}\n\nTwo\u200bwords.\n`));
    assert.deepEqual(
      notes.map((note) => note.line),
      [4],
    );
  });

  it('leaves a comment the checks read like any other: no finding on it', () => {
    const { markdown } = convertText(read('plain.txt'), exlibris);
    assert.deepEqual(checkText(markdown).diagnostics, []);
  });
});

describe('convert: inputs that are not printed pages', () => {
  for (const [what, text, pattern] of [
    ['Markdown with a title', `# ${TITLE}\n\n## Introduction\n\nText.\n`, /^is Markdown already \(line 1: "# NA07/],
    ['Markdown with section headings only', 'Some text.\n\n## Introduction\n\nText.\n', /^is Markdown already \(line 3: "## Introduction"\)/],
    ['Markdown with other headings', 'Notes\n\n## Findings\n\nA.\n\n## Next steps\n\nB.\n', /^is Markdown already \(line 7: "## Next steps" is its second/],
    ['Markdown with front matter', '---\ntitle: Outage\ndate: 2024-01-08\n---\nText.\n', /^starts with YAML front matter/],
    ['HTML source', '<!DOCTYPE html>\n<html><body><h1>NA01 - RCA</h1></body></html>\n', /^is HTML source/],
    ['JSON', '{ "title": "NA01 - RCA - May 6, 2024" }\n', /^is JSON/],
    ['prose with no title or section heading', 'Shopping list\nMilk\nBread\n', /^has no title line .* "exlibris" profile/],
    ['an empty file', '\n\n', /^is empty$/],
  ] as const) {
    it(`refuses ${what} with one line`, () => {
      assert.throws(
        () => convertText(text, exlibris),
        (error: unknown) => error instanceof NotAPrintedPage && pattern.test(error.message) && !error.message.includes('\n'),
      );
    });
  }

  it('still converts a page whose lines start with "#" as text', () => {
    assert.doesNotThrow(() => convertText(page('# of hosts: 12', '## of them were restarted'), exlibris));
  });
});

describe('rca-writer convert: verbose output, refusals, files', () => {
  it('lists what it leaves out with --verbose, in line order with the notes', () => {
    const dir = project({ 'page.txt': read('chrome.txt') });
    const quiet = runIn(['convert', 'page.txt'], { cwd: dir });
    assert.equal(quiet.stderr, 'page.txt:33: note: an empty paragraph (only non-breaking spaces) in the page; kept as a comment\n');
    const verbose = runIn(['convert', 'page.txt', '--verbose'], { cwd: dir });
    assert.equal(verbose.code, 0);
    assert.equal(verbose.stdout, quiet.stdout);
    const lines = verbose.stderr.trim().split('\n');
    assert.equal(lines.length, convertText(read('chrome.txt'), exlibris).dropped.length + 2);
    assert.equal(lines[lines.length - 1], 'page.txt: read with the section headings of the "exlibris" profile');
    assert.equal(lines[0], 'page.txt:1: left out (site navigation): Skip to main content');
    assert.ok(lines.includes('page.txt:18: left out (page tools): Save as PDF | Share'));
    assert.ok(
      lines.indexOf('page.txt:33: note: an empty paragraph (only non-breaking spaces) in the page; kept as a comment') >
        lines.indexOf("page.txt:26: left out (the page's table of contents): 6. Publication History"),
    );
    assert.equal(runIn(['convert', 'page.txt', '-v'], { cwd: dir }).stderr, verbose.stderr);
  });

  it('refuses a Markdown file: exit 2, one line, nothing written', () => {
    const dir = project({ 'report.md': `# ${TITLE}\n\n## Introduction\n\nText.\n` });
    const { code, stdout, stderr } = runIn(['convert', 'report.md', '-o', 'out.md'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      /^rca-writer: report\.md: is Markdown already \(line 1: "# NA07, NA08 - RCA - January 8, 2024"\), not a page printed as text \(check it with "rca-writer check"\)\n$/,
    );
    assert.equal(existsSync(join(dir, 'out.md')), false);
  });

  it('names standard input when it refuses it', () => {
    const { code, stderr } = runIn(['convert', '-'], { stdin: '## Introduction\n## Event Timeline\n' });
    assert.equal(code, 2);
    assert.match(stderr, /^rca-writer: <stdin>: is Markdown already/);
  });

  it('writes -o through a temporary file that it never leaves behind, and replaces the file a link points to', () => {
    const dir = project({ 'page.txt': read('plain.txt'), 'old.md': 'old\n' });
    symlinkSync('old.md', join(dir, 'link.md'));
    assert.equal(runIn(['convert', 'page.txt', '-o', 'new.md'], { cwd: dir }).code, 0);
    assert.equal(runIn(['convert', 'page.txt', '-o', 'link.md', '--force'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(join(dir, 'new.md'), 'utf8'), read('chrome.md'));
    assert.equal(readFileSync(join(dir, 'old.md'), 'utf8'), read('chrome.md'));
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'new.md', 'old.md', 'page.txt']);
    writeFileSync(join(dir, 'taken.md'), 'mine\n');
    assert.equal(runIn(['convert', 'page.txt', '-o', 'taken.md'], { cwd: dir }).code, 2);
    assert.equal(readFileSync(join(dir, 'taken.md'), 'utf8'), 'mine\n');
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'new.md', 'old.md', 'page.txt', 'taken.md']);
  });
});
