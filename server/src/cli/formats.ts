// Output formats of `rca-writer check`: text, json and GitHub workflow annotations (SARIF is in sarif.ts).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { RcaDiagnostic, RelatedLocation } from '../engine/types';

export interface FileReport {
  /** The name as the run found it (see CheckInput.name). */
  file: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
  /** The profile the file was checked with. */
  profile?: string;
  diagnostics: RcaDiagnostic[];
}

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

function listed(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

/** "3 errors and 2 warnings in 2 of 14 files", or "14 files checked, no problems": the end of text output. */
export function summaryLine(reports: FileReport[]): string {
  const all = reports.flatMap((report) => report.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const notes = all.length - errors - warnings;
  if (!reports.length) return 'no RCAs found, nothing checked';
  if (!all.length) return `${counted(reports.length, 'file')} checked, no problems`;
  const parts = [errors && counted(errors, 'error'), warnings && counted(warnings, 'warning'), notes && counted(notes, 'note')].filter(
    (part): part is string => !!part,
  );
  const withFindings = reports.filter((report) => report.diagnostics.length).length;
  return `${listed(parts)} in ${withFindings} of ${counted(reports.length, 'file')}`;
}

/** Where a related location in another report is, as CI tools and terminals want it: `path:line:col`. */
export function relatedPlace(related: RelatedLocation & { file: string }, cwd: string): string {
  return `${workspacePath({ file: related.file, path: related.file, diagnostics: [] }, cwd)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
}

/** The related locations that lie in other reports (a cross-report rule's), which the reader cannot see beside the finding. */
export function elsewhere(d: RcaDiagnostic): (RelatedLocation & { file: string })[] {
  return (d.related ?? []).filter((related): related is RelatedLocation & { file: string } => related.file !== undefined);
}

/**
 * `file:line:col severity CODE message`, 1-based, one finding a line, then the summary line. A related location in
 * another report follows its finding, indented: `  path:line:col message`.
 */
export function formatText(reports: FileReport[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      lines.push(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
      for (const related of elsewhere(d)) lines.push(`  ${relatedPlace(related, cwd)} ${related.message}`);
    }
  }
  lines.push(summaryLine(reports));
  return `${lines.join('\n')}\n`;
}

/**
 * `[{ file, profile, diagnostics: [{ code, severity, message, range, related? }] }]` with 0-based LSP positions;
 * `related` lists the other places a finding points to (a repeated mistake's, a section's first heading), with the
 * `file` they lie in when that is another report (a cross-report finding's).
 */
export function formatJson(reports: FileReport[], cwd = process.cwd()): string {
  const shaped = reports.map((report) => ({
    file: report.file,
    profile: report.profile,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      ...(d.related?.length
        ? {
            related: d.related.map(({ file, range, message }) => ({
              ...(file !== undefined ? { file: workspacePath({ file, path: file, diagnostics: [] }, cwd) } : {}),
              range,
              message,
            })),
          }
        : {}),
    })),
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
      // An annotation has one place: the other report's is named in the message.
      const see = elsewhere(d).map((related) => relatedPlace(related, cwd));
      lines.push(`::${GITHUB_LEVEL[d.severity]} ${properties.join(',')}::${escapeData(see.length ? `${d.message} (see ${see.join(', ')})` : d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
