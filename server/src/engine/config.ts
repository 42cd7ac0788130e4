import { readFileSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { findProfile, type Profile, type SectionDef } from './profiles';
import { CONFIG_FILE_NAME, type RcaSettings } from './settings';

/**
 * `.rca-writer.json`: the same keys as the `rcaWriter.*` settings, plus `profiles`, shared by the editor
 * and the CLI so both check alike. It is data only: JSON, never executed.
 */
export { CONFIG_FILE_NAME };

/** A problem in a config file or profile; the message names the file and the key. */
export class ConfigError extends Error {}

export interface LoadedConfig {
  path: string;
  /** The settings the file sets (not merged with defaults). */
  settings: Record<string, unknown>;
}

const KNOWN_KEYS = new Set(['$schema', 'profile', 'include', 'rules', 'statusPortalUrl', 'defaultTimeZone', 'timeZoneAliases', 'instanceTimeZones', 'profiles', 'allowRemoteImages']);

/** The nearest config file in `directory` or above it, if any. */
export function findConfigFile(directory: string): string | undefined {
  let current = directory;
  for (;;) {
    const candidate = join(current, CONFIG_FILE_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: keep looking upward.
    }
    const parent = dirname(current);
    if (parent === current || current === parsePath(current).root) return undefined;
    current = parent;
  }
}

const cache = new Map<string, { mtimeMs: number; config: LoadedConfig }>();

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

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
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    throw new ConfigError(`${path}: not valid JSON${at ? ` (line ${lineOf(text, Number(at[1]))})` : ''}: ${message.replace(/^.*?JSON[^:]*:\s*/, '')}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${path}: must hold a JSON object`);
  const settings = data as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`${path}: unknown key "${key}" (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  }
  validateTypes(path, settings);
  if (settings.profiles !== undefined) compileProfiles(settings.profiles, path);
  const config = { path, settings };
  cache.set(path, { mtimeMs, config });
  return config;
}

function validateTypes(path: string, settings: Record<string, unknown>): void {
  const expect = (key: string, ok: boolean, what: string) => {
    if (settings[key] !== undefined && !ok) throw new ConfigError(`${path}: "${key}" must be ${what}`);
  };
  const isRecordOf = (value: unknown, test: (v: unknown) => boolean) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(test);
  expect('profile', typeof settings.profile === 'string', 'a string');
  expect('include', Array.isArray(settings.include) && settings.include.every((g) => typeof g === 'string'), 'an array of glob strings');
  expect(
    'rules',
    isRecordOf(settings.rules, (v) => typeof v === 'string' && /^(error|warning|information|info|hint|off)$/i.test(v)),
    'an object of severities ("error", "warning", "information", "hint" or "off")',
  );
  expect('statusPortalUrl', typeof settings.statusPortalUrl === 'string', 'a string');
  expect('defaultTimeZone', typeof settings.defaultTimeZone === 'string', 'a string');
  expect('timeZoneAliases', isRecordOf(settings.timeZoneAliases, (v) => typeof v === 'string'), 'an object of strings');
  expect('instanceTimeZones', isRecordOf(settings.instanceTimeZones, (v) => typeof v === 'string'), 'an object of strings');
  expect('allowRemoteImages', typeof settings.allowRemoteImages === 'boolean', 'true or false');
  expect('profiles', isRecordOf(settings.profiles, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)), 'an object of profiles');
}

/**
 * Settings for a document: defaults, then the editor's (or the CLI's) settings, then the nearest config file.
 * Maps (rules, aliases, instance zones, profiles) merge key by key; the file wins on conflicts.
 */
export function mergeSettings(base: Partial<RcaSettings>, file: Record<string, unknown> | undefined): Partial<RcaSettings> {
  if (!file) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(file)) {
    if (key === '$schema') continue;
    const previous = merged[key];
    const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    merged[key] = isMap(value) && isMap(previous) ? { ...(previous as object), ...(value as object) } : value;
  }
  return merged as Partial<RcaSettings>;
}

// ---- user-defined profiles ----

interface SectionSpec {
  name?: unknown;
  id?: unknown;
  aliases?: unknown;
  required?: unknown;
  skeleton?: unknown;
  prefix?: unknown;
  implicit?: unknown;
  statusLink?: unknown;
}

const compiled = new Map<string, Profile>();

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Turns the `profiles` object of a config file or setting into profiles, or says exactly what is wrong. */
export function compileProfiles(specs: unknown, source: string): Map<string, Profile> {
  const result = new Map<string, Profile>();
  if (typeof specs !== 'object' || specs === null) return result;
  for (const [name, spec] of Object.entries(specs as Record<string, unknown>)) {
    const key = `${source}\0${name}\0${JSON.stringify(spec)}`;
    let profile = compiled.get(key);
    if (!profile) {
      profile = compileProfile(name, spec, source);
      compiled.set(key, profile);
    }
    result.set(name.toLowerCase(), profile);
  }
  return result;
}

function compileProfile(name: string, spec: unknown, source: string): Profile {
  const where = `${source}: profiles.${name}`;
  const fail = (message: string): never => {
    throw new ConfigError(`${where}${message}`);
  };
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) fail(' must be an object');
  const input = spec as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !['extends', 'description', 'title', 'titleWords', 'sections'].includes(key));
  if (unknown) fail(`: unknown key "${unknown}"`);
  let base: Profile | undefined;
  if (input.extends !== undefined) {
    if (typeof input.extends !== 'string') fail('.extends must be the name of a built-in profile');
    base = findProfile(input.extends as string);
    if (!base) fail(`.extends: unknown profile "${String(input.extends)}"`);
  }
  if (input.sections === undefined && !base) fail('.sections is required (a list of sections), or "extends" a built-in profile');
  let sections: SectionDef[] = base ? base.sections : [];
  if (input.sections !== undefined) {
    if (!Array.isArray(input.sections) || input.sections.length === 0) fail('.sections must be a non-empty list');
    const seen = new Set<string>();
    sections = (input.sections as SectionSpec[]).map((section, index) => {
      const at = `.sections[${index}]`;
      if (typeof section !== 'object' || section === null) fail(`${at} must be an object`);
      const stray = Object.keys(section).find((key) => !['name', 'id', 'aliases', 'required', 'skeleton', 'prefix', 'implicit', 'statusLink'].includes(key));
      if (stray) fail(`${at}: unknown key "${stray}"`);
      if (typeof section.name !== 'string' || !section.name.trim()) fail(`${at}.name must be a non-empty string`);
      const sectionName = (section.name as string).trim();
      const id = typeof section.id === 'string' && section.id ? section.id : slug(sectionName);
      if (seen.has(id)) fail(`${at}: a second section "${sectionName}"`);
      seen.add(id);
      if (section.aliases !== undefined && !(Array.isArray(section.aliases) && section.aliases.every((a) => typeof a === 'string'))) {
        fail(`${at}.aliases must be a list of strings`);
      }
      for (const flag of ['required', 'implicit', 'statusLink'] as const) {
        if (section[flag] !== undefined && typeof section[flag] !== 'boolean') fail(`${at}.${flag} must be true or false`);
      }
      for (const text of ['skeleton', 'prefix'] as const) {
        if (section[text] !== undefined && typeof section[text] !== 'string') fail(`${at}.${text} must be a string`);
      }
      const inherited = base?.sections.find((d) => d.id === id);
      return {
        id,
        name: sectionName,
        aliases: (section.aliases as string[] | undefined) ?? inherited?.aliases ?? [],
        required: (section.required as boolean | undefined) ?? inherited?.required ?? true,
        skeleton: (section.skeleton as string | undefined) ?? inherited?.skeleton ?? '{{text}}',
        prefix: (section.prefix as string | undefined) ?? inherited?.prefix,
        mayBeImplicit: (section.implicit as boolean | undefined) ?? inherited?.mayBeImplicit ?? false,
        needsStatusLink: (section.statusLink as boolean | undefined) ?? inherited?.needsStatusLink ?? false,
      };
    });
  }
  const title = (input.title ?? {}) as Record<string, unknown>;
  if (typeof title !== 'object' || Array.isArray(title)) fail('.title must be an object');
  for (const key of ['form', 'skeleton', 'marker'] as const) {
    if (title[key] !== undefined && typeof title[key] !== 'string') fail(`.title.${key} must be a string`);
  }
  if (title.requiresDate !== undefined && typeof title.requiresDate !== 'boolean') fail('.title.requiresDate must be true or false');
  if (input.titleWords !== undefined && !(Array.isArray(input.titleWords) && input.titleWords.every((w) => typeof w === 'string'))) {
    fail('.titleWords must be a list of strings');
  }
  return {
    name,
    description: typeof input.description === 'string' ? input.description : base?.description ?? `Profile "${name}" from ${source}.`,
    title: {
      form: (title.form as string | undefined) ?? base?.title.form ?? '<title>',
      skeleton: (title.skeleton as string | undefined) ?? base?.title.skeleton ?? '{{title}}',
      marker: (title.marker as string | undefined) ?? base?.title.marker ?? '',
      requiresDate: (title.requiresDate as boolean | undefined) ?? base?.title.requiresDate ?? false,
    },
    titleWords: (input.titleWords as string[] | undefined) ?? base?.titleWords,
    preambleLines: base?.preambleLines ?? [],
    sections,
  };
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
