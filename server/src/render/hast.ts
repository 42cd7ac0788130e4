import type { Element, ElementContent, Properties } from 'hast';

// Builders for the parts of the page the renderer writes itself (banner, summary, wrappers). They are
// added after sanitising, so they only ever hold text nodes and properties set here.

export function el(tagName: string, properties: Properties, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
  };
}

/** The words of a hast subtree. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Only plain web addresses become links the renderer writes; anything else stays text. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
