import { DateTime, IANAZone } from 'luxon';
import { aliasMatcher, withAliases } from './aliases';
import { zoneOffsetAt } from './instants';
import { escapeRegExp, matchesOf } from '../regexp';
import type { Ymd } from './calendar';

/**
 * Zone phrases as writers put them: "Chicago time", "Beijing time zone", "U.S. Central Time", "CDT", "GMT+8",
 * "America/Chicago". Everything resolves to an IANA name; offsets and DST always come from Luxon.
 */

/** Whether an abbreviation names the standard or the daylight half of a zone, or either. */
export type ZoneSeason = 'standard' | 'daylight' | 'any';

export interface ZoneCandidate {
  iana: string;
  season: ZoneSeason;
  /** What the candidate is called in messages ("US Central", "China"). */
  label: string;
}

/** Abbreviations; several have more than one meaning and are resolved by context. */
const ABBREVIATIONS: Record<string, ZoneCandidate[]> = {
  UTC: [{ iana: 'UTC', season: 'any', label: 'UTC' }],
  GMT: [{ iana: 'UTC', season: 'any', label: 'GMT' }],
  Z: [{ iana: 'UTC', season: 'any', label: 'UTC' }],
  CST: [
    { iana: 'America/Chicago', season: 'standard', label: 'US Central Standard Time' },
    { iana: 'Asia/Shanghai', season: 'any', label: 'China Standard Time' },
  ],
  CDT: [{ iana: 'America/Chicago', season: 'daylight', label: 'US Central Daylight Time' }],
  CT: [{ iana: 'America/Chicago', season: 'any', label: 'US Central Time' }],
  EST: [{ iana: 'America/New_York', season: 'standard', label: 'US Eastern Standard Time' }],
  EDT: [{ iana: 'America/New_York', season: 'daylight', label: 'US Eastern Daylight Time' }],
  ET: [{ iana: 'America/New_York', season: 'any', label: 'US Eastern Time' }],
  MST: [{ iana: 'America/Denver', season: 'standard', label: 'US Mountain Standard Time' }],
  MDT: [{ iana: 'America/Denver', season: 'daylight', label: 'US Mountain Daylight Time' }],
  MT: [{ iana: 'America/Denver', season: 'any', label: 'US Mountain Time' }],
  PST: [{ iana: 'America/Los_Angeles', season: 'standard', label: 'US Pacific Standard Time' }],
  PDT: [{ iana: 'America/Los_Angeles', season: 'daylight', label: 'US Pacific Daylight Time' }],
  PT: [{ iana: 'America/Los_Angeles', season: 'any', label: 'US Pacific Time' }],
  AKST: [{ iana: 'America/Anchorage', season: 'standard', label: 'Alaska Standard Time' }],
  AKDT: [{ iana: 'America/Anchorage', season: 'daylight', label: 'Alaska Daylight Time' }],
  HST: [{ iana: 'Pacific/Honolulu', season: 'any', label: 'Hawaii Standard Time' }],
  AST: [
    { iana: 'America/Halifax', season: 'standard', label: 'Atlantic Standard Time' },
    { iana: 'Asia/Riyadh', season: 'any', label: 'Arabia Standard Time' },
  ],
  ADT: [{ iana: 'America/Halifax', season: 'daylight', label: 'Atlantic Daylight Time' }],
  WET: [{ iana: 'Europe/Lisbon', season: 'standard', label: 'Western European Time' }],
  WEST: [{ iana: 'Europe/Lisbon', season: 'daylight', label: 'Western European Summer Time' }],
  BST: [{ iana: 'Europe/London', season: 'daylight', label: 'British Summer Time' }],
  CET: [{ iana: 'Europe/Amsterdam', season: 'standard', label: 'Central European Time' }],
  CEST: [{ iana: 'Europe/Amsterdam', season: 'daylight', label: 'Central European Summer Time' }],
  EET: [{ iana: 'Europe/Athens', season: 'standard', label: 'Eastern European Time' }],
  EEST: [{ iana: 'Europe/Athens', season: 'daylight', label: 'Eastern European Summer Time' }],
  MSK: [{ iana: 'Europe/Moscow', season: 'any', label: 'Moscow Time' }],
  IST: [
    { iana: 'Asia/Jerusalem', season: 'standard', label: 'Israel Standard Time' },
    { iana: 'Asia/Kolkata', season: 'any', label: 'India Standard Time' },
    // Ireland's summer time is its legal standard time; in winter the same zone is GMT.
    { iana: 'Europe/Dublin', season: 'any', label: 'Irish Standard Time' },
  ],
  IDT: [{ iana: 'Asia/Jerusalem', season: 'daylight', label: 'Israel Daylight Time' }],
  SGT: [{ iana: 'Asia/Singapore', season: 'any', label: 'Singapore Time' }],
  HKT: [{ iana: 'Asia/Hong_Kong', season: 'any', label: 'Hong Kong Time' }],
  JST: [{ iana: 'Asia/Tokyo', season: 'any', label: 'Japan Standard Time' }],
  KST: [{ iana: 'Asia/Seoul', season: 'any', label: 'Korea Standard Time' }],
  AWST: [{ iana: 'Australia/Perth', season: 'any', label: 'Australian Western Time' }],
  ACST: [{ iana: 'Australia/Adelaide', season: 'standard', label: 'Australian Central Standard Time' }],
  ACDT: [{ iana: 'Australia/Adelaide', season: 'daylight', label: 'Australian Central Daylight Time' }],
  AEST: [{ iana: 'Australia/Sydney', season: 'standard', label: 'Australian Eastern Standard Time' }],
  AEDT: [{ iana: 'Australia/Sydney', season: 'daylight', label: 'Australian Eastern Daylight Time' }],
  NZST: [{ iana: 'Pacific/Auckland', season: 'standard', label: 'New Zealand Standard Time' }],
  NZDT: [{ iana: 'Pacific/Auckland', season: 'daylight', label: 'New Zealand Daylight Time' }],
  NST: [{ iana: 'America/St_Johns', season: 'standard', label: 'Newfoundland Standard Time' }],
  NDT: [{ iana: 'America/St_Johns', season: 'daylight', label: 'Newfoundland Daylight Time' }],
  BRT: [{ iana: 'America/Sao_Paulo', season: 'any', label: 'Brasilia Time' }],
  ART: [{ iana: 'America/Argentina/Buenos_Aires', season: 'any', label: 'Argentina Time' }],
  WAT: [{ iana: 'Africa/Lagos', season: 'any', label: 'West Africa Time' }],
  CAT: [{ iana: 'Africa/Maputo', season: 'any', label: 'Central Africa Time' }],
  EAT: [{ iana: 'Africa/Nairobi', season: 'any', label: 'East Africa Time' }],
  SAST: [{ iana: 'Africa/Johannesburg', season: 'any', label: 'South Africa Standard Time' }],
  TRT: [{ iana: 'Europe/Istanbul', season: 'any', label: 'Turkey Time' }],
  GST: [{ iana: 'Asia/Dubai', season: 'any', label: 'Gulf Standard Time' }],
  PKT: [{ iana: 'Asia/Karachi', season: 'any', label: 'Pakistan Time' }],
  ICT: [{ iana: 'Asia/Bangkok', season: 'any', label: 'Indochina Time' }],
  PHT: [{ iana: 'Asia/Manila', season: 'any', label: 'Philippine Time' }],
  WIB: [{ iana: 'Asia/Jakarta', season: 'any', label: 'Western Indonesia Time' }],
};

