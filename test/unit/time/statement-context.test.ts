import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STATEMENT, statementFrom } from '../../../server/src/engine/time/zone-context';

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
