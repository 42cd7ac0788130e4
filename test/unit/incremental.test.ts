import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { visit } from 'unist-util-visit';
import { checkText } from '../../server/src/engine/check';
import { blockPoints, splitPoints } from '../../server/src/engine/chunk-points';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { allNodes, codeBlocks } from '../../server/src/engine/block-facts';
import { parseMarkdown } from '../../server/src/engine/parse';
// The benchmark's seeded generator (mulberry32): every run makes the same edits.
import { random } from '../../scripts/bench/inputs';

const fixtures = ['seeds', 'rules'].flatMap((folder) => {
  const dir = join(__dirname, '..', 'fixtures', folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
});

// What a writer types, and what breaks chunking: fences, HTML blocks, headings, front matter, definitions.
const INSERTS = [
  'a',
  ' ',
  'word ',
  '\n',
  '\n\n',
  '2:15 PM ',
  'April 3, 2025 ',
  'CST ',
  'NA04 ',
  '#',
  '## ',
  '\n## Root Cause Analysis\n\n',
  '\n\n### Detail\n',
  '\n# Title RCA\n',
  '```',
  '\n```\n',
  '~~~\n',
  '<!--',
  '-->',
  '\n<!-- rca-writer-disable RCA104 -->\n',
  '<div>\n',
  '<script>',
  '---\n',
  '\n---\n',
  '===\n',
  '- ',
  '1. ',
  '> ',
  '    ',
  '\t',
  '[link][ref]',
  '\n[ref]: http://x.test\n',
  '[^1]',
  '\n[^1]: note\n',
  '|a|b|\n|-|-|\n',
  '\r\n',
  '\uFEFF',
  '`',
];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const kind = rnd();
  if (kind < 0.45) return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 12)));
  // Delete or duplicate a whole line.
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end + 1);
  return kind < 0.9 ? text.slice(0, start) + text.slice(start + line.length) : text.slice(0, start) + line + text.slice(start);
}

const EDITS = Number(process.env.RCA_INCREMENTAL_EDITS ?? 30);

