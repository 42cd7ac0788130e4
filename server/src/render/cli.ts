// `rca-writer render`: the same renderer as the preview and the export, from the command line.
// The CLI's entry point (server/src/cli/main.ts) hands the arguments after "render" to renderCommand.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveProfile } from '../engine/check';
import { ConfigError, settingsForFile } from '../engine/config';
import { resolveSettings, type RcaSettings } from '../engine/settings';
import { readTextFile, TextFileError } from '../engine/text-file';
import { writeFileAtomically } from '../engine/write-file';
import { describeWriteError, findChromium, PdfError, printPdf, DEFAULT_CHROMIUM } from './pdf';
import { renderText } from './render';
import { inlineImage } from './local-images';
import { standaloneHtml } from './standalone';

export const RENDER_HELP = `Usage: rca-writer render <file.md> [-o <out.html>] [--pdf <out.pdf>] [--chromium PATH] [--allow-remote-images] [--force]

  Renders an RCA as a publish-ready page: title, summary (instances, incident window, duration),
  sections in the profile's order, status-portal link; a banner lists any errors left.

  -o, --output FILE   the standalone HTML page (styles inline); "-" for standard output
  --pdf FILE          print it to PDF with headless Chromium; give -o, --pdf or both
  --chromium PATH     the Chromium to print with (default ${DEFAULT_CHROMIUM})
  --profile NAME      the RCA profile
  --allow-remote-images
                      let the page and the PDF load http(s) images; by default nothing is
                      fetched: images in the report's folder are inlined, remote ones become text
  --force             replace output files that already exist
  -h, --help          show this help

Exit codes: 0 written, 2 bad usage, unreadable input, existing output, or no Chromium.
`;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

class RenderError extends Error {}

function readMarkdown(file: string): string {
  try {
    return readTextFile(file);
  } catch (error) {
    if (error instanceof TextFileError) throw new RenderError(error.message);
    throw error;
  }
}

function settingsFor(file: string, profile: string | undefined): RcaSettings {
  try {
    const settings = resolveSettings({ ...settingsForFile(resolve(file), {}).settings, ...(profile ? { profile } : {}) });
    resolveProfile(settings);
    return settings;
  } catch (error) {
    if (error instanceof ConfigError) throw new RenderError(error.message);
    throw new RenderError(`${file}: ${(error as Error).message}`);
  }
}

/** Whether two names are the same file: the same path after links are resolved, or the same inode (a hard link). */
function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

function writeNew(file: string, text: string, force: boolean): void {
  try {
    writeFileAtomically(file, text, { replace: force });
  } catch (error) {
    throw new RenderError(describeWriteError(file, error));
  }
}

export async function renderCommand(args: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'output': { type: 'string', short: 'o' },
        'pdf': { type: 'string' },
        'chromium': { type: 'string' },
        'profile': { type: 'string' },
        'force': { type: 'boolean', default: false },
        'allow-remote-images': { type: 'boolean', default: false },
        'help': { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(RENDER_HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new RenderError(positionals.length ? 'give one Markdown file to render' : 'no file given (try: rca-writer render report.md -o report.html)');
    if (!values.output && !values.pdf) throw new RenderError('no output given (use -o FILE.html, --pdf FILE.pdf, or both)');
    const [file] = positionals;
    const force = values.force ?? false;
    for (const out of [values.output, values.pdf]) {
      if (out && out !== '-' && sameFile(out, file)) throw new RenderError(`${out}: is also the input; the CLI never writes to its input files`);
    }
    // Every check that can fail comes before anything is written.
    if (values.output && values.pdf && values.output !== '-' && sameFile(values.output, values.pdf))
      throw new RenderError(`${values.pdf}: is also the HTML output (-o); give the PDF a name of its own`);
    const chromium = values.pdf ? findChromium(values.chromium) : undefined;
    for (const out of [values.output, values.pdf]) {
      if (out && out !== '-' && !force && existsSync(out)) throw new RenderError(`${out}: already exists (use --force to replace it)`);
    }
    const settings = settingsFor(file, values.profile);
    if (values['allow-remote-images']) settings.allowRemoteImages = true;
    const report = renderText(readMarkdown(file), settings, { folder: dirname(resolve(file)), readImage: inlineImage });
    const page = standaloneHtml(report);
    if (values.output === '-') io.stdout(page);
    else if (values.output) writeNew(values.output, page, force);
    if (values.pdf && chromium) {
      const { blocked } = await printPdf(page, values.pdf, { chromium, force, allowRemoteImages: report.allowRemoteImages });
      if (blocked.length)
        io.stderr(
          `rca-writer: ${values.pdf}: ${blocked.length} ${blocked.length === 1 ? 'request' : 'requests'} refused while printing (${blocked[0]}${blocked.length > 1 ? ', …' : ''})\n`,
        );
    }
    if (report.errors.length) {
      io.stderr(
        `rca-writer: ${file}: ${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'}: not ready to publish (see the banner, or run rca-writer check)\n`,
      );
    }
    return 0;
  } catch (error) {
    const known = error instanceof RenderError || error instanceof PdfError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`rca-writer: ${known ? (error as Error).message : `internal error: ${(error as Error).message}`}\n`);
    return 2;
  }
}
