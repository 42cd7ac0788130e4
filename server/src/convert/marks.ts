// What a page saved as HTML says of its printed lines (engine/html-text.ts), for the converter to trust over its
// guesses from text: a paragraph is no heading however it reads, a line of code is kept as written, the site's
// navigation, header and footer are the site's. A page printed as text has none of this, and is read by its text.
import type { InlineSpan, LineKind, PrintedHtml } from '../engine/html-text';

export class PageMarks {
  private readonly kinds = new Map<number, LineKind>();
  private readonly inline = new Map<number, InlineSpan[]>();

  /** Marks by printed line number (1-based), as the converter numbers lines. */
  constructor(printed?: Pick<PrintedHtml, 'marks' | 'spans'>) {
    for (const mark of printed?.marks ?? []) this.kinds.set(mark.line + 1, mark);
    for (const span of printed?.spans ?? []) {
      const at = this.inline.get(span.line + 1);
      if (at) at.push(span);
      else this.inline.set(span.line + 1, [span]);
    }
  }

  /** Whether the page marks the line as text that is no heading: a paragraph's words, or code. */
  isNoHeading(line: number): boolean {
    const kind = this.kinds.get(line)?.kind;
    return kind === 'body' || kind === 'code';
  }

  /** The `<pre>` block the line is printed from, if it is code. */
  codeBlock(line: number): number | undefined {
    const mark = this.kinds.get(line);
    return mark?.kind === 'code' ? mark.block : undefined;
  }

  /** Why the line is the site's, if the page's markup says so. */
  siteReason(line: number): string | undefined {
    const mark = this.kinds.get(line);
    return mark?.kind === 'site' ? mark.reason : undefined;
  }

  /** The links and inline code printed on the line, in order: a fresh list, for the caller to take from. */
  spans(line: number): InlineSpan[] {
    return [...(this.inline.get(line) ?? [])];
  }
}