describe('incremental parsing', () => {
  it('splits only at headings after a blank line', () => {
    const text = '# T\n\nintro\n\n## A\n\ntext\n## B\n\n```\n\n## C\n```\n\n  ## D\n';
    assert.deepEqual(
      splitPoints(text).map((offset) => text.slice(offset, offset + 4)),
      ['## A', '## C'],
    );
  });

  it('never reads "\\r\\n" as two line breaks around an empty line', () => {
    // Found by the property tests: an HTML block runs on over a heading that follows it without a blank line.
    assert.deepEqual(splitPoints('</div>\r\n## Introduction'), []);
    assert.deepEqual(splitPoints('</div>\r\n\r\n## Introduction'), [10]);
    assert.deepEqual(splitPoints('</div>\r\r## Introduction'), [8]);
    const text = 'para\r\n</div>\r\n## Introduction\r\n\r\n## Timeline\r\n';
    assert.deepEqual(new IncrementalParser().parse(text), parseMarkdown(text));
  });

  it('joins chunks when a fence or an HTML comment runs over a heading', () => {
    for (const text of ['# T\n\n```\ncode\n\n## Not a heading\n\nmore\n', '# T\n\n<!--\n\n## Hidden\n\n-->\n\n## Shown\n']) {
      assert.deepEqual(new IncrementalParser().parse(text), parseMarkdown(text));
    }
  });

  it('cuts one long list before its column-0 items and joins it again into one list', () => {
    const text = '# T\n\n' + Array.from({ length: 400 }, (_, i) => `- item ${i}\n  more ${i}\n`).join('') + '\nafter\n';
    const points = blockPoints(text, 1000);
    assert.ok(points.length >= 3 && points.every((point) => point.kind === 'item' && text.startsWith('- item', point.at)));
    const parser = new IncrementalParser(1000);
    const tree = parser.parse(text);
    assert.ok(parser.stats.chunks >= 4, `${parser.stats.chunks} chunks`);
    assert.equal(tree.children.filter((node) => node.type === 'list').length, 1);
    assert.deepEqual(tree, parseMarkdown(text));
    // Each version joins afresh: the chunks' own lists are never grown in place.
    const edited = text.replace('- item 5\n', '- item 5!\n');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
  });

  it('gives the list it joined before when its parts are unchanged, and a new one when any part is new', () => {
    const items = Array.from({ length: 400 }, (_, i) => `- item ${i}\n  more ${i}\n`).join('');
    // Chunks are at least 1,000 characters long: the paragraph keeps the title's chunk apart from the list's first.
    const text = `# T\n\n${'word '.repeat(300)}\n\n## List\n\n${items}\n## Next\n\nafter\n`;
    const parser = new IncrementalParser(1000);
    const listOf = (tree: Root) => tree.children.find((node) => node.type === 'list')!;
    const first = listOf(parser.parse(text));
    // An edit after the list: every part is handed back, and so is the list, with its positions where they are.
    const after = text.replace('after', 'after the list');
    const unchanged = parser.parse(after);
    assert.equal(listOf(unchanged), first);
    assert.deepEqual(unchanged, parseMarkdown(after));
    const above = after.replace('# T\n', '# T\n\nA line above.\n');
    const moved = parser.parse(above);
    assert.equal(listOf(moved), first);
    assert.deepEqual(moved, parseMarkdown(above));
    // An edit in a part between the first and the last, whose item count stays: a new list holding the new items.
    const middle = above.replace('- item 200\n', '- item 200, edited\n');
    const edited = parser.parse(middle);
    assert.notEqual(listOf(edited), first);
    assert.deepEqual(edited, parseMarkdown(middle));
    // And a blank line between two items of that part makes the whole list loose.
    const loose = middle.replace('  more 200\n', '  more 200\n\n');
    assert.deepEqual(parser.parse(loose), parseMarkdown(loose));
    assert.deepEqual(parser.parse(middle), parseMarkdown(middle));
  });

  it('does not cut before an item that is no item of the list above it', () => {
    // Another marker starts another list, and "2." after a paragraph is a lazy line of it: the chunk goes on.
    for (const text of ['- a\n* b\n- c\n', 'a\n2. b\n', '- a\n  b\n2. c\n', '- a\n- * * *\n* * *\n- b\n', '1. a\n1) b\n']) {
      const parser = new IncrementalParser(0);
      assert.deepEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
    }
    // A line that is a thematic break is no item, whatever its first character.
    assert.deepEqual(
      blockPoints('- a\n* * *\n- b\n', 0).map((point) => point.at),
      [10],
    );
  });

  it('parses a text with definitions once: a chunk is parsed again only for a reference to a label defined in another', () => {
    // Each chunk holds notes and their calls; the cuts fall so that a few calls are a chunk away from their notes.
    const unit = (i: number) => `Text[^${i}] and [link ${i}].\n\n[^${i}]: note ${i}\n\n[link ${i}]: /u/${i}\n\n`;
    const text = '# T\n\n' + Array.from({ length: 2000 }, (_, i) => unit(i)).join('') + 'Last [^0] and ![link 3].\n';
    let parsed = 0;
    let again = 0;
    const parser = new IncrementalParser(undefined, (chunk, defined) => {
      parsed += chunk.length;
      if (defined) again++;
      return parseMarkdown(chunk, defined);
    });
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    assert.equal(parser.stats.fullParse, undefined);
    // The last chunk calls note 0 and link 3 of the first: it is parsed again, and so are a few chunks whose
    // "[link n]" is defined in the chunk before. Before, the whole text was parsed a second time, in full.
    assert.ok(again >= 1 && parsed < text.length * 1.25, `${parsed} characters parsed for ${text.length}, ${again} again`);
    // An edit that removes the note: the last chunk is parsed again, not knowing it any more.
    const edited = text.replace('[^0]: note 0', 'note 0');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
  });

  it('cuts after an ATX heading line with no blank line before the next line, where the chunk ends with that heading', () => {
    const text = 'T\n#\n## Event Timeline\n# closed #\ntext\n###### six\n#######\n';
    assert.deepEqual(
      blockPoints(text, 0).map((point) => text.slice(point.at, point.at + 4)),
      ['## E', '# cl', 'text', '####'],
    );
    const parser = new IncrementalParser(0);
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    assert.equal(parser.stats.chunks, 5);
    // 100,000 empty headings are many chunks, not one parse the budget cannot stop.
    const hashes = '#\n'.repeat(20000);
    const cut = new IncrementalParser(4096);
    assert.deepEqual(cut.parse(hashes), parseMarkdown(hashes));
    assert.ok(cut.stats.chunks >= 9, `${cut.stats.chunks} chunks`);
  });

  it('does not cut after a heading line that is no top-level heading: inside an HTML block, a quote or a fence', () => {
    for (const text of ['<table>\n# a\ntext\n', '<x-y a="1">\n# a\n# b\n', '> # a\n# b\n', '```\n# a\n# b\n```\n', '- # a\n# b\n']) {
      const parser = new IncrementalParser(0);
      assert.deepEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
    }
    // A line that could open front matter in a chunk of its own never starts one.
    assert.deepEqual(blockPoints('# a\n---\n+++\n', 0), []);
  });

  it('cuts one long table between its rows, parses each piece after the header rows, and joins the rows again', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| 10:${i % 60} | step *${i}* [x] |\n`).join('');
    for (const head of ['| Time | Event |\n| :-- | --: |\n', '  | a | b |\n  |---|---|\n', 'Time | Event\n--- | ---\n']) {
      const text = `# T\n\n${head}${rows}after | a\n\n[x]: /u\n`;
      assert.ok(blockPoints(text, 500).some((point) => point.kind === 'row'));
      const parser = new IncrementalParser(500);
      const tree = parser.parse(text);
      assert.ok(parser.stats.chunks >= 10 && parser.stats.fullParse === undefined, JSON.stringify(parser.stats));
      assert.equal(tree.children.filter((node) => node.type === 'table').length, 1);
      assert.deepEqual(tree, parseMarkdown(text));
      // An edit in one piece parses that piece again, after the same header rows (and once more knowing "[x]").
      const edited = text.replace('step *5*', 'step _5_');
      assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
      assert.equal(parser.stats.reparsed, 2);
    }
  });

  it('does not cut before a "|" line that is no row of a table above it', () => {
    // After a blank line, after a paragraph, inside a fence or an HTML block, in a quote: the chunk goes on.
    for (const text of [
      '| a |\n| - |\n\n| b |\n',
      'a\n| b |\n',
      '```\n| a |\n| - |\n| b |\n```\n',
      '<div>\n| a |\n| - |\n| b |\n',
      '> | a |\n> | - |\n| b |\n',
    ]) {
      const parser = new IncrementalParser(0);
      assert.deepEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
      // Refused where the parse shows no table ends there, not caught afterwards by a full parse.
      assert.equal(parser.stats.fullParse, undefined, JSON.stringify(text));
    }
  });

  it('cuts after a blank line before a "*", "-" or "+" that opens no list item, and never before "---" or "+++"', () => {
    const text = 'a\n\n**bold** and _it_\n\n*x*\n\n-x\n\n+x\n\n* item\n\n--x\n\n+++\n\n*\tx\n\n-\n\nend\n';
    assert.deepEqual(
      blockPoints(text, 0).map((point) => text.slice(point.at, point.at + 3)),
      ['**b', '*x*', '-x\n', '+x\n', 'end'],
    );
    assert.deepEqual(new IncrementalParser(0).parse(text), parseMarkdown(text));
    // Paragraphs that open with emphasis are many chunks, not one parse the budget cannot stop.
    const emphasis = '**bold** and _it_ text.\n\n'.repeat(2000);
    const cut = new IncrementalParser(4096);
    assert.deepEqual(cut.parse(emphasis), parseMarkdown(emphasis));
    assert.ok(cut.stats.chunks >= 10 && cut.stats.fullParse === undefined, JSON.stringify(cut.stats));
  });

  it('finds the unchanged chunks before and after an edit by their place, and none after a parse left unfinished', () => {
    const sections = Array.from({ length: 12 }, (_, i) => `## Section ${i}\n\nAt 10:${String(i).padStart(2, '0')} UTC step ${i} ran.\n\n`);
    const text = sections.join('');
    const parser = new IncrementalParser(0);
    parser.parse(text);
    // A letter changed in section 9, its length kept: only that chunk is new.
    const changed = text.replace('step 9 ran', 'step 9 run');
    assert.deepEqual(parser.parse(changed), parseMarkdown(changed));
    assert.equal(parser.stats.reparsed, 1);
    // Section 9 back as it was, and the parse left after its first step (the changed chunk parsed, the rest not).
    const steps = parser.parseSteps(text);
    assert.equal(steps.next().done, false);
    // The second version's chunk of section 9 is still kept by its text. Its place, from before the unfinished
    // parse, must not name it for the text that parse was given, which a line added at the end leaves as it was.
    const appended = `${text}Done.\n`;
    assert.deepEqual(parser.parse(appended), parseMarkdown(appended));
  });

  it('cuts after a blank line before a thematic break of "*" or "_", not of "-"', () => {
    const text = '***\n\n___\n\n* * *\n\n---\n\ntext\n';
    assert.deepEqual(
      blockPoints(text, 0).map((point) => text.slice(point.at, point.at + 3)),
      ['___', '* *', 'tex'],
    );
    assert.deepEqual(new IncrementalParser(0).parse(text), parseMarkdown(text));
  });

  it('cuts a long run of blank lines out as a chunk of its own, never parsed, where the line after it is fresh', () => {
    const run = '   \n\t\n\n'.repeat(1000);
    const parsed: string[] = [];
    const parser = (minChunk: number) =>
      new IncrementalParser(minChunk, (text, defined) => {
        parsed.push(text);
        return parseMarkdown(text, defined);
      });
    // Between sections, at the end, after a list and a fence that the run does not end (the list, the fence).
    for (const text of [`# T\n\nTODO\n\n${run}## B\n\nx\n`, `# T\n\n- a\n\n${run}`, `# T\n\n- a\n\n${run}b\n`, `# T\n\n\`\`\`\n\n${run}b\n`]) {
      parsed.length = 0;
      const points = blockPoints(text);
      assert.ok(
        points.some((point) => point.at === text.indexOf(run)),
        JSON.stringify(points),
      );
      assert.deepEqual(parser(4096).parse(text), parseMarkdown(text));
      assert.ok(parsed.length > 0 && parsed.every((chunk) => !/^[ \t\r\n]*$/.test(chunk)), 'no blank chunk parsed');
    }
    // Not where the line after the run could go on with a block before it: an indented line, a list item.
    for (const after of ['    code\n', '  more\n', '- b\n', '> q\n']) {
      const text = `# T\n\n- a\n\n${run}${after}`;
      const from = text.indexOf(run);
      assert.ok(!blockPoints(text).some((point) => point.at >= from && point.at <= text.length - after.length), after);
      assert.deepEqual(parser(4096).parse(text), parseMarkdown(text), after);
    }
    // The check reads past the run: the placeholder after it is found.
    const text = `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\n${run.repeat(20)}TODO\n`;
    const { diagnostics } = checkText(text);
    assert.ok(diagnostics.some((d) => d.code === 'RCA109') && !diagnostics.some((d) => d.code === 'RCA001'));
  });

  for (const [index, fixture] of fixtures.entries()) {
    it(`gives the full parse's tree and diagnostics over ${EDITS} random edits: ${fixture.name}`, () => {
      const rnd = random(1000 + index);
      // Cut at every block point too, not only past MIN_CHUNK characters, so that small fixtures try them all.
      const parser = new IncrementalParser(index % 2 ? 0 : undefined);
      let text = fixture.text;
      for (let step = 0; step <= EDITS; step++) {
        if (step > 0) text = edit(text, rnd);
        const context = `${fixture.name}, edit ${step}: ${JSON.stringify(text)}`;
        const incremental = checkText(text, {}, { parse: (t) => parser.parse(t) });
        const full = checkText(text, {}, { parse: parseMarkdown });
        assert.deepEqual(incremental.doc.root, full.doc.root, context);
        assert.deepEqual(incremental.diagnostics, full.diagnostics, context);
        // The model reuses facts of the blocks an edit left alone (block-facts.ts): they must be today's, not stale.
        assert.deepEqual(incremental.doc, full.doc, context);
        assert.deepEqual(allNodes(incremental.doc), allNodes(full.doc), context);
        assert.deepEqual(codeBlocks(incremental.doc), codeBlocks(full.doc), context);
        if (process.env.RCA_INCREMENTAL_STATS) appendFileSync(process.env.RCA_INCREMENTAL_STATS, `${JSON.stringify(parser.stats)}\n`);
      }
    });
  }
});

