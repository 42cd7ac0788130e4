import type { Root, RootContent } from 'mdast';

declare module 'mdast' {
  /** TOML front matter ("+++" fences), as mdast-util-frontmatter builds it. */
  interface Toml extends Literal {
    type: 'toml';
  }
  interface FrontmatterContentMap {
    toml: Toml;
  }
  interface RootContentMap {
    toml: Toml;
  }
}

let yamlParse: ((text: string) => unknown) | undefined;

/** YAML's parse, loaded on first use: most reports have no front matter, and the server's start should not wait for it. */
export function parseYaml(text: string): unknown {
  // A synchronous require, not import(): callers parse synchronously, and the bundle is CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlParse ??= (require('yaml') as typeof import('yaml')).parse;
  return yamlParse(text);
}

/** YAML ("---") or TOML ("+++") front matter: neither is prose, and both hold the same facts. */
export function isFrontMatter(node: { type: string }): boolean {
  return node.type === 'yaml' || node.type === 'toml';
}

const TOML_KEY = /^\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*=\s*(.*?)\s*$/;

/** One TOML value on one line: a string (basic or literal), a date or date-time, a number or a boolean. */
function tomlValue(raw: string): unknown {
  const basic = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(raw);
  if (basic) return basic[1].replace(/\\(["\\/bfnrt])/g, (_, c: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' })[c] ?? c);
  const literal = /^'([^']*)'\s*(?:#.*)?$/.exec(raw);
  if (literal) return literal[1];
  const bare = raw.replace(/\s+#.*$/, '');
  if (bare === 'true' || bare === 'false') return bare === 'true';
  if (/^[+-]?\d[\d_]*(?:\.\d+)?$/.test(bare)) return Number(bare.replace(/_/g, ''));
  return bare;
}

/**
 * The top-level keys of TOML front matter. Reports use it for a handful of flat keys (title, date, timezone), so
 * this reads `key = value` lines up to the first table header and leaves multi-line values and tables unread.
 */
export function parseTomlKeys(text: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) break;
    const m = TOML_KEY.exec(line);
    if (m) data[m[1] ?? m[2] ?? m[3]] = tomlValue(m[4]);
  }
  return data;
}

/** The front matter node, when the document opens with one. */
export function frontMatterNode(root: Root): RootContent | undefined {
  const first = root.children[0];
  return first && isFrontMatter(first) ? first : undefined;
}

/** The front matter's fields, or a message when it is not valid YAML; neither when there is none. */
export function readFrontMatter(root: Root): { frontMatter?: Record<string, unknown>; error?: string } {
  const first = frontMatterNode(root);
  if (!first || !('value' in first)) return {};
  if (first.type === 'toml') return { frontMatter: parseTomlKeys(first.value) };
  try {
    const data: unknown = parseYaml(first.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) return { frontMatter: data as Record<string, unknown> };
    return {};
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** A text field of the front matter, under the first of `keys` it has. */
function textField(frontMatter: Record<string, unknown> | undefined, keys: readonly string[]): string | undefined {
  if (!frontMatter) return undefined;
  for (const key of keys) {
    const value = frontMatter[key];
    // YAML 1.1 writers and some parsers turn `date: 2024-11-02` into a Date; it means the same day.
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

const TITLE_KEYS = ['title'] as const;
const DATE_KEYS = ['date', 'incident_date', 'incidentDate'] as const;
const ZONE_KEYS = ['timezone', 'time_zone', 'timeZone', 'zone', 'tz'] as const;

/** What the front matter says of the report: its title, its date and the zone its times are in. */
export interface FrontMatterFacts {
  title?: string;
  date?: string;
  timeZone?: string;
}

export function frontMatterFacts(frontMatter: Record<string, unknown> | undefined): FrontMatterFacts {
  return { title: textField(frontMatter, TITLE_KEYS), date: textField(frontMatter, DATE_KEYS), timeZone: textField(frontMatter, ZONE_KEYS) };
}
