// `rca-writer new`: a new RCA from the profile's skeleton, with the known values filled in.
import { join, resolve } from 'node:path';
import { newDocument } from '../authoring/new-document';
import { resolveProfile } from '../engine/check';
import { builtInProfileNames } from '../engine/profiles';
import { zonePhrase, zoneTable } from '../engine/time/zones';
import { settingsFor } from './inputs';
import { cwdOf, EXIT, parseCommandArgs, UsageError, writeOutput, type CliIo } from './io';

export const NEW_HELP = `Usage: rca-writer new --instances NA01,NA02 --date 2026-04-11 [--zone America/Chicago]
                      [--profile NAME] [-o file.rca.md] [--force]

Writes a new RCA from the profile's skeleton: the title "<instances> - RCA - <Month D, YYYY>"
and every required section, with the instances, date, zone and status-portal address
filled in and "<placeholders>" left for the rest.

Options:
  --instances LIST  instance codes, separated by commas or spaces (required)
  --date DATE       the incident's date: 2026-04-11 or "April 11, 2026" (required)
  --zone ZONE       an IANA zone (America/Chicago) or a zone phrase (Chicago time, UTC)
  --profile NAME    the profile (built in: ${builtInProfileNames().join(', ')}; default: from .rca-writer.json)
  -o, --output F    write to F instead of stdout; --force to replace F
  -h, --help        show this help

Exit codes: 0 written, 2 bad usage or a file that cannot be written.
`;

/** The zone as the report writes it: "America/Chicago" becomes "Chicago time"; known phrases stay as typed. */
function zoneText(input: string, aliases: Record<string, string>): string {
  const table = zoneTable(aliases);
  const iana = table.lookup(input);
  if (!iana) throw new UsageError(`--zone: unknown time zone "${input}" (use an IANA name such as America/Chicago, or UTC)`);
  return input.includes('/') ? zonePhrase(iana, table) : input;
}

export function runNew(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('new', args, {
    instances: { type: 'string' },
    date: { type: 'string' },
    zone: { type: 'string' },
    profile: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(NEW_HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`new: unexpected argument "${positionals[0]}" (use -o FILE to name the output)`);
  if (!values.instances?.trim()) throw new UsageError('new: --instances is required (for example --instances NA01,NA02)');
  if (!values.date?.trim()) throw new UsageError('new: --date is required (for example --date 2026-04-11)');
  const cwd = cwdOf(io);
  const output = values.output && values.output !== '-' ? resolve(cwd, values.output) : undefined;
  // The config that will apply to the new file is the one above where it is written.
  const { settings } = settingsFor(output ?? join(cwd, 'new.rca.md'), values.profile ? { profile: values.profile } : {});
  const zone = values.zone?.trim() ? zoneText(values.zone.trim(), settings.timeZoneAliases) : '';
  let text: string;
  try {
    text = newDocument(resolveProfile(settings), { instances: values.instances, date: values.date, zone }, settings).text;
  } catch (error) {
    throw new UsageError(`new: ${(error as Error).message}`);
  }
  writeOutput(io, values.output, text, { force: !!values.force, inputs: [] });
  return EXIT.ok;
}
