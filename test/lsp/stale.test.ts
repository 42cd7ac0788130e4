// Issue 13, "Stale state": findings and fixes belong to the text the editor has now. A document closed and
// reopened at the same version while its settings were still being asked for, a change that keeps the version
// number, and edits that join a lone "\r" to a "\n" must all leave the server with the editor's text and its
// findings. Each test waits on the server's answers and on the editor's configuration request, never on time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fix-all';
import { applyEdits } from '../../server/src/engine/text';
import { TestClient } from '../helpers/lsp-client';

const seed003 = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'seed-003.md'), 'utf8');
const TIMELINE_LINE = 'October 5, 2016 from 10:16AM until 10:23AM Chicago Time Zone';
/** The closed text: "14:00PM" is RCA208, fixed by 'Write "14:00" (24-hour)'. */
const closedText = seed003.replace(TIMELINE_LINE, 'October 5, 2016 from 14:00PM until 10:23AM Chicago Time Zone');
/** The reopened text, where that fix's range falls inside "service was unavailable until late". */
const reopenedText = seed003.replace(TIMELINE_LINE, 'October 5, 2016 the service was unavailable until late, Chicago Time Zone');
/** Outside the include globs: the title alone makes these RCAs. */
const uriOf = (name: string) => `file:///virtual/notes/${name}`;
const SERVER_CANCELLED = -32802;
const FIX_ALL_KIND = 'source.fixAll.rcaWriter';

type Report = { kind: string; items: Diagnostic[] };
const summary = (diagnostics: { code?: unknown; message: string; range: Diagnostic['range'] }[]) =>
  diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
/** What a fresh check of the text finds: what the server must report for it, whatever came before. */
const findingsOf = (text: string) => summary(checkText(text).diagnostics);

/** The closed text's RCA208 finding, as the editor still shows it when it asks for a quick fix. */
const staleDiagnostic: Diagnostic = (() => {
  const finding = checkText(closedText).diagnostics.find((d) => d.code === 'RCA208');
  assert.ok(finding, 'the closed text has the RCA208 finding');
  return { range: finding.range, code: finding.code, message: finding.message, source: 'rca-writer', severity: 1 };
})();

/** An editor that answers workspace/configuration only when the test releases it. */
function heldConfiguration() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  const configuration = () => {
    asked();
    return released.then(() => null);
  };
  return { configuration, requested, release };
}

function pull(client: TestClient, uri: string): Promise<Report> {
  return client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<Report>;
}

function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;
}

/** The text after the editor applies the action's edit, checking that it was made for `version`. */
function applied(text: string, action: CodeAction, version: number): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, version);
  return applyEdits(text, change.edits as never);
}

describe('stale state: a document closed and reopened at the same version while settings are pending', () => {
  it("pull: a request made for the closed text is cancelled, and every later answer is the reopened text's", async () => {
    const held = heldConfiguration();
    const client = new TestClient({ pull: true, configuration: held.configuration });
    await client.initialize();
    try {
      const uri = uriOf('reopened-pull.md');
      client.open(uri, closedText, 1);
      const pendingPull = pull(client, uri);
      const pendingActions = codeActions(client, uri, [staleDiagnostic]);
      await held.requested;
      client.close(uri);
      client.open(uri, reopenedText, 1);
      held.release();

      await assert.rejects(pendingPull, (error: { code: number; data?: { retriggerRequest?: boolean } }) => {
        assert.equal(error.code, SERVER_CANCELLED);
        assert.equal(error.data?.retriggerRequest, true);
        return true;
      });
      assert.deepEqual(await pendingActions, [], 'no fix computed on the closed text is offered for the reopened one');
      const pulls = await Promise.all(Array.from({ length: 20 }, () => pull(client, uri)));
      for (const report of pulls) assert.deepEqual(summary(report.items), findingsOf(reopenedText));
      assert.deepEqual(await codeActions(client, uri, [staleDiagnostic]), []);

      // The fixes that are offered are the reopened text's own, and applying them keeps its words.
      const [portal] = (await pull(client, uri)).items;
      const actions = await codeActions(client, uri, [portal]);
      assert.ok(actions.length > 0, 'the reopened text has fixes of its own');
      for (const action of actions) assert.match(applied(reopenedText, action, 1), /the service was unavailable until late, Chicago Time Zone/);
    } finally {
      await client.shutdown();
    }
  });

  it("push: every publication after the reopen carries the reopened text's findings", async () => {
    const held = heldConfiguration();
    const client = new TestClient({ configuration: held.configuration });
    await client.initialize();
    try {
      const uri = uriOf('reopened-push.md');
      client.open(uri, closedText, 1);
      await held.requested;
      client.close(uri);
      client.open(uri, reopenedText, 1);
      const reopenedAt = client.history.length;
      held.release();
      const first = await client.diagnostics(uri, (p) => p.version === 1 && client.history.indexOf(p) >= reopenedAt);
      assert.deepEqual(summary(first.diagnostics), findingsOf(reopenedText));
      // A later version's publication comes after anything left over from the closed text.
      const edited = reopenedText.replace('until late', 'until 11:00AM');
      client.replace(uri, edited, 2);
      assert.deepEqual(summary(await client.diagnosticsFor(uri, 2)), findingsOf(edited));
      const sinceReopen = client.history.slice(reopenedAt).filter((p: PublishDiagnosticsParams) => p.uri === uri && p.version === 1);
      for (const published of sinceReopen) assert.deepEqual(summary(published.diagnostics), findingsOf(reopenedText));
    } finally {
      await client.shutdown();
    }
  });
});

