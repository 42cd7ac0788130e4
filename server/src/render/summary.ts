import { DateTime } from 'luxon';
import type { RcaDocument } from '../engine/model';
import type { RcaSettings } from '../engine/settings';
import { analyzeTimes } from '../engine/time/analyze';
import type { TimeWindow } from '../engine/time/window';
import { formatDuration } from '../engine/time/format';
import { maxOf, minOf } from '../engine/numbers';

/** What the summary block at the top of the page says, as plain strings. */
export interface ReportSummary {
  instances: string[];
  window?: {
    /** "March 17, 2026, 09:05 – 10:41 CDT" in the document's zone. */
    local: string;
    /** The IANA zone `local` is in. */
    zone: string;
    utc: string;
    /** Absent when the window is a single instant. */
    duration?: string;
  };
}

/** Fixed locale: the page must read the same whatever machine renders it. */
function at(millis: number, zone: string): DateTime {
  return DateTime.fromMillis(millis, { zone }).setLocale('en-US');
}

export function formatWindow(start: number, end: number, zone: string): string {
  const from = at(start, zone);
  const to = at(end, zone);
  const day = 'LLLL d, yyyy';
  const label = zone === 'UTC' ? 'UTC' : to.toFormat('ZZZZ');
  if (end === start) return `${from.toFormat(`${day}, HH:mm`)} ${label}`;
  const sameDay = from.toISODate() === to.toISODate();
  const endText = sameDay ? to.toFormat('HH:mm') : to.toFormat(`${day}, HH:mm`);
  const fromLabel = sameDay || from.toFormat('ZZZZ') === label || zone === 'UTC' ? '' : ` ${from.toFormat('ZZZZ')}`;
  return `${from.toFormat(`${day}, HH:mm`)}${fromLabel} – ${endText} ${label}`;
}

/**
 * The incident window is the span of the timeline's windows that have instants; without a timeline,
 * the windows the introduction gives.
 */
function incidentWindows(windows: TimeWindow[], timelineIndex: number, introIndex: number): TimeWindow[] {
  const timed = windows.filter((w) => w.startMillis !== undefined);
  const timeline = timed.filter((w) => w.section === timelineIndex && timelineIndex >= 0);
  if (timeline.length) return timeline;
  return timed.filter((w) => w.section === introIndex && introIndex >= 0);
}

export function summarize(doc: RcaDocument, settings: RcaSettings): ReportSummary {
  const analysis = analyzeTimes(doc, settings);
  const summary: ReportSummary = { instances: analysis.instances };
  const windows = incidentWindows(analysis.windows, analysis.timelineIndex, analysis.introIndex);
  if (!windows.length) return summary;
  const start = minOf(windows.map((w) => w.startMillis!));
  const end = maxOf(windows.map((w) => w.endMillis ?? w.startMillis!));
  const zone = analysis.documentZone?.iana ?? windows.find((w) => w.iana)?.iana ?? 'UTC';
  summary.window = {
    local: formatWindow(start, end, zone),
    zone,
    utc: formatWindow(start, end, 'UTC'),
    ...(end > start ? { duration: formatDuration(end - start) } : {}),
  };
  return summary;
}
