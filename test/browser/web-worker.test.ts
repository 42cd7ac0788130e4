// The language server's web worker (dist/web-server.js) in real headless Chromium, started as VS Code for the
// Web starts it, spoken to over LSP: what it reports for each example must be what the CLI reports for the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message, type MessageConnection } from 'vscode-jsonrpc';
import type { CodeAction, CompletionItem, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { READ_FILES_REQUEST, RENDER_INPUT_REQUEST, type ReadFilesParams, type RenderInput } from '../../server/src/lsp/protocol';
import { hasChromium, launch } from './chromium';

const root = join(__dirname, '..', '..');
const ORIGIN = 'http://rca-writer.test';
/** Where github.dev keeps a repository's files: the worker never sees a file: URI there. */
const REPO = 'vscode-vfs://github/rca-writer/demo';
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** Messages from the worker, as the page hands them to Node. */
class PageReader extends AbstractMessageReader {
  private callback?: DataCallback;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

/** Messages to the worker, through the page. */
class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }
  async write(message: Message): Promise<void> {
    // The function runs in the page, where harness.html defines toWorker (the project's types have no DOM).
    await this.page.evaluate((m) => (globalThis as unknown as { toWorker(m: unknown): void }).toWorker(m), message);
  }
  end(): void {}
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

function sorted(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [f.range.start.line, f.range.start.character, f.code, f.message].join('\0');
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What `rca-writer check --format json --no-config` reports for a file: the worker has no config file either. */
function cliFindings(file: string): Finding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--no-config', file], { encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exit code 1: the file has errors
  }
  const [report] = JSON.parse(out) as { diagnostics: Finding[] }[];
  return sorted(report.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })));
}

