// node:fs in the web runner's bundle (scripts/e2e/build.mjs). A web worker has no file system: the suite reads
// files through workspace.fs, and the web runner gives it its config; code that still reaches for a file fails here,
// naming it.
export function readFileSync(file: string): never {
  throw new Error(`${file}: the web worker extension host has no file system (read it with vscode.workspace.fs)`);
}
