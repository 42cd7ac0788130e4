// A config file's text to settings: parsing (JSON with comments, YAML), validation and user profiles. No file
// access here: config.ts finds and reads files on disk, and a web worker gets the text through its client.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { schemaProblems, type SchemaProblem, type SettingsPath } from './config-schema';
import { builtInRole, findProfile, type Profile, type SectionDef, type SectionRole } from './profiles';
import { LruMap } from './lru';
import { CONFIG_FILE_NAME, type RcaSettings } from './settings';

/**
 * `.rca-writer.json` (JSON with comments and trailing commas) or `.rca-writer.yaml`: the same keys as the
 * `rcaWriter.*` settings, plus `profiles`, shared by the editor and the CLI so both check alike. It is data
 * only, never executed; schemas/rca-writer.schema.json says what it may hold.
 */
export { CONFIG_FILE_NAME };

/** The names a config file may have, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, '.rca-writer.yaml', '.rca-writer.yml'];

/** A problem in a config file or profile; the message names the file and the key. */
export class ConfigError extends Error {}

/** Two config files in one folder: which one applies is not guessed. `found` are their paths (or URIs). */
export function twoConfigFiles(found: string[], name: (path: string) => string): ConfigError {
  return new ConfigError(`${found[0]}: ${found.slice(1).map(name).join(' and ')} in the same folder; keep one`);
}

export interface LoadedConfig {
  path: string;
  /** The settings the file sets (not merged with defaults). */
  settings: Record<string, unknown>;
}

/** A parsed file: its data, and where each value or key sits in the text (1-based line and column). */
interface ParsedConfig {
  data: unknown;
  locate(path: SettingsPath, atKey: boolean): { line: number; column: number } | undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Deeper than any settings (the deepest is profiles.NAME.sections[i].aliases[j], 5 levels): the parsers and the
 * validator recurse once a level, and 100,000 nested objects overflowed the stack without naming the file.
 */
export const MAX_CONFIG_DEPTH = 32;

/** Where JSON text (with comments) first opens more than MAX_CONFIG_DEPTH objects or lists, or -1. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i === -1) return -1;
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i === -1) return -1;
      i++;
    } else if (ch === '{' || ch === '[') {
      if (++depth > MAX_CONFIG_DEPTH) return i;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return -1;
}

function tooDeep(path: string, at: { line: number; column: number }): ConfigError {
  return new ConfigError(`${path}:${at.line}:${at.column}: nested more than ${MAX_CONFIG_DEPTH} levels deep; settings never are`);
}

function parseJsonc(path: string, text: string): ParsedConfig {
  const deep = tooDeepAt(text);
  if (deep !== -1) throw tooDeep(path, lineAndColumn(text, deep));
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const first = errors[0];
    const at = first ? lineAndColumn(text, first.offset) : { line: 1, column: 1 };
    const what = first
      ? printParseErrorCode(first.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
      : 'empty file';
    throw new ConfigError(`${path}:${at.line}:${at.column}: not valid JSON: ${what}`);
  }
  return {
    data: getNodeValue(tree),
    locate(settingsPath, atKey) {
      const node: JsonNode | undefined = findNodeAtLocation(tree, settingsPath);
      const target = atKey ? node?.parent?.children?.[0] : node;
      return target ? lineAndColumn(text, target.offset) : undefined;
    },
  };
}

function parseYamlConfig(path: string, text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  // The YAML parser recurses once a level: past the stack it reports the overflow as its error.
  if (error && /call stack/i.test(error.message)) throw tooDeep(path, { line: lineCounter.linePos(error.pos[0]).line, column: 1 });
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(`${path}:${at.line}:${at.col}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const position = (node: YamlNode | null | undefined) => {
    if (!node?.range) return undefined;
    const at = lineCounter.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  };
  return {
    data: document.toJS() ?? {},
    locate(settingsPath, atKey) {
      if (!atKey) return position(document.getIn(settingsPath, true) as YamlNode | undefined);
      const parent = settingsPath.length > 1 ? document.getIn(settingsPath.slice(0, -1), true) : document.contents;
      const last = settingsPath[settingsPath.length - 1];
      if (!isMap(parent)) return undefined;
      const pair = parent.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(last));
      return position(pair?.key as YamlNode | undefined);
    },
  };
}

/** The path of a value more than `max` objects or lists deep, if any (walked without recursion). */
function pathDeeperThan(data: unknown, max: number): SettingsPath | undefined {
  const stack: { value: unknown; path: SettingsPath }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= max) return path;
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return undefined;
}

function located(path: string, parsed: ParsedConfig, problem: SchemaProblem): string {
  const at = parsed.locate(problem.path, problem.atKey);
  return `${path}${at ? `:${at.line}:${at.column}` : ''}: ${problem.message}`;
}

/** Parses and validates the text of the config file `path` (named in messages; a path or a URI). */
export function parseConfigText(path: string, text: string): LoadedConfig {
  text = text.replace(/^\uFEFF/, '');
  const parsed = /\.ya?ml$/i.test(path) ? parseYamlConfig(path, text) : parseJsonc(path, text);
  const deepPath = pathDeeperThan(parsed.data, MAX_CONFIG_DEPTH);
  if (deepPath) throw tooDeep(path, parsed.locate(deepPath, false) ?? { line: 1, column: 1 });
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    throw new ConfigError(`${path}:1:1: must hold an object of settings (for example {"profile": "postmortem"})`);
  }
  const [problem] = schemaProblems(parsed.data);
  if (problem) throw new ConfigError(located(path, parsed, problem));
  const settings = parsed.data as Record<string, unknown>;
  if (settings.profiles !== undefined) compileProfiles(settings.profiles, path);
  return { path, settings };
}

