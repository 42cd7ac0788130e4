// What each HTML element means to a page printed as text (engine/html-text.ts): whether it prints, whether it stands
// on lines of its own, whether its text is a paragraph's, code, bold, a link, or the site's around the article.
import type { DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content a browser never prints. */
export const UNPRINTED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'input',
  'select',
  'textarea',
  'img',
  'picture',
  'map',
  'dialog',
]);

/** Elements that begin and end a line of their own (CSS display: block, list-item, table parts). */
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  // A page's buttons ("Yes", "No", "Share") are controls, each printed apart from the text around it.
  'button',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'tr',
  'ul',
]);

/** Blocks a browser sets apart with a blank line (their margins), as a printed page shows them. */
export const SPACED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure', 'hr']);

/** Blocks whose text is a paragraph's: a section name printed in one of them is text, unless set in bold. */
export const TEXT_BLOCKS = new Set(['p', 'blockquote', 'dd', 'figcaption']);

/** Inline elements whose text is code, printed as it is written. */
export const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

/** Elements that make a header or footer the article's own, not the site's (HTML's sectioning content and `main`). */
export const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

export const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

export const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;

/**
 * The classes the page's style sheets set in bold (`.c3{font-weight:700}`): editors that export HTML (Google Docs)
 * style a bold section name by class, not with `<b>`.
 */
export function boldClasses(html: string): Set<string> {
  const classes = new Set<string>();
  for (const sheet of html.matchAll(/<style[^>]*>([^<]*)<\/style>/gi)) {
    for (const rule of sheet[1].matchAll(/\.([\w-]+)\s*\{([^}]*)\}/g)) if (BOLD_STYLE.test(rule[2])) classes.add(rule[1]);
  }
  return classes;
}

/** Where an element stands: inside a sectioning element or `main`, inside an article, on a page that has one. */
export interface Surroundings {
  inSection: boolean;
  inArticle: boolean;
  pageHasArticle: boolean;
}

/**
 * The site's parts around an article, and the reason each is left out for (the converter's own words). A header in a
 * section is the section's (the title may be there); a footer anywhere holds no report (tags, share links, the
 * author). An aside beside the page's article is the page's (related posts); inside the article, or in the content
 * of a page with no article, it is a note of the report's own.
 */
export function siteReason(element: Element, where: Surroundings): string | undefined {
  const role = attribute(element, 'role');
  const tag = element.tagName;
  if (tag === 'nav' || role === 'navigation' || role === 'search') return 'site navigation';
  if (tag === 'footer' || role === 'contentinfo') return where.inSection ? "the article's footer" : 'the page footer';
  if ((tag === 'header' || role === 'banner') && !where.inSection) return "the site's header";
  const sidebar = !where.inArticle && (where.pageHasArticle || !where.inSection);
  if ((tag === 'aside' || role === 'complementary') && sidebar) return "the page's sidebar";
  return undefined;
}

/** Whether a page has an article element, whose asides are its own and whose siblings' are the site's. */
export const hasArticle = (html: string) => /<article[\s>]|\srole\s*=\s*["']?article\b/i.test(html);

/** An editor's redirect around a link (Google Docs exports each as google.com/url?q=ADDRESS&…). */
export const REDIRECT = /^https:\/\/www\.google\.com\/url\?q=([^&]+)/;

/**
 * An absolute web or mail address a link points to, out of an editor's redirect; relative links and in-page anchors
 * mean nothing in a report.
 */
export function linkTarget(element: Element): string | undefined {
  let href = attribute(element, 'href')?.trim();
  const redirected = href && REDIRECT.exec(href)?.[1];
  if (redirected) {
    try {
      href = decodeURIComponent(redirected);
    } catch {
      // A broken escape: the redirect is kept as it is.
    }
  }
  return href && /^(?:https?:\/\/[^\s/]|mailto:[^\s])/i.test(href) ? href : undefined;
}

/**
 * Hidden by the page (`hidden`, `display: none`), or from screen readers (`aria-hidden`: icons, separators, the visual
 * twin of a text the page also gives a screen reader, which is printed instead).
 */
export function isHidden(element: Element): boolean {
  if (attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}
