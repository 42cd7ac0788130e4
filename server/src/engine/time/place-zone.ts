import { LruMap } from '../lru';
import type { ZoneMatch, ZoneTable } from './zones';

/**
 * The zone each place alone names, for each phrase table: a place is no zone phrase in prose ("the Pacific region"),
 * but where a zone is asked for (a table's column header "| Pacific |", "All times are Eastern.") it names the zone
 * "Pacific time" does. Kept by the words: a long report's tables repeat their headers, and each was read with the
 * whole zone pattern on every edit.
 */
const placeZones = new WeakMap<ZoneTable, LruMap<string, ZoneMatch | null>>();

/** The zone a place alone names ("Pacific" as "Pacific time"), at offsets in `text`, or null. */
export function placeZone(table: ZoneTable, text: string): ZoneMatch | null {
  let known = placeZones.get(table);
  if (!known) placeZones.set(table, (known = new LruMap(256)));
  let zone = known.get(text);
  if (zone === undefined) {
    const found = table.find(`${text} time`);
    zone = found.length !== 1 || !found[0].iana || found[0].unknown || found[0].end !== text.length + 5 ? null : found[0];
    known.set(text, zone);
  }
  return zone;
}
