import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisjointSpans, SpanIndex, type Span } from '../../server/src/engine/spans';

/** The walk SpanIndex replaces: the answer it must give for every span. */
function overlapsByWalk(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

test('SpanIndex answers as a walk of every span, for nested, touching, overlapping and empty spans', () => {
  // A fixed pseudo-random sequence, so a failure is the same on every run.
  let seed = 17;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let round = 0; round < 200; round++) {
    const spans: Span[] = [];
    for (let i = next(12); i > 0; i--) {
      const start = next(40);
      spans.push({ start, end: start + next(10) });
    }
    const index = new SpanIndex(spans);
    for (let start = 0; start < 50; start++) {
      for (const length of [0, 1, 3, 8]) {
        assert.equal(index.overlaps(start, start + length), overlapsByWalk(spans, start, start + length), JSON.stringify({ spans, start, length }));
      }
    }
  }
});

test('SpanIndex: spans that only touch do not overlap; an empty index overlaps nothing', () => {
  const index = new SpanIndex([
    { start: 0, end: 5 },
    { start: 10, end: 20 },
    { start: 12, end: 14 },
  ]);
  assert.equal(index.overlaps(5, 10), false);
  assert.equal(index.overlaps(4, 5), true);
  assert.equal(index.overlaps(19, 30), true);
  assert.equal(index.overlaps(20, 30), false);
  assert.equal(new SpanIndex([]).overlaps(0, 100), false);
});

test('DisjointSpans takes a span only when it overlaps none taken, as a walk of those taken would, in any order', () => {
  let seed = 29;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let round = 0; round < 300; round++) {
    const spans = new DisjointSpans();
    const taken: Span[] = [];
    for (let i = next(40); i > 0; i--) {
      const start = next(60);
      const end = start + 1 + next(6);
      const free = !overlapsByWalk(taken, start, end);
      assert.equal(spans.overlaps(start, end), !free);
      assert.equal(spans.add(start, end), free, JSON.stringify({ taken, start, end }));
      if (free) taken.push({ start, end });
    }
  }
});
