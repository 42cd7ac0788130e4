import picomatch from 'picomatch';
import { parseMarkdown } from './parse';
import type { Root } from 'mdast';
import { parseYaml } from './front-matter';
import { plainText } from './nodes';

export interface DetectInput {
  /** Absolute path of the file, if it has one. */
  path?: string;
  /** Folders the include globs are relative to (workspace folders, or the CLI's working directory). */
  roots?: string[];
  text: string;
  include: string[];
  /** An already parsed tree, to avoid parsing twice. */
  root?: Root;
  /** More title words that mark a report, from the profile (e.g. "Postmortem"). */
  titleWords?: string[];
}

const matchers = new Map<string, picomatch.Matcher>();

function matcher(globs: string[]): picomatch.Matcher {
  const key = globs.join('\0');
  let result = matchers.get(key);
  if (!result) {
    result = picomatch(globs, { dot: true, nocase: process.platform === 'win32' });
    matchers.set(key, result);
  }
  return result;
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Whether the path matches one of the globs, as an absolute path or relative to one of the roots. */
export function pathIncluded(path: string, include: string[], roots: string[] = []): boolean {
  if (!include.length) return false;
  const test = matcher(include);
  const absolute = toSlashes(path);
  if (test(absolute) || test(absolute.replace(/^\/+/, ''))) return true;
  for (const root of roots) {
    const base = toSlashes(root).replace(/\/+$/, '') + '/';
    if (absolute.startsWith(base) && test(absolute.slice(base.length))) return true;
  }
  return false;
}

const BASE_WORDS = ['RCA', 'Root Cause Analysis'];

function titlePattern(words: string[]): RegExp {
  const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'iu');
}

/**
 * Which Markdown files are RCAs: those whose path matches `include`, whose front matter says
 * `type: rca`, or whose H1 says "RCA" or "Root Cause Analysis" (or a word of the profile's) as a word.
 * Other Markdown is left alone.
 */
export function isRcaDocument(input: DetectInput): boolean {
  if (input.path && pathIncluded(input.path, input.include, input.roots)) return true;
  const root = input.root ?? parseMarkdown(input.text);
  for (const node of root.children) {
    if (node.type === 'yaml') {
      try {
        const data: unknown = parseYaml(node.value);
        if (data && typeof data === 'object' && String((data as Record<string, unknown>).type).toLowerCase() === 'rca') return true;
      } catch {
        // Front matter that is not YAML says nothing about the type.
      }
    } else if (node.type === 'heading' && node.depth === 1) {
      return titlePattern([...BASE_WORDS, ...(input.titleWords ?? [])]).test(plainText(node));
    }
  }
  return false;
}
