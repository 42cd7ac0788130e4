import { DateTime } from 'luxon';
import type { RcaDocument } from '../model';
import { defaultSettings, type RcaSettings } from '../settings';
import type { Position } from '../types';
import { analyzeTimes, cachedAnalysis, type TimeAnalysis } from './analyze';
import type { TimeWindow } from './window';
import { describeYmd, formatDuration, weekdayOf } from './format';
import { statedYmd } from './incident';
import { offsetName } from './zones';
import { WEEKDAY_NAMES } from './dates';

/** Engine side of the editor features: no LSP types, plain strings and positions. */

function analysisFor(doc: RcaDocument, settings?: RcaSettings): TimeAnalysis {
  return settings ? analyzeTimes(doc, settings) : (cachedAnalysis(doc) ?? analyzeTimes(doc, defaultSettings()));
}

function instantLine(millis: number, iana: string): string {
  const dt = DateTime.fromMillis(millis, { zone: iana });
  return `${dt.toFormat('cccc, LLLL d, yyyy, HH:mm')} ${offsetName(iana, millis)}`;
}

function windowMarkdown(a: TimeAnalysis, w: TimeWindow): string | undefined {
  if (w.startMillis === undefined) return undefined;
  const zone = w.iana;
  const lines: string[] = [];
  const assumed = w.zoneSource === 'default' || w.zoneSource === 'instance' || !zone ? ' (zone assumed)' : '';
  const shown = zone ?? 'UTC';
  if (w.end && w.endMillis !== undefined) {
    lines.push(`**${formatDuration(w.endMillis - w.startMillis)}**${w.nextDay ? ' (crosses midnight)' : ''}`);
    lines.push('');
    lines.push(`- ${instantLine(w.startMillis, shown)} → ${instantLine(w.endMillis, shown)}${assumed}`);
    if (zone && zone !== 'UTC') lines.push(`- ${instantLine(w.startMillis, 'UTC')} → ${instantLine(w.endMillis, 'UTC')}`);
  } else {
    lines.push(`- ${instantLine(w.startMillis, shown)}${assumed}`);
    if (zone && zone !== 'UTC') lines.push(`- ${instantLine(w.startMillis, 'UTC')}`);
  }
  void a;
  return lines.join('\n');
}

/** Hover text for the date, time or range at an offset, or undefined when there is none. */
export function timeInfoAt(doc: RcaDocument, offset: number, settings?: RcaSettings): string | undefined {
  const a = analysisFor(doc, settings);
  const window = a.windows.find((w) => {
    const from = Math.min(w.from, w.start.date?.start ?? w.from);
    return offset >= from && offset <= w.to;
  });
  if (window) return windowMarkdown(a, window);
  const date = a.dates.find((d) => offset >= d.start && offset <= d.end);
  if (date) {
    const ymd = statedYmd(date, a);
    if (!ymd) return undefined;
    const year =
      date.inferredYear !== undefined ? ' (year read across the new year from the incident date)' : date.yearInferred ? ' (year from the incident date)' : '';
    return `**${WEEKDAY_NAMES[weekdayOf(ymd) - 1]}**, ${describeYmd(ymd)}${year}`;
  }
  const zone = a.zones.find((z) => offset >= z.start && offset <= z.end);
  if (zone?.iana) return `Time zone: \`${zone.iana}\``;
  return undefined;
}

export interface TimelineHint {
  position: Position;
  label: string;
}

/** One hint after each timeline range: "2 h 13 min · 05:14–07:27 UTC". */
export function timelineHints(doc: RcaDocument, settings?: RcaSettings): TimelineHint[] {
  const a = analysisFor(doc, settings);
  const hints: TimelineHint[] = [];
  for (const w of a.windows) {
    if (w.section !== a.timelineIndex || a.timelineIndex < 0 || !w.end || w.startMillis === undefined || w.endMillis === undefined) continue;
    if (w.endMillis <= w.startMillis) continue;
    const duration = formatDuration(w.endMillis - w.startMillis);
    const end = w.end.ownZone?.end ?? w.to;
    if (!w.iana || w.zoneSource === undefined) {
      hints.push({ position: doc.lines.positionAt(end), label: duration });
      continue;
    }
    const utc = (m: number) => DateTime.fromMillis(m, { zone: 'UTC' }).toFormat('HH:mm');
    hints.push({ position: doc.lines.positionAt(end), label: `${duration} · ${utc(w.startMillis)}–${utc(w.endMillis)} UTC` });
  }
  return hints;
}
