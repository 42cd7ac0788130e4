import type { TimeWindow } from './window';
import { offsetAt } from './zones';

/** Fewer entries than this in a row at the same moments may be two events at one time, not a timeline given twice. */
const MIN_RESTATED = 2;

/**
 * A timeline given twice, the second time in another zone: "The same events in Pacific time:" over a second list, each
 * entry the moment of the first list's entry in its place ("14:00 UTC" then "07:00 PDT"). The second list's entries
 * restate the first's, as a conversion in parentheses does: they are marked as conversions, so they are checked as
 * conversions (RCA206) and are not entries out of order (RCA211) or times in a second zone.
 *
 * Each entry is the first window of a list item or table row of the timeline. A run restates an earlier run when, from
 * its first entry, each entry is the moment of the earlier run's entry in its place, in a zone of another offset, for
 * two entries at least; looking each run's start up by its moment keeps this linear.
 */
export function markRestatedEntries(windows: readonly TimeWindow[], timelineIndex: number): void {
  if (timelineIndex < 0) return;
  const entries: TimeWindow[] = [];
  const seen = new Set<string>();
  for (const w of windows) {
    if (w.section !== timelineIndex || w.startMillis === undefined || !w.iana || w.conversionOf) continue;
    const block = w.sentence.block;
    const key = block.listItem >= 0 ? `item ${block.listItem}` : block.tableRow !== undefined ? `row ${block.tableRow}` : undefined;
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    entries.push(w);
  }
  const restates = (x: TimeWindow, y: TimeWindow) => x.startMillis === y.startMillis && offsetAt(x.iana!, x.startMillis!) !== offsetAt(y.iana!, y.startMillis!);
  const firstAt = new Map<number, number>();
  for (let i = 0; i < entries.length;) {
    const j = firstAt.get(entries[i].startMillis!);
    let run = 0;
    if (j !== undefined) while (j + run < i && i + run < entries.length && restates(entries[i + run], entries[j + run])) run++;
    if (run >= MIN_RESTATED) {
      for (let t = 0; t < run; t++) entries[i + t].conversionOf = entries[j! + t];
      i += run;
      continue;
    }
    if (j === undefined) firstAt.set(entries[i].startMillis!, i);
    i++;
  }
}
