// @vscode/test-cli configuration: `npm run test:vscode` runs the end-to-end suite (test/e2e/suite, built
// into out/e2e/suite) in a desktop VS Code that @vscode/test-electron downloads, with this folder loaded as
// the extension under development. The same suite runs in code-server through `npm run test:e2e`, where
// no VS Code can be downloaded.
//
//   RCA_WRITER_VSCODE_VERSION   VS Code version to download (default: stable)
//   RCA_WRITER_VSCODE_PATH      use this VS Code executable instead of downloading one
import { defineConfig } from '@vscode/test-cli';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkspace } from './scripts/e2e/workspace.mjs';

// A throw-away workspace, made afresh on each run: copies of examples/, a non-RCA README, and the CLI's
// diagnostics to compare with.
const root = join(tmpdir(), `rca-writer-vscode-test-${process.getuid?.() ?? 'user'}`);
rmSync(root, { recursive: true, force: true });
const { workspace, configFile } = prepareWorkspace(root);

// In file-name order, as `npm run test:e2e` runs them (a glob alone gives no order).
const suiteDir = 'out/e2e/suite';
const files = existsSync(suiteDir)
  ? readdirSync(suiteDir)
      .filter((name) => name.endsWith('.test.js'))
      .sort()
      .map((name) => `${suiteDir}/${name}`)
  : `${suiteDir}/**/*.test.js`;

export default defineConfig({
  label: 'e2e',
  files,
  version: process.env.RCA_WRITER_VSCODE_VERSION || 'stable',
  ...(process.env.RCA_WRITER_VSCODE_PATH ? { useInstallation: { fromPath: process.env.RCA_WRITER_VSCODE_PATH } } : {}),
  workspaceFolder: workspace,
  env: { RCA_E2E_CONFIG: configFile },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 60_000, color: true },
});
