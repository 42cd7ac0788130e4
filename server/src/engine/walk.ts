// Walking a folder as git sees it: the files under it but those its .gitignore files (and the repository's above it)
// leave out, never entering node_modules or .git. The CLI's folder walks and the language server's workspace index
// both use it, so a report the command line skips is never compared in the editor.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders a walk never enters. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

/** The .gitignore files met on the way down a walk, each with the folder its patterns are relative to. */
type IgnoreStack = { base: string; rules: Ignore }[];

function withGitignore(directory: string, stack: IgnoreStack): IgnoreStack {
  let text: string;
  try {
    text = readFileSync(join(directory, '.gitignore'), 'utf8');
  } catch {
    return stack;
  }
  return [...stack, { base: directory, rules: ignore().add(text) }];
}

function gitignored(path: string, isDirectory: boolean, stack: IgnoreStack): boolean {
  return stack.some(({ base, rules }) => {
    const rel = toSlashes(relative(base, path));
    return rel !== '' && !rel.startsWith('..') && rules.ignores(isDirectory ? `${rel}/` : rel);
  });
}

/** What a walk found: the files (and the special files, which reading refuses by name), and folders it could not read. */
export interface Walked {
  files: string[];
  unreadable: string[];
}

function walk(directory: string, seen: Set<string>, found: Walked, ignores: IgnoreStack): void {
  let real: string;
  try {
    real = realpathSync(directory);
  } catch {
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    found.unreadable.push(`${directory}: cannot read the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  const here = withGitignore(directory, ignores);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // The directory's listing tells a file or a folder without a stat per entry (a tenth of the CLI's reading of a
    // folder of small reports); a link, or an entry whose type the file system does not give, is looked up.
    let isDirectory = entry.isDirectory();
    if (!isDirectory && !entry.isFile()) {
      try {
        isDirectory = statSync(path).isDirectory();
      } catch {
        continue; // a dangling symlink
      }
    }
    if (gitignored(path, isDirectory, here)) continue;
    if (isDirectory) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, seen, found, here);
    } else found.files.push(path);
  }
}

/**
 * The .gitignore files above `directory` that apply to it: those from the repository's top folder down. Outside
 * a repository none above it does.
 */
function ancestorGitignores(directory: string): IgnoreStack {
  const folders: string[] = [];
  for (let current = dirname(directory); ; current = dirname(current)) {
    folders.unshift(current);
    if (isRepositoryTop(current)) return folders.reduce<IgnoreStack>((stack, folder) => withGitignore(folder, stack), []);
    if (dirname(current) === current) return [];
  }
}

function isRepositoryTop(folder: string): boolean {
  try {
    statSync(join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The files under `directory`, in name order, but what .gitignore files leave out; folders it could not read are named. */
export function filesUnder(directory: string): Walked {
  const found: Walked = { files: [], unreadable: [] };
  walk(directory, new Set(), found, isRepositoryTop(directory) ? [] : ancestorGitignores(directory));
  return found;
}
