import { EditMap } from 'micromark-util-edit-map';

/**
 * micromark's EditMap.consume copies every event before the first edit and pushes it back, and the document
 * tokenizer consumes one edit map each time a list item or footnote closes, near the end of the events: so a long list
 * or a run of footnotes cost the square of its length (100 KB of nested lists took minutes). This consume leaves the
 * events before the first edit where they are and rebuilds only the rest; the events it leaves are the same, in the
 * same order (test/unit/edit-map.test.ts compares it with the library's on random edits).
 */
type Events = Parameters<EditMap['consume']>[0];
type Change = [at: number, remove: number, add: Events];

export function consumeFromFirstEdit(this: EditMap, events: Events): undefined {
  const state = this as unknown as { map: Change[]; index: Map<number, Change> };
  const map = state.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  const vecs: Events[] = [];
  for (let index = map.length - 1; index >= 0; index--) {
    vecs.push(events.slice(map[index][0] + map[index][1]), map[index][2]);
    events.length = map[index][0];
  }
  for (let slice = vecs.pop(); slice; slice = vecs.pop()) for (const event of slice) events.push(event);
  map.length = 0;
  state.index.clear();
  return undefined;
}

/** The library's own consume, kept for the test that compares the two. */
export const libraryConsume = EditMap.prototype.consume;

EditMap.prototype.consume = consumeFromFirstEdit;
