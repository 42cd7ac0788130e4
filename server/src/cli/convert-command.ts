// `rca-writer convert`: brings a published RCA (its web page printed as text, or saved as HTML) into Markdown.
import { join, resolve } from 'node:path';
import { resolveProfile } from '../engine/check';
import { convertPage, NotAPrintedPage, type ConvertResult } from '../convert';
import { printHtml } from '../convert/html-text';
import { builtInProfileNames } from '../engine/profiles';
import { settingsFor, STDIN_NAME } from './inputs';
import { cwdOf, EXIT, parseCommandArgs, readInput, readStdin, UsageError, writeOutput, type CliIo } from './io';

export const CONVERT_HELP = `Usage: rca-writer convert <in.txt | in.html | -> [-o out.md] [--force] [--profile NAME] [--verbose]

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
  --force          replace F if it exists
  --profile NAME   the profile whose section headings are recognised
                   (built in: ${builtInProfileNames().join(', ')}; default: from .rca-writer.json)
  -v, --verbose    also list every line left out, and what it was taken for
  -h, --help       show this help

Exit codes: 0 converted (notes may be printed), 2 bad usage, a file that cannot be read or
written, or an input that is not a printed page.
`;

export function runConvert(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('convert', args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    profile: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CONVERT_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('convert: no input given (try: rca-writer convert page.txt -o page.rca.md)');
  if (positionals.length > 1) throw new UsageError(`convert: one input at a time, not ${positionals.length} (got ${positionals.join(', ')})`);
  const [input] = positionals;
  const cwd = cwdOf(io);
  const fromStdin = input === '-';
  const name = fromStdin ? STDIN_NAME : input;
  const text = fromStdin ? readStdin(io) : readInput(input, cwd);
  // The profile comes from the flag, or from the .rca-writer.json where the output (or input) lives.
  const anchor = values.output && values.output !== '-' ? resolve(cwd, values.output) : fromStdin ? join(cwd, STDIN_NAME) : resolve(cwd, input);
  const { settings } = settingsFor(anchor, values.profile ? { profile: values.profile } : {});
  let result: ConvertResult;
  try {
    result = convertPage(text, resolveProfile(settings), printHtml);
  } catch (error) {
    if (error instanceof NotAPrintedPage) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  writeOutput(io, values.output, result.markdown, { force: !!values.force, inputs: fromStdin ? [] : [input] });
  const messages = [
    ...result.notes.map((note) => ({ line: note.line, text: `note: ${note.message}` })),
    ...(values.verbose ? result.dropped.map((line) => ({ line: line.line, text: `left out (${line.reason}): ${line.text}` })) : []),
  ];
  // Stable: a line's note and what was left out there stay in that order.
  messages.sort((a, b) => a.line - b.line);
  for (const message of messages) io.stderr(`${name}:${message.line}: ${message.text}\n`);
  return EXIT.ok;
}
