#!/usr/bin/env node
// npm start: builds and packages RCA Writer, installs it into the local code-server (installing
// code-server 4.100.3 into the cache first if needed), and serves VS Code with examples/ open on
// http://127.0.0.1:8080. Ctrl+C (or SIGTERM) stops code-server and everything it started.
//
//   npm start -- --port 9000       another port (or RCA_WRITER_PORT=9000)
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

const say = (message) => process.stdout.write(`[start] ${message}\n`);
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
  },
});
const port = Number(values.port ?? process.env.RCA_WRITER_PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`[start] not a port: ${values.port ?? process.env.RCA_WRITER_PORT}`);
  process.exit(2);
}
const folder = resolve(values.folder ?? join(repoRoot, 'examples'));

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
