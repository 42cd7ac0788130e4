#!/usr/bin/env node
// What `npm test`, `npm start` and .ci/run need from the machine besides Node and npm, in one place:
// Debian packages (found by the command or header they provide) and code-server in the cache.
// As root, missing packages are installed with apt-get; otherwise it stops with the one apt-get line
// that would install them. Uses node's built-ins only, so it runs before `npm ci`.
//
//   node scripts/prerequisites.mjs test|start [--check]
//     --check                   report what is missing, install nothing (exit 1 if something is)
//   RCA_WRITER_ALLOW_MISSING=1  go on without what is missing: the suites that need it are skipped and named
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerInstalled, ensureCodeServer, findChromium } from './e2e/code-server.mjs';

// Where Debian's elpa-* packages put the Emacs packages they install.
const ELPA = '/usr/share/emacs/site-lisp/elpa';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const chromiumPresent = () => {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
};

/** Whether Debian's Emacs package `name` (elpa-NAME) is installed where Emacs's site start-up finds it. */
export function elpaPresent(name) {
  try {
    return readdirSync(ELPA).some((entry) => entry.startsWith(`${name}-`) && /^\d/.test(entry.slice(name.length + 1)));
  } catch {
    return false;
  }
}

/** Each Debian package, how to tell it is there, and what needs it. */
const PACKAGES = [
  { name: 'chromium', present: chromiumPresent, for: ['browser', 'e2e'] },
  { name: 'poppler-utils', present: () => onPath('pdftoppm') && onPath('pdftotext'), for: ['browser'] },
  // Debian's Neovim (0.7 in bookworm) runs docs/editors/neovim-0.7.lua against the server.
  { name: 'neovim', present: () => onPath('nvim'), for: ['editors'] },
  // Debian's Emacs (28 in bookworm) with eglot and lsp-mode runs docs/editors/emacs-*.el against the server.
  { name: 'emacs-nox', present: () => onPath('emacs'), for: ['editors'] },
  { name: 'elpa-markdown-mode', present: () => elpaPresent('markdown-mode'), for: ['editors'] },
  { name: 'elpa-eglot', present: () => elpaPresent('eglot'), for: ['editors'] },
  { name: 'elpa-lsp-mode', present: () => elpaPresent('lsp-mode'), for: ['editors'] },
  // The rest builds code-server's native modules and seeds its ripgrep: needed only until code-server is installed.
  { name: 'ripgrep', present: () => onPath('rg'), for: ['code-server'] },
  { name: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h'), for: ['code-server'] },
  { name: 'make', present: () => onPath('make'), for: ['code-server'] },
  { name: 'g++', present: () => onPath('g++'), for: ['code-server'] },
  { name: 'python3', present: () => onPath('python3'), for: ['code-server'] },
];

/** What each command needs: `npm test` runs the browser suite and the real VS Code suite, `npm start` serves VS Code. */
const NEEDS = { test: ['browser', 'editors', 'e2e', 'code-server'], start: ['code-server'] };

/** The Debian packages `purpose` needs that are missing. */
export function missingPackages(purpose) {
  const needs = new Set(NEEDS[purpose]);
  if (codeServerInstalled()) needs.delete('code-server');
  return PACKAGES.filter((pkg) => pkg.for.some((use) => needs.has(use)) && !pkg.present()).map((pkg) => pkg.name);
}

/** Why a suite cannot run on this machine, or undefined when it can. */
export function suiteBlocker(suite) {
  const missing = PACKAGES.filter((pkg) => pkg.for.includes(suite) && !pkg.present()).map((pkg) => pkg.name);
  return missing.length ? `needs ${missing.join(', ')}: ${installLine(missing)}` : undefined;
}

export function installLine(packages) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * The packages package.json names whose installed version is not the one package-lock.json pins: a checkout that
 * moved on since the last `npm ci` otherwise fails later with "sh: eslint: not found" or an odd type error.
 */
export function staleModules(root = fileURLToPath(new URL('..', import.meta.url))) {
  const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const manifest = read('package.json');
  const lock = read('package-lock.json');
  const installedVersion = (name) => {
    try {
      return read(`node_modules/${name}/package.json`).version;
    } catch {
      return undefined;
    }
  };
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
    (name) => installedVersion(name) !== lock.packages[`node_modules/${name}`]?.version,
  );
}

const say = (message) => process.stderr.write(`[prerequisites] ${message}\n`);

/**
 * Makes sure the machine has what `purpose` needs. Returns true when all is there; false when the user chose to go
 * on without (RCA_WRITER_ALLOW_MISSING=1); exits with one line otherwise.
 */
export function ensurePrerequisites(purpose, { check = false } = {}) {
  // Only under an npm script (`npm test`, `npm start`): .ci/run calls this before `npm ci` has installed anything.
  const stale = process.env.npm_lifecycle_event ? staleModules() : [];
  if (stale.length) {
    say(`node_modules does not match package-lock.json (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', ...' : ''}): run \`npm ci\` first`);
    process.exit(1);
  }
  let missing = missingPackages(purpose);
  const canInstall = !check && process.getuid?.() === 0 && onPath('apt-get');
  if (missing.length && canInstall) {
    say(`installing Debian packages: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (!install || install.status !== 0) say(`apt-get could not install ${missing.join(' ')}`);
    missing = missingPackages(purpose);
  }
  if (missing.length) {
    if (process.env.RCA_WRITER_ALLOW_MISSING === '1' && !check) {
      say(`going on without ${missing.join(', ')} (RCA_WRITER_ALLOW_MISSING=1): what needs them is skipped`);
      return false;
    }
    say(`missing Debian packages ${missing.join(', ')}; install them with: ${installLine(missing)}`);
    process.exit(1);
  }
  if (check) return true;
  // code-server is fetched from the npm registry into the cache once (a few minutes); later runs find it there.
  if (NEEDS[purpose].includes('code-server') && !codeServerInstalled()) {
    say('installing code-server into the cache (once; a few minutes)');
    try {
      ensureCodeServer();
    } catch (error) {
      say(`code-server could not be installed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2];
  if (!(purpose in NEEDS)) {
    say(`usage: node scripts/prerequisites.mjs ${Object.keys(NEEDS).join('|')} [--check]`);
    process.exit(2);
  }
  const check = process.argv.includes('--check');
  if (ensurePrerequisites(purpose, { check }) && check) say(`everything \`npm ${purpose}\` needs is here`);
}
