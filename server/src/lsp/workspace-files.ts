// The Node host's view of the workspace's files, for the folder index (workspace-index.ts): the Markdown files
// under a folder, and a file's text. Only the Node server registers it: a web worker has no files of its own.
import { pathToFileURL } from 'node:url';
import { readTextFile } from '../engine/text-file';
import { filesUnder } from '../engine/walk';

const MARKDOWN = /\.(md|markdown)$/i;
/** A workspace larger than this is indexed this far: the index is a help, never a reason to stall the server. */
export const MAX_WORKSPACE_FILES = 20_000;

/** The Markdown files under `root` that git does not ignore (as the CLI walks a folder), at most MAX_WORKSPACE_FILES. */
export function markdownFiles(root: string): string[] {
  return filesUnder(root)
    .files.filter((path) => MARKDOWN.test(path))
    .slice(0, MAX_WORKSPACE_FILES);
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
