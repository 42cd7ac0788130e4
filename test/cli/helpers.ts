// Shared by the CLI tests: the built bin run as a process, and main() run in-process with a fake terminal.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli/main';

export const root = join(__dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.js');
export const seedNames = ['seed-000.md', 'seed-003.md', 'seed-004.md'];
export const seeds = seedNames.map((f) => join('test', 'fixtures', 'seeds', f));
export const seedOriginals: Record<string, string> = {
  'seed-000.md': '000_b0e9d271362f0650.txt',
  'seed-003.md': '003_0e0f57150c7f01da.txt',
  'seed-004.md': '004_754dfc45874ff966.txt',
};
/** The seeds as their web pages print to text (copies of shared/seeds, so a clone is self-contained). */
export const sharedSeeds = join(root, 'test', 'fixtures', 'seeds', 'published');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dist/cli.js as users do. */
export function run(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): Result {
  // A report can be over a megabyte, spawnSync's default buffer: past it the child would be killed and its output cut.
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs main() in this process, with a terminal of the test's choosing. */
export function runIn(args: string[], options: { cwd?: string; stdin?: string; tty?: boolean; beforeFixWrite?: (path: string) => void } = {}): Result {
  let stdout = '';
  let stderr = '';
  // Every command but render answers synchronously; these tests don't run render in-process.
  const code = main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: options.stdin === undefined ? undefined : () => options.stdin!,
    stderrIsTTY: options.tty ?? false,
    cwd: options.cwd ?? root,
    beforeFixWrite: options.beforeFixWrite,
  }) as number;
  return { code, stdout, stderr };
}

/** A fresh folder with the given files (paths relative to it). */
/**
 * Runs the built bin in `dir` as a user whom file permissions bind. Root reads and writes every folder, so under root
 * (as CI runs) the bin is copied into `dir` and run as "nobody" (uid 65534), who can reach nothing else of the checkout.
 */
export function runAsUser(args: string[], dir: string): Result {
  if (process.getuid?.() !== 0) return run(args, { cwd: dir });
  // The bin and the bundle it loads, beside each other as in dist/.
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  for (const name of ['cli.js', 'cli-bundle.js']) copyFileSync(join(dirname(cli), name), join(bin, name));
  const copy = join(bin, 'cli.js');
  chmodSync(dir, 0o755);
  const result = spawnSync(process.execPath, [copy, ...args], { cwd: dir, encoding: 'utf8', input: '', uid: 65534, gid: 65534 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rca-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file under a folder with its content and modification time, to prove that nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      const stats = statSync(path);
      if (stats.isDirectory()) visit(path);
      else result[path] = `${stats.mtimeMs} ${readFileSync(path, 'utf8')}`;
    }
  };
  visit(dir);
  return result;
}

export const seedText = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'seeds', name), 'utf8');

/** A clean RCA (no errors, no warnings under the default profile). */
export const CLEAN = readFileSync(join(root, 'examples', 'clean.rca.md'), 'utf8');
