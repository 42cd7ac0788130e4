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

/** Code, HTML comments, front matter, addresses and e-mail addresses hold no prose of the report's own language. */
const NOT_PROSE =
  /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)|```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|<!--[\s\S]*?(?:-->|$)|`[^`\n]*`|\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/**
 * What the report quotes is in the language of whoever wrote it: a customer's message in a block quote, an error text
 * in quotation marks ("„Die Anmeldung ist fehlgeschlagen.“"). An English report that quotes a German ticket at length
 * is still English, so quotations are left out of the count; a report that is nothing but quotations has too few words
 * left to tell, and reads as English.
 */
const QUOTED = /^[ \t]{0,3}>.*$|<blockquote\b[\s\S]*?(?:<\/blockquote\s*>|(?![\s\S]))|„[^“”"\n]{0,400}[“”"]|“[^”\n]{0,400}”|«[^»\n]{0,400}»|"[^"\n]{0,400}"/gim;

/** A letter alone ("x" in a table's cells, a list's "a)") says nothing of a language. */
const WORD = /\p{L}{2,}/gu;

export function writtenInEnglish(text: string): boolean {
  const prose = text.slice(0, SAMPLE_CHARS).replace(NOT_PROSE, ' ').replace(QUOTED, ' ');
  let words = 0;
  let english = 0;
  let other = 0;
  for (const [word] of prose.matchAll(WORD)) {
    words++;
    if (word.length > 6) continue;
    const lower = word.toLowerCase();
    if (ENGLISH_WORDS.has(lower)) english++;
    else if (OTHER_WORDS.has(lower)) other++;
  }
  return words < MIN_WORDS || english >= words * MIN_SHARE || other < words * MIN_OTHER_SHARE;
}
