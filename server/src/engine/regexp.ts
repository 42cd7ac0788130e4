// Building patterns from words the user or a profile gives (product names, markers, zone phrases).

/** `text` as a pattern that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every match of a global pattern in `text`, as `text.matchAll(pattern)` gives them, found with `exec` on the pattern
 * itself: matchAll copies the pattern first, and the copy cost more than the search on most sentences (about 2.5 µs
 * a call; the date and time finders make a few dozen a report). The pattern's lastIndex is 0 before and after, as
 * matchAll leaves it (no caller sets it), so a pattern shared by several callers still starts each search at 0.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on one character (a code point under the "u" flag), as matchAll does.
    if (match[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}
