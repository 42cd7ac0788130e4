// Images in a rendered report: the page must not reach the network by itself when it is opened or
// printed. Remote images are replaced by a line of text unless the writer allows them; images in the
// report's own folder tree are read and inlined as data: URLs, so the exported file stays one file.
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { el } from './hast';

export interface ImagePolicy {
  /** The report's folder: relative images inside its tree are inlined. None for an unsaved document. */
  folder?: string;
  /** Keep `http:` and `https:` images as they are (they load when the page is opened or printed). */
  allowRemote: boolean;
}

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

function isRemote(src: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('\\\\');
}

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

function placeholder(image: Element, src: string, reason: string): Element {
  const alt = typeof image.properties.alt === 'string' && image.properties.alt.trim() ? image.properties.alt.trim() : 'image';
  return el('span', { className: ['rca-image-blocked'] }, [`[${alt}: ${src} not shown, ${reason}]`]);
}

function imageOrText(image: Element, policy: ImagePolicy): ElementContent {
  const src = typeof image.properties.src === 'string' ? image.properties.src.trim() : '';
  if (!src) return image;
  if (isRemote(src)) {
    if (policy.allowRemote && /^https?:/i.test(src)) return image;
    return placeholder(image, src, 'remote images are off (rcaWriter.allowRemoteImages, --allow-remote-images)');
  }
  if (!policy.folder) return placeholder(image, src, 'the report is not saved in a folder');
  const inlined = inlineImage(policy.folder, src);
  if ('reason' in inlined) return placeholder(image, src, inlined.reason);
  return { ...image, properties: { ...image.properties, src: inlined.url } };
}

/** The report's content with the policy applied to its images. `<source>` alternatives go unless remote images are allowed. */
export function applyImagePolicy(nodes: ElementContent[], policy: ImagePolicy): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') result.push(node);
    else if (node.tagName === 'img') result.push(imageOrText(node, policy));
    else if (node.tagName === 'source' && !policy.allowRemote) continue;
    else result.push({ ...node, children: applyImagePolicy(node.children, policy) });
  }
  return result;
}

/** The page's `img-src`: data: URLs (the inlined images), and the web when remote images are allowed. */
export function imageSources(allowRemote: boolean): string {
  return allowRemote ? 'data: https: http:' : 'data:';
}
