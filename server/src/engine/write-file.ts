// Writing a whole file so that no reader ever sees half of it, for every file the CLI and `render` write: the
// output of -o and --pdf, and the reports `check --fix` repairs.
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Replace a file already at the path; without it the write fails with EEXIST when the name is taken. */
  replace: boolean;
  /** The permission bits the file gets (a repaired file keeps its own); by default a new file's, under the umask. */
  mode?: number;
  /** The owner the file gets (a repaired file keeps its own), where this process may give it. */
  owner?: { uid: number; gid: number };
  /**
   * Runs once the new content is safely in the temporary file, just before it takes the file's place: the last moment
   * to find that the file changed since it was read. Whatever it throws is thrown, and the file is left as it was.
   */
  beforeReplace?: () => void;
}

let written = 0;

/**
 * Writes `data` to a temporary file beside `path` (in the same folder, so that the move cannot cross file systems),
 * flushes it to the disk, then moves it into place: a reader sees the old file or the new one, and a failure at any
 * step leaves the old one whole and no temporary file behind. Through a symbolic link the file it points to is
 * replaced, not the link. A device or a pipe (-o /dev/stdout) is written to as a shell redirection would: moving a
 * file into its place would replace the device itself. Throws the system's error (see writeErrorReason).
 */
export function writeFileAtomically(path: string, data: string | Uint8Array, options: AtomicWriteOptions): void {
  if (isSpecial(path)) {
    writeFileSync(path, data);
    return;
  }
  const target = existsSync(path) ? realpathSync(path) : path;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++written}.tmp`);
  try {
    const fd = openSync(temp, 'wx', options.mode ?? 0o666);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // open() applied the umask; the file's own mode is what it had.
    if (options.mode !== undefined) chmodSync(temp, options.mode);
    if (options.owner) giveTo(temp, options.owner);
    options.beforeReplace?.();
    if (options.replace) renameSync(temp, target);
    else linkOrWrite(temp, target, data);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Only root may give a file away: another process keeps the file as its own. */
function giveTo(path: string, { uid, gid }: { uid: number; gid: number }): void {
  const stats = statSync(path);
  if (stats.uid === uid && stats.gid === gid) return;
  try {
    chownSync(path, uid, gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** Without replacing: link() puts the finished file in place only if the name is free; where hard links are not supported, writes it. */
function linkOrWrite(temp: string, path: string, data: string | Uint8Array): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    writeFileSync(path, data, { flag: 'wx' });
  }
}

/** An existing path that is neither a file nor a folder: a device, a pipe or a socket. */
export function isSpecial(path: string): boolean {
  try {
    const stats = statSync(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

/** Why a write failed, in a few words for a one-line message. */
export function writeErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  return code ?? (error as Error).message;
}
