import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseMarkdown, parseWithMicromark } from '../../server/src/engine/parse';
import { parsePlainBlocks } from '../../server/src/engine/plain-blocks';

const root = join(__dirname, '..', '..');
function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.(md|txt)$/.test(name) ? [path] : [];
  });
}

/** The plain-block reading of `text`, with the runs it handed to micromark. */
function readPlain(text: string) {
  const runs: string[] = [];
  const tree = parsePlainBlocks(text, (run) => {
    runs.push(run);
    return parseWithMicromark(run);
  });
  return { tree, runs };
}

test('every fixture and example parses to the tree micromark gives, and most are read as plain blocks', () => {
  const files = [...markdownFiles(join(root, 'test', 'fixtures')), ...markdownFiles(join(root, 'examples'))];
  let plain = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.deepStrictEqual(parseMarkdown(text), parseWithMicromark(text), file);
    if (parsePlainBlocks(text, parseWithMicromark)) plain++;
  }
  assert.ok(files.length > 200, `${files.length} files`);
  assert.ok(plain > files.length / 3, `${plain} of ${files.length} read as plain blocks`);
});

test('the published seeds are read without micromark, their status-portal address included', () => {
  for (const name of ['seed-000.md', 'seed-003.md', 'seed-004.md']) {
    const text = readFileSync(join(root, 'test', 'fixtures', 'seeds', name), 'utf8');
    const { tree, runs } = readPlain(text);
    assert.ok(tree, name);
    assert.deepStrictEqual(tree, parseWithMicromark(text), name);
    assert.deepStrictEqual(runs, [], name);
  }
});

test('a web address in plain text becomes the link micromark makes, without micromark', () => {
  const text = '## Customer Communication\n\nUpdates appear at this address: https://status.example.com/\nand at http://example.org/rca?id=4, as e-mails.\n';
  const { tree, runs } = readPlain(text);
  assert.deepStrictEqual(runs, []);
  assert.deepStrictEqual(tree, parseWithMicromark(text));
  const links = (tree!.children[1] as { children: { type: string; url?: string }[] }).children.filter((node) => node.type === 'link');
  assert.deepStrictEqual(
    links.map((link) => link.url),
    ['https://status.example.com/', 'http://example.org/rca?id=4'],
  );
});

test('an address of another form goes to micromark', () => {
  for (const text of ['See (https://status.example.com/).', 'At HTTPS://STATUS.EXAMPLE.COM now.', 'Go to https://status.example.com/a_b;c now.']) {
    const { tree, runs } = readPlain(text);
    assert.deepStrictEqual(runs, [text]);
    assert.deepStrictEqual(tree, parseWithMicromark(text));
  }
});

test('a run of marked-up blocks is parsed on its own and moved to its place', () => {
  const text = '# Title\n\nPlain words.\n\nSee **the page** at https://status.example.com/ now.\nAnd more.\n\n- one\n- two\n';
  const { tree, runs } = readPlain(text);
  assert.deepStrictEqual(runs, ['See **the page** at https://status.example.com/ now.\nAnd more.']);
  assert.deepStrictEqual(tree, parseWithMicromark(text));
  const link = (tree!.children[2] as { children: { type: string; position?: { start: { line: number; column: number; offset?: number } } }[] }).children.find(
    (node) => node.type === 'link',
  );
  assert.deepStrictEqual(link?.position?.start, { line: 5, column: 21, offset: 43 });
});

test('lines whose block needs CommonMark’s finer rules go to micromark with the block they continue', () => {
  const cases: [string, string[]][] = [
    ['# T\n\nplain\n\npara\n  indented\n\nplain', ['para\n  indented']],
    ['- item\nlazy line\n\n# H', ['- item\nlazy line']],
    ['Title\n===\n\nplain', ['Title\n===']],
    ['words  \nhard break', ['words  \nhard break']],
    ['para\n2. not a list', ['para\n2. not a list']],
    ['| a | b |\n|---|---|\n| 1 | 2 |\n\nplain', ['| a | b |\n|---|---|\n| 1 | 2 |']],
    ['---\ntitle: x\n\ndate: y\n---\n\n# T', ['---\ntitle: x\n\ndate: y\n---']],
    ['```\ncode\n\nmore code\n```\n\nplain', ['```\ncode\n\nmore code\n```']],
    ['a\r\nb  \r\nc\r\n\r\nplain', ['a\r\nb  \r\nc']],
  ];
  for (const [text, expected] of cases) {
    const { tree, runs } = readPlain(text);
    assert.deepStrictEqual(runs, expected, JSON.stringify(text));
    assert.deepStrictEqual(tree, parseWithMicromark(text), JSON.stringify(text));
  }
});

test('a definition, a lone "\\r", a NUL or a byte order mark leaves the whole text to micromark', () => {
  for (const text of ['See [the page].\n\n[the page]: https://example.com', 'a\rb', 'a\0b', '\ufeff# T']) {
    assert.equal(parsePlainBlocks(text, parseWithMicromark), undefined, JSON.stringify(text));
    assert.deepStrictEqual(parseMarkdown(text), parseWithMicromark(text), JSON.stringify(text));
  }
});

test('a region whose fence or HTML block runs on past its end leaves the whole text to micromark', () => {
  // The fence inside the HTML block is no fence; the last "```" opens one that runs to the end.
  const text = '<div>service\n```\ncode\n\n# not a heading\n```\n\nplain\n';
  assert.equal(parsePlainBlocks(text, parseWithMicromark), undefined);
  assert.deepStrictEqual(parseMarkdown(text), parseWithMicromark(text));
});
