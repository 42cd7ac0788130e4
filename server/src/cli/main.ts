// The command line: the same engine as the editor, for CI, batch checks and bringing old reports in.
// Each subcommand lives in a file of its own (cli/*-command.ts, render/cli.ts); this file dispatches and turns
// every failure into one line.
import { isMainThread } from 'node:worker_threads';
import { CHECK_HELP, runCheck } from './check-command';
import { EXIT, UsageError, VERSION, type CliIo } from './io';
import { readBounded } from '../engine/text-file';

export { UsageError, readInput, type CliIo } from './io';
export type { FileReport } from './formats';
/** For scripts/build.mjs: compiles the engine before the bundle's code cache is written. */
export { warmUp } from '../engine/warm-up';

const HELP = `Usage: rca-writer <command> [options]

Commands:
  check [options] <files, directories or globs...>
      Check Markdown RCAs; text, json, sarif or github output; --fix repairs them.
  convert <in.txt> [-o out.md]
      Turn a published RCA (its web page printed as text) into Markdown.
  new --instances NA01,NA02 --date 2026-04-11 [--zone America/Chicago] [-o file]
      Write a new RCA from the profile's skeleton.
  render <file.md> [-o <out.html>] [--pdf <out.pdf>]
      Write the publish-ready page, a PDF (through headless Chromium), or both.
  help <command>
      Show a command's options.

Options:
  -h, --help      Show this help.
  -v, --version   Show the version.

Exit codes: 0 success, 1 findings (check: errors, or more warnings than --max-warnings),
2 bad usage, an unreadable input, an output that exists (without --force), or a broken config.
The CLI never writes to its inputs (but check --fix, which repairs them): only to stdout,
or to the file named by -o.
`;

interface Command {
  run: (args: string[], io: CliIo) => number | Promise<number>;
  help: string;
}

/*
 * Each command but `check` is loaded when it runs: the HTML parser, the renderer and their tables (the page
 * stylesheet's hash, parse5's entities) took a fifth of the start-up of every `check` that never used them. The
 * requires are synchronous (the bundle is CommonJS, and `main` answers synchronously); esbuild still bundles them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Command> = {
  check: () => ({ run: runCheck, help: CHECK_HELP }),
  convert: () => {
    const { runConvert, CONVERT_HELP } = require('./convert-command') as typeof import('./convert-command');
    return { run: runConvert, help: CONVERT_HELP };
  },
  new: () => {
    const { runNew, NEW_HELP } = require('./new-command') as typeof import('./new-command');
    return { run: runNew, help: NEW_HELP };
  },
  render: () => {
    const { renderCommand, RENDER_HELP } = require('../render/cli') as typeof import('../render/cli');
    return { run: renderCommand, help: RENDER_HELP };
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs one command line. Synchronous commands return the exit code; `render` (which may print a PDF) a promise of it. */
export function main(argv: string[], io: CliIo): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      io.stdout(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === 'help') {
      const topic = rest[0];
      if (topic && !Object.hasOwn(COMMANDS, topic)) throw new UsageError(`unknown command "${topic}" (try: rca-writer --help)`);
      io.stdout(topic ? COMMANDS[topic]().help : HELP);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command "${command}" (try: rca-writer --help)`);
    const result = COMMANDS[command]().run(rest, io);
    return result instanceof Promise ? result.catch((error: unknown) => failure(error, io)) : result;
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`rca-writer: ${error.message}\n`);
    return EXIT.usage;
  }
  // An engine bug: still one line, never a stack trace; RCA_WRITER_DEBUG shows the trace.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`rca-writer: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.RCA_WRITER_DEBUG) io.stderr(`${(error as Error).stack}\n`);
  return EXIT.usage;
}

// In a check worker (cli/check-worker.ts) this bundle is loaded again: only the main thread runs the command.
if (require.main === module && isMainThread) {
  // A reader that stops early (| head) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`rca-writer: cannot write to stdout (${error.code ?? error.message})\n`);
    process.exit(EXIT.usage);
  });
  void Promise.resolve(
    main(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => readBounded(0),
      stderrIsTTY: process.stderr.isTTY === true,
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
