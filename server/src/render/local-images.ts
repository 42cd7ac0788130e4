// Images next to a report, read from disk and inlined as data: URLs: the Node hosts' image reader (the preview and
// Export HTML on the desktop, `rca-writer render`). Only files inside the report's own folder tree are read.
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Larger images stay out: an exported page is meant to be mailed and opened anywhere. */
export const MAX_INLINE_IMAGE_BYTES = 2 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  // In an <img>, an SVG runs no script and loads nothing.
  '.svg': 'image/svg+xml',
};

function within(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The image as a data: URL, or why it cannot be. Reads through one open file, so what is checked is what is read. */
export function inlineImage(folder: string, src: string): { url: string } | { reason: string } {
  let path: string;
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    return { reason: 'not a file name' };
  }
  if (path.startsWith('/') || isAbsolute(path)) return { reason: 'outside the report’s folder' };
  const type = MEDIA_TYPES[extname(path).toLowerCase()];
  if (!type) return { reason: 'not an image file' };
  let root: string;
  let real: string;
  try {
    root = realpathSync(folder);
    real = realpathSync(resolve(folder, path));
  } catch {
    return { reason: 'no such file' };
  }
  // A link inside the folder that points outside it is refused like a path that goes outside.
  if (!within(root, real) || !within(resolve(folder), resolve(folder, path))) return { reason: 'outside the report’s folder' };
  let fd: number | undefined;
  try {
    fd = openSync(real, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: 'not a file' };
    if (stat.size > MAX_INLINE_IMAGE_BYTES) return { reason: `larger than ${MAX_INLINE_IMAGE_BYTES / 1024 / 1024} MB` };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return { url: `data:${type};base64,${bytes.subarray(0, read).toString('base64')}` };
  } catch {
    return { reason: 'cannot be read' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
