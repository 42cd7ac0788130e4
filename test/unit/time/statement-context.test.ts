import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gapStart, leadStart, STATEMENT, statementFrom } from '../../../server/src/engine/time/zone-context';

test('a statement about times is found reading back from statementFrom as in the whole sentence', () => {
  // Words a statement holds, words it does not, and what sits between them: digits and "_" that make "\b" differ.
  const vocabulary = ['times', 'Times', 'hours', 'time', 'zone', 'zones', 'timezone', 'tz', 'clock', 'are', 'in', 'the', 'all', 'local'];
  const others = ['foo', 'x', '5', '_', 'é', 'CST', '5times', 'atimes', 'timesx'];
  const between = [' ', '  ', ':', ',', '(', '-', '—', ''];
  let seed = 3;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  let found = 0;
  for (let round = 0; round < 50_000; round++) {
    let text = '';
    for (let i = next(10); i >= 0; i--) {
      const words = next(4) ? vocabulary : others;
      text += words[next(words.length)] + between[next(between.length)];
    }
    const start = next(Math.min(3, text.length + 1));
    const end = start + next(text.length - start + 1);
    const whole = STATEMENT.test(text.slice(start, end));
    if (whole) found++;
    assert.equal(STATEMENT.test(text.slice(statementFrom(text, start, end), end)), whole, JSON.stringify({ text, start, end }));
  }
  assert.ok(found > 500, `the random sentences hold statements too (${found})`);
});

test('statementFrom stops at the first word a statement cannot hold', () => {
  const text = 'Eastern CST Pacific PST all times are in ';
  assert.equal(statementFrom(text, 0, text.length), text.indexOf(' all') - 1);
  assert.ok(STATEMENT.test(text.slice(statementFrom(text, 0, text.length))));
});

test('gapStart and leadStart read back as their patterns match, on every short text of the characters that matter', () => {
  // Every text of up to 5 of these characters, each cut at every start and end: spaces (one outside ASCII), "(", ",",
  // the "in" the lead may hold, and word characters that make "\b" differ.
  const alphabet = [' ', '(', ',', 'i', 'n', '_', '\u00a0'];
  const texts = [''];
  for (let length = 1, last = ['']; length <= 5; length++) {
    last = last.flatMap((text) => alphabet.map((c) => text + c));
    texts.push(...last);
  }
  let compared = 0;
  for (const text of texts) {
    for (let start = 0; start <= Math.min(2, text.length); start++) {
      for (const end of [text.length, Math.max(start, text.length - 1)]) {
        const slice = text.slice(start, end);
        assert.equal(gapStart(text, start, end), start + /[\s(,]*$/.exec(slice)!.index, JSON.stringify([text, start, end]));
        assert.equal(leadStart(text, start, end), start + /[\s(,]*(?:\bin\s+)?[\s(]*$/.exec(slice)!.index, JSON.stringify([text, start, end]));
        compared++;
      }
    }
  }
  assert.ok(compared > 10_000);
});
