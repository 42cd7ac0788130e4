// From a file on disk (or the bytes of standard input) to the text a command checks, renders or converts: which
// files can be read at all, and how their bytes become text. Every problem is one line that names the input.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * More than any report: a document over MAX_CHARS (engine/check.ts) is not checked anyway, and reading stops here
 * instead of filling memory from a runaway pipe or a device that never ends.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** An input that cannot be turned into text; the message starts with the input's name. */
export class TextFileError extends Error {}

/** What a path is, when it is not a regular file: devices and pipes never end or never answer, so none is read. */
export function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a file; to check what it carries, pipe it in and name "-"';
  if (stats.isSocket()) return 'is a socket, not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? (error as Error).message;
}

/** The buffer of the reads past the expected size; kept, since the last read of every file (0 bytes) needs one. */
let spare: Buffer | undefined;

/**
 * Reads up to MAX_INPUT_BYTES from an open descriptor; `undefined` when there is more than that. `expectedBytes`:
 * the file's size by fstat, read at once into a buffer of that size (plus one byte, so that a file that grew is
 * read on). Reads past it (a pipe, standard input, a file that grew, and the last read, of 0 bytes) go through one
 * reused 1 MB buffer, copied out only when they read something: a fresh 1 MB buffer per read was 2 MB per file,
 * which over a folder of 1,000 small reports kept the garbage collector busy.
 */
export function readBounded(fd: number, expectedBytes = 0): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  let sized = expectedBytes > 0;
  for (;;) {
    const room = MAX_INPUT_BYTES + 1 - total;
    const target = sized ? Buffer.allocUnsafe(Math.min(expectedBytes + 1, room)) : (spare ??= Buffer.allocUnsafe(1 << 20));
    sized = false;
    let read: number;
    try {
      read = readSync(fd, target, 0, Math.min(target.length, room), null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait for the writer instead of failing.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw error;
    }
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(target === spare ? Buffer.from(target.subarray(0, read)) : target.subarray(0, read));
    total += read;
    if (total > MAX_INPUT_BYTES) return undefined;
    // A regular file's read stops short only at its end: the read of 0 bytes that would say so is not needed (it was
    // one system call in six per file, over a folder of small reports).
    if (target !== spare && read < target.length) return Buffer.concat(chunks, total);
  }
}

/**
 * Reads a text file: only a regular file (a FIFO would wait for a writer forever, /dev/zero would never end), at most
 * MAX_INPUT_BYTES, decoded by decodeText. `name` is how messages call it (the path as the user wrote it).
 */
export function readTextFile(path: string, name = path): string {
  return decodeText(readFileBytes(path, name), name);
}

/** The bytes of a file readTextFile would read, refused as it refuses them. */
export function readFileBytes(path: string, name = path): Buffer {
  let fd: number | undefined;
  let bytes: Buffer | undefined;
  try {
    const kind = notAFile(statSync(path));
    if (kind) throw new TextFileError(`${name}: ${kind}`);
    // O_NONBLOCK: should the path become a FIFO between the stat and the open, opening still does not wait.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    const again = notAFile(opened);
    if (again) throw new TextFileError(`${name}: ${again}`);
    bytes = readBounded(fd, opened.size);
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    throw new TextFileError(`${name}: cannot read the file (${readReason(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!bytes) throw new TextFileError(`${name}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, too large to be a report`);
  return bytes;
}

/** The offset of the first byte that is not part of well-formed UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms and surrogates (E0 A0.., ED ..9F, F0 90.., F4 ..8F).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/** How a text file's bytes spell its characters: told by its byte-order mark, UTF-8 without one. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return 'utf-8';
}

/** Text to the bytes of a file in `encoding`, its byte-order mark included: what decodeText reads back as `text`. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

/**
 * Bytes to text. UTF-8, with or without a byte-order mark; UTF-16 (little or big endian) when it starts with its
 * byte-order mark, as Windows editors save it. Anything else is refused, saying why: a NUL byte means a binary
 * file; bytes that are not UTF-8 are most often Latin-1 or Windows-1252 text, which would otherwise turn into
 * U+FFFD characters and be checked as garbled text without a word.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') text = utf16(bytes.subarray(2), encoding, name);
  else {
    const body = encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
    if (body.includes(0)) throw new TextFileError(`${name}: looks like a binary file, not text`);
    // isUtf8 (native) accepts exactly what firstInvalidUtf8 does, in a fraction of the time of a first, cold pass of
    // the latter over every file of a folder; that one then finds where the text goes wrong, for the message.
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    if (invalid !== -1) {
      let line = 1;
      for (let i = body.indexOf(10); i !== -1 && i < invalid; i = body.indexOf(10, i + 1)) line++;
      const byte = body[invalid].toString(16).toUpperCase().padStart(2, '0');
      throw new TextFileError(
        `${name}:${line}: not UTF-8 text (byte 0x${byte}; Latin-1 or Windows-1252, perhaps): save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8`,
      );
    }
    text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
  }
  if (text.includes('\u0000')) throw new TextFileError(`${name}: looks like a binary file, not text`);
  return text;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new TextFileError(`${name}: starts with a UTF-16 byte-order mark but is not UTF-16 text`);
  }
}
