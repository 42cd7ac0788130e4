// `rca-writer convert`: brings a published RCA (its web page printed as text) into Markdown.
import { join, resolve } from 'node:path';
import { resolveProfile } from '../engine/check';
import { convertText } from '../convert';
import { builtInProfileNames } from '../engine/profiles';
import { settingsFor, STDIN_NAME } from './inputs';
import { cwdOf, EXIT, parseCommandArgs, readInput, readStdin, UsageError, writeOutput, type CliIo } from './io';

export const CONVERT_HELP = `Usage: rca-writer convert <in.txt | -> [-o out.md] [--force] [--profile NAME]

Turns a published RCA, as its web page prints to text, into Markdown:
  - the title line becomes "# title", the section headings "## heading";
  - the site's navigation and footer ("Skip to main content", "Subscribe by RSS",
    "Was this article helpful?" and what follows it) are left out;
  - list items printed as a lone "-" line followed by the text, or written with
    "•" or "·", become "- item";
  - indented body text is unindented; each line becomes a paragraph.
Every sentence is kept unchanged. Text it cannot place is kept, in order, under the
nearest section, and reported on stderr as "in.txt:LINE: note: ...".

Options:
  -o, --output F   write the Markdown to F instead of stdout (never to the input)
  --force          replace F if it exists
  --profile NAME   the profile whose section headings are recognised
                   (built in: ${builtInProfileNames().join(', ')}; default: from .rca-writer.json)
  -h, --help       show this help

Exit codes: 0 converted (notes may be printed), 2 bad usage or a file that cannot be read or written.
`;

export function runConvert(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('convert', args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    profile: { type: 'string' },
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
  const result = convertText(text, resolveProfile(settings));
  writeOutput(io, values.output, result.markdown, { force: !!values.force, inputs: fromStdin ? [] : [input] });
  for (const note of result.notes) io.stderr(`${name}:${note.line}: note: ${note.message}\n`);
  return EXIT.ok;
}
