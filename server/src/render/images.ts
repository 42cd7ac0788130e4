// Images in a rendered report: the page must not reach the network by itself when it is opened or
// printed. Remote images are replaced by a line of text unless the writer allows them; images in the
// report's own folder tree are inlined as data: URLs, so the exported file stays one file. Reading them is the
// host's (local-images.ts on Node): a web worker has no files, and there they become a line of text.
import type { Element, ElementContent } from 'hast';
import { el } from './hast';

/** An image next to the report as a data: URL, or why it cannot be shown. */
export type ImageReader = (folder: string, src: string) => { url: string } | { reason: string };

export interface ImagePolicy {
  /** The report's folder: relative images inside its tree are inlined. None for an unsaved document. */
  folder?: string;
  /** Reads them; none where the renderer has no files of its own. */
  read?: ImageReader;
  /** Keep `http:` and `https:` images as they are (they load when the page is opened or printed). */
  allowRemote: boolean;
}

function isRemote(src: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('\\\\');
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
  if (!policy.read) return placeholder(image, src, 'local images are shown by VS Code desktop and the command line');
  if (!policy.folder) return placeholder(image, src, 'the report is not saved in a folder');
  const inlined = policy.read(policy.folder, src);
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