describe('the model over an incremental parse', () => {
  it('lists every node in the order unist-util-visit visits them, and the code blocks among them', () => {
    const text = fixtures.map((fixture) => fixture.text).join('\n\n');
    const doc = checkText(text).doc;
    const visited: unknown[] = [];
    visit(doc.root, (node) => void visited.push(node));
    assert.equal(allNodes(doc).length, visited.length);
    assert.ok(allNodes(doc).every((node, i) => node === visited[i]));
    assert.deepEqual(
      codeBlocks(doc),
      visited.filter((node) => (node as { type: string }).type === 'code'),
    );
  });

  it('reuses the facts of untouched sections and reads their positions afresh after an edit above them', () => {
    const text = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText.\n\n## Event Timeline\n\n- [a](http://a.test) <!-- x -->\n- b\n\n```\ncode\n```\n';
    const parser = new IncrementalParser();
    const before = checkText(text, {}, { parse: (t) => parser.parse(t) }).doc;
    const edited = text.replace('Text.', 'Longer text,\nover two lines.');
    const after = checkText(edited, {}, { parse: (t) => parser.parse(t) }).doc;
    assert.equal(parser.stats.reparsed, 1, 'only the introduction was parsed again');
    assert.equal(after.listItems[0].node, before.listItems[0].node, 'the same node, moved');
    assert.deepEqual(after, checkText(edited).doc);
    assert.equal(after.listItems[0].range.start.line, 9);
    assert.equal(after.comments[0].range.start.line, 9);
  });
});