describe('stale state in one editor session', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  describe('a change that keeps the version number', () => {
    it('pull and code actions take the new text', async () => {
      const uri = uriOf('same-version.md');
      client.open(uri, closedText, 1);
      assert.deepEqual(summary((await pull(client, uri)).items), findingsOf(closedText));
      // Fix All is computed (and cached) for the first text, then asked for again after the change.
      const [before] = await codeActions(client, uri, [], [FIX_ALL_KIND]);
      assert.equal(applied(closedText, before, 1), fixAll(closedText, {}));
      client.replace(uri, reopenedText, 1);
      assert.deepEqual(summary((await pull(client, uri)).items), findingsOf(reopenedText));
      assert.deepEqual(await codeActions(client, uri, [staleDiagnostic]), []);
      const [after] = await codeActions(client, uri, [], [FIX_ALL_KIND]);
      assert.equal(applied(reopenedText, after, 1), fixAll(reopenedText, {}));
    });

    it("push: the publication after the change is the new text's", async () => {
      const push = new TestClient();
      await push.initialize();
      try {
        const uri = uriOf('same-version-push.md');
        push.open(uri, closedText, 1);
        assert.deepEqual(summary(await push.diagnosticsFor(uri, 1)), findingsOf(closedText));
        const changedAt = push.history.length;
        push.replace(uri, reopenedText, 1);
        const next = await push.diagnostics(uri, (p) => push.history.indexOf(p) >= changedAt);
        assert.deepEqual(summary(next.diagnostics), findingsOf(reopenedText));
      } finally {
        await push.shutdown();
      }
    });
  });

  describe('edits that join a lone "\\r" to a "\\n"', () => {
    const lines = seed003.split('\n');
    const timeline = lines.indexOf(TIMELINE_LINE);
    const at = (line: number, character: number) => ({ line, character });
    /** After the first change the timeline line is line `timeline` again, in the editor's eyes. */
    const cases: {
      name: string;
      text: string;
      join: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
    }[] = [
      { name: 'a "\\n" inserted after a lone "\\r"', text: lines.join('\r'), join: { range: { start: at(timeline, 0), end: at(timeline, 0) }, text: '\n' } },
      {
        name: 'a "\\r" inserted before a "\\n"',
        text: lines.join('\n'),
        join: { range: { start: at(timeline - 1, lines[timeline - 1].length), end: at(timeline - 1, lines[timeline - 1].length) }, text: '\r' },
      },
      {
        name: 'the text between a lone "\\r" and a "\\n" deleted',
        text: `${lines.slice(0, timeline).join('\n')}\rX\n${lines.slice(timeline).join('\n')}`,
        join: { range: { start: at(timeline, 0), end: at(timeline, 1) }, text: '' },
      },
    ];

    for (const [index, { name, text, join }] of cases.entries()) {
      it(`${name}: later changes land where the editor meant, and the findings are a fresh check's`, async () => {
        const uri = uriOf(`lone-cr-${index}.md`);
        client.open(uri, text, 1);
        await pull(client, uri);
        // The editor's own document, updated and read afresh after each change: what the server must end up with.
        let editor = TextDocument.create(uri, 'markdown', 1, text);
        const start = TIMELINE_LINE.indexOf('10:16AM');
        const changes = [join, { range: { start: at(timeline, start), end: at(timeline, start + '10:16AM'.length) }, text: '14:00PM' }];
        for (const [step, change] of changes.entries()) {
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: step + 2 }, contentChanges: [change] });
          editor = TextDocument.create(uri, 'markdown', step + 2, TextDocument.applyEdits(editor, [{ range: change.range, newText: change.text }]));
        }
        const expected = editor.getText();
        assert.match(expected, /from 14:00PM until/);
        assert.deepEqual(summary((await pull(client, uri)).items), findingsOf(expected));
        const fresh = uriOf(`lone-cr-${index}-fresh.md`);
        client.open(fresh, expected, 1);
        assert.deepEqual(summary((await pull(client, uri)).items), summary((await pull(client, fresh)).items));
      });
    }
  });
});
