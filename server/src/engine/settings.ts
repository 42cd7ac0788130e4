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
  /** Per-rule severity, keyed by code ("RCA104") or name ("empty-section"). */
  rules: Record<string, SeveritySetting>;
  /** The status-portal address that Customer Communication must name. */
  statusPortalUrl: string;
  /** IANA zone used when a document gives none (e.g. "America/Chicago"); empty for none. */
  defaultTimeZone: string;
  /** Extra zone phrases, e.g. { "Israel time": "Asia/Jerusalem" }. */
  timeZoneAliases: Record<string, string>;
  /** Instance-code glob to IANA zone, e.g. { "NA*": "America/Chicago" }. */
  instanceTimeZones: Record<string, string>;
  /** User-defined profiles by name, as JSON (see config.ts for their shape). */
  profiles: Record<string, unknown>;
  /** Let the preview, the exported page and the PDF load images from the web (off: nothing is fetched). */
  allowRemoteImages: boolean;
}

/** The file in a workspace or folder that holds these settings for the editor and the CLI alike. */
export const CONFIG_FILE_NAME = '.rca-writer.json';

export const DEFAULT_STATUS_PORTAL_URL = 'http://status.exlibrisgroup.com/';

export const DEFAULT_INCLUDE = ['**/*.rca.md', '**/rca/**/*.md', '**/rcas/**/*.md'];

export function defaultSettings(): RcaSettings {
  return {
    profile: 'exlibris',
    include: [...DEFAULT_INCLUDE],
    rules: {},
    statusPortalUrl: DEFAULT_STATUS_PORTAL_URL,
    defaultTimeZone: '',
    timeZoneAliases: {},
    instanceTimeZones: {},
    profiles: {},
    allowRemoteImages: false,
  };
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Merges user-supplied values over the defaults, keeping only values of the right type,
 * so a typo in a settings file never reaches the rules as garbage.
 */
export function resolveSettings(partial: unknown): RcaSettings {
  const result = defaultSettings();
  if (typeof partial !== 'object' || partial === null) return result;
  const input = partial as Record<string, unknown>;
  if (typeof input.profile === 'string' && input.profile.trim()) result.profile = input.profile.trim();
  if (Array.isArray(input.include) && input.include.every((g) => typeof g === 'string')) {
    result.include = input.include as string[];
  }
  if (typeof input.rules === 'object' && input.rules !== null) {
    for (const [key, value] of Object.entries(input.rules as Record<string, unknown>)) {
      const severity = typeof value === 'string' ? value.toLowerCase() : value === false ? 'off' : undefined;
      const normalised = severity === 'info' ? 'information' : severity;
      if (normalised && SEVERITIES.has(normalised)) result.rules[key] = normalised as SeveritySetting;
    }
  }
  if (typeof input.statusPortalUrl === 'string') result.statusPortalUrl = input.statusPortalUrl.trim();
  if (typeof input.defaultTimeZone === 'string') result.defaultTimeZone = input.defaultTimeZone.trim();
  if (isStringRecord(input.timeZoneAliases)) result.timeZoneAliases = { ...input.timeZoneAliases };
  if (isStringRecord(input.instanceTimeZones)) result.instanceTimeZones = { ...input.instanceTimeZones };
  if (typeof input.profiles === 'object' && input.profiles !== null && !Array.isArray(input.profiles)) {
    result.profiles = { ...(input.profiles as Record<string, unknown>) };
  }
  if (typeof input.allowRemoteImages === 'boolean') result.allowRemoteImages = input.allowRemoteImages;
  return result;
}
