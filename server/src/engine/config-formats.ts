import { normaliseIana } from './time/zones';

/**
 * The formats schemas/rca-writer.schema.json names ("format": "time-zone"), by name: the validator generated from
 * the schema (config-validator.generated.ts) calls them. Every format the schema names must be here
 * (test/unit/config-validator.test.ts).
 */
export const formats: Record<string, (value: string) => boolean> = {
  // Empty: no zone (defaultTimeZone's default). An unknown zone would otherwise be dropped without a word.
  'time-zone': (value) => value.trim() === '' || normaliseIana(value) !== undefined,
};
