// Tables as pages print them: cells between pipes ("Date | Publication History |", with or without the outer
// pipes, often with a "---|---|" row under the header), or cells separated by tabs. Each becomes a GFM table.
import { maxOf } from '../engine/numbers';
import type { InlineSpan } from '../engine/html-text';
import { inlineMarkdown, listMarker } from './page';

export interface Table {
  /** Index (into the lines given) of the table's first and last row. */
  first: number;
  last: number;
  rows: string[][];
  /** Index (into the lines given) of each row. */
  rowLines: number[];
}

const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

function isDelimiterRow(raw: string): boolean {
  const trimmed = raw.trim();
  return trimmed.includes('|') && DELIMITER_ROW.test(trimmed);
}

/** The cells of a row printed with pipes; undefined when the line has fewer than two. */
function pipeCells(raw: string): string[] | undefined {
  let trimmed = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!trimmed.includes('|')) return undefined;
  if (trimmed.startsWith('|')) trimmed = trimmed.slice(1);
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) trimmed = trimmed.slice(0, -1);
  const cells = trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim());
  return cells.length >= 2 ? cells : undefined;
}

/** The cells of a row printed with tabs; undefined when the line has fewer than two. */
function tabCells(raw: string): string[] | undefined {
  const trimmed = raw.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, '');
  if (!trimmed.includes('\t')) return undefined;
  const cells = trimmed.split('\t').map((cell) => cell.replace(/[\s\u00a0]+/g, ' ').trim());
  // "•<tab>item" and "1.<tab>item" are list items as word processors print them, not rows.
  if (listMarker(cells.join(' '))) return undefined;
  return cells.length >= 2 ? cells : undefined;
}

/**
 * The table whose first row is line `start`, if one starts there: at least a header and a delimiter row, or two
 * rows of the same kind. Blank lines between rows are allowed; the table ends at the first other line.
 */
export function tableAt(raws: string[], start: number): Table | undefined {
  const kind = pipeCells(raws[start]) ? pipeCells : tabCells(raws[start]) ? tabCells : undefined;
  if (!kind || isDelimiterRow(raws[start])) return undefined;
  const rows: string[][] = [kind(raws[start])!];
  const rowLines = [start];
  let last = start;
  let delimited = false;
  for (let i = start + 1; i < raws.length; i++) {
    if (!raws[i].trim()) continue;
    if (kind === pipeCells && isDelimiterRow(raws[i])) {
      // A delimiter row only ever follows the header.
      if (rows.length !== 1 || delimited) break;
      delimited = true;
      last = i;
      continue;
    }
    const cells = kind(raws[i]);
    if (!cells) break;
    rows.push(cells);
    rowLines.push(i);
    last = i;
  }
  if (rows.length < 2 && !delimited) return undefined;
  return { first: start, last, rows, rowLines };
}

/**
 * The table in GFM; every row gets as many cells as the widest, so no cell is dropped by a reader. `spansOf` gives
 * a row's links and code (by the row's index in `rows`), which its cells take in order.
 */
export function renderTable(table: Table, spansOf: (row: number) => InlineSpan[] = () => []): string {
  const width = maxOf(
    table.rows.map((row) => row.length),
    0,
  );
  const line = (row: string[], index: number) => {
    const spans = spansOf(index);
    const cells = Array.from({ length: width }, (_, i) => inlineMarkdown(row[i] ?? '', spans).replace(/\|/g, '\\|'));
    return `| ${cells.join(' | ')} |`;
  };
  const [header, ...body] = table.rows;
  return [line(header, 0), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map((row, i) => line(row, i + 1))].join('\n');
}
