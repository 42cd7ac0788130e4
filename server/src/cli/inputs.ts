// Which files a `check` run reads: named files, directories (filtered like the editor does) and globs.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { resolveProfile, UnknownProfileError } from '../engine/check';
import { ConfigError, findConfigFile, loadConfigFile, mergeSettings } from '../engine/config';
import { includedAsReport, pathIncluded } from '../engine/detect';
import { builtInProfileNames } from '../engine/profiles';
import { filesUnder, type Walked } from '../engine/walk';
import { sharedSettings, type RcaSettings } from '../engine/settings';
import { readInput, readStdin, UsageError, type CliIo } from './io';

export interface CheckInput {
  /** The name reports use: as the user wrote it, or the directory they named joined with the file's path in it. */
  name: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
  text: string;
  settings: RcaSettings;
  /**
   * A file from a directory walk whose path is not in `include`: it is checked only if it is an RCA by its front
   * matter or title. That is decided on the tree the check parses anyway (see check-worker.ts), not by a parse of
   * its own here: parsing every file twice made a run over a folder of reports nearly twice as slow.
   */
  detect?: { roots: string[] };
  /** Named on the command line after a walk took the same file as `detect`: reported only if that one is no RCA. */
  unlessRca?: number;
}

export const STDIN_NAME = '<stdin>';

/** Markdown file names a directory walk looks at. */
const MARKDOWN = /\.(md|markdown)$/i;

/** Which config file applies: the nearest one above each file (the default), one named file, or none. */
export type ConfigChoice = { kind: 'nearest' } | { kind: 'file'; path: string } | { kind: 'none' };

/** A file's settings, and the config file they come from (none: the defaults and the flags). */
export interface FileSettings {
  settings: RcaSettings;
  configPath?: string;
}

/** The settings for a file: its config file's (see ConfigChoice), with command-line flags winning. */
export function settingsFor(path: string, flags: Partial<RcaSettings>, config: ConfigChoice = { kind: 'nearest' }): FileSettings {
  return settingsResolver(flags, config)(path);
}

/**
 * settingsFor for the files of one run: each folder is looked in once for the nearest config file, and each config
 * file resolved once, into one frozen settings object (see sharedSettings) its files share. Per file, the search
 * up the folders, the schema's validation and a copy of the settings were 10% of `rca-writer check` over 1,000
 * reports in one folder (a profile of one thread).
 */
export function settingsResolver(flags: Partial<RcaSettings>, config: ConfigChoice = { kind: 'nearest' }): (path: string) => FileSettings {
  const configIn = new Map<string, string | undefined>();
  const byConfig = new Map<string | undefined, FileSettings>();
  return (path) => {
    const configPath = asUsageError(() =>
      config.kind === 'nearest' ? findConfigFile(dirname(path), configIn) : config.kind === 'file' ? config.path : undefined,
    );
    let found = byConfig.get(configPath);
    if (!found) byConfig.set(configPath, (found = { settings: resolvedFor(configPath, flags), configPath }));
    return found;
  };
}