/** The other half of each standard/daylight pair: what RCA205's fix swaps in. */
// A table, two pairs to a line, reads better than one entry a line.
// prettier-ignore
export const SEASON_SWAP: Record<string, string> = {
  CST: 'CDT', CDT: 'CST', EST: 'EDT', EDT: 'EST', MST: 'MDT', MDT: 'MST', PST: 'PDT', PDT: 'PST',
  AKST: 'AKDT', AKDT: 'AKST', AST: 'ADT', ADT: 'AST', WET: 'WEST', WEST: 'WET', CET: 'CEST', CEST: 'CET',
  EET: 'EEST', EEST: 'EET', IST: 'IDT', IDT: 'IST', ACST: 'ACDT', ACDT: 'ACST', AEST: 'AEDT', AEDT: 'AEST',
  NZST: 'NZDT', NZDT: 'NZST', NST: 'NDT', NDT: 'NST', BST: 'GMT',
};

/** Places and regions, written before "time", "time zone" or "timezone" (lower-case keys). */
// Grouped by region, several to a line.
// prettier-ignore
const PLACES: Record<string, string> = {
  'chicago': 'America/Chicago', 'central': 'America/Chicago', 'us central': 'America/Chicago', 'u.s. central': 'America/Chicago',
  'north america': 'America/Chicago', 'north american': 'America/Chicago', 'north america central': 'America/Chicago',
  'new york': 'America/New_York', 'eastern': 'America/New_York', 'us eastern': 'America/New_York', 'u.s. eastern': 'America/New_York',
  'boston': 'America/New_York', 'washington': 'America/New_York', 'toronto': 'America/Toronto', 'montreal': 'America/Toronto',
  'mountain': 'America/Denver', 'us mountain': 'America/Denver', 'u.s. mountain': 'America/Denver', 'denver': 'America/Denver',
  'phoenix': 'America/Phoenix', 'arizona': 'America/Phoenix',
  'pacific': 'America/Los_Angeles', 'us pacific': 'America/Los_Angeles', 'u.s. pacific': 'America/Los_Angeles',
  'los angeles': 'America/Los_Angeles', 'san francisco': 'America/Los_Angeles', 'seattle': 'America/Los_Angeles', 'vancouver': 'America/Vancouver',
  'alaska': 'America/Anchorage', 'hawaii': 'Pacific/Honolulu', 'atlantic': 'America/Halifax', 'newfoundland': 'America/St_Johns',
  'halifax': 'America/Halifax', 'west africa': 'Africa/Lagos', 'lagos': 'Africa/Lagos', 'central africa': 'Africa/Maputo',
  'east africa': 'Africa/Nairobi', 'nairobi': 'Africa/Nairobi', 'arabia': 'Asia/Riyadh', 'gulf': 'Asia/Dubai', 'abu dhabi': 'Asia/Dubai',
  'doha': 'Asia/Qatar', 'hanoi': 'Asia/Bangkok', 'ho chi minh': 'Asia/Ho_Chi_Minh',
  'mexico city': 'America/Mexico_City', 'sao paulo': 'America/Sao_Paulo', 'são paulo': 'America/Sao_Paulo', 'brazil': 'America/Sao_Paulo',
  'buenos aires': 'America/Argentina/Buenos_Aires', 'bogota': 'America/Bogota', 'santiago': 'America/Santiago', 'lima': 'America/Lima',
  'london': 'Europe/London', 'uk': 'Europe/London', 'u.k.': 'Europe/London', 'british': 'Europe/London', 'greenwich': 'UTC',
  'dublin': 'Europe/Dublin', 'irish': 'Europe/Dublin', 'ireland': 'Europe/Dublin', 'lisbon': 'Europe/Lisbon', 'portugal': 'Europe/Lisbon',
  'amsterdam': 'Europe/Amsterdam', 'netherlands': 'Europe/Amsterdam', 'dutch': 'Europe/Amsterdam', 'the netherlands': 'Europe/Amsterdam',
  'central european': 'Europe/Amsterdam', 'central europe': 'Europe/Amsterdam', 'europe': 'Europe/Amsterdam', 'european': 'Europe/Amsterdam',
  'berlin': 'Europe/Berlin', 'germany': 'Europe/Berlin', 'german': 'Europe/Berlin', 'frankfurt': 'Europe/Berlin', 'munich': 'Europe/Berlin',
  'paris': 'Europe/Paris', 'france': 'Europe/Paris', 'madrid': 'Europe/Madrid', 'spain': 'Europe/Madrid', 'rome': 'Europe/Rome', 'italy': 'Europe/Rome',
  'brussels': 'Europe/Brussels', 'zurich': 'Europe/Zurich', 'vienna': 'Europe/Vienna', 'stockholm': 'Europe/Stockholm', 'oslo': 'Europe/Oslo',
  'copenhagen': 'Europe/Copenhagen', 'helsinki': 'Europe/Helsinki', 'warsaw': 'Europe/Warsaw', 'prague': 'Europe/Prague',
  'eastern european': 'Europe/Athens', 'athens': 'Europe/Athens', 'istanbul': 'Europe/Istanbul', 'turkey': 'Europe/Istanbul',
  'moscow': 'Europe/Moscow', 'western european': 'Europe/Lisbon',
  'israel': 'Asia/Jerusalem', 'israeli': 'Asia/Jerusalem', 'jerusalem': 'Asia/Jerusalem', 'tel aviv': 'Asia/Jerusalem',
  'dubai': 'Asia/Dubai', 'riyadh': 'Asia/Riyadh', 'cairo': 'Africa/Cairo', 'johannesburg': 'Africa/Johannesburg', 'south africa': 'Africa/Johannesburg',
  'india': 'Asia/Kolkata', 'indian': 'Asia/Kolkata', 'mumbai': 'Asia/Kolkata', 'kolkata': 'Asia/Kolkata', 'delhi': 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata', 'bangalore': 'Asia/Kolkata', 'karachi': 'Asia/Karachi',
  'singapore': 'Asia/Singapore', 'beijing': 'Asia/Shanghai', 'china': 'Asia/Shanghai', 'chinese': 'Asia/Shanghai', 'shanghai': 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong', 'taipei': 'Asia/Taipei', 'taiwan': 'Asia/Taipei', 'tokyo': 'Asia/Tokyo', 'japan': 'Asia/Tokyo',
  'seoul': 'Asia/Seoul', 'korea': 'Asia/Seoul', 'manila': 'Asia/Manila', 'jakarta': 'Asia/Jakarta', 'bangkok': 'Asia/Bangkok',
  'kuala lumpur': 'Asia/Kuala_Lumpur', 'sydney': 'Australia/Sydney', 'melbourne': 'Australia/Melbourne', 'canberra': 'Australia/Sydney',
  'brisbane': 'Australia/Brisbane', 'perth': 'Australia/Perth', 'adelaide': 'Australia/Adelaide', 'australian eastern': 'Australia/Sydney',
  'australia eastern': 'Australia/Sydney', 'aest': 'Australia/Sydney', 'auckland': 'Pacific/Auckland', 'new zealand': 'Pacific/Auckland',
  'wellington': 'Pacific/Auckland', 'universal': 'UTC', 'coordinated universal': 'UTC', 'utc': 'UTC', 'gmt': 'UTC', 'zulu': 'UTC',
};

