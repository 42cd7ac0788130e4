// `rca-writer convert`: brings a published RCA (its web page printed as text, or saved as HTML) into Markdown.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { reportProfiles } from '../engine/check';
import { convertPage, NotAPrintedPage, type ConvertResult } from '../convert';
import { printHtml } from '../engine/html-text';
import { builtInProfileNames } from '../engine/profiles';
import { settingsFor, STDIN_NAME } from './inputs';
import { cwdOf, EXIT, parseCommandArgs, readInput, readStdin, UsageError, writeOutput, type CliIo } from './io';

export const CONVERT_HELP = `Usage: rca-writer convert <in.txt | in.html | -> [-o out.md] [--force] [--profile NAME] [--verbose]
       rca-writer convert <pages and folders of pages...> --out-dir DIR [--force] [--profile NAME] [--verbose]

Turns a published RCA, as its web page prints to text, into Markdown. A page saved as
HTML is printed to text first, as a browser prints it (what the page hides is left out):
  - the title line becomes "# title", the section headings "## heading";
  - the site's lines are left out: menus, sign-in and search boxes and breadcrumbs
    before the title, page tools ("Last updated", "Save as PDF", "Share"), the
    in-page table of contents, and the footer from "Was this article helpful?" on;
  - tables printed with pipes ("Date | Publication History |") or tabs become tables;
  - list items printed as a lone "-" line followed by the text, or written with
    "•" or "·", become "- item";
  - a paragraph of only non-breaking spaces becomes "<!-- empty paragraph in the page -->";
  - indented body text is unindented; each line becomes a paragraph.
Every sentence is kept unchanged. Text it cannot place is kept, in order, under the
nearest section, and reported on stderr as "in.txt:LINE: note: ..." (for HTML, LINE is
the line of the HTML). Markdown and text with no title or section heading are refused.

Options:
  -o, --output F   write the Markdown to F instead of stdout (never to the input)
  -d, --out-dir D  write each page's report to D/NAME.rca.md (page.html gives page.rca.md);
                   a folder given as input converts its .html, .htm and .txt files. A page
                   that cannot be converted is named on stderr and the others are written
  --force          replace F (or a report in D) if it exists
  --profile NAME   the profile whose section headings are recognised
                   (built in: ${builtInProfileNames().join(', ')}; default: from .rca-writer.json;
                   under auto, the profile whose section headings the page names most)
  -v, --verbose    also list every line left out, and what it was taken for, and the
                   profile whose section headings the page was read with
  -h, --help       show this help

Exit codes: 0 converted (notes may be printed), 2 bad usage, a file that cannot be read or
written, or an input that is not a printed page (with --out-dir: any page not converted).
`;

/** The files a page may be saved as: what a folder given to --out-dir contributes. */
const PAGE_FILE = /\.(?:html?|txt|text)$/i;

/** Where --out-dir writes a page's report: its name without the page's extension, as NAME.rca.md. */
function reportName(input: string): string {
  const name = basename(input).replace(PAGE_FILE, '') || 'page';
  return `${name}.rca.md`;
}

interface Conversion {
  /** As the user named it, or "-". */
  input: string;
  /** The text, read already (standard input), or undefined to read `input`. */
  text?: string;
  /** Where the report goes, as the user's paths name it; undefined for standard output. */
  output?: string;
}