/** What `work` returns; a broken config file stops the run with its one line, which names the file and the key. */
function asUsageError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The settings of a config file (or none) under the command line's flags, checked for a profile that exists. */
function resolvedFor(configPath: string | undefined, flags: Partial<RcaSettings>): RcaSettings {
  const settings = asUsageError(() => sharedSettings({ ...(configPath ? mergeSettings({}, loadConfigFile(configPath).settings) : {}), ...flags }));
  const source = configPath && !flags.profile ? configPath : 'the command line';
  try {
    asUsageError(() => resolveProfile(settings));
  } catch (error) {
    if (error instanceof UnknownProfileError) {
      throw new UsageError(`unknown profile "${settings.profile}" from ${source} (built in: ${builtInProfileNames().join(', ')})`);
    }
    throw error;
  }
  return settings;
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

/** Files a glob matches, named the way the pattern is written (relative patterns give relative names). */
function expandGlob(pattern: string, cwd: string): Walked {
  const normalised = toSlashes(pattern);
  const { base } = picomatch.scan(normalised);
  const test = picomatch(normalised, { dot: false });
  const root = resolve(cwd, base || '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // The fixed part of the pattern does not exist: nothing matches.
  }
  if (!isDirectory) return { files: [], unreadable: [] };
  const { files, unreadable } = filesUnder(root);
  const matched = files
    .map((path) => {
      const rel = toSlashes(relative(root, path));
      return base ? `${base.replace(/\/+$/, '')}/${rel}` : rel;
    })
    .filter((name) => test(name));
  return { files: matched, unreadable };
}

function isGlob(arg: string): boolean {
  return picomatch.scan(toSlashes(arg)).isGlob;
}

export interface CollectOptions {
  flags: Partial<RcaSettings>;
  /** For `-`: the name to report and to discover the config from. */
  stdinFilename?: string;
  /** `--config FILE` or `--no-config`; by default each file's nearest config file. */
  config?: ConfigChoice;
  /** Hears about each file a folder walk or a glob leaves out by `exclude` (for --verbose). */
  onSkip?: (name: string, reason: string) => void;
  /**
   * Hears about each file or folder a walk or a glob found but could not read (binary, not UTF-8, a device, no
   * permission): the run goes on without it. A file named on the command line that cannot be read stops the run.
   */
  onUnreadable: (message: string) => void;
}

/**
 * Turns the command line's arguments into inputs, in order, each once:
 * - a file is checked whatever its name;
 * - a directory contributes the Markdown files under it that are RCAs by `rcaWriter.include`, front matter or title;
 * - a glob contributes every file it matches;
 * - walks and globs skip what .gitignore files and `exclude` leave out, and hand what they cannot read to
 *   `onUnreadable`;
 * - `-` is standard input.
 */
export function collectInputs(args: string[], io: CliIo, options: CollectOptions): CheckInput[] {
  const cwd = io.cwd ?? process.cwd();
  const settingsOf = settingsResolver(options.flags, options.config);
  const inputs: CheckInput[] = [];
  const taken = new Set<string>();
  /** Files a walk took on condition of being RCAs, by path: their index in `inputs`. */
  const candidates = new Map<string, number>();
  /** A file a walk or glob found: its text, or undefined when it cannot be read (and the run goes on). */
  const readFound = (name: string): string | undefined => {
    try {
      return readInput(name, cwd);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      options.onUnreadable(error.message);
      return undefined;
    }
  };
  const addFile = (name: string, text?: string, settings?: RcaSettings) => {
    const path = resolve(cwd, name);
    if (taken.has(path)) return;
    taken.add(path);
    const input: CheckInput = {
      name,
      path,
      text: text ?? readInput(name, cwd),
      settings: settings ?? settingsOf(path).settings,
    };
    const candidate = candidates.get(path);
    if (candidate !== undefined) input.unlessRca = candidate;
    inputs.push(input);
  };
  const excluded = (name: string, path: string, settings: RcaSettings, roots: string[]): boolean => {
    if (!settings.exclude.length || !pathIncluded(path, settings.exclude, roots)) return false;
    options.onSkip?.(name, 'excluded by "exclude"');
    return true;
  };
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinSeen) throw new UsageError('-: standard input can be read only once');
      stdinSeen = true;
      const named = options.stdinFilename ? resolve(cwd, options.stdinFilename) : undefined;
      const { settings } = settingsOf(named ?? join(cwd, STDIN_NAME));
      inputs.push({ name: options.stdinFilename ?? STDIN_NAME, text: readStdin(io), settings });
      continue;
    }
    let stats;
    try {
      stats = statSync(resolve(cwd, arg));
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      const { files, unreadable } = filesUnder(resolve(cwd, arg));
      unreadable.forEach(options.onUnreadable);
      for (const path of files) {
        if (!MARKDOWN.test(path) || taken.has(path) || candidates.has(path)) continue;
        const name = join(arg, relative(resolve(cwd, arg), path));
        const { settings, configPath } = settingsOf(path);
        const roots = [cwd, ...(configPath ? [dirname(configPath)] : [])];
        if (excluded(name, path, settings, roots)) continue;
        const text = readFound(name);
        if (text === undefined) continue;
        if (includedAsReport(path, settings.include, roots)) {
          addFile(name, text, settings);
        } else {
          // Front matter, title or parts decide, when the file is checked.
          candidates.set(path, inputs.length);
          inputs.push({ name, path, text, settings, detect: { roots } });
        }
      }
    } else if (!stats && isGlob(arg)) {
      const { files, unreadable } = expandGlob(arg, cwd);
      unreadable.forEach(options.onUnreadable);
      if (!files.length) throw new UsageError(`${arg}: no files match this pattern`);
      for (const name of files) {
        const path = resolve(cwd, name);
        if (taken.has(path)) continue;
        const { settings, configPath } = settingsOf(path);
        if (excluded(name, path, settings, [cwd, ...(configPath ? [dirname(configPath)] : [])])) continue;
        const text = readFound(name);
        if (text !== undefined) addFile(name, text, settings);
      }
    } else {
      addFile(arg);
    }
  }
  return inputs;
}
