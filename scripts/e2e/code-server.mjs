// What scripts/e2e/run.mjs (npm run test:e2e) and scripts/start.mjs (npm start) share: building and
// packaging the extension, installing code-server and extensions, starting and stopping code-server.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const cacheRoot = process.env.RCA_WRITER_CACHE || join(process.env.HOME || '/tmp', '.cache', 'rca-writer');
const require = createRequire(import.meta.url);

export function log(prefix, message) {
  process.stderr.write(`[${prefix}] ${message}\n`);
}

/** Runs a command, showing its output; throws if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

/** Whether install-code-server.sh has finished an install (its marker file and entry point are there). */
/** Where code-server is installed (scripts/e2e/install-code-server.sh reads the same variables). */
export function codeServerDir() {
  return process.env.RCA_WRITER_CODE_SERVER || join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerInstalled() {
  const dir = codeServerDir();
  return existsSync(join(dir, '.rca-writer-installed')) && existsSync(join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'));
}

/** Installs code-server into the cache if needed (scripts/e2e/install-code-server.sh); returns its entry.js. */
export function ensureCodeServer() {
  const result = spawnSync('bash', [join(repoRoot, 'scripts', 'e2e', 'install-code-server.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`install-code-server.sh exited with ${result.status ?? result.signal}`);
  const entry = result.stdout.trim().split('\n').pop();
  if (!entry) throw new Error('install-code-server.sh printed no entry point');
  return entry;
}

export function buildExtension() {
  run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
}

const vsceBin = () => join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

/** Packages the extension folder `cwd` (default: the repository) into `out`, with @vscode/vsce. */
export function packageVsix(out, cwd = repoRoot) {
  mkdirSync(dirname(out), { recursive: true });
  // The test-only runner extension has no repository; the extension's own manifest must pass without the flag.
  const repository = cwd === repoRoot ? [] : ['--allow-missing-repository'];
  run(process.execPath, [vsceBin(), 'package', '--no-dependencies', ...repository, '--skip-license', '--no-rewrite-relative-links', '-o', out], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/** Environment for code-server: its XDG folders (config.yaml, logs) kept under `stateDir`, not in $HOME. */
export function codeServerEnv(stateDir, extra = {}) {
  const env = { ...process.env, ...extra };
  env.XDG_CONFIG_HOME = join(stateDir, 'xdg-config');
  env.XDG_DATA_HOME = join(stateDir, 'xdg-data');
  env.XDG_CACHE_HOME = join(stateDir, 'xdg-cache');
  for (const name of ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE']) delete env[name];
  return env;
}

/** Installs .vsix files into an extensions dir, with code-server's --install-extension. */
export function installExtensions(entry, { extensionsDir, userDataDir, env }, vsixes) {
  const args = [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--force'];
  for (const vsix of vsixes) args.push('--install-extension', vsix);
  run(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** User settings that keep the workbench quiet: no welcome page, tips, update checks or trust prompts. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'chat.commandCenter.enabled': false,
    'window.restoreWindows': 'none',
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/**
 * Starts code-server in a process group of its own (it starts children: the extension host, language
 * servers), so stop() can end all of them. Output goes to `logFile`.
 */
export function startCodeServer(entry, { port, folder, extensionsDir, userDataDir, env, logFile, stateDir }) {
  const configFile = join(stateDir, 'code-server.yaml');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  const output = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, { cwd: folder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });
  let exited = child.exitCode !== null;
  const exitedPromise = new Promise((resolveExit) => child.once('exit', (code, signal) => ((exited = true), resolveExit({ code, signal }))));
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    url: `http://127.0.0.1:${port}/`,
    exited: exitedPromise,
    isRunning: () => !exited,
    /** SIGTERM to the whole group, SIGKILL after `graceMs` for whatever is left. */
    async stop(graceMs = 5_000) {
      signalGroup('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive()) signalGroup('SIGKILL');
      output.end();
    },
    /** For exit handlers, where nothing asynchronous runs. */
    killNow() {
      signalGroup('SIGKILL');
    },
  };
}

/** Resolves once code-server answers /healthz; rejects if it exits first or after `timeoutMs`. */
export async function waitForCodeServer(server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.isRunning()) throw new Error('code-server exited before it was ready');
    try {
      const response = await fetch(new URL('healthz', server.url), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${server.url}healthz within ${timeoutMs} ms`);
}

export function findChromium() {
  const candidates = [process.env.RCA_WRITER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) throw new Error(`no Chromium found (tried ${candidates.join(', ')}): apt-get install -y chromium, or set RCA_WRITER_CHROMIUM`);
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
