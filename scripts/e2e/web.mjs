#!/usr/bin/env node
// RCA Writer's web build alone in real VS Code's web worker extension host (issue 21), offline: code-server serves
// VS Code's workbench, and an extension whose manifest has a "browser" entry point and no "main" can only run in
// the browser. Opens examples/wrong-dates.rca.md beside a .rca-writer.json that turns RCA205 off, waits for its
// RCA201 in the Problems panel (RCA208 there, RCA205 not), applies the quick fix
// from the light bulb and waits for RCA201 to go. Screenshots in test-results/web/. Exit 1 on any failure;
// code-server not installed (npm run e2e:install): skipped, and a failure under CI=true.
//
//   --port N   code-server's port (default: a free one)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHROMIUM_ARGS,
  buildExtension,
  codeServerEnv,
  codeServerInstalled,
  ensureCodeServer,
  findChromium,
  freePort,
  repoRoot,
  startCodeServer,
  waitForCodeServer,
} from './code-server.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
if (!codeServerInstalled()) {
  process.stdout.write('web e2e: skipped, code-server is not installed (npm run e2e:install)\n');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
const { chromium } = createRequire(import.meta.url)('playwright-core');
buildExtension();
const temp = mkdtempSync(join(tmpdir(), 'rca-writer-web-'));
const results = join(repoRoot, 'test-results', 'web');
mkdirSync(results, { recursive: true });

// The extension as VS Code for the Web gets it: the web bundles and the files they use, a manifest without "main".
const extensionsDir = join(temp, 'extensions');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extension = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
mkdirSync(extension, { recursive: true });
delete manifest.main;
delete manifest.scripts;
delete manifest.devDependencies;
writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
for (const path of [
  'dist/web-client.js',
  'dist/web-server.js',
  'dist/web-render.js',
  'docs/rules',
  'snippets',
  'syntaxes',
  'schemas',
  'media',
  'README.md',
  'LICENSE',
])
  cpSync(join(repoRoot, path), join(extension, path), { recursive: true });

const folder = join(temp, 'workspace');
mkdirSync(folder);
cpSync(join(repoRoot, 'examples', 'wrong-dates.rca.md'), join(folder, 'wrong-dates.rca.md'));
// Read by the worker through the editor (rcaWriter/readFiles): RCA205, which the report has, must not show.
writeFileSync(join(folder, '.rca-writer.json'), '{ "rules": { "RCA205": "off" } }\n');
const userDataDir = join(temp, 'user');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }));

const port = values.port ? Number(values.port) : await freePort();
const stateDir = join(temp, 'state');
const server = startCodeServer(ensureCodeServer(), {
  port,
  folder,
  extensionsDir,
  userDataDir,
  env: codeServerEnv(stateDir),
  logFile: join(temp, 'code-server.log'),
  stateDir,
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
const failures = [];
const lines = [];
try {
  await waitForCodeServer(server);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`));
  await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.getByText('wrong-dates.rca.md').first().dblclick();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  const row = '.markers-panel .monaco-list-row:has-text("RCA201")';
  const shown = await page.waitForSelector(row, { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  await page.screenshot({ path: join(results, 'problems.png') });
  if (!shown) failures.push('RCA201 never showed in the Problems panel');
  else {
    const problems = await page.textContent('.markers-panel');
    if (!problems?.includes('RCA208')) failures.push(`RCA208 is missing from the Problems panel: ${problems}`);
    if (problems?.includes('RCA205')) failures.push('RCA205 shows although .rca-writer.json turns it off');
    await page.dblclick(row);
    // Page-side expressions are strings: this script is linted for Node, where there is no document.
    await page.waitForFunction("document.activeElement?.closest('.monaco-editor') !== null");
    await page.keyboard.press('Control+.');
    const offered = await page.waitForSelector('.action-widget :text("Use the timeline")', { timeout: 20_000 }).then(
      () => true,
      () => false,
    );
    await page.screenshot({ path: join(results, 'quick-fix-menu.png') });
    if (!offered) failures.push('the quick fix "Use the timeline\'s date" was not offered');
    else {
      await page.keyboard.press('Enter');
      const fixed = await page.waitForFunction("!document.querySelector('.markers-panel')?.textContent?.includes('RCA201')", null, { timeout: 30_000 }).then(
        () => true,
        () => false,
      );
      await page.screenshot({ path: join(results, 'quick-fix-applied.png') });
      if (!fixed) failures.push('RCA201 stayed after its quick fix');
    }
  }
  // Fix All, as the command palette runs it: what the quick fix left (RCA208, "14:05 PM") is fixed too.
  await page.keyboard.press('Escape');
  await page.getByText('wrong-dates.rca.md').first().dblclick();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>RCA Writer: Fix All Problems');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Fix All Problems' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const allFixed = await page.waitForFunction("!document.querySelector('.markers-panel')?.textContent?.includes('RCA208')", null, { timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  await page.screenshot({ path: join(results, 'fix-all.png') });
  if (!allFixed) failures.push('RCA208 stayed after Fix All Problems');
  // A hover on the title names the profile that checks the report.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hovered = await page
    .locator('.monaco-hover', { hasText: /profile/i })
    .first()
    .waitFor({ timeout: 20_000 })
    .then(
      () => true,
      () => false,
    );
  await page.screenshot({ path: join(results, 'hover.png') });
  if (!hovered) failures.push('the title shows no hover naming its profile');
  // The preview, rendered by the render worker (dist/web-render.js): the report's title shows in the webview.
  await page.keyboard.press('Escape');
  await page.getByText('wrong-dates.rca.md').first().dblclick();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>RCA Writer: Open Preview');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Preview' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const previewed = await frame
    .getByText('NA02 - RCA - January 14, 2026')
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  await page.screenshot({ path: join(results, 'preview.png') });
  if (!previewed) failures.push('the preview did not show the report');
  // The proof that the web build ran where it must: a manifest with no "main" leaves no other host.
  const refused = lines.filter((line) => /rca-writer/i.test(line) && /fail|error/i.test(line));
  failures.push(...refused);
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  writeFileSync(join(results, 'console.txt'), `${lines.join('\n')}\n`);
  await browser.close();
  await server.stop();
}
if (failures.length) {
  process.stdout.write(`web e2e: failed\n${failures.map((failure) => `  ${failure}`).join('\n')}\nkept ${temp}\n`);
  process.exit(1);
}
rmSync(temp, { recursive: true, force: true });
process.stdout.write(`web e2e: passed (problems shown, quick fix and Fix All applied, hover and preview shown); screenshots in ${results}\n`);
