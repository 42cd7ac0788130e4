import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditMap } from 'micromark-util-edit-map';
import { consumeFromFirstEdit, libraryConsume } from '../../server/src/engine/edit-map';
import { parseMarkdown } from '../../server/src/engine/parse';

type Events = Parameters<EditMap['consume']>[0];

test('the engine consumes edit maps with its own consume, installed before any parse', () => {
  parseMarkdown('- a\n  - b\n');
  assert.equal(EditMap.prototype.consume, consumeFromFirstEdit);
  assert.notEqual(libraryConsume, consumeFromFirstEdit);
});

test("consumeFromFirstEdit leaves the same events as the library's consume, for random edits", () => {
  // Events stand in as numbered tokens: consume only moves them, so identity is what matters.
  const token = (n: number) => ['enter', { type: `t${n}` }, {}] as unknown as Events[number];
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let round = 0; round < 500; round++) {
    const original = Array.from({ length: next(30) }, (_, i) => token(i));
    const edits: [number, number, Events][] = [];
    for (let i = next(5); i > 0; i--) {
      const at = next(original.length + 1);
      edits.push([at, next(Math.max(1, original.length - at + 1)), Array.from({ length: next(4) }, (_, j) => token(1000 + round * 10 + j))]);
    }
    const run = (consume: (this: EditMap, events: Events) => undefined) => {
      const map = new EditMap();
      for (const [at, remove, add] of edits) map.add(at, remove, add.slice());
      const events = original.slice();
      consume.call(map, events);
      return events;
    };
    assert.deepEqual(run(consumeFromFirstEdit), run(libraryConsume), JSON.stringify({ length: original.length, edits }));
  }
});
