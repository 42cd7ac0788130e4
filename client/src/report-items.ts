// What the "RCAs" view shows of one report, as plain data (reports-view.ts makes the tree items): no vscode import,
// so that the mapping is tested on its own.
import type { ProblemCounts, ReportSummary } from '../../server/src/lsp/protocol';

export interface ReportItem {
  uri: string;
  label: string;
  /** Next to the label: the incident's date and the problem count. */
  description: string;
  tooltip: string;
  /** What a screen reader says of it. */
  ariaLabel: string;
  /** A codicon id: the worst severity among its findings, "pass" for none, undefined when it was not checked. */
  icon: 'error' | 'warning' | 'info' | 'pass' | undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function total(problems: ProblemCounts): number {
  return problems.errors + problems.warnings + problems.others;
}

function detail(problems: ProblemCounts): string {
  if (!total(problems)) return 'no problems';
  return [plural(problems.errors, 'error'), plural(problems.warnings, 'warning'), ...(problems.others ? [plural(problems.others, 'note')] : [])].join(', ');
}

export function reportItem(report: ReportSummary): ReportItem {
  const { problems } = report;
  const count = problems ? plural(total(problems), 'problem') : undefined;
  const icon = !problems ? undefined : problems.errors ? 'error' : problems.warnings ? 'warning' : problems.others ? 'info' : 'pass';
  return {
    uri: report.uri,
    label: report.title ?? report.name,
    description: [report.incident ?? 'no date', count].filter(Boolean).join(' · '),
    tooltip: [report.title, report.name, problems ? detail(problems) : 'not checked: rcaWriter.workspaceDiagnostics is off'].filter(Boolean).join('\n'),
    ariaLabel: [report.title ?? report.name, report.incident ? `incident date ${report.incident}` : 'no incident date', count].filter(Boolean).join(', '),
    icon,
  };
}
