// The config validator is ajv's code, generated from schemas/rca-writer.schema.json at build time and committed:
// these fail when the committed file is not what the schema gives, so it cannot go stale unseen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatNames, VALIDATOR_FILE, validatorSource } from '../../scripts/config-validator.mjs';
import { settingsSchema } from '../../server/src/engine/config-schema';
import { formats } from '../../server/src/engine/config-formats';

const root = join(__dirname, '..', '..');

describe('the generated config validator', () => {
  it(`${VALIDATOR_FILE} is what the schema gives (npm run build writes it again)`, () => {
    assert.equal(readFileSync(join(root, VALIDATOR_FILE), 'utf8'), validatorSource());
  });

  it('has a check for every format the schema names, and no other', () => {
    assert.deepEqual(Object.keys(formats).sort(), formatNames(settingsSchema));
  });
});
