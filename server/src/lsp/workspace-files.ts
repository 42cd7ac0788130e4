// The Node host's view of the workspace's files, for the folder index (workspace-index.ts): the Markdown files
// under a folder, and a file's text. Only the Node server registers it: a web worker has no files of its own.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTextFile } from '../engine/text-file';

/** Folders a walk never enters, as the CLI's walk (cli/inputs.ts). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;
/** A workspace larger than this is indexed this far: the index is a help, never a reason to stall the server. */
export const MAX_WORKSPACE_FILES = 20_000;

/** The Markdown files under `root`, in a stable order, at most MAX_WORKSPACE_FILES. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      return; // unreadable: left out
    }
    for (const entry of entries) {
      if (found.length >= MAX_WORKSPACE_FILES) return;
      const path = join(folder, entry);
      let isDirectory: boolean;
      try {
        const stats = statSync(path);
        if (!stats.isDirectory() && !stats.isFile()) continue;
        isDirectory = stats.isDirectory();
      } catch {
        continue;
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry)) walk(path);
      } else if (MARKDOWN.test(entry)) found.push(path);
    }
  };
  walk(root);
  return found;
}

/** A file's text, or undefined when it cannot be read as text (gone, binary, not UTF-8 or UTF-16). */
export function readText(path: string): string | undefined {
  try {
    return readTextFile(path);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}
