import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER, TestClient } from '../helpers/lsp-client';

const uri = 'file:///virtual/rcas/faults.md';
const text = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nTODO\n';
const far = { line: 1_000_000, character: 1_000_000 };

/** Resolves with the process's exit code, or rejects after `ms`: a server that hangs fails the test. */
function exited(
  child: { exitCode: number | null; once(event: 'exit', listener: (code: number | null) => void): unknown },
  ms = 10_000,
): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('protocol faults', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  const pull = (target = uri) =>
    client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: target } }) as Promise<{ items: Diagnostic[] }>;

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await assert.rejects(client.connection.sendRequest('rcaWriter/noSuchMethod', {}), (error: { code: number }) => error.code === -32601);
    await client.connection.sendNotification('rcaWriter/noSuchNotification', { x: 1 });
    client.open(uri, text);
    assert.ok(
      (await pull()).items.some((d) => d.code === 'RCA109'),
      'still serving',
    );
    assert.ok(
      client.logs.some((line) => line.includes('"rcaWriter/noSuchMethod"')),
      'the unknown request is logged',
    );
    assert.ok(
      client.logs.some((line) => line.includes('"rcaWriter/noSuchNotification"')),
      'the unknown notification is logged',
    );
  });

  it('ignores changes, closes and requests for documents that were never opened', async () => {
    const ghost = 'file:///virtual/rcas/never-opened.md';
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ghost, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    assert.deepEqual((await pull(ghost)).items, []);
    assert.ok(
      client.logs.some((line) => line.includes(`changes to ${ghost}, which was never opened`)),
      'the stray change is logged',
    );
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } }), null);
    assert.ok((await pull()).items.length > 0, 'still serving');
  });

  it('answers requests with positions far out of range without failing', async () => {
    client.open(uri, text);
    const range = { start: far, end: far };
    const results = await Promise.allSettled([
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: far }),
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: far }),
      client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }),
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [{ range, message: 'made up', code: 'RCA109', source: 'rca-writer' }] },
      }),
    ]);
    for (const result of results) assert.equal(result.status, 'fulfilled', String((result as PromiseRejectedResult).reason));
    assert.ok((await pull()).items.length > 0, 'still serving');
  });

  it('takes an incremental change whose range is past the end of the document', async () => {
    const target = 'file:///virtual/rcas/past-the-end.md';
    client.open(target, text);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: target, version: 2 },
      contentChanges: [{ range: { start: far, end: far }, text: '\nMore TODO.\n' }],
    });
    const items = (await pull(target)).items;
    assert.ok(items.filter((d) => d.code === 'RCA109').length >= 2, 'the text was appended at the end');
  });
});

describe('malformed messages and lost clients', () => {
  function start() {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    const send = (body: string) => child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    /** Waits (bounded) until the server's output contains `needle`. */
    const output = (needle: string, ms = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${needle}" within ${ms} ms; got ${stdout}`)), ms);
        const look = () => {
          if (!stdout.includes(needle)) return;
          clearTimeout(timer);
          child.stdout.off('data', look);
          resolve(stdout);
        };
        child.stdout.on('data', look);
        look();
      });
    return { child, send, output };
  }
  const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

  it('logs a message that is not JSON, and one that is not JSON-RPC, and goes on answering', async () => {
    const server = start();
    server.send(initialize);
    await server.output('"id":1');
    server.send('{"jsonrpc":"2.0","id":2,"method":');
    server.send('[1, 2, 3]');
    server.send('{"hello": "world"}');
    // The server logs (window/logMessage, type Error) what is not JSON and what is not a JSON-RPC message, and
    // carries on.
    const log = await server.output('hello');
    assert.match(log, /"type":1,"message":"RCA Writer: dropped a message that could not be read: [^"]*JSON/);
    assert.match(
      log,
      /"method":"window\/logMessage","params":\{"type":1,"message":"Received message which is neither a response nor a notification message:\\n\[/,
    );
    assert.match(log, /"type":1,"message":"Received message which is neither a response nor a notification message:\\n\{\\n +\\"hello\\"/);
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'shutdown' }));
    await server.output('"id":3,"result":null');
    server.send(JSON.stringify({ jsonrpc: '2.0', method: 'exit' }));
    assert.equal(await exited(server.child), 0);
  });

  it('exits with 0 on shutdown then exit', async () => {
    const server = start();
    server.send(initialize);
    await server.output('"id":1');
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    await server.output('"id":2');
    server.send(JSON.stringify({ jsonrpc: '2.0', method: 'exit' }));
    assert.equal(await exited(server.child), 0);
  });

  it('exits when the client disconnects mid-session, without shutdown', async () => {
    const server = start();
    server.send(initialize);
    await server.output('"id":1');
    server.send(
      JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } }),
    );
    server.child.stdin.end();
    assert.equal(await exited(server.child), 1, 'exit code 1: the session ended without shutdown');
  });

  it('exits when the client process dies, even with the pipe left open', async () => {
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const server = start();
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: parent.pid, rootUri: null, capabilities: {} } }));
    await server.output('"id":1');
    parent.kill();
    // The library polls the client's process id every 3 s.
    assert.equal(await exited(server.child, 15_000), 1);
  });
});
