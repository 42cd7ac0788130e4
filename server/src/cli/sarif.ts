// SARIF 2.1.0 output of `rca-writer check`, for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { everyRule } from '../engine/rules';
import type { Range, Severity } from '../engine/types';
import { workspacePath, type FileReport } from './formats';
import { VERSION } from './io';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Where the rule pages are: the docs/rules folder of the installed package (dist/cli.js sits next to
 * docs/), as a file URI, unless the user names a base URL (e.g. the repository's docs on the web).
 */
export function docsBase(override?: string): string {
  if (override) return override.endsWith('/') ? override : `${override}/`;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'docs', 'rules', 'README.md'))) return pathToFileURL(join(dir, 'docs', 'rules')).href + '/';
    const parent = dirname(dir);
    if (parent === dir) return pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href + '/';
    dir = parent;
  }
}

function region(range: Range) {
  // SARIF lines and columns are 1-based; columns count UTF-16 code units, like LSP (see run.columnKind).
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function artifactLocation(report: FileReport, cwd: string) {
  const path = workspacePath(report, cwd);
  if (!report.path) return { uri: encodePath(report.file) };
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(report.path).href };
  return { uri: encodePath(path), uriBaseId: SRCROOT };
}

/** The rule's page as Markdown, when the docs are installed beside the CLI (viewers show it as the rule's help). */
function helpMarkdown(base: string, code: string): string | undefined {
  if (!base.startsWith('file:')) return undefined;
  try {
    return readFileSync(fileURLToPath(`${base}${code}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

export interface SarifOptions {
  cwd: string;
  /** Base URL of the rule pages; a rule's helpUri is this plus "<code>.md". */
  docsUrl?: string;
}

export function buildSarif(reports: FileReport[], options: SarifOptions) {
  const base = docsBase(options.docsUrl);
  const installed = docsBase();
  const rules = everyRule.map((rule) => {
    const markdown = helpMarkdown(installed, rule.code);
    return {
      id: rule.code,
      name: rule.name,
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.description },
      help: { text: `${rule.description} See ${base}${rule.code}.md`, ...(markdown !== undefined ? { markdown } : {}) },
      helpUri: `${base}${rule.code}.md`,
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
      properties: { fixable: rule.fixable, tags: ['rca'] },
    };
  });
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) => {
    const location = artifactLocation(report, options.cwd);
    return report.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((related, id) => ({
              id,
              message: { text: related.message },
              // A cross-report finding points into another report: its own artifact.
              physicalLocation: {
                artifactLocation:
                  related.file === undefined ? location : artifactLocation({ file: related.file, path: related.file, diagnostics: [] }, options.cwd),
                region: region(related.range),
              },
            })),
          }
        : {}),
    }));
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rca-writer',
            fullName: 'RCA Writer',
            version: VERSION,
            informationUri: `${base}README.md`,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(reports: FileReport[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(reports, options), null, 2)}\n`;
}
