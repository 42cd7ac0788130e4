// `rca-writer check`: the editor's checks, for CI and batch runs.
import { findingsLimit, NO_FINDINGS_LIMIT, type FindingsLimit } from '../engine/findings-cap';
import { builtInProfileNames } from '../engine/profiles';
import type { RcaSettings } from '../engine/settings';
import { checkInWorkers, runJob, workerCount, type CheckJob, type JobResult } from './check-worker';
import { statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { collectInputs, type CheckInput, type ConfigChoice } from './inputs';
import { FORMATS, formatGithub, formatJson, formatText, type FileReport, type Format } from './formats';
import { cwdOf, EXIT, parseCommandArgs, UsageError, writeOutput, type CliIo } from './io';
import { isTemplateFile } from '../engine/detect';
import { applyFixes } from './fix';
import { withFolderFindings } from './folder';
import { formatSarif } from './sarif';

export const CHECK_HELP = `Usage: rca-writer check [options] <files, directories or globs...>

Checks Markdown RCAs with the same rules and settings as the editor.

Inputs:
  file.md          checked whatever its name
  directory        the Markdown files under it that are RCAs: their path matches
                   "include" (default **/*.rca.md, **/rca/**/*.md, **/rcas/**/*.md),
                   their front matter says "type: rca", or their H1 is a report
                   title ("... - RCA - <date>", "Root Cause Analysis", "Postmortem",
                   "Incident report"); files .gitignore or "exclude" name are skipped
  'glob/**/*.md'   every file the glob matches (quote it to let rca-writer expand it),
                   but those .gitignore or "exclude" name
  -                standard input

Options:
  --format text    file:line:col severity CODE message (default)
  --format json    [{ "file", "profile", "diagnostics": [{ "code", "severity", "message", "range" }] }]
                   with 0-based LSP positions; "profile" is the one the file was checked with
                   (under auto, the one it fits best)
  --format sarif   SARIF 2.1.0, with rule metadata and help links, for code scanning
  --format github  GitHub Actions workflow annotations (::error file=...::message)
  --profile NAME   the RCA profile: auto (the default: each file with the profile it fits best),
                   a built-in one (${builtInProfileNames().join(', ')}) or one of "profiles"; wins over .rca-writer.json
  --config FILE    use FILE (.rca-writer.json or .rca-writer.yaml) for every input
                   instead of each file's nearest one
  --no-config      use no config file: the defaults and the flags only
  --max-warnings N exit 1 when there are more than N warnings
  --max-findings N list at most N findings per file and per rule (default: as the editor,
                   1,000 of one rule and 5,000 in all, then one finding counting the rest);
                   --max-findings all lists every one
  -q, --quiet      report errors only (warnings still count for --max-warnings)
  --verbose        name on stderr each file a folder or glob left out, and why
  --index-folder D compare the files checked with the reports under folder D too (the
                   cross-report rules RCA401-RCA404: dates copied from another report, copied
                   paragraphs, overlapping incidents, repeated promises); a folder among the
                   inputs has them without it, over the reports of the run
  --fix            apply each finding's preferred fix to the files, as the editor's Fix All
                   does (only fixes that prove themselves; one whose edit overlaps another's
                   waits for the next round), then report the findings left; prints one line
                   a fix applied or left ("r.md: RCA105 fixed: Rename to ...", "r.md:9: RCA101
                   not fixed: ...: why"). Each file is written atomically in its own encoding,
                   line breaks and mode; a read-only file, one with other hard links, or one
                   that changed since it was read is named on stderr and left as it is
  --fix-dry-run    write nothing: print the unified diff --fix would apply, then the findings
                   that would be left (standard input too)
  -o, --output F   write the report to F instead of stdout; --force to replace F
  --stdin-filename NAME
                   the name reports give standard input; its .rca-writer.json is used
  --docs-url URL   base of the rule pages in SARIF helpUri (default: the installed docs/rules)
  -h, --help       show this help

Each file's nearest .rca-writer.json or .rca-writer.yaml (in its folder or above) applies,
as in the editor, unless --config or --no-config says otherwise. Text output ends with a
summary line ("3 errors and 2 warnings in 2 of 14 files"). What --fix and --fix-dry-run
did goes to stdout before the report, or to stderr when a json, sarif or github report
is printed to stdout.

Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or more warnings than --max-warnings (with --fix: among the findings left)
  2  bad usage, a file that cannot be read or written (--fix: one left unfixed), or a broken .rca-writer.json;
     a file a folder or glob found that cannot be read (binary, not UTF-8, a device or
     a pipe, no permission) is named on stderr and the other files are still checked
     and reported, but the run exits 2
`;

/** Progress is shown on a terminal once a run has more files than this. */
export const PROGRESS_MIN_FILES = 20;

function parseMaxFindings(value: string | undefined): FindingsLimit | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'all') return NO_FINDINGS_LIMIT;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--max-findings must be a whole number of 1 or more, or "all", not "${value}"`);
  return findingsLimit(Number(value));
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${value}"`);
  return Number(value);
}

