// What every subcommand shares: how it talks to the terminal, reads its inputs and writes its one output.
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decodeText, MAX_INPUT_BYTES, readTextFile, TextFileError } from '../engine/text-file';
import { isSpecial, writeErrorReason, writeFileAtomically } from '../engine/write-file';

export { VERSION } from '../engine/version';

/** A problem with how the CLI was called or with an input or output file: one line, exit code 2. */
export class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input, for `-` (its bytes, decoded like a file's); undefined when it is too large. */
  readStdin?: () => string | Uint8Array | undefined;
  /** Whether stderr is a terminal: progress is shown only then. */
  stderrIsTTY?: boolean;
  /** The directory relative names are resolved against (default: process.cwd()). */
  cwd?: string;
  /** For tests: runs when a file `check --fix` fixed is about to replace the original, before the last comparison. */
  beforeFixWrite?: (path: string) => void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export function cwdOf(io: CliIo): string {
  return io.cwd ?? process.cwd();
}

/** Reads one text file named by the user (relative to `cwd`); errors name the file as the user wrote it. */
export function readInput(file: string, cwd = process.cwd()): string {
  try {
    return readTextFile(resolve(cwd, file), file);
  } catch (error) {
    if (error instanceof TextFileError) throw new UsageError(error.message);
    throw error;
  }
}

export function readStdin(io: CliIo): string {
  if (!io.readStdin) throw new UsageError('-: standard input is not available');
  let input: string | Uint8Array | undefined;
  try {
    input = io.readStdin();
  } catch (error) {
    throw new UsageError(`<stdin>: cannot read standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (input === undefined) throw new UsageError(`<stdin>: more than ${MAX_INPUT_BYTES / 1024 / 1024} MB, too large to be a report`);
  try {
    return typeof input === 'string' ? decodeText(Buffer.from(input, 'utf8'), '<stdin>') : decodeText(input, '<stdin>');
  } catch (error) {
    if (error instanceof TextFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The same file: the same path once links are resolved, or the same inode (a hard link). */
function samePath(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  if (real(a) === real(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Writes the command's result to `-o FILE`, or to stdout when no file is named. An existing file is
 * replaced only with --force, and never when it is one of the inputs.
 */
export function writeOutput(io: CliIo, output: string | undefined, text: string, options: { force: boolean; inputs: string[] }): void {
  if (output === undefined || output === '-') {
    io.stdout(text);
    return;
  }
  const cwd = cwdOf(io);
  const path = resolve(cwd, output);
  if (options.inputs.some((input) => samePath(resolve(cwd, input), path))) {
    throw new UsageError(`${output}: is also an input; the CLI never writes to its input files`);
  }
  try {
    writeFileAtomically(path, text, { replace: options.force });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${output}: already exists (use --force to overwrite it)`);
    throw new UsageError(`${output}: cannot write${isSpecial(path) ? '' : ' the file'} (${writeErrorReason(error)})`);
  }
}

/** node's parseArgs, with its errors turned into one-line usage errors that name the subcommand. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message
      .split('\n')[0]
      .replace(/\.?\s+To specify a positional argument.*$/, '')
      .replace(/\.$/, '');
    throw new UsageError(`${message} (try: rca-writer ${command} --help)`);
  }
}
