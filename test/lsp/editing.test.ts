// The server while a document is being edited (issue 8, "In the server"): it honours cancellation, never answers
// with diagnostics of a version the editor has replaced, lets a burst of changes settle before checking, and
// checks only documents that are RCAs, deciding again as the text changes. No assertion measures time or depends
// on it: a burst is sent in one go, but a loaded machine may deliver it in pieces, and the assertions hold either way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/engine/check';
import { TestClient } from '../helpers/lsp-client';

const seed003 = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'seed-003.md'), 'utf8');
/** Outside the include globs: only its title makes it an RCA. */
const uriOf = (name: string) => `file:///virtual/notes/${name}`;
const SERVER_CANCELLED = -32802;
const REQUEST_CANCELLED = -32800;

type Report = { kind: string; items: Diagnostic[] };

describe('language server while typing, pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  const pull = (uri: string, source?: CancellationTokenSource) => {
    const params = { textDocument: { uri } };
    return (
      source ? client.connection.sendRequest('textDocument/diagnostic', params, source.token) : client.connection.sendRequest('textDocument/diagnostic', params)
    ) as Promise<Report>;
  };
  const change = (uri: string, version: number, text: string) =>
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

  it("answers a pull for a version that a newer change replaced with ServerCancelled (retrigger) or that version's own findings, never another's; then the newest text", async () => {
    const uri = uriOf('stale.md');
    client.open(uri, seed003);
    assert.deepEqual(
      (await pull(uri)).items.map((d) => d.code),
      ['RCA110', 'RCA108'],
    );
    // Typing: each change followed by the editor's pull; only the last pull is for text the editor still has.
    const withTodo = seed003.replace('## Event Timeline', 'TODO\n\n## Event Timeline');
    const texts = [withTodo, withTodo.replace('TODO', 'TODO ??'), withTodo.replace('TODO', 'TBD')];
    const pulls = texts.map((text, index) => {
      change(uri, index + 2, text);
      return pull(uri);
    });
    // A pull is answered for exactly the state it was asked about, or with ServerCancelled (retrigger). The burst is
    // sent in one go, but a loaded machine may deliver it in pieces: a pull whose state was still the newest when its
    // wait ended is then answered, with that state's own findings.
    const placeholdersOf = (items: Diagnostic[]) => items.filter((d) => d.code === 'RCA109').map((d) => d.message);
    const expected = texts.map((text) => placeholdersOf(checkText(text).diagnostics as unknown as Diagnostic[]));
    // Settled together: a stale pull may be refused while an earlier one is still being answered.
    const answers = await Promise.allSettled(pulls);
    for (const [index, answer] of answers.slice(0, -1).entries()) {
      if (answer.status === 'fulfilled')
        assert.deepEqual(placeholdersOf(answer.value.items), expected[index], `the findings of version ${index + 2}, not another's`);
      else {
        const error = answer.reason as { code?: number; data?: { retriggerRequest?: boolean } };
        assert.equal(error.code, SERVER_CANCELLED);
        assert.equal(error.data?.retriggerRequest, true);
      }
    }
    // Nothing replaced the last state: its pull is answered, with its own findings.
    const newest = answers[answers.length - 1];
    assert.equal(newest.status, 'fulfilled', 'the pull for the newest version is answered');
    const report = (newest as PromiseFulfilledResult<Report>).value;
    assert.deepEqual(placeholdersOf(report.items), ['"TBD" is a to-do marker; replace it with the real text.'], 'the diagnostics are those of version 4');
    assert.deepEqual(placeholdersOf(report.items), expected[2]);
  });

  it('honours a cancelled pull: no diagnostics come back for it', async () => {
    const uri = uriOf('cancel.md');
    client.open(uri, seed003);
    await pull(uri);
    // Two changes in a row are a burst, which makes the next pull wait for the document to be quiet; the
    // cancellation arrives meanwhile.
    change(uri, 2, `${seed003}\nMore\n`);
    change(uri, 3, `${seed003}\nMore text.\n`);
    const source = new CancellationTokenSource();
    const cancelled = pull(uri, source);
    source.cancel();
    await assert.rejects(cancelled, (error: { code: number }) => [SERVER_CANCELLED, REQUEST_CANCELLED].includes(error.code));
    // The document is still checked when asked again.
    assert.deepEqual(
      (await pull(uri)).items.map((d) => d.code),
      ['RCA110', 'RCA108'],
    );
  });

  it('checks a document only while it is an RCA, deciding again after each change', async () => {
    const uri = uriOf('becomes-rca.md');
    const notes = seed003.replace('# Alma NA instances - RCA - October 5, 2016', '# Meeting notes');
    client.open(uri, notes);
    assert.deepEqual((await pull(uri)).items, []);
    assert.equal(await client.connection.sendRequest('rcaWriter/isRca', { uri }), false);
    change(uri, 2, seed003);
    assert.deepEqual(
      (await pull(uri)).items.map((d) => d.code),
      ['RCA110', 'RCA108'],
    );
    assert.equal(await client.connection.sendRequest('rcaWriter/isRca', { uri }), true);
    change(uri, 3, notes);
    assert.deepEqual((await pull(uri)).items, []);
  });
});

describe('language server while typing, push diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('publishes once for a burst of changes, for the last version only', async () => {
    const uri = uriOf('burst.md');
    client.open(uri, seed003);
    await client.diagnosticsFor(uri, 1);
    let text = seed003;
    for (let version = 2; version <= 8; version++) {
      text = text.replace('## Root Cause Analysis', `Line ${version}.\n\n## Root Cause Analysis`);
      client.replace(uri, text, version);
    }
    await client.diagnosticsFor(uri, 8);
    const versions = client.history.filter((p) => p.uri === uri).map((p) => p.version!);
    // Sent in one go, the burst is settled before the 200 ms push delay runs out: normally [1, 8]. Whatever the
    // machine's pace, versions only go up, and not every change of the burst gets a check of its own.
    assert.equal(versions[0], 1);
    assert.equal(versions[versions.length - 1], 8);
    assert.ok(
      versions.every((version, i) => i === 0 || version > versions[i - 1]),
      String(versions),
    );
    assert.ok(versions.length < 8, String(versions));
  });

  it('publishes an opened document, then each change once it settles', async () => {
    const uri = uriOf('opened.md');
    client.open(uri, seed003);
    assert.deepEqual(
      (await client.diagnosticsFor(uri, 1)).map((d) => d.code),
      ['RCA110', 'RCA108'],
    );
    client.replace(uri, seed003.replace('October 5, 2016 from', 'October 5, 2016, from'), 2);
    assert.deepEqual(
      (await client.diagnosticsFor(uri, 2)).map((d) => d.code),
      ['RCA110', 'RCA108'],
    );
    assert.deepEqual(
      client.history.filter((p) => p.uri === uri).map((p) => p.version),
      [1, 2],
    );
  });
});
