#!/usr/bin/env node
// npm start: builds and packages RCA Writer, installs it into the local code-server (installing
// code-server 4.100.3 into the cache first if needed), and serves VS Code with examples/ open on
// http://127.0.0.1:8080. Ctrl+C (or SIGTERM) stops code-server and everything it started.
//
//   npm start -- --port 9000       another port (or RCA_WRITER_PORT=9000; `npm start --port 9000` works too)
//   npm start -- --folder some/dir another folder to open
//   RCA_WRITER_CACHE               where code-server and its state live (default ~/.cache/rca-writer)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildExtension,
  cacheRoot,
  codeServerEnv,
  ensureCodeServer,
  installExtensions,
  packageVsix,
  portIsFree,
  repoRoot,
  startCodeServer,
  waitForCodeServer,
  writeUserSettings,
} from './e2e/code-server.mjs';
import { ensurePrerequisites } from './prerequisites.mjs';

const say = (message) => process.stdout.write(`[start] ${message}\n`);
const USAGE = 'usage: npm start -- --port 8190 --folder DIR (or RCA_WRITER_PORT=8190 npm start)';
const { port, folder: folderOption } = startOptions();
const folder = resolve(folderOption ?? join(repoRoot, 'examples'));

let server;
let stopping = false;
async function stop(reason, code = 0) {
  if (stopping) return;
  stopping = true;
  say(`${reason}: stopping code-server`);
  await server?.stop();
  server = undefined;
  say('stopped');
  process.exit(code);
}
process.on('exit', () => server?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));

try {
  if (!existsSync(folder)) throw new Error(`no folder ${folder}`);
  if (!(await portIsFree(port))) throw new Error(`port ${port} on 127.0.0.1 is in use: choose another with --port or RCA_WRITER_PORT`);

  ensurePrerequisites('start');
  say('building');
  buildExtension();
  say('packaging out/rca-writer.vsix');
  const vsix = packageVsix(join(repoRoot, 'out', 'rca-writer.vsix'));
  const entry = ensureCodeServer();

  // Kept between runs, apart from the user's own VS Code and code-server: settings and state survive a restart.
  const stateDir = join(cacheRoot, 'start');
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  const env = codeServerEnv(stateDir);
  // As in desktop VS Code, edits are saved when the writer saves, not behind their back.
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, { 'files.autoSave': 'off' });
  say(`installing the extension into ${extensionsDir}`);
  installExtensions(entry, { extensionsDir, userDataDir, env }, [vsix]);

  const logFile = join(stateDir, 'code-server.log');
  server = startCodeServer(entry, { port, folder, extensionsDir, userDataDir, env, logFile, stateDir });
  server.exited.then(({ code, signal }) => {
    if (!stopping) {
      say(`code-server exited (${signal ?? code}); its log: ${logFile}`);
      server = undefined;
      process.exit(code || 1);
    }
  });
  await waitForCodeServer(server);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURI(folder).replace(/[?#&]/g, encodeURIComponent)}`;
  say(`code-server's log: ${logFile}`);
  say(`RCA Writer in VS Code, with ${folder} open:`);
  process.stdout.write(`\n    ${url}\n\n`);
  say('press Ctrl+C to stop');
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await stop('error', 1);
}

/**
 * The port and folder from the command line, `npm start -- --port 8190`, or from what npm makes of
 * `npm start --port 8190`: it keeps `--port` as its own setting (npm_config_port, "true" when the value
 * came as a separate word) and passes 8190 on as a bare argument. Anything else: one line, exit 2.
 */
function startOptions() {
  const fail = (message) => {
    console.error(`[start] ${message}; ${USAGE}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ options: { port: { type: 'string' }, folder: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    const option = /'([^']+)'/.exec(String(error?.message))?.[1];
    fail(error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `unknown option "${option}"` : String(error?.message).split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const fromNpm = (name, pick) => {
    const setting = process.env[`npm_config_${name}`];
    if (setting === undefined || setting === '') return undefined;
    if (setting !== 'true') return setting;
    const index = positionals.findIndex(pick);
    return index < 0 ? undefined : positionals.splice(index, 1)[0];
  };
  const portText = values.port ?? fromNpm('port', (word) => /^\d+$/.test(word)) ?? process.env.RCA_WRITER_PORT ?? '8080';
  const folderText = values.folder ?? fromNpm('folder', () => true);
  if (positionals.length) fail(`unexpected argument "${positionals[0]}"`);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) fail(`not a port: "${portText}"`);
  return { port, folder: folderText };
}
