/**
 * Whether a report is written in English, the one language the profiles' section names, the zone words and the
 * date words are read in. A German or Spanish report ("14:05 Uhr MEZ", "Causa raíz") would get a missing section
 * for every heading and a missing zone for every time: findings about what RCA Writer cannot read, not about the
 * report. English prose, even a terse timeline of table rows, has one word in ten or more among these; a report in
 * another language has almost none (the words that other languages share, "a", "as", "in", "no", "so", "was",
 * are left out).
 */
const ENGLISH_WORDS = new Set(
  'the and of to is are were for with on at by from this that these we our it its be been not has have had which they their after before during'.split(' '),
);

/**
 * The words other languages write most (German, Spanish, Portuguese, French, Italian, Dutch), none of them an English
 * word too. A report is read as another language only on their evidence: terse English ("10:05 UTC alerts fired",
 * "Service restored") has few of the English words above, and none of these.
 */
const OTHER_WORDS = new Set(
  (
    'der das und ist nicht mit von den dem des ein eine einer wurde wurden auf für bei sich auch werden wir uhr zur zum ' +
    'el la los las del que por con una fue para al como más se y ' +
    'os da do das dos em não um uma foi ao pelo pela ' +
    'le les du et est une pour dans pas sur au aux été ont ' +
    'il di che della per non sono ' +
    'het een van niet zijn wordt werd'
  ).split(' '),
);
/** The share of those words that tells a report in another language. */
const MIN_OTHER_SHARE = 0.08;

/** Fewer words than this say too little to tell a language by: a title and a few timeline rows. */
const MIN_WORDS = 40;
const MIN_SHARE = 0.03;
/** Enough of a long report to tell its language, read in a time that does not grow with it. */
const SAMPLE_CHARS = 20_000;

/**
 * Code, HTML comments, front matter, addresses and e-mail addresses hold no prose of the report's own language. Each
 * part with what a text holds wherever the part matches: the search leaves out the parts a text cannot match (most
 * reports have no code, no comment and no e-mail address, and the last part tried a match at every word), which
 * finds the same matches, since a part that cannot match never wins over a later one.
 */
const NOT_PROSE_PARTS: readonly [source: string, mayMatch: (text: string) => boolean][] = [
  [String.raw`^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)`, (text) => text.startsWith('---')],
  ['```[\\s\\S]*?(?:```|$)', (text) => text.includes('```')],
  [String.raw`~~~[\s\S]*?(?:~~~|$)`, (text) => text.includes('~~~')],
  [String.raw`<!--[\s\S]*?(?:-->|$)`, (text) => text.includes('<!--')],
  ['`[^`\\n]*`', (text) => text.includes('`')],
  [String.raw`\b(?:https?:\/\/|www\.)\S+`, (text) => text.includes('http') || text.includes('www.')],
  [String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, (text) => text.includes('@')],
];
/** NOT_PROSE_PARTS joined, by the set of parts a text may match (a bit each); none when it may match none. */
const notProsePatterns = new Map<number, RegExp>();

function notProseIn(text: string): RegExp | undefined {
  let key = 0;
  NOT_PROSE_PARTS.forEach(([, mayMatch], i) => {
    if (mayMatch(text)) key |= 1 << i;
  });
  if (!key) return undefined;
  let pattern = notProsePatterns.get(key);
  if (!pattern) {
    const sources = NOT_PROSE_PARTS.filter((_, i) => key & (1 << i)).map(([source]) => source);
    notProsePatterns.set(key, (pattern = new RegExp(sources.join('|'), 'g')));
  }
  return pattern;
}

/**
 * What the report quotes is in the language of whoever wrote it: a customer's message in a block quote, an error text
 * in quotation marks ("„Die Anmeldung ist fehlgeschlagen.“"). An English report that quotes a German ticket at length
 * is still English, so quotations are left out of the count; a report that is nothing but quotations has too few words
 * left to tell, and reads as English.
 */
const QUOTED = /^[ \t]{0,3}>.*$|<blockquote\b[\s\S]*?(?:<\/blockquote\s*>|(?![\s\S]))|„[^“”"\n]{0,400}[“”"]|“[^”\n]{0,400}”|«[^»\n]{0,400}»|"[^"\n]{0,400}"/gim;
/** What each form of QUOTED holds: most reports quote nothing. */
const MAY_QUOTE = /[>"<„“«]/;

/** A letter alone ("x" in a table's cells, a list's "a)") says nothing of a language. */
const LETTER = /^\p{L}$/u;

/** Whether the code point at `at` is a letter (\p{L}): a test of the character code for ASCII, the pattern else. */
function isLetter(text: string, at: number, code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

export function writtenInEnglish(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  const notProse = notProseIn(sample);
  const withoutCode = notProse ? sample.replace(notProse, ' ') : sample;
  const prose = MAY_QUOTE.test(withoutCode) ? withoutCode.replace(QUOTED, ' ') : withoutCode;
  let words = 0;
  let english = 0;
  let other = 0;
  // The words are the runs of two letters or more (\p{L}{2,}), read by their character codes: a match and a string
  // for each of a report's hundreds of words were most of this check.
  let at = 0;
  while (at < prose.length) {
    const start = at;
    let letters = 0;
    for (let code = prose.charCodeAt(at); at < prose.length && isLetter(prose, at, code); code = prose.charCodeAt(at)) {
      letters++;
      at += code >= 0xd800 && code <= 0xdbff && at + 1 < prose.length && (prose.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    if (letters === 0) {
      at++;
      continue;
    }
    if (letters < 2) continue;
    words++;
    if (at - start > 6) continue;
    const lower = prose.slice(start, at).toLowerCase();
    if (ENGLISH_WORDS.has(lower)) english++;
    else if (OTHER_WORDS.has(lower)) other++;
  }
  return words < MIN_WORDS || english >= words * MIN_SHARE || other < words * MIN_OTHER_SHARE;
}
