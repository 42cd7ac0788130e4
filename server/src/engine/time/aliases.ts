// The `timeZoneAliases` phrases, found in a text by one walk down a trie of them. As alternatives of the zone
// pattern (zones.ts), every phrase was tried at every character: 10,000 aliases took seconds per check and
// compiling the pattern for 50,000 took over half a minute.

import { matchesOf } from '../regexp';

interface AliasNode {
  /** The next character, lower case. */
  chars: Map<string, AliasNode>;
  /** A run of white space (a space in the phrase). */
  space?: AliasNode;
  /** A full stop, present or not, and any white space after it ("U.S." reads "U.S.", "US", "U. S."). */
  dot?: AliasNode;
  /** The zone of the phrase that ends here. */
  zone?: string;
}

export interface AliasMatcher {
  /** The leftmost alias at or after `from`: where it starts and ends, and its zone. */
  next(text: string, from: number): { start: number; end: number; zone: string } | undefined;
}

const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}]/u;

/** Phrases (lower case, single spaces, as zones.ts keeps them) and their zones. */
export function aliasMatcher(aliases: Map<string, string>): AliasMatcher | undefined {
  if (!aliases.size) return undefined;
  const root: AliasNode = { chars: new Map() };
  for (const [phrase, zone] of aliases) {
    let node = root;
    for (let i = 0; i < phrase.length; i++) {
      const ch = phrase[i];
      if (ch === '.') {
        while (SPACE.test(phrase[i + 1] ?? '')) i++;
        node = node.dot ??= { chars: new Map() };
      } else if (SPACE.test(ch)) {
        while (SPACE.test(phrase[i + 1] ?? '')) i++;
        node = node.space ??= { chars: new Map() };
      } else {
        let next = node.chars.get(ch);
        if (!next) node.chars.set(ch, (next = { chars: new Map() }));
        node = next;
      }
    }
    node.zone = zone;
  }

  /** The end of the longest phrase from `node` at `at` that is not followed by a letter or digit, and its zone. */
  function longest(text: string, node: AliasNode, at: number): { end: number; zone: string } | undefined {
    const next = at < text.length ? node.chars.get(text[at].toLowerCase()) : undefined;
    const found = next && longest(text, next, at + 1);
    if (found) return found;
    if (node.space && SPACE.test(text[at] ?? '')) {
      let end = at + 1;
      while (SPACE.test(text[end] ?? '')) end++;
      const spaced = longest(text, node.space, end);
      if (spaced) return spaced;
    }
    if (node.dot) {
      let end = text[at] === '.' ? at + 1 : at;
      while (SPACE.test(text[end] ?? '')) end++;
      const dotted = longest(text, node.dot, end);
      if (dotted) return dotted;
    }
    const after = text.codePointAt(at);
    if (node.zone !== undefined && (after === undefined || !WORD.test(String.fromCodePoint(after)))) return { end: at, zone: node.zone };
    return undefined;
  }

  const anyStart = !!(root.space || root.dot);
  return {
    next(text, from) {
      for (let start = from; start < text.length; start++) {
        if (!anyStart && !root.chars.has(text[start].toLowerCase())) continue;
        const found = longest(text, root, start);
        if (found && found.end > start) return { start, ...found };
      }
      return undefined;
    },
  };
}

/**
 * Every match of `pattern` (global) in `text`, with the aliases among them, as if the aliases were the pattern's
 * first alternative: leftmost first, an alias before a pattern match at the same place, none overlapping. An alias
 * match's `groups.alias` is its zone.
 */
export function withAliases(text: string, pattern: RegExp, aliases: AliasMatcher | undefined): RegExpExecArray[] {
  if (!aliases) return matchesOf(pattern, text);
  const result: RegExpExecArray[] = [];
  let alias = aliases.next(text, 0);
  pattern.lastIndex = 0;
  let other = pattern.exec(text);
  for (;;) {
    if (alias && (!other || alias.start <= other.index)) {
      const matched = text.slice(alias.start, alias.end);
      result.push(Object.assign([matched] as unknown as RegExpExecArray, { index: alias.start, input: text, groups: { alias: alias.zone } }));
      const cursor = alias.end;
      alias = aliases.next(text, cursor);
      // A pattern match found before this alias ended is still the leftmost one after it only if it starts there.
      if (other && other.index < cursor) {
        pattern.lastIndex = cursor;
        other = pattern.exec(text);
      }
    } else if (other) {
      result.push(other);
      const cursor = other.index + Math.max(other[0].length, 1);
      if (alias && alias.start < cursor) alias = aliases.next(text, cursor);
      pattern.lastIndex = cursor;
      other = pattern.exec(text);
    } else return result;
  }
}
