// rcaWriter/reports: the workspace's reports as the index holds them, with their problem counts, for the client's
// "RCAs" view. An open report counts its open text's findings; one that is not open, those its workspace diagnostics list.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { ymdKey } from '../engine/time/calendar';
import { isoYmd } from '../engine/time/format';
import { REPORTS_CHANGED_NOTIFICATION, REPORTS_REQUEST, type ProblemCounts, type ReportSummary } from './protocol';
import type { ReportEntry } from '../engine/folder/entry';

export interface ReportSources {
  /** The indexed reports, open or not. */
  reports(): Iterable<ReportEntry>;
  /** All the findings of a report: undefined when it was not checked. */
  findings(uri: string): Promise<Diagnostic[] | undefined>;
}

export function problemCounts(diagnostics: Diagnostic[]): ProblemCounts {
  const counts = { errors: 0, warnings: 0, others: 0 };
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

/** Newest incident first; reports that state no date last; then by path. */
function byIncident(a: ReportEntry, b: ReportEntry): number {
  const day = (entry: ReportEntry) => (entry.incident ? ymdKey(entry.incident) : -1);
  return day(b) - day(a) || a.name.localeCompare(b.name);
}

export async function reportSummaries(sources: ReportSources): Promise<ReportSummary[]> {
  const entries = [...sources.reports()].sort(byIncident);
  const summaries: ReportSummary[] = [];
  for (const entry of entries) {
    const findings = await sources.findings(entry.key);
    summaries.push({
      uri: entry.key,
      name: entry.name,
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.incident ? { incident: isoYmd(entry.incident) } : {}),
      problems: findings ? problemCounts(findings) : null,
    });
  }
  return summaries;
}

/** Answers the request; `changed()` tells the client to ask again. */
export function registerReports(connection: Connection, sources: ReportSources): { changed(): void } {
  connection.onRequest(REPORTS_REQUEST, () => reportSummaries(sources));
  return { changed: () => void connection.sendNotification(REPORTS_CHANGED_NOTIFICATION).catch(() => undefined) };
}
