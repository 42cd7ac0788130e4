// What a knowledge-base page prints around the report: menus, sign-in boxes, breadcrumbs, page tools, an in-page
// table of contents, footers. Recognised mostly by where a line stands and what shape it has (a short line with
// no sentence in it, before the title; a run of lines that repeats the section headings), with a small
// vocabulary of page-tool words for the places where shape alone cannot tell chrome from the report.

/** Lines that are never part of a report, wherever they stand. */
const SITE_LINES_ANYWHERE: RegExp[] = [
  /^skip to (?:the )?(?:main )?content$/i,
  /^subscribe(?: (?:by|via|to|with) (?:rss|e-?mail|updates|this (?:page|article|feed|section)))?$/i,
  /^knowledge assistant(?: beta)?$/i,
  /^go back to (?:the )?previous (?:article|page)$/i,
  /^back to top$/i,
  /^(?:save|download|export) (?:as|to) pdf$/i,
  /^search (?:this |the )?(?:site|knowledge (?:center|centre|base))$/i,
  /^forgot (?:your )?password\??$/i,
];

/** Page tools and menu words: chrome when they stand alone before the first section or in the footer. */
const PAGE_TOOLS: RegExp[] = [
  ...SITE_LINES_ANYWHERE,
  /^(?:home|menu|back|beta|new|search|print|share|e-?mail|edit|feedback|help|support|contact(?: us)?|tweet|copy link|expand all|collapse all|toggle navigation)$/i,
  /^(?:sign|log) ?(?:in|out|up)$/i,
  /^(?:username|password|remember me|create (?:an )?account|register)$/i,
  // "Last updated", alone or with its date and time: "Updated: Jan 10, 2024", "Last modified 2024-01-10 14:02".
  /^(?:last )?(?:updated|modified|edited)(?:(?: on)?:? (?:[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?:,? (?:at )?\d{1,2}:\d{2}(?: ?[ap]m)?)?)?$/i,
  // A byline and its reading time, as blogs print them under the title: "By Sam Lee · 6 min read".
  /^[Bb]y \p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3}$/u,
  /^\d{1,3} min(?:ute)?s? read$/i,
  // Who wrote and changed the page, as wikis print it: "Created by Dana Ortiz, last modified on Mar 06, 2026".
  /^(?:created|(?:last )?(?:modified|updated|edited)) by [^,.;]{1,60}(?:,? (?:last )?(?:modified|updated|edited)(?: by [^,.;]{1,60})?)?(?:,? on [^;]{1,40})?$/i,
  /^(?:page id|views?|article id)(?::? ?\S*)?$/i,
  /^(?:table of contents|contents|on this page|in this (?:article|page)|jump to(?: section)?)$/i,
  /\bknowledge (?:center|centre|base)$/i,
];

/** A line that starts the page's footer: nothing of the report follows it. */
const FOOTER_START: RegExp[] = [
  /^was this (?:article|page|information|answer) (?:helpful|useful)\??$/i,
  /^(?:related|recommended|similar|popular) (?:articles|pages|content)$/i,
  /^(?:copyright\b|©).{0,120}$/i,
  /^powered by .{1,60}$/i,
];

/** Footer lines that are dropped even though they read like a sentence. */
const FOOTER_LINES: RegExp[] = [
  ...FOOTER_START,
  /^(?:yes|no|top|related articles?|rate this (?:article|page)|thank you for your feedback!?)$/i,
  /^\d+ (?:out of \d+ )?(?:people|users) found this (?:article )?helpful\.?$/i,
  /^all rights reserved\.?$/i,
  /^(?:privacy(?: policy)?|terms of (?:use|service)|cookie (?:policy|settings|preferences)|accessibility)$/i,
  /^(?:view (?:article )?history|article type:?.*|tags?:.*)$/i,
];

/** How page tools are printed side by side on one row: tabs, pipes, bullets or wide gaps between them. */
const TOOL_ROW_SEPARATOR = /\t|\s+[|•·]\s+|\s{2,}/;

