/// <reference types="mocha" />
// Shared by the end-to-end suite. It runs inside VS Code's extension host, either under
// @vscode/test-cli (`npm run test:vscode`) or under the test-only runner extension in code-server
// (`npm run test:e2e`), or in code-server's web worker extension host under the web runner
// (`npm run test:e2e:web`, test/e2e/runner/web.ts), which has no file system: files are read with workspace.fs.
// Waits are on VS Code's events, each bounded by a time-out; never on sleeps.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rca-writer.rca-writer';
export const SOURCE = 'rca-writer';
/** Longest wait for the language server to answer a change (it is normally well under a second). */
export const WAIT_MS = 30_000;

/** One diagnostic as `rca-writer check --format json` prints it. */
export interface CliDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ExpectedExample {
  /** Path relative to the workspace folder, with forward slashes. */
  file: string;
  diagnostics: CliDiagnostic[];
}

/** Written by scripts/e2e/workspace.mjs before VS Code starts; its path is in RCA_E2E_CONFIG. */
export interface E2EConfig {
  repoRoot: string;
  workspace: string;
  /** Non-RCA Markdown files in the workspace, relative paths. */
  nonRca: string[];
  examples: ExpectedExample[];
  /** Reports of the fixture folder (test/fixtures/folder), with cross-report findings. */
  folderReports: ExpectedExample[];
}

declare global {
  /** Set by the web runner before it loads the suite: the web worker extension host has no environment or files. */
  var rcaE2EConfig: E2EConfig | undefined;
}

/** True in a web worker extension host (VS Code for the Web), where the extension runs its `browser` entry point. */
export const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

let cached: E2EConfig | undefined;

export function config(): E2EConfig {
  if (cached) return cached;
  if (globalThis.rcaE2EConfig) return (cached = globalThis.rcaE2EConfig);
  const file = process.env.RCA_E2E_CONFIG;
  if (!file) {
    throw new Error('RCA_E2E_CONFIG is not set: run the suite through `npm run test:e2e` or `npm run test:vscode`');
  }
  cached = JSON.parse(fs.readFileSync(file, 'utf8')) as E2EConfig;
  return cached;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const base = folder ? folder.uri : vscode.Uri.file(config().workspace);
  return vscode.Uri.joinPath(base, ...relative.split('/'));
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** The parts of the extension's package.json these tests read; each use says what it expects inside. */
export interface Manifest {
  main?: unknown;
  browser?: unknown;
  contributes?: { commands?: unknown; snippets?: unknown; menus?: { commandPalette?: unknown } };
}

/** The extension's package.json, as VS Code read it. */
export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

const SEVERITY_NAMES: Record<number, CliDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return SEVERITY_NAMES[severity] ?? `unknown(${severity})`;
}

type RangeLike = CliDiagnostic['range'] | vscode.Range;

export function rangeText(range: RangeLike): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** "RCA101 error 0:0-0:20": what the comparison with the CLI looks at. */
export function describeDiagnostic(d: vscode.Diagnostic | CliDiagnostic): string {
  const code = 'source' in d ? codeOf(d as vscode.Diagnostic) : (d as CliDiagnostic).code;
  const severity = typeof d.severity === 'number' ? severityName(d.severity) : d.severity;
  return `${code} ${severity} ${rangeText(d.range)}`;
}

export function rcaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function listing(diagnostics: readonly (vscode.Diagnostic | CliDiagnostic)[]): string {
  if (!diagnostics.length) return '  (none)';
  return diagnostics.map((d) => `  ${describeDiagnostic(d)}  ${d.message}`).join('\n');
}

/**
 * Resolves with the document's rca-writer diagnostics once `done` holds for them. `done` is tried
 * now and after each onDidChangeDiagnostics event for the document; after `timeoutMs` the promise
 * rejects, saying what the diagnostics were.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diagnostics: vscode.Diagnostic[], events: number) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let events = 0;
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(rcaDiagnostics(uri));
    };
    const check = () => {
      try {
        if (done(rcaDiagnostics(uri), events)) finish();
      } catch (error) {
        finish(error as Error);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      events++;
      check();
    });
    const timer = setTimeout(() => {
      finish(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)} ` +
            `(${events} diagnostics events); rca-writer diagnostics now:\n${listing(rcaDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

/** Sorted "code severity range" keys, the shape both sides are compared in. */
export function keys(diagnostics: readonly (vscode.Diagnostic | CliDiagnostic)[]): string[] {
  return diagnostics.map(describeDiagnostic).sort();
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Opens a file in an editor and makes sure the extension is active. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await extension().activate();
  return editor;
}

/**
 * Closes every editor without saving: dirty documents are reverted first, so no "Save changes?"
 * dialog can block the run.
 */
export async function closeAllWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs a command as if from the Command Palette. A command that is still busy after `promptMs` is taken to
 * be waiting in a quick pick or an input box: the first item (or the default input) is accepted, up to
 * `answers` times, as a person pressing Enter would; then any prompt left is dismissed. Rejects if the
 * command throws or never ends. Resolves with how many prompts were answered.
 */
export async function runCommandBounded(command: string, { promptMs = 2_000, answers = 3, totalMs = 20_000 } = {}): Promise<number> {
  const run = Promise.resolve(vscode.commands.executeCommand(command));
  const settled = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      const done = () => (clearTimeout(timer), resolve(true));
      run.then(done, done);
    });
  let answered = 0;
  while (!(await settled(promptMs))) {
    if (answered >= answers) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      if (!(await settled(totalMs))) throw new Error(`${command} did not finish within ${totalMs} ms after its prompts were dismissed`);
      break;
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    answered++;
  }
  await run;
  return answered;
}

/** Where a suite may note why a test was skipped: the title says it, in both runners' reports. */
export function skipBecause(context: Mocha.Context, reason: string): never {
  if (context.test) context.test.title += ` (skipped: ${reason})`;
  context.skip();
}

/** Parses JSON that may have comments and trailing commas (like VS Code's snippet files). */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Strip comments outside strings, then trailing commas.
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (inString) {
        out += ch;
        if (ch === '\\') out += text[++i] ?? '';
        else if (ch === '"') inString = false;
      } else if (ch === '"') {
        inString = true;
        out += ch;
      } else if (ch === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
        out += '\n';
      } else if (ch === '/' && text[i + 1] === '*') {
        i = text.indexOf('*/', i + 2);
        if (i < 0) break;
        i++;
      } else {
        out += ch;
      }
    }
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  }
}

export function extensionFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(extension().extensionUri, relative);
}

/** Whether a file exists, through the editor: the same in the Node and the web worker extension host. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