/** Long names that carry a season ("Central Daylight Time"), lower-case, with the zone they name. */
const SEASONAL_NAMES: Record<string, ZoneCandidate> = {};
for (const [region, iana] of [
  ['central', 'America/Chicago'],
  ['eastern', 'America/New_York'],
  ['mountain', 'America/Denver'],
  ['pacific', 'America/Los_Angeles'],
  ['alaska', 'America/Anchorage'],
  ['atlantic', 'America/Halifax'],
  ['israel', 'Asia/Jerusalem'],
  ['australian eastern', 'Australia/Sydney'],
  ['australian central', 'Australia/Adelaide'],
  ['new zealand', 'Pacific/Auckland'],
  ['newfoundland', 'America/St_Johns'],
] as const) {
  SEASONAL_NAMES[`${region} standard`] = { iana, season: 'standard', label: '' };
  SEASONAL_NAMES[`${region} daylight`] = { iana, season: 'daylight', label: '' };
}
for (const [region, iana] of [
  ['central european', 'Europe/Amsterdam'],
  ['eastern european', 'Europe/Athens'],
  ['western european', 'Europe/Lisbon'],
] as const) {
  SEASONAL_NAMES[`${region} standard`] = { iana, season: 'standard', label: '' };
  SEASONAL_NAMES[`${region} summer`] = { iana, season: 'daylight', label: '' };
}
SEASONAL_NAMES['british summer'] = { iana: 'Europe/London', season: 'daylight', label: '' };
for (const [region, iana] of [
  ['china', 'Asia/Shanghai'],
  ['india', 'Asia/Kolkata'],
  ['indian', 'Asia/Kolkata'],
  ['japan', 'Asia/Tokyo'],
  ['singapore', 'Asia/Singapore'],
  ['korea', 'Asia/Seoul'],
  ['korean', 'Asia/Seoul'],
  ['hong kong', 'Asia/Hong_Kong'],
  ['greenwich mean', 'UTC'],
  ['arabia', 'Asia/Riyadh'],
  ['arabian', 'Asia/Riyadh'],
  ['gulf', 'Asia/Dubai'],
  ['south africa', 'Africa/Johannesburg'],
  ['moscow', 'Europe/Moscow'],
  ['hawaii', 'Pacific/Honolulu'],
  ['australian western', 'Australia/Perth'],
  ['philippine', 'Asia/Manila'],
  ['pakistan', 'Asia/Karachi'],
  ['irish', 'Europe/Dublin'],
] as const) {
  SEASONAL_NAMES[`${region} standard`] = { iana, season: 'any', label: '' };
}
SEASONAL_NAMES['greenwich mean'] = { iana: 'UTC', season: 'any', label: '' };

