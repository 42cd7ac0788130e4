import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine/check';

const seed = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', `${name}.md`), 'utf8');
const timeCodes = (name: string) => checkText(seed(name)).diagnostics.filter((d) => /^RCA(?:2\d\d|30\d)$/.test(d.code));

describe('time rules on the real seed RCAs', () => {
  it('seed 000: RCA201 on the introduction date, naming the year', () => {
    const found = timeCodes('seed-000');
    assert.deepEqual(
      found.map((d) => d.code),
      ['RCA201'],
    );
    assert.equal(found[0].range.start.line, 4);
    assert.match(found[0].message, /April 2, 2025.*April 11, 2026.*year/);
  });
  it('seed 003: no date, time or zone finding', () => {
    assert.deepEqual(
      timeCodes('seed-003').map((d) => d.code),
      [],
    );
  });
  it('seed 004: RCA202, and "Beijing time" is a zone (no RCA203)', () => {
    assert.deepEqual(
      timeCodes('seed-004').map((d) => d.code),
      ['RCA202'],
    );
  });
});
