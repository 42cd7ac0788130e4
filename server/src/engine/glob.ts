import picomatch from 'picomatch';
import { LruMap } from './lru';

/**
 * The one glob matcher of the engine: file globs (include, exclude) and instance-code globs (instanceTimeZones keys)
 * all match through picomatch, so "EU0[3-6]", "{NA,EU}*" and "**" mean the same wherever a setting takes a glob.
 * Compiled matchers are kept, since the same few settings are asked about on every check; the last 64 sets, since
 * each edit of a glob setting is a new set (a compiled set of three globs holds about 10 KB).
 */
const matchers = new LruMap<string, picomatch.Matcher>(64);

/** How many compiled glob sets are kept (for tests). */
export function compiledGlobSets(): number {
  return matchers.size;
}

export function globMatcher(globs: string | string[], options: { nocase?: boolean } = {}): picomatch.Matcher {
  const list = typeof globs === 'string' ? [globs] : globs;
  const nocase = options.nocase ?? false;
  const key = `${nocase ? 'i' : 's'}\0${list.join('\0')}`;
  let result = matchers.get(key);
  if (!result) {
    result = picomatch(list, { dot: true, nocase });
    matchers.set(key, result);
  }
  return result;
}