/** Every zone name that carries a season, spelt as writers do ("CDT", "Central Daylight Time"): what RCA205 checks. */
export function seasonalZoneNames(): { name: string; iana: string; season: 'standard' | 'daylight' }[] {
  const names: { name: string; iana: string; season: 'standard' | 'daylight' }[] = [];
  for (const [abbreviation, candidates] of Object.entries(ABBREVIATIONS)) {
    for (const c of candidates) if (c.season !== 'any') names.push({ name: abbreviation, iana: c.iana, season: c.season });
  }
  for (const [key, def] of Object.entries(SEASONAL_NAMES)) {
    if (def.season === 'any') continue;
    names.push({ name: `${key.replace(/\b\p{L}/gu, (l) => l.toUpperCase())} Time`, iana: def.iana, season: def.season });
  }
  return names;
}

const SUFFIX = String.raw`(?:\s+(?:time\s*zone|timezone|time|tz)\b)`;

/**
 * Where a region's name starts in `text` when the text ends with it and an opening parenthesis: "US Eastern (",
 * "Central (" before the abbreviation that says it ("All times are US Eastern (EDT)"); -1 when it does not.
 */
export function placeBeforeParenthesis(text: string): number {
  PLACE_BEFORE_PARENTHESIS ??= new RegExp(String.raw`(?:\bU\.?S\.?\s+)?\b(?:${alternation(Object.keys(PLACES))})\s*\(\s*$`, 'i');
  return PLACE_BEFORE_PARENTHESIS.exec(text)?.index ?? -1;
}

let PLACE_BEFORE_PARENTHESIS: RegExp | undefined;

