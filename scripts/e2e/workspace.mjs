// Prepares the folder VS Code opens in the end-to-end tests: a copy of examples/ (so the tests can edit
// files without touching the repository), a non-RCA Markdown file, and the CLI's diagnostics for each
// example, which the suite compares with what VS Code shows. Used by scripts/e2e/run.mjs (code-server)
// and by .vscode-test.mjs (@vscode/test-cli).
//
//   RCA_E2E_EXAMPLES   folder to copy instead of examples/ (for trying the suite on other RCAs)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const NON_RCA_FILE = 'e2e-notes/README.md';
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

  const files = exampleFiles(examplesDir);
  let reports = [];
  if (files.length) {
    const cli = join(repoRoot, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run node scripts/build.mjs first`);
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...files], { cwd: workspace, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`rca-writer check --format json exited with ${run.status ?? run.signal}: ${run.stderr || run.stdout}`);
    }
    reports = JSON.parse(run.stdout);
  }
  const examples = files.map((file) => {
    const report = reports.find((r) => r.file.replace(/\\/g, '/') === file || resolve(workspace, r.file) === join(workspace, file));
    if (!report) throw new Error(`rca-writer check printed no report for ${file}`);
    return { file, diagnostics: report.diagnostics };
  });
  const nonRca = [NON_RCA_FILE, ...readdirSync(workspace).filter((name) => name.toLowerCase() === 'readme.md')];
  const config = { repoRoot, workspace, nonRca, examples, examplesDir: relative(repoRoot, examplesDir) || examplesDir };
  const configFile = join(root, 'e2e-config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { workspace, configFile, config };
}
