import { placeZone } from './place-zone';
import type { Block, Sentence } from './text';
import type { TimeWindow } from './window';
import type { ZoneMatch, ZoneTable } from './zones';

/** What a header cell may hold besides its zone and still name nothing else: "Time (UTC)", "Local time, PT". */
const ZONE_ONLY_WORDS = /\b(?:local|time|times|zone|timezone|tz)\b|[\s|()[\],:\-–—/]/gi;

/** A place alone in a header cell ("Pacific", "Sydney"): a few words of letters, no more. */
const PLACE_ALONE = /^[A-Za-z][A-Za-z.]*(?: [A-Za-z][A-Za-z.]*){0,2}$/;

interface ColumnZone {
  zone: ZoneMatch;
  /** The header names the zone and nothing else, so the column's times are the same moments as another such column's. */
  zoneOnly: boolean;
}

/** Whether a block is a cell of its table's header row. */
export function isHeaderCell(block: Block): boolean {
  return block.table !== undefined && block.tableRow === block.table;
}

/**
 * The zones that head a table's columns: "| UTC | Pacific | Event |", "| Time (UTC) | Time (PT) | Event |". Each
 * column's times are read in the zone its header names, not all in the table's first zone (a Pacific column read in
 * UTC put a timeline running past midnight five days long). A time in a column headed by a zone alone restates the
 * row's first such time in another zone, as "10:00 PT (18:00 UTC)" does, and is checked as that conversion is.
 */
export class ColumnZones {
  private readonly byTable = new Map<number, (ColumnZone | undefined)[]>();
  /** The lead-in zone before each table with column zones. */
  private readonly leadBefore = new Map<number, ZoneMatch | undefined>();
  private row: { start: number; first?: TimeWindow; iana?: string } | undefined;

  constructor(
    private readonly masked: string,
    private readonly table: ZoneTable,
  ) {}

  /**
   * Reads a header cell's sentence with the zones counted in it, and gives the table's first column zone when this
   * cell heads a column with one (what the rest of the section takes as its lead-in zone).
   */
  readHeader(sentence: Sentence, zones: readonly ZoneMatch[], leadZone: ZoneMatch | undefined): ZoneMatch | undefined {
    const { block } = sentence;
    const zone = this.zoneOfHeader(sentence, zones);
    if (!zone) return undefined;
    if (!this.byTable.has(block.table!)) this.leadBefore.set(block.table!, leadZone);
    const columns = this.byTable.get(block.table!) ?? [];
    this.byTable.set(block.table!, columns);
    const rest = (this.masked.slice(sentence.start, zone.start) + this.masked.slice(zone.end, sentence.end)).replace(ZONE_ONLY_WORDS, '');
    columns[block.tableColumn!] ??= { zone, zoneOnly: rest === '' };
    return columns.find((c) => c !== undefined)!.zone;
  }

  /**
   * The lead-in zone of a body cell's times: its column's; in a column no zone heads, the one before the table, not
   * another column's ("| Time | Berlin |": the first column's times are in no zone written).
   */
  leadZoneOf(block: Block, leadZone: ZoneMatch | undefined): ZoneMatch | undefined {
    const columns = block.table === undefined || isHeaderCell(block) ? undefined : this.byTable.get(block.table);
    if (!columns) return leadZone;
    return columns[block.tableColumn!]?.zone ?? this.leadBefore.get(block.table!);
  }

  /**
   * Marks the one window of a body cell that restates its row's first time in a column of another zone: both columns
   * headed by a zone alone, both cells a single time or a single range with no zone of their own.
   */
  markConversion(block: Block, windows: readonly TimeWindow[]): void {
    if (block.table === undefined || block.tableRow === undefined || isHeaderCell(block)) return;
    if (this.row?.start !== block.tableRow) this.row = { start: block.tableRow };
    const column = this.byTable.get(block.table)?.[block.tableColumn!];
    if (!column?.zoneOnly || windows.length !== 1) return;
    const [w] = windows;
    if (w.start.ownZone || w.end?.ownZone || w.zone !== column.zone) return;
    const { row } = this;
    if (!row.first) {
      row.first = w;
      row.iana = w.iana;
    } else if (row.iana !== w.iana && !row.first.end === !w.end) w.conversionOf = row.first;
  }

  private zoneOfHeader(sentence: Sentence, zones: readonly ZoneMatch[]): ZoneMatch | undefined {
    const named = zones.filter((z) => z.iana && !z.unknown && !z.vague);
    if (named.length) return named.every((z) => z.iana === named[0].iana) ? named[0] : undefined;
    if (zones.length) return undefined;
    // A place alone is no zone phrase in prose ("the Pacific region"); heading a column ("Pacific", "Time (Sydney)"),
    // it names the column's zone.
    const text = sentence.text.replace(/^[\s|]*(?:(?:local\s+)?time\s*\(\s*)?|\s*\)?[\s|]*$/gi, '');
    if (!PLACE_ALONE.test(text)) return undefined;
    const zone = placeZone(this.table, text);
    if (!zone) return undefined;
    const start = sentence.start + sentence.text.indexOf(text);
    const { seasonWord } = zone;
    return {
      ...zone,
      start,
      end: start + text.length,
      text,
      seasonWord: seasonWord && { ...seasonWord, start: start + seasonWord.start, end: start + seasonWord.end },
    };
  }
}
