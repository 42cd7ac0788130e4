// A paragraph's words with what changes from report to report masked, so that a paragraph copied into another
// report, its dates, times and instance codes edited, still compares equal.

/** Masked words a paragraph needs before it is compared: shorter ones ("During the event, the service was down.") recur by chance. */
export const MIN_FINGERPRINT_WORDS = 12;

/**
 * How alike two paragraphs' word pairs must be (Jaccard) to count as nearly identical: two words changed in forty
 * leave about 0.8, and two paragraphs written apart share next to none.
 */
export const NEAR_SIMILARITY = 0.7;

export interface Fingerprint {
  /** The masked words joined by spaces: equal for identical paragraphs. */
  text: string;
  /** Hashes of the masked words' pairs, distinct and sorted: near-identical paragraphs share most. */
  shingles: number[];
}

/**
 * The masked words of `text`, where `spans` (offsets into it) are the dates and times the time analysis read:
 * those, instance codes and other numbers become placeholders, letters fold to lower case and punctuation goes.
 */
export function maskedWords(text: string, spans: readonly { start: number; end: number }[]): string[] {
  let masked = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    masked += `${text.slice(at, span.start)} \uE001 `;
    at = span.end;
  }
  masked += text.slice(at);
  return masked
    .replace(/\b[A-Z]{2,3}\d{2,3}\b/g, ' \uE002 ')
    .toLowerCase()
    .replace(/\d+(?:[.:,]\d+)*/g, ' \uE003 ')
    .split(/[^\p{L}\p{N}\uE001-\uE003]+/u)
    .filter(Boolean);
}

/** FNV-1a's offset basis and prime. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOn(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * FNV-1a over two words and the space between them: the hash of `${first} ${second}`, without making that string
 * for every word pair of every paragraph. A small, stable hash (the same in every process, unlike an object key's
 * order). Signed, so that it is a small integer to V8: unsigned, half of a thousand reports' word pairs were boxed
 * numbers in the index.
 */
function pairHash(first: string, second: string): number {
  return hashOn(Math.imul(hashOn(FNV_BASIS, first) ^ 0x20, FNV_PRIME), second) | 0;
}

/** The paragraph's fingerprint, or undefined when it has too few words to tell a copy from a coincidence. */
export function fingerprintOf(words: readonly string[]): Fingerprint | undefined {
  if (words.length < MIN_FINGERPRINT_WORDS) return undefined;
  // Sorted in a typed array, then each once: a third of the time of adding them to a set and sorting that (the
  // pairs of 20,000 paragraphs of 20 to 60 words, in one thread).
  const pairs = new Int32Array(words.length - 1);
  for (let i = 0; i < pairs.length; i++) pairs[i] = pairHash(words[i], words[i + 1]);
  pairs.sort();
  const shingles: number[] = [];
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) shingles.push(pairs[i]);
  return { text: words.join(' '), shingles };
}

/** Jaccard similarity of two sorted, distinct lists. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}
