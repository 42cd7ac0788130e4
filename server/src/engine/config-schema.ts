import type { ErrorObject, ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import schema from '../../../schemas/rca-writer.schema.json';
import { validate } from './config-validator.generated';

/**
 * schemas/rca-writer.schema.json is the one description of the settings: the editor's JSON validation, this
 * validator (config files, editor settings) and package.json's contributions (checked in test/unit/config-schema)
 * all follow it. Here its errors become one-line messages a person can act on.
 */

export type SettingsPath = (string | number)[];

export interface SchemaProblem {
  /** Where the problem is: the value's path, or for an unknown key the key's own path. */
  path: SettingsPath;
  /** The problem is the key's name (unknown key, unknown rule), not its value. */
  atKey: boolean;
  message: string;
}

type Schema = Record<string, unknown>;

// Compiled from the schema by ajv at build time (scripts/config-validator.mjs): ajv itself is in no bundle.
const check = validate as unknown as ValidateFunction;

/** The settings' JSON Schema, for tests and for callers that list keys. */
export const settingsSchema: Schema = schema as Schema;

/** `profiles.acme.sections[0].name`: a path as a person reads it. */
export function describePath(path: SettingsPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The closest of `candidates` to a mistyped `value`, when it is close enough to be what was meant. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const exact = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const shortest = best === undefined ? 0 : Math.min(value.length, best.length);
  if (best !== undefined && bestDistance <= (shortest <= 3 ? 1 : Math.max(2, Math.floor(shortest * 0.4)))) return best;
  // A prefix: "info" for "information", "warn" for "warning".
  return lower.length >= 3 ? candidates.find((candidate) => candidate.toLowerCase().startsWith(lower)) : undefined;
}

function suggestion(value: string, candidates: readonly string[]): string {
  const near = didYouMean(value, candidates);
  return near ? ` (did you mean "${near}"?)` : '';
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  integer: 'a whole number',
};

function pathOf(instancePath: string): SettingsPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: SettingsPath): unknown {
  let current = data;
  for (const part of path) current = (current as Record<string | number, unknown> | undefined)?.[part];
  return current;
}

function problemOf(error: ErrorObject, data: unknown): SchemaProblem | undefined {
  const path = pathOf(error.instancePath);
  const where = describePath(path);
  const value = valueAt(data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties ?? {}) as Schema).filter((k) => k !== '$schema');
      const full = describePath([...path, key]);
      return { path: [...path, key], atKey: true, message: `unknown key "${full}"${suggestion(key, known)} (known: ${known.join(', ')})` };
    }
    case 'enum': {
      const allowed = (error.schema as unknown[]).map(String);
      if (error.propertyName !== undefined) {
        // A key that must be one of a list: a rule's code or name.
        const key = error.propertyName;
        return { path: [...path, key], atKey: true, message: `"${where}": unknown rule "${key}"${suggestion(key, allowed)} (rules are listed in docs/rules)` };
      }
      const shown = allowed.length > 8 ? '' : `, not one of ${allowed.join(', ')}`;
      return { path, atKey: false, message: `"${where}" is ${show(value)}${shown}${typeof value === 'string' ? suggestion(value, allowed) : ''}` };
    }
    case 'type': {
      const expected = String(error.params.type)
        .split(',')
        .map((type) => TYPE_NAMES[type] ?? type)
        .join(' or ');
      return { path, atKey: false, message: `"${where}" must be ${expected}, not ${show(value)}` };
    }
    case 'required':
      return { path, atKey: false, message: `"${where || 'the file'}" needs "${String(error.params.missingProperty)}"` };
    case 'minItems':
      return { path, atKey: false, message: `"${where}" must not be empty` };
    case 'minLength':
      return { path, atKey: false, message: `"${where}" must not be empty` };
    case 'propertyNames':
      return undefined; // reported by the error inside it (enum above)
    case 'format':
      return { path, atKey: false, message: `"${where}" is ${show(value)}, not an IANA time zone (such as "America/Chicago") or UTC offset (such as "UTC+8")` };
    case 'maxLength':
    case 'pattern':
    case 'not': {
      // Limits the schema puts on a key or a value; its description says the limit in words.
      const limit =
        error.keyword === 'maxLength' ? `at most ${String(error.params.limit)} characters` : String(error.parentSchema?.description ?? error.message);
      if (error.propertyName !== undefined) {
        const key = error.propertyName;
        return { path: [...path, key], atKey: true, message: `"${where}": the key ${show(key)} is refused: ${limit}` };
      }
      return { path, atKey: false, message: `"${where}" is ${show(value)}, refused: ${limit}` };
    }
    default:
      return { path, atKey: false, message: `"${where}" ${error.message ?? 'is not valid'}` };
  }
}

/** What is wrong with `data` as a whole settings object (a config file's contents), first problems first. */
export function schemaProblems(data: unknown): SchemaProblem[] {
  if (check(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of check.errors ?? []) {
    const problem = problemOf(error, data);
    if (!problem || seen.has(problem.message)) continue;
    seen.add(problem.message);
    problems.push(problem);
  }
  // A misspelt key explains the missing one beside it ("nmae", then "needs name"): keys first.
  return [...problems.filter((p) => p.atKey), ...problems.filter((p) => !p.atKey)];
}

/** Problems of one setting's value, for settings that arrive one key at a time (the editor's). */
export function settingProblems(key: string, value: unknown): SchemaProblem[] {
  return schemaProblems({ [key]: value });
}

/** The keys a config file may have (and the editor's `rcaWriter.*` settings mirror). */
export function settingKeys(): string[] {
  return Object.keys((schema as { properties: Schema }).properties).filter((key) => key !== '$schema');
}
