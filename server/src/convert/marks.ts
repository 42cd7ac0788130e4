// What a page saved as HTML says of its printed lines (engine/html-text.ts), for the converter to trust over its
// guesses from text: a paragraph is no heading however it reads, a line of code is kept as written, the site's
// navigation, header and footer are the site's. A page printed as text has none of this, and is read by its text.
import type { InlineSpan, PrintedHtml } from '../engine/html-text';

/** No spans: shared, for the many lines that have none (never added to: a caller only takes from a line's list). */
const NONE: InlineSpan[] = [];

const BODY = 1;
const CODE = 2;
const SITE = 3;

export class PageMarks {
  /** Each line's kind, by printed line number (1-based) as the converter numbers lines: most lines have one. */
  private readonly kinds: Uint8Array;
  /** The `<pre>` block of each line of code, by line number: a page of code marks every line. */
  private readonly blocks: Uint32Array;
  private readonly reasons = new Map<number, string>();
  private readonly inline = new Map<number, InlineSpan[]>();

  constructor(printed?: Pick<PrintedHtml, 'marks' | 'spans' | 'sourceLines'>) {
    // A mark past the printed lines (from a client that sent them) marks nothing.
    const count = printed?.sourceLines.length ?? 0;
    this.kinds = new Uint8Array(count + 1);
    this.blocks = new Uint32Array(count + 1);
    for (const mark of printed?.marks ?? []) {
      if (!(mark.line >= 0 && mark.line < count)) continue;
      const line = mark.line + 1;
      if (mark.kind === 'code') this.blocks[line] = mark.block;
      else if (mark.kind === 'site') this.reasons.set(line, mark.reason);
      this.kinds[line] = mark.kind === 'body' ? BODY : mark.kind === 'code' ? CODE : SITE;
    }
    for (const span of printed?.spans ?? []) {
      const at = this.inline.get(span.line + 1);
      if (at) at.push(span);
      else this.inline.set(span.line + 1, [span]);
    }
  }

  /** Whether the page marks the line as text that is no heading: a paragraph's words, or code. */
  isNoHeading(line: number): boolean {
    const kind = this.kinds[line];
    return kind === BODY || kind === CODE;
  }

  /** The `<pre>` block the line is printed from, if it is code. */
  codeBlock(line: number): number | undefined {
    return this.kinds[line] === CODE ? this.blocks[line] : undefined;
  }

  /** Why the line is the site's, if the page's markup says so. */
  siteReason(line: number): string | undefined {
    return this.kinds[line] === SITE ? this.reasons.get(line) : undefined;
  }

  /** The links and inline code printed on the line, in order: a fresh list, for the caller to take from. */
  spans(line: number): InlineSpan[] {
    const spans = this.inline.get(line);
    return spans ? [...spans] : NONE;
  }
}