/** Whether the line reads as part of a sentence rather than a menu item. */
export function isSentenceLike(text: string): boolean {
  return /[.!?…:;,]["')\]]?$/.test(text) || wordCount(text) >= 7;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function isSiteLineAnywhere(text: string): boolean {
  return SITE_LINES_ANYWHERE.some((re) => re.test(text));
}

/** A page tool on its own line, or a row of them ("Last updated | Save as PDF | Share"). */
export function isPageTools(raw: string): boolean {
  const cells = raw
    .trim()
    .split(TOOL_ROW_SEPARATOR)
    .map((cell) => cell.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  return cells.length > 0 && cells.every((cell) => PAGE_TOOLS.some((re) => re.test(cell)));
}

/** A short line before the title that is no sentence: a menu item, the site's name, a breadcrumb step. */
export function isMenuItem(text: string): boolean {
  return !isSentenceLike(text) && wordCount(text) <= 4 && text.length <= 40;
}

export function isFooterStart(text: string): boolean {
  return FOOTER_START.some((re) => re.test(text));
}

/** What footers print, sentences included ("3 people found this helpful."). */
export function isStockFooterLine(text: string): boolean {
  return FOOTER_LINES.some((re) => re.test(text));
}

const BREADCRUMB_SEPARATOR = /\s[>›»]\s|\s\/\s/;

/**
 * A breadcrumb printed on one line ("Home > Alma > RCAs"), split into its steps; undefined for any other line.
 * Slashes separate steps only when no step but the last carries a digit, so "NA01 / NA02 - RCA" stays a title.
 */
export function breadcrumbSteps(text: string): string[] | undefined {
  if (!BREADCRUMB_SEPARATOR.test(text)) return undefined;
  const angled = text.split(/\s[>›»]\s/);
  const steps = angled.length > 1 ? angled : text.split(/\s\/\s/);
  if (steps.length < 2 || steps.some((step) => !step.trim())) return undefined;
  if (angled.length === 1 && steps.slice(0, -1).some((step) => /\d/.test(step))) return undefined;
  return steps.map((step) => step.trim());
}

/** More entries than any report has sections: past it, the run is no table of contents. */
const MAX_CONTENTS_ENTRIES = 40;

const CONTENTS_LABEL = /^(?:table of contents|contents|on this page|in this (?:article|page)|jump to(?: section)?)$/i;

/**
 * The page's in-page table of contents: a run of at least two short lines (blank lines between are fine), each
 * repeated later on a line of its own in the same order, at least two of them section headings; with the
 * "Contents" label just before it. Returns the indexes of its lines.
 */
export function tableOfContents(texts: string[], entryText: (text: string) => string, isSectionHeading: (text: string) => boolean): number[] {
  // Where each text stands, so finding an entry's repeat is a lookup, not a scan of the page.
  const positions = new Map<string, number[]>();
  texts.forEach((text, i) => {
    if (!text) return;
    const at = positions.get(text);
    if (at) at.push(i);
    else positions.set(text, [i]);
  });
  const repeatAfter = (text: string, from: number) => {
    const at = positions.get(text) ?? [];
    let [low, high] = [0, at.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (at[middle] < from) low = middle + 1;
      else high = middle;
    }
    return at[low];
  };
  for (let start = 0; start < texts.length; start++) {
    if (!texts[start] || !isSectionHeading(entryText(texts[start]))) continue;
    const run: number[] = [];
    let headings = 0;
    let searchFrom = start + 1;
    const repeats: number[] = [];
    for (let i = start; i < texts.length && run.length < MAX_CONTENTS_ENTRIES; i++) {
      if (!texts[i]) continue;
      const entry = entryText(texts[i]);
      if (isSentenceLike(entry) || entry.length > 80) break;
      // The repeat is searched after the previous entry's repeat, so the entries come back in order.
      const at = repeatAfter(entry, Math.max(searchFrom, i + 1));
      if (at === undefined) break;
      run.push(i);
      repeats.push(at);
      searchFrom = at + 1;
      if (isSectionHeading(entry)) headings++;
    }
    // The repeats must all come after the run itself, or the "run" is the report's own headings.
    if (run.length < 2 || headings < 2 || repeats.some((at) => at <= run[run.length - 1])) continue;
    let label = start - 1;
    while (label >= 0 && !texts[label]) label--;
    return label >= 0 && CONTENTS_LABEL.test(texts[label]) ? [label, ...run] : run;
  }
  return [];
}
