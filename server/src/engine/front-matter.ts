import type { Root } from 'mdast';

let yamlParse: ((text: string) => unknown) | undefined;

/** YAML's parse, loaded on first use: most reports have no front matter, and the server's start should not wait for it. */
export function parseYaml(text: string): unknown {
  // A synchronous require, not import(): callers parse synchronously, and the bundle is CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlParse ??= (require('yaml') as typeof import('yaml')).parse;
  return yamlParse(text);
}

/** The front matter's fields, or a message when it is not valid YAML; neither when there is none. */
export function readFrontMatter(root: Root): { frontMatter?: Record<string, unknown>; error?: string } {
  const first = root.children[0];
  if (!first || first.type !== 'yaml') return {};
  try {
    const data: unknown = parseYaml(first.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) return { frontMatter: data as Record<string, unknown> };
    return {};
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