function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/\\\.\s*|\s+/g, (m) => (m.startsWith('\\') ? '\\.?\\s*' : '\\s+')))
    .join('|');
}

export interface ZoneMatch {
  start: number;
  end: number;
  text: string;
  /** The IANA zone, when the phrase maps to one. */
  iana?: string;
  /** Every reading of an ambiguous abbreviation, in order of likelihood. */
  candidates: ZoneCandidate[];
  /** The abbreviation as written (upper case), for the season check and its fix. */
  abbreviation?: string;
  /** Where the abbreviation or the Standard/Daylight word stands, for the swap fix. */
  seasonWord?: { start: number; end: number; text: string };
  season: ZoneSeason;
  /** "local time": a zone statement that names no zone. */
  vague?: boolean;
  /** Looks like a zone phrase but maps to nothing. */
  unknown?: boolean;
  /** Only counts as a zone right after a time ("PT", "MT", an unknown "XYZ time"). */
  weak?: boolean;
}

export interface ZoneTable {
  find(text: string, offset?: number): ZoneMatch[];
  /** Maps a phrase someone typed (alias, city phrase, abbreviation, IANA name) to an IANA zone. */
  lookup(phrase: string): string | undefined;
}

// Not followed by more of a date: in "09:32 UTC - 2024-05-14 11:05 UTC" the dash ends a range, and 2024 is a year.
const UTC_OFFSET = String.raw`\b(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?\b(?![-/.]\d)`;

/**
 * The time-zone database's other names outside its continents: "US/Eastern", "Canada/Pacific", "Brazil/East",
 * "Mexico/General", and the POSIX-style "EST5EDT". Which of these name a zone, and which zone, the platform's own
 * link table says (linkTarget); the pattern only finds what could be one. Apart from the other phrases and with
 * case: the second name of a link is a word ("Eastern"), and a pair of abbreviations ("CST/CDT", "UTC/GMT") is two
 * zones, each found on its own.
 */
const LINK_NAME = /(?<link>\b[A-Z][A-Za-z]+\/[A-Z][a-z][A-Za-z_-]*(?![/\w])|\b[A-Z]{3}\d[A-Z]{3}\b)/g;
const MAY_HOLD_LINK = /[A-Za-z]\/[A-Z][a-z]|[A-Z]{3}\d[A-Z]{3}/;

/**
 * The zone a link name stands for, as the ICU data Luxon reads resolves it ("US/Eastern" is America/New_York), so
 * that it compares equal with the same zone written another way. Undefined when the name is none.
 */
function linkTarget(name: string): string | undefined {
  if (!isValidZone(name)) return undefined;
  let target = linkTargets.get(name);
  if (target === undefined) {
    target = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (linkTargets.size >= 4096) linkTargets.clear();
    linkTargets.set(name, target);
  }
  return target;
}

const linkTargets = new Map<string, string>();

/**
 * The link names of `text` that name a zone, where no other phrase stands: "TCP/IP" and "Read/Write" name none and
 * are no zone phrase, unknown or not.
 */
function linksOutside(text: string, phrases: readonly RegExpExecArray[]): RegExpExecArray[] {
  return matchesOf(LINK_NAME, text).filter(
    (m) => linkTarget(m[0]) !== undefined && !phrases.some((p) => p.index < m.index + m[0].length && m.index < p.index + p[0].length),
  );
}

/** Zone names asked about, and the answer: each question builds an Intl.DateTimeFormat and throws it away. */
const validZones = new Map<string, boolean>();

export function isValidZone(iana: string): boolean {
  let valid = validZones.get(iana);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(iana);
    if (validZones.size >= 4096) validZones.clear();
    validZones.set(iana, valid);
  }
  return valid;
}

/** "+8" → "Etc/GMT-8" style fixed zones; Luxon's "UTC+8" is simpler and exact. */
export function offsetZone(sign: string, hours: string, minutes: string | undefined): string | undefined {
  const h = Number(hours);
  const m = minutes ? Number(minutes) : 0;
  if (h > 14 || m >= 60) return undefined;
  const s = sign === '+' ? '+' : '-';
  return m ? `UTC${s}${h}:${String(m).padStart(2, '0')}` : `UTC${s}${h}`;
}

export function normaliseIana(iana: string): string | undefined {
  const trimmed = iana.trim();
  if (/^(?:utc|gmt|etc\/utc|etc\/gmt|z)$/i.test(trimmed)) return 'UTC';
  const offset = new RegExp(`^${UTC_OFFSET}$`, 'i').exec(trimmed);
  if (offset) return offsetZone(offset[1], offset[2], offset[3]);
  return isValidZone(trimmed) ? trimmed : undefined;
}

const tables = new Map<string, ZoneTable>();

