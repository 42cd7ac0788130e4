// Output formats of `rca-writer check`: text, json and GitHub workflow annotations (SARIF is in sarif.ts).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { RcaDiagnostic } from '../engine/types';

export interface FileReport {
  /** The name as the run found it (see CheckInput.name). */
  file: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
  diagnostics: RcaDiagnostic[];
}

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** `file:line:col severity CODE message`, 1-based, one finding a line. */
export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      lines.push(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `[{ file, diagnostics: [{ code, severity, message, range }] }]` with 0-based LSP positions. */
export function formatJson(reports: FileReport[]): string {
  const shaped = reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

/** A path as CI tools want it: relative to the working directory, with forward slashes, when it lies inside it. */
export function workspacePath(report: FileReport, cwd: string): string {
  if (!report.path) return report.file;
  const rel = relative(cwd, report.path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : resolve(report.path)).split(sep).join('/');
}

// Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one annotation a finding. */
export function formatGithub(reports: FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = workspacePath(report, cwd);
    for (const d of report.diagnostics) {
      const { start, end } = d.range;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`${d.code} ${d.rule}`)}`,
      ];
      lines.push(`::${GITHUB_LEVEL[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
