import { pushAll } from './numbers';
import { settingProblems, type SchemaProblem } from './config-schema';
import schema from '../../../schemas/rca-writer.schema.json';
import type { NumericDateOrder } from './time/numeric-order';
import type { SeveritySetting } from './types';

/**
 * Everything a check depends on besides the text. The same object comes from VS Code's
 * `rcaWriter.*` settings, from `.rca-writer.json`, or from CLI flags.
 */
export interface RcaSettings {
  /** Name of the profile that says which sections an RCA has. */
  profile: string;
  /** Globs: Markdown files whose path matches are checked as RCAs. */
  include: string[];
  /** Globs: files never checked as RCAs, and skipped by folder walks (on top of .gitignore). */
  exclude: string[];
  /** Per-rule severity, keyed by code ("RCA104") or name ("empty-section"). */
  rules: Record<string, SeveritySetting>;
  /** The status-portal address that Customer Communication must name; null: the profile's (see statusPortalUrl()). */
  statusPortalUrl: string | null;
  /** IANA zone used when a document gives none (e.g. "America/Chicago"); empty for none. */
  defaultTimeZone: string;
  /** Which number of a numeric date ("11/03/2024") is the month when the document does not show it; empty: report such dates. */
  numericDateOrder: NumericDateOrder;
  /** Extra zone phrases, e.g. { "Israel time": "Asia/Jerusalem" }. */
  timeZoneAliases: Record<string, string>;
  /** Instance-code glob to IANA zone, e.g. { "NA*": "America/Chicago" }. */
  instanceTimeZones: Record<string, string>;
  /** User-defined profiles by name, as JSON (see config.ts for their shape). */
  profiles: Record<string, unknown>;
  /** Let the preview, the exported page and the PDF load images from the web (off: nothing is fetched). */
  allowRemoteImages: boolean;
  /** The editor lists the findings of the workspace's reports that are not open (workspace diagnostics). */
  workspaceDiagnostics: boolean;
}

/** The file in a workspace or folder that holds these settings for the editor and the CLI alike. */
export const CONFIG_FILE_NAME = '.rca-writer.json';

/** Every setting's default, as the schema (the one description of the settings) gives it. */
const SCHEMA_DEFAULTS = Object.fromEntries(
  Object.entries(schema.properties).flatMap(([key, property]) => ('default' in property ? [[key, property.default]] : [])),
) as unknown as RcaSettings;

export const DEFAULT_INCLUDE = SCHEMA_DEFAULTS.include;

export function defaultSettings(): RcaSettings {
  return structuredClone(SCHEMA_DEFAULTS);
}

/** Settings of the editor alone, which the engine does not read. */
const EDITOR_ONLY_KEYS = new Set(['trace']);

function isMapValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps the values the schema accepts and says what it drops: a map (rules, profiles, zones) loses only its
 * bad entries, so one typo does not switch off the rest.
 */
function validValue(key: string, value: unknown, problems: SchemaProblem[]): unknown {
  const found = settingProblems(key, value);
  if (!found.length) return value;
  if (!isMapValue(value)) {
    pushAll(problems, found);
    return undefined;
  }
  const kept: Record<string, unknown> = {};
  for (const [entry, entryValue] of Object.entries(value)) {
    const entryProblems = settingProblems(key, { [entry]: entryValue });
    if (entryProblems.length) pushAll(problems, entryProblems);
    else kept[entry] = entryValue;
  }
  return kept;
}

/**
 * Merges user-supplied values over the defaults, keeping only what the schema (schemas/rca-writer.schema.json)
 * accepts, so a typo in the editor's settings never reaches the rules as garbage. `onProblem` hears about each
 * value left out, as a one-line message naming the setting.
 */
export function resolveSettings(partial: unknown, onProblem?: (message: string) => void): RcaSettings {
  // Resolved already, and valid: the check resolves the settings each file of a CLI run shares (JSON and a copy
  // of them per file were 5% of `rca-writer check` over 1,000 reports, in a profile of one thread).
  if (isShared(partial)) return partial;
  if (!isMapValue(partial)) return defaultSettings();
  // Kept by the input's JSON: what JSON leaves out or changes (undefined, a function, NaN) the schema drops anyway.
  // Not with `onProblem`, which must hear of each problem every time.
  const key = onProblem ? undefined : JSON.stringify(partial);
  const kept = key === undefined ? undefined : resolved.get(key);
  if (kept) return structuredClone(kept);
  const result = validSettings(partial, onProblem);
  if (key !== undefined) {
    if (resolved.size >= 32) resolved.clear();
    resolved.set(key, structuredClone(result));
  }
  return result;
}

/** Objects sharedSettings made: frozen to their leaves, so that every holder can have the same one. */
const shared = new WeakSet<object>();

function isShared(value: unknown): value is RcaSettings {
  return typeof value === 'object' && value !== null && shared.has(value);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * resolveSettings' result as one object for every file that has these settings (the files of a CLI run under one
 * config file): frozen to its leaves, as a change by one holder would reach the others, and passed through
 * resolveSettings as it is. A change throws (the code is strict), and a copy from resolveSettings can be changed.
 */
export function sharedSettings(partial: unknown): RcaSettings {
  // A copy: resolveSettings' result may hold the input's own lists and profiles, which are not this function's to freeze.
  const settings = structuredClone(resolveSettings(partial));
  deepFreeze(settings);
  shared.add(settings);
  return settings;
}

/**
 * Settings another thread resolved (check-worker.ts's jobs), arriving as this thread's own copy: shared as they are,
 * without validating them again, which compiled the schema's validator in every check worker (0.2 s of its CPU).
 */
export function sharedAsResolved(settings: RcaSettings): RcaSettings {
  if (!shared.has(settings)) {
    deepFreeze(settings);
    shared.add(settings);
  }
  return settings;
}

/**
 * Settings resolved before, by their input: the CLI resolves each file's settings and the check resolves them
 * again, and a folder's files share one config. The schema's validation of each was 4% of `rca-writer check`
 * over 1,000 reports (a profile of one thread).
 */
const resolved = new Map<string, RcaSettings>();

function validSettings(partial: Record<string, unknown>, onProblem?: (message: string) => void): RcaSettings {
  const result = defaultSettings();
  const problems: SchemaProblem[] = [];
  const known = result as unknown as Record<string, unknown>;
  for (const [key, raw] of Object.entries(partial)) {
    if (raw === undefined || raw === null || EDITOR_ONLY_KEYS.has(key) || key === '$schema') continue;
    if (!(key in known)) {
      pushAll(problems, settingProblems(key, raw));
      continue;
    }
    const value = validValue(key, raw, problems);
    if (value === undefined) continue;
    known[key] = typeof value === 'string' ? value.trim() : isMapValue(value) ? { ...value } : value;
  }
  if (!result.profile) result.profile = defaultSettings().profile;
  for (const problem of problems) onProblem?.(`${problem.message.replace(/"([^"]+)"/, (_, at: string) => `"rcaWriter.${at}"`)}; ignored`);
  return result;
}