/**
 * Passes whenever one of buildZoneTable's part tests does: each needs "time" or "tz" after a space and not
 * running on into a word ("timeout" is no zone; "timezone" and "time zone" pass), "/", "(", "utc", "gmt" or "local".
 * The flags are the tests', so a letter that folds to another ("\u212A" to "k") reads the same in both.
 */
const MAY_PASS_A_TEST = /\s(?:time|tz)(?![a-y0-9_])|[/(]|utc|gmt|local/iu;

/**
 * Whether the weak pattern can match: each of its forms has a capital right before a "T" ("CT", "PDT", "XYZT"), or
 * "Time"/"time" after a space and not running on into a word but for "zone" ("Response Time", "Beijing timezone").
 */
const MAY_FIND_WEAK = /[A-Z]T|\s[Tt]ime(?![A-Ya-y0-9_])/;

/** Three capitals in a row, the Kelvin sign among them (it reads as a K where case is ignored). */
const CAPITALS = /[A-Z\u212A]{3}/;

/** The phrase finder for an alias set, built once per set (its patterns are long: building one costs more than a check). */
export function zoneTable(aliases: Record<string, string> = {}): ZoneTable {
  const key = JSON.stringify(Object.entries(aliases));
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= 32) tables.clear();
    tables.set(key, (table = buildZoneTable(aliases)));
  }
  return table;
}

