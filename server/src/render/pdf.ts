// PDF through headless Chromium's own printing: no browser library, only a Chromium on the machine.
import { spawn } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  '--no-pdf-header-footer',
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
}

/** Prints a standalone HTML page to `outFile`. Never replaces an existing file unless `force` is set. */
export async function printPdf(html: string, outFile: string, options: PrintOptions): Promise<void> {
  if (!options.force && existsSync(outFile)) throw new PdfError(`${outFile}: already exists (use --force to replace it)`);
  const work = mkdtempSync(join(tmpdir(), 'rca-writer-pdf-'));
  try {
    const page = join(work, 'report.html');
    const pdf = join(work, 'report.pdf');
    writeFileSync(page, html);
    const args = [...FLAGS, `--user-data-dir=${join(work, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    // Chromium's sandbox cannot start as root (containers, CI); elsewhere it stays on.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await run(options.chromium, args, options.timeoutMillis ?? 60_000);
    if (!existsSync(pdf)) throw new PdfError(`${options.chromium} wrote no PDF`);
    try {
      copyFileSync(pdf, outFile, options.force ? 0 : constants.COPYFILE_EXCL);
    } catch (error) {
      throw new PdfError(describeWriteError(outFile, error));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return `${file}: already exists (use --force to replace it)`;
  const reason = code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return `${file}: cannot write the file (${reason})`;
}

function run(command: string, args: string[], timeoutMillis: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PdfError(`${command} did not finish printing within ${Math.round(timeoutMillis / 1000)} s`));
    }, timeoutMillis);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PdfError(`cannot start ${command} (${error.message})`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const last = stderr.trim().split('\n').filter((line) => !/dbus|Fontconfig/i.test(line)).pop();
        reject(new PdfError(`${command} failed to print (exit code ${code}${last ? `: ${last.slice(0, 200)}` : ''})`));
      }
    });
  });
}