describe('web worker: the language server in Chromium', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  let browser: Browser;
  let connection: MessageConnection;
  const logs: string[] = [];
  /** Messages the worker asked the editor to show. */
  const shown: string[] = [];
  /** The repository's files that the worker may ask the editor for (rcaWriter/readFiles). */
  const files = new Map([
    [`${REPO}/configured/.rca-writer.json`, '{ // comments are allowed\n "rules": { "RCA201": "off" } }'],
    [`${REPO}/broken/.rca-writer.json`, '{ "rules": '],
  ]);
  const workerErrors: string[] = [];
  const waiters = new Map<string, (params: PublishDiagnosticsParams) => void>();
  /** The log's first line, sent once the worker has the `initialized` notification. */
  let started: (line: string) => void = () => undefined;
  const firstLog = new Promise<string>((resolve) => (started = resolve));
  let initialized: InitializeResult;
  // A worker that throws answers nothing: every wait below ends with its error instead of the test's timeout.
  let fail: (error: Error) => void = () => undefined;
  const workerFailed = new Promise<never>((_, reject) => (fail = reject));
  workerFailed.catch(() => undefined);

  before(async () => {
    browser = await launch();
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ body: readFileSync(join(__dirname, 'web-worker', 'harness.html')), contentType: 'text/html' });
      if (path === '/dist/web-server.js') return route.fulfill({ body: readFileSync(join(root, 'dist', 'web-server.js')), contentType: 'text/javascript' });
      return route.abort();
    });
    const reader = new PageReader();
    await page.exposeFunction('fromWorker', (message: Message) => reader.deliver(message));
    await page.exposeFunction('workerError', (message: string) => {
      workerErrors.push(message);
      fail(new Error(`the worker failed: ${message}`));
    });
    connection = createMessageConnection(reader, new PageWriter(page));
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
      started(logs[0]);
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => waiters.get(params.uri)?.(params));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest(READ_FILES_REQUEST, (params: ReadFilesParams) => params.uris.map((uri) => files.get(uri) ?? null));
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      shown.push(params.message);
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    const initialize = connection.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: REPO,
      workspaceFolders: [{ uri: REPO, name: 'demo' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
        },
      },
    });
    initialized = await Promise.race([initialize, workerFailed]);
    await connection.sendNotification('initialized', {});
  });
  after(async () => {
    connection?.dispose();
    await browser?.close();
  });

  /** The diagnostics the worker pushes next for `uri`, once `send` has been sent. */
  function published(uri: string, send: () => Promise<void>): Promise<PublishDiagnosticsParams> {
    const next = new Promise<PublishDiagnosticsParams>((resolve) => waiters.set(uri, resolve));
    void send();
    return Promise.race([next, workerFailed]);
  }

  function open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    return published(uri, () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }));
  }

  it("starts, says where it runs, and offers the desktop server's features", async () => {
    assert.equal(initialized.serverInfo?.name, 'RCA Writer');
    assert.ok(initialized.capabilities.codeActionProvider && initialized.capabilities.completionProvider && initialized.capabilities.hoverProvider);
    assert.match(
      await Promise.race([firstLog, workerFailed]),
      /^RCA Writer \S+ started: a web worker; workspace folders: \/rca-writer\/demo; diagnostics pushed by the server\.$/,
    );
    assert.deepEqual(workerErrors, []);
  });

  const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.rca.md'));
  for (const name of examples) {
    it(`${name}: the worker reports what the CLI reports`, async () => {
      const file = join(root, 'examples', name);
      const { diagnostics } = await open(`${REPO}/examples/${name}`, readFileSync(file, 'utf8'));
      const fromWorker = sorted(diagnostics.map((d) => ({ code: String(d.code), severity: SEVERITY[d.severity ?? 0], message: d.message, range: d.range })));
      assert.deepEqual(fromWorker, cliFindings(file));
    });
  }

  it('offers a quick fix whose edit removes its finding, and links each finding to its rule page', async () => {
    const uri = `${REPO}/rca/wrong-dates.md`;
    const document = TextDocument.create(uri, 'markdown', 1, readFileSync(join(root, 'examples', 'wrong-dates.rca.md'), 'utf8'));
    const { diagnostics } = await open(uri, document.getText());
    assert.ok(diagnostics.length > 0, 'a report under rca/ is checked by the include globs');
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, `https://github.com/rca-writer/rca-writer/blob/main/docs/rules/${d.code}.md`);
    const target = diagnostics.find((d) => d.code === 'RCA201');
    assert.ok(target, 'wrong-dates.rca.md has an RCA201 finding, which has a fix');
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    });
    const fix = actions.find((action) => action.isPreferred);
    const change = fix?.edit?.documentChanges?.[0];
    assert.ok(change && 'edits' in change && change.textDocument.uri === uri, JSON.stringify(actions));
    const fixed = TextDocument.applyEdits(document, change.edits);
    const after = await published(uri, () =>
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] }),
    );
    assert.equal(after.version, 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'RCA201'),
      [],
    );
    assert.equal(after.diagnostics.length, diagnostics.length - 1);
  });

  it('reads the nearest .rca-writer.json through the editor, and names a broken one without failing', async () => {
    const text = readFileSync(join(root, 'examples', 'wrong-dates.rca.md'), 'utf8');
    // The copies of one report open side by side are each other's copied paragraphs (RCA402), as many as are open
    // when each is checked; this test is about the config, so it compares each copy's own findings.
    const own = (diagnostics: { code?: string | number }[]) => diagnostics.map((d) => String(d.code)).filter((code) => !code.startsWith('RCA4'));
    const plain = await open(`${REPO}/plain/rca/wrong-dates.md`, text);
    const configured = await open(`${REPO}/configured/rca/wrong-dates.md`, text);
    assert.ok(plain.diagnostics.some((d) => d.code === 'RCA201'));
    assert.deepEqual(own(configured.diagnostics), own(plain.diagnostics.filter((d) => d.code !== 'RCA201')));
    assert.ok(logs.some((line) => line.includes(`from the editor settings and ${REPO}/configured/.rca-writer.json`)));
    const broken = await open(`${REPO}/broken/rca/wrong-dates.md`, text);
    assert.deepEqual(own(broken.diagnostics), own(plain.diagnostics));
    assert.ok(
      shown.some((message) => message.startsWith(`RCA Writer: ${REPO}/broken/.rca-writer.json:1:`) && /not valid JSON/.test(message)),
      JSON.stringify(shown),
    );
  });

  it('gives the render worker the text and settings it checked, config file included (rcaWriter/renderInput)', async () => {
    const text = readFileSync(join(root, 'examples', 'wrong-dates.rca.md'), 'utf8');
    const uri = `${REPO}/configured/render/wrong-dates.md`;
    await open(uri, text);
    const input = await connection.sendRequest<RenderInput | null>(RENDER_INPUT_REQUEST, { uri });
    assert.ok(input);
    assert.equal(input.text, text);
    assert.equal(input.isRca, true);
    assert.equal(input.settings.rules.RCA201, 'off', "the settings come with the folder's .rca-writer.json");
    assert.equal(await connection.sendRequest(RENDER_INPUT_REQUEST, { uri: `${REPO}/never-opened.md` }), null);
  });

  it('completes the missing sections after "## " and hovers the title with its profile', async () => {
    const uri = `${REPO}/rca/complete.md`;
    await open(uri, '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText on April 11, 2026.\n\n## \n');
    const items = await connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 3 } });
    assert.ok(
      items.some((item) => item.label === 'Event Timeline'),
      JSON.stringify(items.map((item) => item.label)),
    );
    const hover = await connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
    assert.match((hover.contents as { value: string }).value, /Checked with the \*\*exlibris\*\* profile, chosen by `auto`/);
  });
});