function buildZoneTable(aliases: Record<string, string>): ZoneTable {
  const aliasMap = new Map<string, string>();
  for (const [phrase, iana] of Object.entries(aliases)) {
    const zone = normaliseIana(iana);
    if (zone && phrase.trim()) aliasMap.set(phrase.trim().toLowerCase().replace(/\s+/g, ' '), zone);
  }
  const aliasFinder = aliasMatcher(aliasMap);
  const seasonal = `(?<us>U\\.?S\\.?\\s+)?(?<seasonal>${alternation(Object.keys(SEASONAL_NAMES))})\\s+time\\b`;
  const place = `(?<place>${alternation(Object.keys(PLACES))})${SUFFIX}`;
  const iana = String.raw`(?<iana>\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_\-]+(?:/[A-Za-z_\-]+|(?<=GMT)[+\-]\d{1,2}(?!\d))?)`;
  const offset = `(?<offset>${UTC_OFFSET}|\\(\\s*[+\\-]\\d{1,2}:?\\d{2}\\s*\\))`;
  const abbreviation = `(?<abbr>\\b(?:${Object.keys(ABBREVIATIONS)
    .filter((a) => a.length >= 3)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b)(?<abbrSuffix>\\s+time\\b(?!\\s*(?:zone|frame|window|period|line|s\\b)))?`;
  const local = `(?<local>\\blocal\\s+time\\b)`;
  // Each kind of phrase with a test the text passes whenever the phrase is in it: most sentences name no "time",
  // "/", "UTC" or "(", and the pattern without those alternatives (the long ones) finds the same matches faster. The
  // zone names and places end with the word "time" (or "tz"), which a test of the word, not of "time" inside
  // "timeout" or "downtime", tells.
  const parts: [string, RegExp | undefined][] = [
    [seasonal, /\s+time\b/iu],
    [place, new RegExp(SUFFIX, 'iu')],
    [iana, /\//],
    [offset, /utc|gmt|\(/iu],
    [abbreviation, undefined],
    [local, /local/iu],
  ];
  const patterns = new Map<number, RegExp>();
  const patternOf = (key: number): RegExp => {
    let found = patterns.get(key);
    if (!found) {
      const sources = parts.filter(([source], i) => source && key & (1 << i)).map(([source]) => source);
      patterns.set(key, (found = new RegExp(sources.join('|'), 'giu')));
    }
    return found;
  };
  /** The parts without a test: the pattern of a text that passes none of the tests. */
  const abbreviationsAlone = patternOf(parts.reduce((key, [source, test], i) => (source && !test ? key | (1 << i) : key), 0));
  const patternFor = (text: string): RegExp => {
    // A text none of the tests passes (most sentences) passes no test: the one search stands for five.
    if (!MAY_PASS_A_TEST.test(text)) return abbreviationsAlone;
    let key = 0;
    for (let i = 0; i < parts.length; i++) {
      const [source, test] = parts[i];
      if (source && (!test || test.test(text))) key |= 1 << i;
    }
    return patternOf(key);
  };
  // Case matters for these: "ET" is a zone, "et" is not; "Response Time" is capitalised like a zone.
  const weakPattern = new RegExp(
    [
      String.raw`(?<weak>\b(?:CT|ET|MT|PT)\b)`,
      String.raw`(?<unknown>\b[A-Z][\p{Ll}.]*(?:\s+[A-Z][\p{Ll}.]*){0,2}\s+(?:[Tt]ime\s*[Zz]one|[Tt]imezone|[Tt]ime)\b)`,
      String.raw`(?<unknownAbbr>\b[A-Z]{2,4}T\b)`,
    ].join('|'),
    'gu',
  );

  /**
   * Whether the strong pattern can keep a match in `text`. Alone (no other part's test passed), the abbreviations
   * keep only matches written in capitals (the pattern ignores case, "est" is read and dropped below), so a sentence
   * without three capitals in a row (the Kelvin sign reads as a capital K) has none: most sentences. Not with aliases,
   * which a dropped match still pushes on (withAliases).
   */
  const mayFindStrong = (text: string, pattern: RegExp): boolean => aliasFinder !== undefined || pattern !== abbreviationsAlone || CAPITALS.test(text);
  const mayFindWeak = (text: string): boolean => MAY_FIND_WEAK.test(text);

  function find(text: string, base = 0): ZoneMatch[] {
    const result: ZoneMatch[] = [];
    const pattern = patternFor(text);
    const phrases = mayFindStrong(text, pattern) ? withAliases(text, pattern, aliasFinder) : [];
    const links = MAY_HOLD_LINK.test(text) ? linksOutside(text, phrases) : [];
    const strong = links.length ? [...phrases, ...links].sort((a, b) => a.index - b.index) : phrases;
    // Strong matches come left to right without overlapping, so one pointer walks them beside the weak ones.
    let next = 0;
    const weak = mayFindWeak(text)
      ? matchesOf(weakPattern, text).filter((w) => {
          while (next < strong.length && strong[next].index + strong[next][0].length <= w.index) next++;
          return !(next < strong.length && strong[next].index < w.index + w[0].length);
        })
      : [];
    // Each list is in order already: merged only when both have matches (most sentences have none).
    const all = !weak.length ? strong : !strong.length ? weak : [...strong, ...weak].sort((a, b) => a.index - b.index);
    for (const m of all) {
      const g = m.groups ?? {};
      const start = base + m.index;
      const end = start + m[0].length;
      const match: ZoneMatch = { start, end, text: m[0], candidates: [], season: 'any' };
      if (g.alias !== undefined) {
        match.iana = g.alias;
      } else if (g.seasonal !== undefined) {
        const key = g.seasonal.toLowerCase().replace(/\s+/g, ' ');
        const def = SEASONAL_NAMES[key];
        // The long s ("\u017F") matches "s" when case is ignored but does not lower-case to it.
        if (!def) continue;
        match.iana = def.iana;
        match.season = def.season;
        const word = /\b(standard|daylight|summer)\b/i.exec(m[0]);
        if (word && def.season !== 'any') match.seasonWord = { start: start + word.index, end: start + word.index + word[0].length, text: word[0] };
      } else if (g.place !== undefined) {
        match.iana = PLACES[g.place.toLowerCase().replace(/\s+/g, ' ')] ?? PLACES[g.place.toLowerCase().replace(/\.\s*/g, '.').replace(/\s+/g, ' ')];
        if (!match.iana) {
          // "U.S Central" and other spellings of the dotted forms.
          const compact = g.place
            .toLowerCase()
            .replace(/[.\s]+/g, ' ')
            .replace(/^u s /, 'us ')
            .trim();
          match.iana = PLACES[compact];
        }
      } else if (g.iana !== undefined) {
        match.iana = normaliseIana(g.iana);
        // A misspelt name ("America/Chicgo") is a zone right after a time; elsewhere "Asia/Pacific" is a region.
        if (!match.iana) match.unknown = match.weak = true;
      } else if (g.link !== undefined) {
        match.iana = linkTarget(g.link);
      } else if (g.offset !== undefined) {
        const o = new RegExp(UTC_OFFSET, 'i').exec(g.offset) ?? /\(\s*([+-])(\d{1,2}):?(\d{2})\s*\)/.exec(g.offset);
        match.iana = o ? offsetZone(o[1], o[2], o[3]) : undefined;
        if (!match.iana) match.unknown = true;
      } else if (g.abbr !== undefined) {
        // "est", "Ist": words, not zones. The pattern ignores case, so it also reads the Kelvin sign as a K: "MS\u212A"
        // looks like MSK but is no abbreviation of the table, and an unknown key cost the whole date and time analysis.
        const candidates = ABBREVIATIONS[g.abbr];
        if (g.abbr !== g.abbr.toUpperCase() || !candidates) continue;
        match.abbreviation = g.abbr;
        match.candidates = candidates;
        match.iana = match.candidates[0].iana;
        match.season = match.candidates[0].season;
        match.seasonWord = { start, end: start + g.abbr.length, text: g.abbr };
      } else if (g.weak !== undefined) {
        const candidates = ABBREVIATIONS[g.weak];
        if (!candidates) continue;
        match.abbreviation = g.weak;
        match.candidates = candidates;
        match.iana = match.candidates[0].iana;
        match.weak = true;
      } else if (g.local !== undefined) {
        match.vague = true;
      } else if (g.unknown !== undefined || g.unknownAbbr !== undefined) {
        if (g.unknownAbbr !== undefined && NOT_ZONES.has(g.unknownAbbr)) continue;
        match.unknown = true;
        match.weak = true;
      }
      if (match.candidates.length === 0 && match.iana) match.candidates = [{ iana: match.iana, season: match.season, label: match.text }];
      result.push(match);
    }
    return result;
  }

  function lookup(phrase: string): string | undefined {
    const found = find(phrase.trim());
    if (found.length === 1 && found[0].start === 0 && found[0].end === phrase.trim().length) return found[0].iana;
    return normaliseIana(phrase);
  }

  return { find, lookup };
}

/** How a fix writes a zone: "Chicago time", "UTC", or the IANA name when no phrase reads back the same. */
export function zonePhrase(iana: string, table: ZoneTable): string {
  if (iana === 'UTC' || iana === 'Etc/UTC') return 'UTC';
  if (/^UTC[+-]/.test(iana)) return iana;
  const preferred: Record<string, string> = { 'Asia/Shanghai': 'Beijing time', 'Asia/Jerusalem': 'Israel time', 'Asia/Kolkata': 'India time' };
  const city = preferred[iana] ?? `${iana.split('/').pop()!.replace(/_/g, ' ')} time`;
  return table.lookup(city) === iana ? city : iana;
}

/**
 * Answers about a zone at an instant, remembered: each is one or more Intl calls, and a timeline asks about the same
 * few instants again and again (one per window and rule).
 */
/**
 * Words in capitals that end in "T" as an unknown zone's abbreviation would, and follow a time in logs and prose:
 * "18:05:02 ALERT notif-lag", "at 14:02 POST requests failed", "09:12 RESTART". Not zones.
 */
const NOT_ZONES: ReadonlySet<string> = new Set(
  [
    'GET PUT POST SET HIT OUT NOT BUT GOT CUT LOT HOT LET ALERT START REST HOST LAST FIRST NEXT TEXT PORT',
    'ROOT TEST LIST WAIT INIT EDIT SENT LOST EXIT JUST MUST MOST PAST FAST COST SPLIT SHUT DIST EVENT',
    'CERT BOOT WENT LEFT SOFT ABORT ADAPT ADMIT AUDIT BURST COUNT DRAFT EJECT FAULT FLOAT GHOST LIGHT',
    'LIMIT NIGHT POINT PRINT QUIET RESET RIGHT SHIFT SHORT SPENT STAT TIGHT TRUST VISIT WHAT THAT',
  ]
    .join(' ')
    .split(' '),
);

const answers = new Map<string, unknown>();

function remember<T>(kind: string, iana: string, at: number, compute: () => T): T {
  const key = `${kind} ${at} ${iana}`;
  if (answers.has(key)) return answers.get(key) as T;
  const value = compute();
  if (answers.size >= 50_000) answers.clear();
  answers.set(key, value);
  return value;
}

/** The zone's short name at an instant ("CDT"), from the platform's ICU data via Luxon. */
export function offsetName(iana: string, millis: number): string {
  return remember('name', iana, millis, () => computeOffsetName(iana, millis));
}

function computeOffsetName(iana: string, millis: number): string {
  const dt = DateTime.fromMillis(millis, { zone: iana });
  const short = dt.offsetNameShort ?? '';
  return /^[A-Z]{2,5}$/.test(short) ? short : dt.toFormat("'UTC'ZZ");
}

/**
 * A zone's wall clock at an instant: the instant moved by the zone's offset then, read as UTC, which is what a Luxon
 * DateTime in that zone reads, without building one (each costs an Intl call; a sentence of thousands of zone pairs
 * asked for one per pair). The offset is remembered, so the same few instants cost nothing.
 */
export function wallClock(iana: string, millis: number): Ymd & { hour: number; minute: number; second: number } {
  const d = new Date(millis + offsetAt(iana, millis) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function isDst(iana: string, millis: number): boolean {
  return remember('dst', iana, millis, () => DateTime.fromMillis(millis, { zone: iana }).isInDST);
}

/** Whether a zone observes daylight saving time at all in that year. */
export function hasDst(iana: string, year: number): boolean {
  return remember('hasDst', iana, year, () => computeHasDst(iana, year));
}

function computeHasDst(iana: string, year: number): boolean {
  const jan = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: iana });
  const jul = DateTime.fromObject({ year, month: 7, day: 1 }, { zone: iana });
  return jan.isValid && jul.isValid && jan.offset !== jul.offset;
}

/** The zone's offset at an instant in minutes, as a Luxon DateTime there gives it. */
export function offsetAt(iana: string, millis: number): number {
  return zoneOffsetAt(iana, millis);
}
