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

/** Fewer words than this say too little to tell a language by: a title and a few timeline rows. */
const MIN_WORDS = 40;
const MIN_SHARE = 0.03;
/** Enough of a long report to tell its language, read in a time that does not grow with it. */
const SAMPLE_CHARS = 20_000;

/** Code, HTML comments and front matter hold no prose of the report's own language. */
const NOT_PROSE = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)|```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|<!--[\s\S]*?(?:-->|$)|`[^`\n]*`/g;
/** A letter alone ("x" in a table's cells, a list's "a)") says nothing of a language. */
const WORD = /\p{L}{2,}/gu;

export function writtenInEnglish(text: string): boolean {
  const prose = text.slice(0, SAMPLE_CHARS).replace(NOT_PROSE, ' ');
  let words = 0;
  let english = 0;
  for (const [word] of prose.matchAll(WORD)) {
    words++;
    if (word.length <= 6 && ENGLISH_WORDS.has(word.toLowerCase())) english++;
  }
  return words < MIN_WORDS || english >= words * MIN_SHARE;
}
