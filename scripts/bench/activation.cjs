// Extension activation cost, outside VS Code: `vscode` is a stub module whose every member is a callable
// stub, dist/client.js is required and activate() is awaited. The language client's start() runs against the
// stub (it is not awaited by activate); the real server is not part of activation. Prints JSON timings in ms.
const Module = require('node:module');
const path = require('node:path');

function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'dispose') return () => undefined;
      if (key === 'version') return '1.90.0';
      return stub(`${name}.${String(key)}`);
    },
    // The extension sets properties (a status item's name): the stub takes them and keeps nothing.
    set() {
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

const vscode = stub('vscode');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
// The spawned server is not what is measured: no child process may start.
require('node:child_process').fork = () => stub('child');
require('node:child_process').spawn = () => stub('child');

(async () => {
  const root = path.join(__dirname, '..', '..');
  const t0 = performance.now();
  const extension = require(path.join(root, 'dist', 'client.js'));
  const t1 = performance.now();
  const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extensionUri: stub('uri'), extensionPath: root };
  await extension.activate(context);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ require: t1 - t0, activate: t2 - t1, total: t2 - t0 }));
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String((error && error.stack) || error));
  process.exit(1);
});