function render(format: Format, reports: FileReport[], cwd: string, docsUrl: string | undefined): string {
  switch (format) {
    case 'json':
      return formatJson(reports, cwd);
    case 'sarif':
      return formatSarif(reports, { cwd, docsUrl });
    case 'github':
      return formatGithub(reports, cwd);
    default:
      return formatText(reports, cwd);
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function runCheck(args: string[], io: CliIo): number | Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    'format': { type: 'string', short: 'f', default: 'text' },
    'profile': { type: 'string' },
    'max-warnings': { type: 'string' },
    'max-findings': { type: 'string' },
    'quiet': { type: 'boolean', short: 'q' },
    'output': { type: 'string', short: 'o' },
    'force': { type: 'boolean' },
    'stdin-filename': { type: 'string' },
    'docs-url': { type: 'string' },
    'config': { type: 'string' },
    'no-config': { type: 'boolean' },
    'verbose': { type: 'boolean' },
    'index-folder': { type: 'string' },
    'fix': { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    'help': { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT.ok;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const limit = parseMaxFindings(values['max-findings']);
  if (positionals.length === 0) throw new UsageError('no files given (try: rca-writer check examples/)');
  const dryRun = !!values['fix-dry-run'];
  const fixing = !!values.fix || dryRun;
  if (values.fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot go together');
  if (values.fix && positionals.includes('-')) throw new UsageError('-: --fix writes files, and standard input is none (--fix-dry-run shows the diff)');
  const flags: Partial<RcaSettings> = values.profile ? { profile: values.profile } : {};
  const cwd = cwdOf(io);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot go together');
  const config: ConfigChoice = values['no-config']
    ? { kind: 'none' }
    : values.config !== undefined
      ? { kind: 'file', path: resolve(cwd, values.config) }
      : { kind: 'nearest' };
  const skipped = (name: string, reason: string) => {
    if (values.verbose) io.stderr(`rca-writer: skipped ${name}: ${reason}\n`);
  };

  // Read everything first: a file named on the command line that cannot be read, or a bad config, stops the run
  // before any partial report is printed. One that a folder or a glob found is named, and the others are checked.
  let unreadable = 0;
  const onUnreadable = (message: string) => {
    unreadable++;
    io.stderr(`rca-writer: ${message} (not checked)\n`);
  };
  const inputs = collectInputs(positionals, io, { flags, stdinFilename: values['stdin-filename'], config, onSkip: skipped, onUnreadable });
  const indexFolder = values['index-folder'];
  if (indexFolder !== undefined && !isDirectory(resolve(cwd, indexFolder))) throw new UsageError(`--index-folder: "${indexFolder}" is not a folder`);
  // The cross-report rules compare the reports of a folder: one named among the inputs, or --index-folder's.
  // Files named one by one are compared only with --index-folder; those of a folder, with the reports of the folders named.
  const folders = positionals.filter((name) => name !== '-' && isDirectory(resolve(cwd, name))).map((name) => resolve(cwd, name));
  const inFolder = (input: CheckInput) => indexFolder !== undefined || (!!input.path && folders.some((folder) => isInside(input.path!, folder)));
  const crossReport = indexFolder !== undefined || folders.length > 0;
  const checkedPaths = new Set(inputs.map((input) => input.path));
  const indexedOnly =
    indexFolder === undefined
      ? []
      : collectInputs([indexFolder], io, { flags, config, onSkip: skipped, onUnreadable: (message) => skipped(indexFolder, message) }).filter(
          (input) => !checkedPaths.has(input.path),
        );
  const progress = io.stderrIsTTY && inputs.length > PROGRESS_MIN_FILES;
  const jobOf = (input: CheckInput, fix: boolean): CheckJob => ({
    text: input.text,
    settings: input.settings,
    detect: input.detect && input.path ? { path: input.path, roots: input.detect.roots, byContent: true } : undefined,
    fix,
    findingsLimit: limit,
    index: inFolder(input) ? { key: input.path ?? input.name, name: input.name } : undefined,
  });
  const jobs: CheckJob[] = [...inputs.map((input) => jobOf(input, fixing)), ...indexedOnly.map((input) => jobOf(input, false))];
  let unwritten = 0;
  // What fixing did goes where the report does not: stdout, unless a report for machines is printed there.
  const say = values.output !== undefined || format === 'text' ? io.stdout : io.stderr;
  /** Reports in input order: files a walk found to be no RCA are left out (see CheckInput.detect). */
  const reportsOf = (results: JobResult[]): FileReport[] => {
    const checked = inputs.flatMap((input, index) => {
      const result = results[index];
      if (!result)
        skipped(
          input.name,
          input.path && isTemplateFile(input.path)
            ? 'a template to copy reports from, by its name (name the file to check it)'
            : 'not an RCA (neither its path, its front matter, its title nor its sections say so)',
        );
      if (!result || (input.unlessRca !== undefined && results[input.unlessRca])) return [];
      return [{ input, result }];
    });
    const fixed = fixing ? applyFixes(checked, { dryRun, io, say }) : undefined;
    if (fixed) unwritten = fixed.unwritten;
    const others = results.slice(inputs.length).filter((result): result is NonNullable<JobResult> => !!result);
    const reported = crossReport ? withFolderFindings(fixed?.checked ?? checked, others) : (fixed?.checked ?? checked);
    return reported.map(({ input, result }) => ({
      file: input.name,
      path: input.path,
      diagnostics: result.diagnostics,
      profile: result.profile,
    }));
  };
  const threads = workerCount(
    jobs.length,
    jobs.reduce((chars, job) => chars + job.text.length, 0),
  );
  if (threads > 0) {
    // Large batches run on every core; results come back in input order, as in one thread.
    const onDone = progress ? (done: number) => io.stderr(`\rrca-writer: checked ${done}/${jobs.length}\u001b[K`) : undefined;
    return checkInWorkers(jobs, threads, { onDone }).then((results) => {
      if (progress) io.stderr('\r\u001b[K');
      return finish(reportsOf(results));
    });
  }
  const results = jobs.map((job, index) => {
    if (progress) io.stderr(`\rrca-writer: checking ${index + 1}/${jobs.length} ${(inputs[index] ?? indexedOnly[index - inputs.length]).name}\u001b[K`);
    return runJob(job);
  });
  if (progress) io.stderr('\r\u001b[K');
  return finish(reportsOf(results));

  function finish(reports: FileReport[]): number {
    const all = reports.flatMap((report) => report.diagnostics);
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    const shown = values.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
    writeOutput(io, values.output, render(format, shown, cwd, values['docs-url']), {
      force: !!values.force,
      inputs: inputs.flatMap((input) => (input.path ? [input.path] : [])),
    });
    if (unreadable > 0) {
      io.stderr(`rca-writer: ${unreadable} ${unreadable === 1 ? 'file or folder' : 'files or folders'} could not be read; the others were checked\n`);
      return EXIT.usage;
    }
    if (unwritten > 0) {
      io.stderr(
        `rca-writer: ${unwritten} ${unwritten === 1 ? 'file' : 'files'} could not be fixed; ${unwritten === 1 ? 'its' : 'their'} findings are reported as they stand\n`,
      );
      return EXIT.usage;
    }
    if (errors > 0) return EXIT.findings;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`rca-writer: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  }
}
