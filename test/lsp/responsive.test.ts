// Issue 17, "The server stays responsive": a long check runs in slices on the server's one thread, so another
// document's diagnostics and hovers are answered while it runs, and a newer version of the document stops it.
// The test waits on the server's own events (its trace, its diagnostics, its answers) and asserts their order,
// never a duration: the slow report is some hundred times the size of the small one, and checked in slices of
// milliseconds, so the small one's answers come long before the slow one's check could end.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const seeds = join(__dirname, '..', 'fixtures', 'seeds');
const small = readFileSync(join(seeds, 'seed-000.md'), 'utf8');
const report = readFileSync(join(seeds, 'seed-003.md'), 'utf8');
/** A real report's sections repeated to ~840 KB under one title: seconds of checking, every step of it real work (at ~420 KB, the faster parse let Fix All finish before the edit meant to stop it, once in four CI runs). */
const slow = (() => {
  const [title, ...body] = report.split('\n');
  return [title, ...Array.from({ length: 400 }, () => body.join('\n'))].join('\n');
})();
const uriOf = (name: string) => `file:///virtual/notes/${name}`;
const HOVER_LINE = small.split('\n').findIndex((line) => line.startsWith('April 11, 2026, from'));

describe('the server stays responsive while a long document is checked', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ trace: 'verbose' });
    await client.initialize();
    // The server's first check compiles its code: done here, so the small report below is checked warm.
    const warm = uriOf('warm.md');
    client.open(warm, small, 1);
    await client.diagnosticsFor(warm, 1);
  });
  after(() => client.shutdown());

  // The timeout only turns a server that never says it checks in slices, or never stops, into a failure.
  it("answers another document's diagnostics and hover during the check, and a newer version stops the old check", { timeout: 180_000 }, async () => {
    const slowUri = uriOf('slow.md');
    const fastUri = uriOf('fast.md');
    const slowChecked = (version: number) => (message: string) => message.startsWith(`RCA Writer checked ${slowUri} (version ${version})`);
    const slowPublished = (version: number) => client.history.some((p) => p.uri === slowUri && p.version === version);

    client.open(slowUri, slow, 1);
    await client.trace((message) => message.startsWith(`RCA Writer is checking ${slowUri} (version 1) in slices`));

    client.open(fastUri, small, 1);
    const fastDiagnostics = await client.diagnosticsFor(fastUri, 1);
    assert.ok(fastDiagnostics.length > 0, 'the small report has findings of its own');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: fastUri },
      position: { line: HOVER_LINE, character: 'April 11, 2026, from 12:1'.length },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /2 h 13 min/);
    // Both came while the slow report's check was still going.
    assert.ok(!client.traces.some(slowChecked(1)), 'the slow check had not finished before the small report was answered');
    assert.ok(!slowPublished(1), 'no diagnostics of the slow report yet');

    // The editor's text changes: the check of version 1 stops and its result is never published.
    client.replace(slowUri, report, 2);
    const stopped = await client.trace((message) => message.startsWith(`RCA Writer stopped checking ${slowUri} (version 1)`));
    assert.match(stopped, /: version 2 replaced it\.$/);
    const current = await client.diagnosticsFor(slowUri, 2);
    assert.ok(current.length > 0);
    assert.ok(!slowPublished(1), 'the stopped check of version 1 published nothing');
    assert.ok(!client.traces.some(slowChecked(1)), 'the check of version 1 never finished');

    // Its work stopped there: had it gone on, it would have finished before a full check of the same text begun
    // after it (both run in slices side by side, and it had less left to do), and said so.
    assert.match(stopped, /after [1-9]\d* steps/);
    client.replace(slowUri, slow, 3);
    const full = await client.trace(slowChecked(3));
    assert.match(full, /in ([2-9]|\d{2,}) slices/, 'a full check of the long report takes several slices');
    await client.diagnosticsFor(slowUri, 3);
    assert.ok(!client.traces.some(slowChecked(1)), 'the check of version 1 never finished');
    assert.ok(!slowPublished(1), 'nor published anything');
  });
});

describe('the server stays responsive with pulled diagnostics (as VS Code asks for them)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true, trace: 'verbose' });
    await client.initialize();
  });
  after(() => client.shutdown());

  type Report = { kind: string; items: { code?: unknown }[] };
  const pull = (uri: string) => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<Report>;

  it("answers another document's pull and hover while the long one's pull waits, and cancels that pull for a newer version", { timeout: 180_000 }, async () => {
    const slowUri = uriOf('slow-pulled.md');
    const fastUri = uriOf('fast-pulled.md');
    client.open(slowUri, slow, 1);
    let slowSettled = false;
    const slowPull = pull(slowUri).finally(() => (slowSettled = true));
    await client.trace((message) => message.startsWith(`RCA Writer is checking ${slowUri} (version 1) in slices`));

    client.open(fastUri, small, 1);
    const fast = await pull(fastUri);
    assert.ok(fast.items.length > 0);
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: fastUri },
      position: { line: HOVER_LINE, character: 'April 11, 2026, from 12:1'.length },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /2 h 13 min/);
    assert.equal(slowSettled, false, "the long report's pull was still waiting for its check");

    // A newer version: the pull made for version 1 is answered ServerCancelled (the editor asks again), its
    // check stops, and the pull asked again gets version 2's findings.
    client.replace(slowUri, report, 2);
    await assert.rejects(slowPull, (error: { code?: number }) => error.code === -32802);
    await client.trace((message) => message.startsWith(`RCA Writer stopped checking ${slowUri} (version 1)`));
    const current = await pull(slowUri);
    assert.ok(current.items.length > 0);
    assert.ok(!client.traces.some((message) => message.startsWith(`RCA Writer checked ${slowUri} (version 1)`)));
  });
});

