/** Only punctuation and symbols ("—", "...", "*"): text that tells a reader nothing. */
const ONLY_PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;

/**
 * Whether a paragraph's words (trimmed, as a reader sees them) say nothing. One test for both places that ask: the
 * empty-paragraph rule (RCA107) reports such a paragraph, and the model never takes it for an introduction, so
 * removing it cannot make the introduction go missing.
 */
export function saysNothing(words: string): boolean {
  return words !== '' && ONLY_PUNCTUATION.test(words);
}
