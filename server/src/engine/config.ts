// Config files on disk: the nearest one above a file, read and cached until it changes. What a file's text
// means is config-text.ts, shared with the web worker's server, which cannot read files itself.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, parse as parsePath } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, mergeSettings, parseConfigText, twoConfigFiles, type LoadedConfig } from './config-text';
import type { RcaSettings } from './settings';

export * from './config-text';

function isFile(path: string): boolean {
  try {
    // No exception for a missing file: each file of a CLI run looks in every folder above it (a thrown error per
    // look was 3% of `rca-writer check` over 1,000 reports).
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The nearest config file in `directory` or above it, if any. Two in one folder are a mistake worth naming.
 * `known`: the answers for folders looked in before, which this adds to; a run over a thousand files in one folder
 * looks in each folder above them once (three stats a folder), not once per file.
 */
export function findConfigFile(directory: string, known?: Map<string, string | undefined>): string | undefined {
  const looked: string[] = [];
  let current = directory;
  let nearest: string | undefined;
  for (;;) {
    if (known?.has(current)) {
      nearest = known.get(current);
      break;
    }
    looked.push(current);
    const found = CONFIG_FILE_NAMES.map((name) => join(current, name)).filter(isFile);
    if (found.length > 1) throw twoConfigFiles(found, (file) => basename(file));
    if (found.length === 1) {
      nearest = found[0];
      break;
    }
    const parent = dirname(current);
    if (parent === current || current === parsePath(current).root) break;
    current = parent;
  }
  for (const folder of looked) known?.set(folder, nearest);
  return nearest;
}

const cache = new Map<string, { mtimeMs: number; config: LoadedConfig }>();

/** Reads and validates a config file. Results are cached until the file changes. */
export function loadConfigFile(path: string): LoadedConfig {
  let mtimeMs: number;
  let text: string;
  try {
    mtimeMs = statSync(path).mtimeMs;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.config;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const config = parseConfigText(path, text);
  cache.set(path, { mtimeMs, config });
  return config;
}

/**
 * The settings for a file on disk: `base` (editor settings or CLI flags) merged with the nearest
 * config file above it. Throws ConfigError when that file is broken.
 */
export function settingsForFile(filePath: string, base: Partial<RcaSettings>): { settings: Partial<RcaSettings>; configPath?: string } {
  const configPath = findConfigFile(dirname(filePath));
  if (!configPath) return { settings: base };
  return { settings: mergeSettings(base, loadConfigFile(configPath).settings), configPath };
}
