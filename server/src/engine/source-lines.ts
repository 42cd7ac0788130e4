// The line of a page's HTML each text of it stands on, for a page too large to parse with source locations: found by
// searching the source forward, text after text, as the page prints them in the order it writes them.

/** How far past the last text found the next one is searched for; past it, a few searches go to the end. */
const WINDOW = 64 * 1024;
const FAR_SEARCHES = 16;

/** The start of a text as the source surely writes it: no character an entity might stand for, no line break. */
const PLAIN_START = /^[^&<>"'\r\n\u0080-\uffff]{1,32}/;

export class ForwardLines {
  private cursor = 0;
  /** The line at `cursor`. */
  private line = 1;
  private farSearches = 0;

  constructor(private readonly source: string) {}

  /**
   * The 1-based line `text` (a text node's value) starts on, searched from after the text found before; a text whose
   * start is not found (written with an entity, or where the search does not reach) gets that text's line.
   */
  lineOf(text: string): number {
    const start = PLAIN_START.exec(text.replace(/^[ \t\n\f\r]+/, ''))?.[0];
    if (!start) return this.line;
    let at = this.source.slice(this.cursor, this.cursor + WINDOW).indexOf(start);
    if (at >= 0) at += this.cursor;
    else if (this.farSearches++ < FAR_SEARCHES) at = this.source.indexOf(start, this.cursor + WINDOW);
    if (at < 0) return this.line;
    for (let i = this.cursor; i < at; i++) if (this.source.charCodeAt(i) === 10) this.line++;
    this.cursor = at;
    return this.line;
  }
}
