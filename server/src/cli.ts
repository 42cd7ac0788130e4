// The command line: the same engine as the editor, for CI and for batch checks.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkText, resolveProfile, UnknownProfileError } from './check';
import { ConfigError, settingsForFile } from './config';
import { builtInProfileNames } from './profiles';
import { resolveSettings, type RcaSettings } from './settings';
import type { RcaDiagnostic } from './types';

declare const RCA_WRITER_VERSION: string | undefined;

/** A problem with how the CLI was called or with an input file: one line, exit code 2. */
export class UsageError extends Error {}

const HELP = `Usage: rca-writer <command> [options]

Commands:
  check [--format text|json] [--profile NAME] <files...>
      Check Markdown RCAs. Exit code 1 when any error is found, 0 otherwise,
      2 for bad usage or a file that cannot be read.

Options:
  -h, --help      Show this help.
  -v, --version   Show the version.
`;

const CHECK_HELP = `Usage: rca-writer check [--format text|json] [--profile NAME] <files...>

  --format text   file:line:col severity CODE message (default)
  --format json   [{ "file", "diagnostics": [{ "code", "severity", "message", "range" }] }]
                  with 0-based LSP positions
  --profile NAME  the RCA profile (built in: ${builtInProfileNames().join(', ')})

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable file.
`;

export interface FileReport {
  file: string;
  diagnostics: RcaDiagnostic[];
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function describeReadError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return `${file}: cannot read the file (${reason})`;
}

export function readInput(file: string): string {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a Markdown file`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeReadError(file, error));
  }
  if (text.includes('\u0000')) throw new UsageError(`${file}: looks like a binary file, not Markdown`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The nearest .rca-writer.json applies, and flags win over it. */
function settingsFor(file: string, flags: Partial<RcaSettings>): RcaSettings {
  let settings: RcaSettings;
  let source = 'the command line';
  try {
    const found = settingsForFile(resolve(file), {});
    settings = resolveSettings({ ...found.settings, ...flags });
    if (found.configPath && !flags.profile) source = found.configPath;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  try {
    resolveProfile(settings);
  } catch (error) {
    if (error instanceof UnknownProfileError) {
      throw new UsageError(`unknown profile "${settings.profile}" from ${source} (built in: ${builtInProfileNames().join(', ')})`);
    }
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return settings;
}

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      lines.push(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function formatJson(reports: FileReport[]): string {
  const shaped = reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

function runCheck(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (use text or json)`);
  if (positionals.length === 0) throw new UsageError('no files given (try: rca-writer check examples/*.md)');
  const flags = values.profile ? { profile: values.profile } : {};
  // Read everything first: a bad file or config stops the run before any partial report is printed.
  const inputs = positionals.map((file) => ({ file, text: readInput(file), settings: settingsFor(file, flags) }));
  // Files are named as the user gave them, so editors and CI logs can follow the names.
  const reports = inputs.map(({ file, text, settings }) => ({ file, diagnostics: checkText(text, settings).diagnostics }));
  io.stdout(format === 'json' ? formatJson(reports) : formatText(reports));
  return reports.some((report) => report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export function main(argv: string[], io: CliIo): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${typeof RCA_WRITER_VERSION === 'string' ? RCA_WRITER_VERSION : 'dev'}\n`);
      return 0;
    }
    if (command === 'check') return runCheck(rest, io);
    throw new UsageError(`unknown command "${command}" (try: rca-writer --help)`);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`rca-writer: ${(error as Error).message}\n`);
      return 2;
    }
    // An engine bug: still one line, never a stack trace; RCA_WRITER_DEBUG shows the trace.
    io.stderr(`rca-writer: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.RCA_WRITER_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
