import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { didYouMean, settingKeys, settingsSchema } from '../../server/src/engine/config-schema';
import { everyRule } from '../../server/src/engine/rules';
import { defaultSettings } from '../../server/src/engine/settings';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributed = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;
/** Settings of the editor alone: they have no place in a config file. */
const EDITOR_ONLY = new Set(['rcaWriter.trace.server']);

type Schema = Record<string, unknown>;

/** A schema with its `$ref`s replaced by what they point at, so two ways of writing one rule compare equal. */
function inline(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inline);
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Schema)[part], settingsSchema);
    return inline(target);
  }
  return Object.fromEntries(Object.entries(schema as Schema).map(([key, value]) => [key, inline(value)]));
}

/** What a value may be, leaving out words for people (descriptions, examples) and editor-only fields. */
function shape(schema: unknown): unknown {
  const PEOPLE = new Set(['description', 'markdownDescription', 'examples', 'scope', 'order', 'default', 'propertyNames', '$id', 'title']);
  if (Array.isArray(schema)) return schema.map(shape);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema as Schema)
      .filter(([key]) => !PEOPLE.has(key))
      .map(([key, value]) => [key, shape(value)]),
  );
}

describe('the settings schema (schemas/rca-writer.schema.json)', () => {
  const properties = (settingsSchema.properties ?? {}) as Record<string, Schema>;

  it("has a VS Code setting for every key, and a key for every VS Code setting but the editor's own", () => {
    const fromPackage = Object.keys(contributed)
      .filter((key) => !EDITOR_ONLY.has(key))
      .map((key) => key.replace(/^rcaWriter\./, ''))
      .sort();
    assert.deepEqual(fromPackage, settingKeys().sort());
  });

  for (const key of settingKeys()) {
    it(`rcaWriter.${key} in package.json allows what the schema allows, with the same default`, () => {
      const contribution = contributed[`rcaWriter.${key}`];
      const schema = inline(properties[key]) as Schema;
      // A user profile is checked in depth by the server (against the schema): the editor only needs objects.
      if (key === 'profiles') {
        assert.equal(contribution.type, 'object');
        assert.deepEqual(contribution.additionalProperties, { type: 'object' });
      } else {
        assert.deepEqual(shape(contribution), shape(schema));
      }
      if ('default' in schema) assert.deepEqual(contribution.default, schema.default);
      assert.deepEqual(contribution.default, (defaultSettings() as unknown as Schema)[key] ?? contribution.default);
    });
  }

  it('is a valid JSON Schema by its meta-schema (the validator does not check, to start faster)', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(settingsSchema), true, ajv.errorsText());
  });

  it('lists every rule, by code and by name, and nothing else', () => {
    const ruleIds = ((settingsSchema.definitions as Record<string, Schema>).ruleId.enum as string[]).slice().sort();
    assert.deepEqual(ruleIds, everyRule.flatMap((rule) => [rule.code, rule.name]).sort());
  });
});

describe('did you mean', () => {
  for (const [typed, candidates, expected] of [
    ['RCA1O9', ['RCA108', 'RCA109', 'RCA201'], 'RCA109'],
    ['placehodler', ['placeholder', 'status-link'], 'placeholder'],
    ['info', ['error', 'warning', 'information', 'hint', 'off'], 'information'],
    ['Error', ['error', 'warning'], 'error'],
    ['profle', ['profile', 'profiles', 'include'], 'profile'],
    ['colour', ['profile', 'include', 'rules'], undefined],
    ['x', ['off', 'hint'], undefined],
  ] as const) {
    it(`"${typed}": ${expected ?? 'nothing close'}`, () => {
      assert.equal(didYouMean(typed, candidates), expected);
    });
  }
});
