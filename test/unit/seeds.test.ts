import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';

const folder = join(__dirname, '..', 'fixtures', 'seeds');
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, string[]>;

describe('the three published seed RCAs', () => {
  for (const [file, codes] of Object.entries(expected)) {
    it(`${file} reports exactly ${codes.join(', ') || 'nothing'}`, () => {
      const diagnostics = checkText(readFileSync(join(folder, file), 'utf8')).diagnostics;
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), [...codes].sort());
    });
  }
});