/**
 * Settings for a document: defaults, then the editor's (or the CLI's) settings, then the nearest config file.
 * Maps (rules, aliases, instance zones, profiles) merge key by key; the file wins on conflicts.
 */
export function mergeSettings(base: Partial<RcaSettings>, file: Record<string, unknown> | undefined): Partial<RcaSettings> {
  if (!file) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(file)) {
    if (key === '$schema') continue;
    const previous = merged[key];
    const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    merged[key] = isMap(value) && isMap(previous) ? { ...(previous as object), ...(value as object) } : value;
  }
  return merged as Partial<RcaSettings>;
}

// ---- user-defined profiles ----

/** A section of a user profile, as the schema allows it. */
interface SectionSpec {
  name: string;
  id?: string;
  aliases?: string[];
  required?: boolean;
  skeleton?: string;
  prefix?: string;
  implicit?: boolean;
  statusLink?: boolean;
  role?: SectionRole;
}

/** Profiles compiled from their specs, by source, name and spec: the last 64, as each edit of one is a new key. */
const compiled = new LruMap<string, Profile>(64);

/** How many compiled profiles are kept (for tests). */
export function compiledProfileCount(): number {
  return compiled.size;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Turns the `profiles` object of a config file or setting into profiles, or says exactly what is wrong. */
export function compileProfiles(specs: unknown, source: string): Map<string, Profile> {
  const result = new Map<string, Profile>();
  if (typeof specs !== 'object' || specs === null) return result;
  for (const [name, spec] of Object.entries(specs as Record<string, unknown>)) {
    if (name.trim().toLowerCase() === 'auto')
      throw new ConfigError(`${source}: profiles.auto: "auto" is the setting that chooses a profile per report; give yours another name`);
    const key = `${source}\0${name}\0${JSON.stringify(spec)}`;
    let profile = compiled.get(key);
    if (!profile) {
      profile = compileProfile(name, spec, source);
      compiled.set(key, profile);
    }
    result.set(name.toLowerCase(), profile);
  }
  return result;
}

/**
 * One profile of `profiles`. Its shape was checked against the schema where it came from (loadConfigFile,
 * resolveSettings); what is left to check here is what a schema cannot say.
 */
function compileProfile(name: string, spec: unknown, source: string): Profile {
  const fail = (message: string): never => {
    throw new ConfigError(`${source}: profiles.${name}${message}`);
  };
  const input = (spec ?? {}) as Record<string, unknown>;
  const base = typeof input.extends === 'string' ? findProfile(input.extends) : undefined;
  if (input.extends !== undefined && !base) fail(`.extends: unknown profile "${String(input.extends)}"`);
  if (input.sections === undefined && !base) fail('.sections is required (a list of sections), or "extends" a built-in profile');
  let sections: SectionDef[] = base ? base.sections : [];
  if (Array.isArray(input.sections)) {
    const seen = new Set<string>();
    const roles = new Set<SectionRole>();
    sections = (input.sections as SectionSpec[]).map((section, index) => {
      const sectionName = String(section.name).trim();
      if (!sectionName) fail(`.sections[${index}].name must not be blank`);
      const id = typeof section.id === 'string' && section.id ? section.id : slug(sectionName);
      if (seen.has(id)) fail(`.sections[${index}]: a second section "${sectionName}"`);
      seen.add(id);
      const inherited = base?.sections.find((d) => d.id === id);
      const role = section.role ?? inherited?.role;
      if (role && roles.has(role)) fail(`.sections[${index}].role: a second section with the role "${role}"`);
      if (role) roles.add(role);
      return {
        id,
        name: sectionName,
        aliases: section.aliases ?? inherited?.aliases ?? [],
        required: section.required ?? inherited?.required ?? true,
        skeleton: section.skeleton ?? inherited?.skeleton ?? '{{text}}',
        prefix: section.prefix ?? inherited?.prefix,
        mayBeImplicit: section.implicit ?? inherited?.mayBeImplicit ?? false,
        needsStatusLink: section.statusLink ?? inherited?.needsStatusLink ?? false,
        toldInProse: inherited?.toldInProse,
        role,
      };
    });
    // A section without a role is what the built-in section of its id is ("event-timeline" is the timeline), when no
    // other section already is: configurations written before roles keep their rules.
    for (const def of sections) {
      const role = builtInRole(def.id);
      if (!def.role && role && !roles.has(role)) {
        def.role = role;
        roles.add(role);
      }
    }
  }
  const title = (input.title ?? {}) as { form?: string; skeleton?: string; marker?: string; requiresDate?: boolean };
  return {
    name,
    description: typeof input.description === 'string' ? input.description : (base?.description ?? `Profile "${name}" from ${source}.`),
    title: {
      form: title.form ?? base?.title.form ?? '<title>',
      skeleton: title.skeleton ?? base?.title.skeleton ?? '{{title}}',
      marker: title.marker ?? base?.title.marker ?? '',
      requiresDate: title.requiresDate ?? base?.title.requiresDate ?? false,
      // The table of house forms belongs to the base's title: a profile that writes its own form does not inherit it.
      forms: title.form === undefined && title.marker === undefined ? base?.title.forms : undefined,
    },
    titleWords: (input.titleWords as string[] | undefined) ?? base?.titleWords,
    open: typeof input.open === 'boolean' ? input.open : base?.open,
    preambleLines: base?.preambleLines ?? [],
    statusPortalUrl: (input.statusPortalUrl as string | undefined) ?? base?.statusPortalUrl,
    products: (input.products as Record<string, string[]> | undefined) ?? base?.products,
    instanceRegions: (input.instanceRegions as string[] | undefined) ?? base?.instanceRegions,
    sections,
  };
}
