// The engine reads plain blocks without micromark (plain-blocks.ts). Its tree must be micromark's: random documents
// made of the lines that decide a block's kind (plain prose, markup, addresses, headings well and badly formed, list
// items of every marker, the lines that open another block, indentation, trailing spaces, tabs, line ending kinds)
// and of the blocks that run on over blank lines (fences, HTML blocks, front matter, indented continuations) or
// change how other lines read (definitions) give the same tree, positions included, whenever it is read that way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseMarkdown, parseWithMicromark } from '../../server/src/engine/parse';
import { parsePlainBlocks } from '../../server/src/engine/plain-blocks';
import { parameters } from './arbitraries';

const words = [
  '\ufeff',
  'http://status.example.com/',
  'service',
  'restored',
  'at',
  '10:05',
  'UTC',
  'NA01',
  'April',
  '2,',
  '2026.',
  'café',
  '東京',
  '😀',
  '(DC04)',
  'a',
  'x.',
  'it’s',
  '"quoted"',
  '50%',
  'b',
];
const addresses = [
  'http://status.example.com/',
  'https://a.b.com/x.',
  'https://a.b.com/p?q=1#f,',
  'http://localhost/',
  'HTTP://A.COM',
  'Https://a.com',
  'http://a_b.com',
  'http://a.com/a_b',
  '(http://a.com)',
  'http://a.com:8080/x',
  'http://a.com;',
  'http://a.com/a.b.',
  'https://a.com/path-with-dash/',
  'http://a.com?',
  'http://a.com/?!:',
  'https://a.com/%20x',
  'http://1.2.3.4/',
  'http://a.com/x+y=z',
  'http:/a.com',
  'http://.com',
  'http://a..com',
  'http://-a-.com',
  'xhttp://a.com',
  'http://a.com/x/',
  'http://a.com.',
  'http://a.com/x)',
  'http://a.com:',
  'http://a.com/#',
  'https://a.com/x-',
  'http://a.com/./',
  'http://xn--bcher-kva.example/',
];
const markup = [
  ...addresses,
  '**bold**',
  '`code`',
  '[link](https://example.com)',
  'http://status.example.com/',
  'ops@example.com',
  'www.example.com',
  '&amp;',
  'end\\',
  '_x_',
  'snake_case',
  '~~old~~',
  '<b>x</b>',
  '![img](a.png)',
  '[^1]',
  'a*b',
  '[ref]',
  '1 < 2',
  'C#',
];
const plain = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const marked = fc.tuple(plain, fc.constantFrom(...markup), fc.boolean()).map(([text, mark, before]) => (before ? `${mark} ${text}` : `${text} ${mark}`));
const prose = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: marked });
const prefixes = [
  '\ufeff',
  '\ufeff ',
  '# ',
  '## ',
  '###### ',
  '####### ',
  '#',
  '# ',
  '#  ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '2. ',
  '10. ',
  '01. ',
  '0. ',
  '1234567890. ',
  '- - ',
  '- # ',
  '- 1. ',
  '- [ ] ',
  '-',
  '  ',
  '   ',
  '    ',
  '\t',
  '> ',
  '| ',
  ': ',
  '[x]: ',
  '[^1]: ',
  '=',
  '<div>',
];
const line = fc.oneof(
  { weight: 4, arbitrary: prose },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...prefixes), prose).map(([prefix, text]) => prefix + text) },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(prose, fc.constantFrom(' ', '  ', '\t', ' #', ' ##', '#')).map(([text, end]) => text + end) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '***',
      '___',
      '===',
      '- - -',
      '```',
      '~~~',
      '|---|---|',
      '| a | b |',
      '-',
      '1.',
      '#',
      '# #',
      '## ##',
      '\u00a0',
      ' ',
      '2026.',
      '3.5 hours',
      '12:05 UTC',
    ),
  },
);
/** Blocks of several lines that run on over blank lines or change how the lines after them read. */
const piece = fc.oneof(
  { weight: 6, arbitrary: line },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '```\ncode\n\n# not a heading\n```',
      '```text\nunclosed\n\nplain after',
      '~~~~\nx\n~~~\n\nstill code\n~~~~',
      '<!-- a comment\n\nstill the comment -->',
      '<!-- open to the end',
      '<script>\n\nx\n</script>',
      '<div>\nhtml\n\nafter',
      '| Time | Event |\n| --- | --- |\n| 10:05 | Alert |',
      '> quoted\nlazy line',
      '- item\n\n  continued paragraph\n\nnext',
      '- item\n  - nested',
      '1. one\n\n   more',
      '    indented code\n\n    more code',
      'Setext\n======',
      'Setext\n---',
      '[ref]: https://example.com\n\nSee [ref].',
      'See [^1].\n\n[^1]: A note.',
      '***',
      '- [ ] task\n- [x] done',
    ),
  },
);
const frontMatter = fc.constantFrom('', '', '', '---\ntitle: x\n\ndate: y\n---\n', '+++\ntitle = "x"\n+++\n', '---\nno close\n\nplain\n');
const document = fc
  .tuple(frontMatter, fc.array(piece, { minLength: 0, maxLength: 24 }), fc.constantFrom('', '\n', '\n\n'), fc.constantFrom('\n', '\n', '\n', '\r\n'))
  .map(([head, pieces, end, eol]) => (head + pieces.join('\n') + end).replace(/\r?\n/g, eol));

describe('plain blocks read without micromark', () => {
  it('give micromark’s tree, positions included, whenever they are read that way', () => {
    let readPlain = 0;
    let cases = 0;
    fc.assert(
      fc.property(document, (text) => {
        cases++;
        const tree = parsePlainBlocks(text, (run) => parseWithMicromark(run));
        if (!tree) return;
        readPlain++;
        assert.deepStrictEqual(tree, parseWithMicromark(text));
        assert.deepStrictEqual(parseMarkdown(text), tree);
      }),
      parameters(),
    );
    // The property holds only where the plain reading is taken: it must be taken often for the test to say anything.
    assert.ok(readPlain > cases / 10, `read plain in ${readPlain} of ${cases} cases`);
  });
});
