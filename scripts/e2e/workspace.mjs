// Prepares the folder VS Code opens in the end-to-end tests: a copy of examples/ (so the tests can edit
// files without touching the repository), two reports of the fixture folder of which one was started by
// copying the other (cross-report findings, RCA4xx), a non-RCA Markdown file, and the CLI's diagnostics for
// each, with the whole folder as the index, which the suite compares with what VS Code shows. Used by scripts/e2e/run.mjs (code-server)
// and by .vscode-test.mjs (@vscode/test-cli).
//
//   RCA_E2E_EXAMPLES   folder to copy instead of examples/ (for trying the suite on other RCAs)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const NON_RCA_FILE = 'e2e-notes/README.md';
/** Copied from test/fixtures/folder into `reports/`: the 2026 report's introduction still gives the 2025 one's date. */
const FOLDER_REPORTS = ['2025-04-02-na01.rca.md', '2026-04-11-na01.rca.md'];
const FOLDER_REPORTS_DIR = 'reports';
const NON_RCA_TEXT = `# Team handbook

This is ordinary Markdown, not a root cause analysis: RCA Writer must leave it alone,
even though it has sections named like an RCA's.

## Summary

How the team works.

## Event Timeline

- Monday: planning.
- Friday: demo.
`;

/** Example RCAs: the Markdown files at the top of the examples folder, other than a README. */
export function exampleFiles(examplesDir) {
  if (!existsSync(examplesDir)) return [];
  return readdirSync(examplesDir)
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
}

/**
 * Makes `<root>/workspace` and `<root>/e2e-config.json` (the file RCA_E2E_CONFIG names).
 * Needs dist/cli.js (node scripts/build.mjs).
 */
export function prepareWorkspace(root, { examplesDir = process.env.RCA_E2E_EXAMPLES || join(repoRoot, 'examples') } = {}) {
  const workspace = join(root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  if (existsSync(examplesDir)) cpSync(examplesDir, workspace, { recursive: true });
  mkdirSync(dirname(join(workspace, NON_RCA_FILE)), { recursive: true });
  writeFileSync(join(workspace, NON_RCA_FILE), NON_RCA_TEXT);

  mkdirSync(join(workspace, FOLDER_REPORTS_DIR), { recursive: true });
  for (const name of FOLDER_REPORTS) copyFileSync(join(repoRoot, 'test', 'fixtures', 'folder', name), join(workspace, FOLDER_REPORTS_DIR, name));

  const files = exampleFiles(examplesDir);
  const folderFiles = FOLDER_REPORTS.map((name) => `${FOLDER_REPORTS_DIR}/${name}`);
  const cli = join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run node scripts/build.mjs first`);
  // The server compares each report with the workspace folder's others: so does the CLI, with --index-folder.
  const args = [cli, 'check', '--format', 'json', '--index-folder', '.', ...files, ...folderFiles];
  const run = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`rca-writer check --format json exited with ${run.status ?? run.signal}: ${run.stderr || run.stdout}`);
  }
  const reports = JSON.parse(run.stdout);
  const expected = (file) => {
    const report = reports.find((r) => r.file.replace(/\\/g, '/') === file || resolve(workspace, r.file) === join(workspace, file));
    if (!report) throw new Error(`rca-writer check printed no report for ${file}`);
    return { file, diagnostics: report.diagnostics };
  };
  const examples = files.map(expected);
  const folderReports = folderFiles.map(expected);
  const nonRca = [NON_RCA_FILE, ...readdirSync(workspace).filter((name) => name.toLowerCase() === 'readme.md')];
  const config = { repoRoot, workspace, nonRca, examples, folderReports, examplesDir: relative(repoRoot, examplesDir) || examplesDir };
  const configFile = join(root, 'e2e-config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { workspace, configFile, config };
}
