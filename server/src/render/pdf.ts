// PDF through headless Chromium's own printing: no browser library, only a Chromium on the machine.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { writeErrorReason, writeFileAtomically } from '../engine/write-file';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a Chromium that must not reach the network or keep any state. */
const FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class PdfError extends Error {}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: the given path, or the default one. Throws a one-line PdfError when none is there. */
export function findChromium(explicit?: string): string {
  const path = explicit ?? DEFAULT_CHROMIUM;
  if (isExecutable(path)) return path;
  throw new PdfError(
    explicit
      ? `no Chromium at ${explicit} (give the path of a chromium or chrome executable)`
      : `no Chromium found at ${DEFAULT_CHROMIUM} (install it, or give its path with --chromium PATH)`,
  );
}

export interface PrintOptions {
  chromium: string;
  /** Replace an existing file. */
  force?: boolean;
  /** Give up after this long (default 60 s). */
  timeoutMillis?: number;
  /** Let the page load http: and https: images; otherwise it loads nothing but itself and data: URLs. */
  allowRemoteImages?: boolean;
}

/** What printing did: the requests Chromium was refused, by address. */
export interface PrintReport {
  blocked: string[];
}

/**
 * Prints a standalone HTML page to `outFile`. Never replaces an existing file unless `force` is set.
 * Every request Chromium makes goes through request interception (DevTools protocol over a pipe): the
 * page itself and data: URLs pass, and web addresses only when remote images are allowed.
 */
export async function printPdf(html: string, outFile: string, options: PrintOptions): Promise<PrintReport> {
  if (!options.force && existsSync(outFile)) throw new PdfError(`${outFile}: already exists (use --force to replace it)`);
  const work = mkdtempSync(join(tmpdir(), 'rca-writer-pdf-'));
  try {
    const page = join(work, 'report.html');
    writeFileSync(page, html);
    const args = [...FLAGS, '--remote-debugging-pipe', `--user-data-dir=${join(work, 'profile')}`, 'about:blank'];
    // Chromium's sandbox cannot start as root (containers, CI); elsewhere it stays on.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const pageUrl = pathToFileURL(page).href;
    const allowed = (url: string) => url === pageUrl || url.startsWith('data:') || (!!options.allowRemoteImages && /^https?:/i.test(url));
    const { data, blocked } = await printThroughDevTools(options.chromium, args, pageUrl, allowed, options.timeoutMillis ?? 60_000);
    try {
      writeFileAtomically(outFile, Buffer.from(data, 'base64'), { replace: !!options.force });
    } catch (error) {
      throw new PdfError(describeWriteError(outFile, error));
    }
    return { blocked };
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

export function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return `${file}: already exists (use --force to replace it)`;
  return `${file}: cannot write the file (${writeErrorReason(error)})`;
}

interface DevToolsMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Drives Chromium over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON): load, intercept, print. */
function printThroughDevTools(
  command: string,
  args: string[],
  pageUrl: string,
  allowed: (url: string) => boolean,
  timeoutMillis: number,
): Promise<{ data: string; blocked: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const toChromium = child.stdio[3] as Writable;
    const fromChromium = child.stdio[4] as Readable;
    let stderr = '';
    let nextId = 1;
    const pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
    const blocked: string[] = [];
    let loaded: () => void = () => {};
    const load = new Promise<void>((done) => (loaded = done));

    // The outcome is handed back once Chromium has exited, so its profile folder can be removed.
    let outcome: { error?: Error; data?: string } | undefined;
    let exited = false;
    const settle = () => {
      if (!outcome || !exited) return;
      if (outcome.error) reject(outcome.error);
      else resolve({ data: outcome.data!, blocked });
    };
    const finish = (error: Error | undefined, data?: string) => {
      if (outcome) return;
      outcome = { error, data };
      clearTimeout(timer);
      for (const waiting of pending.values()) waiting.reject(new PdfError('Chromium closed'));
      if (exited) return settle();
      toChromium.write(`${JSON.stringify({ id: nextId++, method: 'Browser.close' })}\0`);
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    };
    const timer = setTimeout(() => {
      finish(new PdfError(`${command} did not finish printing within ${Math.round(timeoutMillis / 1000)} s`));
      child.kill('SIGKILL');
    }, timeoutMillis);
    const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
      new Promise<Record<string, unknown>>((done, fail) => {
        const id = nextId++;
        pending.set(id, { resolve: done, reject: fail });
        toChromium.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });

    const onEvent = (message: DevToolsMessage) => {
      if (message.method === 'Fetch.requestPaused') {
        const requestId = message.params!.requestId;
        const url = (message.params!.request as { url: string }).url;
        if (allowed(url)) void send('Fetch.continueRequest', { requestId }, message.sessionId).catch(() => {});
        else {
          blocked.push(url);
          void send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, message.sessionId).catch(() => {});
        }
      } else if (message.method === 'Page.loadEventFired') loaded();
    };

    let buffer = '';
    fromChromium.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end)) as DevToolsMessage;
        buffer = buffer.slice(end + 1);
        if (message.id === undefined) onEvent(message);
        else {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (message.error) waiting?.reject(new PdfError(`${command}: ${message.error.message}`));
          else waiting?.resolve(message.result ?? {});
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    toChromium.on('error', () => {}); // a Chromium that exits early is reported by its exit
    child.on('error', (error) => {
      exited = true;
      finish(new PdfError(`cannot start ${command} (${error.message})`));
      settle();
    });
    child.on('exit', (code) => {
      exited = true;
      const last = stderr
        .trim()
        .split('\n')
        .filter((line) => !/dbus|Fontconfig|DevTools listening/i.test(line))
        .pop();
      finish(new PdfError(`${command} failed to print (exit code ${code}${last ? `: ${last.slice(0, 200)}` : ''})`));
      settle();
    });

    void (async () => {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      await send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
      await send('Page.enable', {}, sessionId);
      await send('Page.navigate', { url: pageUrl }, sessionId);
      await load;
      const { data } = (await send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }, sessionId)) as {
        data: string;
      };
      finish(undefined, data);
    })().catch((error: Error) => finish(error instanceof PdfError ? error : new PdfError(`${command} failed to print (${error.message})`)));
  });
}
