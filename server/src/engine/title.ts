/**
 * Reads an RCA title such as "NA01, NA02 - RCA - April 11, 2026" or "Alma EU00- RCA - May 6 ,2024".
 * The forms published reports use are accepted; only what a reader would miss is reported.
 */
export interface ParsedTitle {
  /** Whether the marker word (e.g. "RCA") stands in the title. */
  hasMarker: boolean;
  /** Text before the marker: the product and the instances or region. */
  subject: string;
  /** Instance codes such as NA01, EU00, CN01. */
  instances: string[];
  /** The date part, when the title has one, with its offsets in the title text. */
  date?: TitleDate;
}

export interface TitleDate {
  text: string;
  start: number;
  end: number;
  /** Month name spelled out or abbreviated, day and year all present. */
  complete: boolean;
  /** A numeric form such as 2026-04-11 or 04/11/2026 rather than "April 11, 2026". */
  numeric: boolean;
}

export const INSTANCE_CODE = /\b[A-Z]{2,3}\d{2,3}\b/g;

/** Letter prefixes of the service's data-centre instance codes: NA01, EU02, AP01, CN01, CA01 (and US, IN, IL). */
export const INSTANCE_REGIONS = ['NA', 'EU', 'AP', 'CN', 'CA', 'US', 'IN', 'IL'];

/**
 * The letter prefixes that name instances in a report: the service's regions, the prefixes of the codes its title
 * names, and the literal prefixes of the rcaWriter.instanceTimeZones globs ("SB*" makes SB01 an instance). Other
 * words of the same shape are host and node names (DB03, SRV12, VM01), and data centres (DC04) never count.
 */
export function instancePrefixes(titleCodes: readonly string[], instanceTimeZones: Record<string, string> = {}): Set<string> {
  const prefixes = new Set(INSTANCE_REGIONS);
  for (const code of titleCodes) prefixes.add(code.replace(/\d+$/, ''));
  for (const glob of Object.keys(instanceTimeZones)) {
    const letters = /^[A-Za-z]{2,3}(?=[\d*?]|$)/.exec(glob.trim());
    if (letters) prefixes.add(letters[0].toUpperCase());
  }
  prefixes.delete('DC');
  return prefixes;
}

export function isInstanceCode(code: string, prefixes: ReadonlySet<string>): boolean {
  return prefixes.has(code.replace(/\d+$/, ''));
}

/** Every word of an instance code's shape in `text`, in order; with `prefixes`, only the instances among them. */
export function instanceCodesIn(text: string, prefixes?: ReadonlySet<string>): string[] {
  const codes = [...text.matchAll(INSTANCE_CODE)].map((m) => m[0]);
  return prefixes ? codes.filter((code) => isInstanceCode(code, prefixes)) : codes;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WORD_DATE = new RegExp(
  `\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*,\\s*|\\s+)?(\\d{4})?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\s*,?\\s*(\\d{4})?\\b|\\b(${MONTH})\\s*,?\\s*(\\d{4})\\b`,
  'i',
);
const NUMERIC_DATE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/;

/** Words that stand for the marker when spelled out. */
const MARKER_SPELLINGS: Record<string, string[]> = { RCA: ['Root Cause Analysis'] };

export function parseTitle(text: string, marker = 'RCA'): ParsedTitle {
  const spellings = [marker, ...(MARKER_SPELLINGS[marker] ?? [])].map(escapeRegExp).join('|');
  const markerPattern = marker ? new RegExp(`(^|[^\\p{L}\\p{N}])(?:${spellings})(?=$|[^\\p{L}\\p{N}])`, 'iu') : undefined;
  const markerMatch = markerPattern?.exec(text);
  const hasMarker = markerMatch !== null && markerMatch !== undefined;
  const markerIndex = hasMarker ? markerMatch.index + markerMatch[1].length : -1;
  const subject = (hasMarker ? text.slice(0, markerIndex) : text).replace(/[\s\-\u2013\u2014:]+$/u, '').trim();
  const instances = instanceCodesIn(subject);
  const searchFrom = hasMarker ? markerIndex + markerMatch[0].length - markerMatch[1].length : 0;
  const tail = text.slice(searchFrom);
  let date: TitleDate | undefined;
  const word = WORD_DATE.exec(tail);
  if (word) {
    const complete = word[1] !== undefined ? word[3] !== undefined : word[5] !== undefined && word[6] !== undefined;
    date = { text: word[0].trim(), start: searchFrom + word.index, end: searchFrom + word.index + word[0].trimEnd().length, complete, numeric: false };
  } else {
    const numeric = NUMERIC_DATE.exec(tail);
    if (numeric) {
      date = { text: numeric[0], start: searchFrom + numeric.index, end: searchFrom + numeric.index + numeric[0].length, complete: true, numeric: true };
    }
  }
  return { hasMarker, subject, instances, date };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