describe('the server stays responsive while the workspace index checks a long report on disk', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rca-responsive-'));
    writeFileSync(join(dir, 'long-report.md'), slow);
    client = new TestClient({ workspaceFolder: dir, progress: true });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers an open document's diagnostics and hover before the index has read the long report", { timeout: 180_000 }, async () => {
    // The index starts at `initialized` and shows progress until every report in the folder is read.
    const uri = uriOf('open.md');
    client.open(uri, small, 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length > 0);
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: HOVER_LINE, character: 'April 11, 2026, from 12:1'.length },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /2 h 13 min/);
    assert.equal(client.progress[0]?.kind, 'begin', 'the index had begun');
    assert.ok(!client.progress.some((p) => p.kind === 'end'), 'and had not finished');
    await client.progressEnded();
  });
});

describe('the server stays responsive while it proves quick fixes and runs Fix All on a long document', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ trace: 'verbose' });
    await client.initialize();
  });
  after(() => client.shutdown());

  type Action = { title: string; kind?: string; edit?: unknown };
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const fixAll = (uri: string) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], only: ['source.fixAll.rcaWriter'] },
    }) as Promise<Action[]>;
  const running = (what: string, uri: string, version: number) => (message: string) =>
    message.startsWith(`RCA Writer is ${what} ${uri} (version ${version}) in slices`);
  const finished = (what: string, uri: string, version: number) => (message: string) =>
    message.startsWith(`RCA Writer finished ${what} ${uri} (version ${version})`);
  const settled = <T>(promise: Promise<T>) => {
    const state = { done: false };
    promise.then(
      () => (state.done = true),
      () => (state.done = true),
    );
    return state;
  };
  /** The small report's hover and a completion (after "## " on a new line: the missing sections). */
  const answersAnotherDocument = async (fastUri: string) => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: fastUri },
      position: { line: HOVER_LINE, character: 'April 11, 2026, from 12:1'.length },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /2 h 13 min/);
    const completions = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: fastUri },
      position: { line: small.split('\n').length, character: 3 },
    })) as CompletionItem[] | CompletionList;
    assert.ok((Array.isArray(completions) ? completions : completions.items).length > 0, 'completions came');
  };

  it("answers another document's hover and completion while Fix All runs, and a newer version stops Fix All", { timeout: 180_000 }, async () => {
    const slowUri = uriOf('slow-fix-all.md');
    const fastUri = uriOf('fast-fix-all.md');
    client.open(fastUri, `${small}\n## `, 1);
    client.open(slowUri, slow, 1);
    await client.diagnosticsFor(slowUri, 1);

    const request = fixAll(slowUri);
    const state = settled(request);
    await client.trace(running('running Fix All on', slowUri, 1));
    await answersAnotherDocument(fastUri);
    assert.equal(state.done, false, 'Fix All had not answered');
    assert.ok(!client.traces.some(finished('running Fix All on', slowUri, 1)), 'nor finished');

    // The text changes: the Fix All made for version 1 stops and is answered ServerCancelled (the editor asks again).
    client.replace(slowUri, report, 2);
    await assert.rejects(request, (error: { code?: number }) => error.code === -32802);
    const stopped = await client.trace((message) => message.startsWith(`RCA Writer stopped running Fix All on ${slowUri} (version 1)`));
    assert.match(stopped, /: version 2 replaced it\.$/);
    assert.ok(!client.traces.some(finished('running Fix All on', slowUri, 1)), 'the stopped Fix All never finished');
    // Asked again, Fix All is made for the text the editor has.
    await client.diagnosticsFor(slowUri, 2);
    const [again] = await fixAll(slowUri);
    assert.equal(again.kind, 'source.fixAll.rcaWriter');
    assert.equal((again.edit as { documentChanges: { textDocument: { version: number } }[] }).documentChanges[0].textDocument.version, 2);
  });

  it(
    "answers another document's hover and completion while quick fixes are proved, and the editor's cancellation stops the proofs",
    { timeout: 180_000 },
    async () => {
      const slowUri = uriOf('slow-quick-fix.md');
      const fastUri = uriOf('fast-quick-fix.md');
      client.open(fastUri, `${small}\n## `, 1);
      client.open(slowUri, slow, 1);
      const diagnostics = await client.diagnosticsFor(slowUri, 1);
      const fixable = diagnostics.find((diagnostic) => diagnostic.code === 'RCA108');
      assert.ok(fixable, 'the long report has a finding with a fix');

      const cancellation = new CancellationTokenSource();
      const request = client.connection.sendRequest(
        'textDocument/codeAction',
        { textDocument: { uri: slowUri }, range: fixable.range, context: { diagnostics: [fixable], only: ['quickfix'] } },
        cancellation.token,
      );
      const state = settled(request);
      await client.trace(running('proving quick fixes for', slowUri, 1));
      await answersAnotherDocument(fastUri);
      assert.equal(state.done, false, 'the quick fixes had not been answered');
      assert.ok(!client.traces.some(finished('proving quick fixes for', slowUri, 1)), 'nor proved');

      cancellation.cancel();
      await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
      const stopped = await client.trace((message) => message.startsWith(`RCA Writer stopped proving quick fixes for ${slowUri} (version 1)`));
      assert.match(stopped, /: the editor cancelled the request\.$/);
    },
  );
});