/** Converts one page and writes its report; notes (and with --verbose what was left out) go to stderr. */
function convertOne(io: CliIo, job: Conversion, options: { profile?: string; force: boolean; verbose: boolean }): void {
  const cwd = cwdOf(io);
  const fromStdin = job.input === '-';
  const name = fromStdin ? STDIN_NAME : job.input;
  const text = job.text ?? readInput(job.input, cwd);
  // The profile comes from the flag, or from the .rca-writer.json where the output (or input) lives.
  const anchor = job.output && job.output !== '-' ? resolve(cwd, job.output) : fromStdin ? join(cwd, STDIN_NAME) : resolve(cwd, job.input);
  const { settings } = settingsFor(anchor, options.profile ? { profile: options.profile } : {});
  let result: ConvertResult;
  try {
    result = convertPage(text, reportProfiles(settings), printHtml);
  } catch (error) {
    if (error instanceof NotAPrintedPage) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  writeOutput(io, job.output, result.markdown, { force: options.force, inputs: fromStdin ? [] : [job.input] });
  const messages = [
    ...result.notes.map((note) => ({ line: note.line, text: `note: ${note.message}` })),
    ...(options.verbose ? result.dropped.map((line) => ({ line: line.line, text: `left out (${line.reason}): ${line.text}` })) : []),
  ];
  // Stable: a line's note and what was left out there stay in that order.
  messages.sort((a, b) => a.line - b.line);
  for (const message of messages) io.stderr(`${name}:${message.line}: ${message.text}\n`);
  if (options.verbose) io.stderr(`${name}: read with the section headings of the "${result.profile}" profile\n`);
}

/**
 * The conversions of --out-dir: each input page, or each page file of an input folder, to DIR/NAME.rca.md. Two pages
 * that would give one report name are refused, the second by name, before anything is written.
 */
function batch(io: CliIo, inputs: string[], outDir: string): { jobs: Conversion[]; refused: string[] } {
  const cwd = cwdOf(io);
  const jobs: Conversion[] = [];
  const refused: string[] = [];
  const claimed = new Map<string, string>();
  for (const input of inputs) {
    let pages = [input];
    if (statSync(resolve(cwd, input), { throwIfNoEntry: false })?.isDirectory()) {
      pages = readdirSync(resolve(cwd, input))
        .filter((file) => PAGE_FILE.test(file) && statSync(resolve(cwd, input, file), { throwIfNoEntry: false })?.isFile())
        .sort()
        .map((file) => join(input, file));
      if (pages.length === 0) refused.push(`${input}: is a folder with no page in it (.html, .htm or .txt)`);
    }
    for (const page of pages) {
      const output = join(outDir, reportName(page));
      const key = resolve(cwd, output);
      const first = claimed.get(key);
      if (first !== undefined) {
        refused.push(`${page}: its report would be ${output}, which ${first} is written to; convert it on its own with -o`);
        continue;
      }
      claimed.set(key, page);
      jobs.push({ input: page, output });
    }
  }
  return { jobs, refused };
}

export function runConvert(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('convert', args, {
    'output': { type: 'string', short: 'o' },
    'out-dir': { type: 'string', short: 'd' },
    'force': { type: 'boolean' },
    'profile': { type: 'string' },
    'verbose': { type: 'boolean', short: 'v' },
    'help': { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CONVERT_HELP);
    return EXIT.ok;
  }
  const options = { profile: values.profile, force: !!values.force, verbose: !!values.verbose };
  const outDir = values['out-dir'];
  if (positionals.length === 0) throw new UsageError('convert: no input given (try: rca-writer convert page.txt -o page.rca.md)');
  if (outDir === undefined) {
    if (positionals.length > 1) {
      throw new UsageError(
        `convert: ${positionals.length} inputs need --out-dir DIR, where each report is written as NAME.rca.md (got ${positionals.join(', ')})`,
      );
    }
    const [input] = positionals;
    convertOne(io, { input, text: input === '-' ? readStdin(io) : undefined, output: values.output }, options);
    return EXIT.ok;
  }
  if (values.output !== undefined) throw new UsageError('convert: -o names the report of one page, --out-dir the folder of several: give one of them');
  if (positionals.includes('-')) throw new UsageError('convert: "-" (standard input) has no name to write its report under in --out-dir: use -o');
  const cwd = cwdOf(io);
  try {
    mkdirSync(resolve(cwd, outDir), { recursive: true });
  } catch (error) {
    throw new UsageError(`${outDir}: cannot make the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const { jobs, refused } = batch(io, positionals, outDir);
  for (const line of refused) io.stderr(`rca-writer: ${line}\n`);
  let converted = 0;
  for (const job of jobs) {
    try {
      convertOne(io, job, options);
      converted++;
    } catch (error) {
      // One page that cannot be read, converted or written stops none of the others.
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`rca-writer: ${error.message}\n`);
    }
  }
  const pages = jobs.length + refused.length;
  io.stderr(`converted ${converted} of ${pages} page${pages === 1 ? '' : 's'} into ${outDir}\n`);
  return converted === pages ? EXIT.ok : EXIT.usage;
}
