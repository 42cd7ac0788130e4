// Hostile documents through the language server, as an editor sends them: each gets an answer (the RCA001 note
// or the usual findings) to every request, and the server keeps serving the other documents.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_CHARS } from '../../server/src/engine/check';
import { MAX_INLINE_WORK, MAX_NESTING } from '../../server/src/engine/line-bounds';
import { TestClient } from '../helpers/lsp-client';

const title = '# NA01 - RCA - April 11, 2026';
const sentence = 'Customers on NA01 had no service on April 11, 2026 from 10:16 until 10:23 CST. TODO ';
const base = `${title}\n\n## Introduction\n\nCustomers had no service on April 11, 2026.\n\n## Event Timeline\n\nApril 11, 2026 from 10:16 until 10:23 Chicago time.\n\nTODO\n`;
const healthy = 'file:///virtual/rcas/healthy.md';

describe('hostile documents through the language server', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    client.open(healthy, base);
  });
  after(() => client.shutdown());

  const pull = (uri: string) => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: Diagnostic[] }>;
  const fixAllAction = async (uri: string) => {
    const everything = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: everything,
      context: { diagnostics: [], only: ['source.fixAll.rcaWriter'] },
    })) as CodeAction[];
    return actions[0]?.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined;
  };

  /** Every request the editor sends about a document is answered (a result, not an error), and the healthy one still is. */
  async function stillServing(uri: string): Promise<void> {
    const position = { line: 4, character: 40 };
    const range = { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } };
    const results = await Promise.allSettled([
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } }),
      client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }),
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
      client.connection.sendRequest('rcaWriter/render', { uri }),
      client.connection.sendRequest('rcaWriter/missingSections', { uri }),
    ]);
    for (const result of results) assert.equal(result.status, 'fulfilled', String((result as PromiseRejectedResult).reason));
    assert.ok(
      (await pull(healthy)).items.some((d) => d.code === 'RCA109'),
      'the other document is still checked',
    );
  }

  const beyondBound: [string, string, RegExp][] = [
    ['a 10 MB file', `${title}\n\n${`${sentence}\n\n`.repeat(Math.ceil(10_000_000 / (sentence.length + 2)))}`, /million characters/],
    ['a 1 MB single line', `${title}\n\n${sentence.repeat(Math.ceil(MAX_CHARS / sentence.length))}`, /million characters/],
    ['10,000 nested blockquotes', `${title}\n\n${'> '.repeat(10_000)}x\n`, new RegExp(`nest more than ${MAX_NESTING}`)],
    ['10,000 nested lists on one line', `${title}\n\n${'- '.repeat(10_000)}x\n`, new RegExp(`nest more than ${MAX_NESTING}`)],
    ['lists nested 700 deep, one per line', `${title}\n\n${Array.from({ length: 700 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`, /nest more than/],
    ['a paragraph of "*a*a*a…"', `${title}\n\n${'*a'.repeat(Math.ceil(Math.sqrt(MAX_INLINE_WORK)) + 1)}\n`, /emphasis, link or code markers/],
  ];
  for (const [name, text, why] of beyondBound) {
    it(`${name}: the RCA001 note, an answer to every request, and the other documents still served`, async () => {
      const uri = `file:///virtual/rcas/${name.replace(/\W+/g, '-')}.md`;
      client.open(uri, text);
      const { items } = await pull(uri);
      assert.deepEqual(
        items.map((d) => [d.code, d.severity]),
        [['RCA001', 3]],
      );
      assert.match(items[0].message, why);
      await stillServing(uri);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  const odd: [string, string][] = [
    ['NUL bytes', base.replace('service', 'ser\u0000vice\u0000')],
    ['lone UTF-16 surrogates', base.replace('Customers', '\ud800Customers\udfff').replace('## Event', '## \udc00Event')],
    ['CRLF line endings', base.replace(/\n/g, '\r\n')],
    ['mixed line endings', base.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3])],
    ['a byte order mark', `\ufeff${base}`],
    ['right-to-left text', base.replace('Customers had no service', 'הלקוחות לא קיבלו שירות \u202eمرحبا\u202c')],
    ['emoji in headings', base.replace('## Introduction', '## 🔥 Introduction 👩‍👩‍👧').replace('# NA01', '# 🚨 NA01')],
  ];
  for (const [name, text] of odd) {
    it(`${name}: findings inside the document, and Fix All applied by the editor settles`, async () => {
      const uri = `file:///virtual/rcas/${name.replace(/\W+/g, '-')}.md`;
      client.open(uri, text);
      let document = TextDocument.create(uri, 'markdown', 1, text);
      const { items } = await pull(uri);
      assert.ok(
        items.some((d) => d.code === 'RCA109'),
        'the placeholder is found',
      );
      for (const d of items) {
        for (const position of [d.range.start, d.range.end]) {
          assert.deepEqual(document.positionAt(document.offsetAt(position)), position, `${d.code} at an existing position`);
        }
      }
      // Fix All as the editor applies it, then again: the second time there is nothing left to do.
      const first = await fixAllAction(uri);
      if (first) {
        document = TextDocument.update(
          document,
          first.edits.map((e) => ({ range: e.range, text: e.newText })),
          2,
        );
        client.replace(uri, document.getText(), 2);
        await pull(uri);
        const second = await fixAllAction(uri);
        assert.equal(second, undefined, `nothing left to fix: ${JSON.stringify(second)}`);
      }
      await stillServing(uri);
    });
  }
});
