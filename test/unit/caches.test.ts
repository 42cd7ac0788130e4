// Caches keyed by a setting's value stay bounded however often the setting changes (an editor session edits
// include globs and profiles many times; each edit is a new key).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileProfiles, compiledProfileCount } from '../../server/src/engine/config';
import { compiledGlobSets, globMatcher } from '../../server/src/engine/glob';
import { LruMap } from '../../server/src/engine/lru';

describe('bounded caches', () => {
  it('LruMap drops the entry used longest ago', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    assert.equal(map.get('a'), 1); // now b is the oldest
    map.set('c', 3);
    assert.equal(map.size, 2);
    assert.equal(map.get('b'), undefined);
    assert.equal(map.get('a'), 1);
    assert.equal(map.get('c'), 3);
  });

  it('compiled include sets and compiled profiles: at most 64 each, after 1,000 distinct settings', () => {
    for (let i = 0; i < 1000; i++) {
      const matcher = globMatcher([`docs/rca-${i}/**/*.md`, '**/*.rca.md']);
      assert.equal(matcher(`docs/rca-${i}/a/b.md`), true);
      const profiles = compileProfiles({ mine: { extends: 'postmortem', description: `edit ${i}` } }, '.rca-writer.json');
      assert.equal(profiles.get('mine')?.description, `edit ${i}`);
    }
    assert.equal(compiledGlobSets(), 64);
    assert.equal(compiledProfileCount(), 64);
  });
});
