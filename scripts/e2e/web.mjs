#!/usr/bin/env node
// RCA Writer's web build alone in real VS Code's web worker extension host (issue 21), offline: code-server serves
// VS Code's workbench, and an extension whose manifest has a "browser" entry point and no "main" can only run in
// the browser. Two windows of one code-server:
//  1. the UI, as a person uses it: opens examples/wrong-dates.rca.md beside a .rca-writer.json that turns RCA205
//     off, waits for its RCA201 in the Problems panel (RCA208 there, RCA205 not), applies the quick fix from the
//     light bulb, then Fix All; a hover on the title; the inlay hint after clean.rca.md's timeline window; a
//     snippet typed by its prefix into an empty report; the preview. Screenshots in test-results/web/.
//  2. the end-to-end Mocha suite (test/e2e/suite, as `npm run test:e2e` runs it in the Node extension host), run
//     by the web runner extension (test/e2e/runner/web.ts) in a folder prepared as run.mjs prepares its own; the
//     runner reads its orders from and writes its results to .rca-e2e/ in that folder, which this script reads.
//     A test the web cannot run skips itself, saying why (helpers.ts: skipBecause when inWebWorker), and is counted.
// Exit 1 on any failure. Without Chromium, or what code-server's install needs: skipped, and a failure under CI=true.
//
//   --port N     code-server's port (default: a free one)
//   --grep TEXT  run only the suite's tests whose full title contains TEXT (the UI steps still run)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { suiteBlocker } from '../prerequisites.mjs';
import { buildE2E } from './build.mjs';
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
import { collectSuiteResults } from './suite-results.mjs';
import { prepareWorkspace } from './workspace.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' }, grep: { type: 'string' } } });
const startedAt = Date.now();
const say = (message) => process.stdout.write(`[web e2e ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`);
// As run.mjs: code-server is installed into the cache when missing, unless what its install needs is missing.
const blocker = suiteBlocker('e2e') ?? (codeServerInstalled() ? undefined : suiteBlocker('code-server'));
if (blocker) {
  process.stdout.write(`web e2e: skipped (${blocker})\n`);
  if (process.env.CI === 'true') process.stdout.write('CI=true: a skipped suite fails the run\n');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
const { chromium } = createRequire(import.meta.url)('playwright-core');
buildExtension();
const e2eOut = await buildE2E();
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
// The web runner: a browser entry point only, so it too runs in the web worker extension host.
const runner = JSON.parse(readFileSync(join(e2eOut, 'web-runner', 'package.json'), 'utf8'));
cpSync(join(e2eOut, 'web-runner'), join(extensionsDir, `${runner.publisher}.${runner.name}-${runner.version}`), { recursive: true });

const folder = join(temp, 'workspace');
mkdirSync(folder);
cpSync(join(repoRoot, 'examples', 'wrong-dates.rca.md'), join(folder, 'wrong-dates.rca.md'));
cpSync(join(repoRoot, 'examples', 'clean.rca.md'), join(folder, 'clean.rca.md'));
// Empty: a snippet typed into it makes the report.
writeFileSync(join(folder, 'new.rca.md'), '');
// Read by the worker through the editor (rcaWriter/readFiles): RCA205, which the report has, must not show.
writeFileSync(join(folder, '.rca-writer.json'), '{ "rules": { "RCA205": "off" } }\n');
const userDataDir = join(temp, 'user');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
// The suite edits copies and must leave them as they are: no auto save (code-server saves after a second).
writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }));

// The suite's folder, as run.mjs makes it (examples, fixture reports, the CLI's findings), and the runner's orders.
const { workspace: suiteFolder, config: suiteConfig } = prepareWorkspace(join(temp, 'suite'));
mkdirSync(join(suiteFolder, '.rca-e2e'));
writeFileSync(join(suiteFolder, '.rca-e2e', 'orders.json'), JSON.stringify({ config: suiteConfig, timeoutMs: 60_000, grep: values.grep }));
const suiteResultsFile = join(suiteFolder, '.rca-e2e', 'results.json');

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
let suite;
/** Whether a wait ended in time: each check records its failure and the run goes on to the next. */
const succeeds = (waiting) =>
  waiting.then(
    () => true,
    () => false,
  );
const activeLines = '.editor-group-container.active .monaco-editor .view-lines';
/** Waits for the active editor to show `text`: its lines, with what the editor adds to them (inlay hints). */
const editorShows = (page, text, timeout) =>
  succeeds(
    page.waitForFunction(
      `[...document.querySelectorAll(${JSON.stringify(activeLines)})].some((el) => el.textContent.replace(/\\u00a0/g, ' ').includes(${JSON.stringify(text)}))`,
      null,
      { timeout },
    ),
  );
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
  const shown = await succeeds(page.waitForSelector(row, { timeout: 60_000 }));
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
    const offered = await succeeds(page.waitForSelector('.action-widget :text("Use the timeline")', { timeout: 20_000 }));
    await page.screenshot({ path: join(results, 'quick-fix-menu.png') });
    if (!offered) failures.push('the quick fix "Use the timeline\'s date" was not offered');
    else {
      await page.keyboard.press('Enter');
      const fixed = await succeeds(
        page.waitForFunction("!document.querySelector('.markers-panel')?.textContent?.includes('RCA201')", null, { timeout: 30_000 }),
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
  const allFixed = await succeeds(
    page.waitForFunction("!document.querySelector('.markers-panel')?.textContent?.includes('RCA208')", null, { timeout: 30_000 }),
  );
  await page.screenshot({ path: join(results, 'fix-all.png') });
  if (!allFixed) failures.push('RCA208 stayed after Fix All Problems');
  // A hover on the title names the profile that checks the report.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hovered = await succeeds(
    page
      .locator('.monaco-hover', { hasText: /profile/i })
      .first()
      .waitFor({ timeout: 20_000 }),
  );
  await page.screenshot({ path: join(results, 'hover.png') });
  if (!hovered) failures.push('the title shows no hover naming its profile');
  // The inlay hint after the timeline window of clean.rca.md (9:05 to 10:41 AM Chicago time, March 17, 2026): text the
  // file does not have, shown by the editor.
  await page.keyboard.press('Escape');
  await page.getByText('clean.rca.md').first().dblclick();
  const hint = '1 h 36 min · 14:05–15:41 UTC';
  const hinted = await editorShows(page, hint, 30_000);
  await page.screenshot({ path: join(results, 'inlay-hint.png') });
  if (readFileSync(join(folder, 'clean.rca.md'), 'utf8').includes('·'))
    failures.push('clean.rca.md has a "·": the inlay hint check cannot tell hint from text');
  if (!hinted) failures.push(`the timeline window of clean.rca.md shows no inlay hint "${hint}"`);
  // A snippet typed by its prefix in an empty report, chosen in the suggestions: the whole exlibris report.
  await page.keyboard.press('Escape');
  await page.getByText('new.rca.md').first().dblclick();
  await page.locator(activeLines).click();
  await page.keyboard.type('rca');
  await page.keyboard.press('Control+Space');
  const suggested = await succeeds(page.locator('.suggest-widget.visible .monaco-list-row[aria-label^="rca,"]').first().waitFor({ timeout: 20_000 }));
  await page.screenshot({ path: join(results, 'snippet-suggested.png') });
  if (!suggested) failures.push('typing "rca" in an empty report does not suggest the snippet "rca"');
  else {
    // The snippet "rca" may not be the first suggestion: move to it, then accept it.
    for (let moves = 0; moves < 20; moves++) {
      const focused = await page.locator('.suggest-widget.visible .monaco-list-row.focused').getAttribute('aria-label');
      if (focused?.startsWith('rca,')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const inserted = await editorShows(page, '## Event Timeline', 20_000);
    await page.screenshot({ path: join(results, 'snippet-inserted.png') });
    if (!inserted) failures.push('the snippet "rca" did not insert the report\'s sections (no "## Event Timeline")');
  }
  // The preview, rendered by the render worker (dist/web-render.js): the report's title shows in the webview.
  await page.keyboard.press('Escape');
  await page.getByText('wrong-dates.rca.md').first().dblclick();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>RCA Writer: Open Preview');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Preview' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const previewed = await succeeds(frame.getByText('NA02 - RCA - January 14, 2026').first().waitFor({ timeout: 30_000 }));
  await page.screenshot({ path: join(results, 'preview.png') });
  if (!previewed) failures.push('the preview did not show the report');
  // The proof that the web build ran where it must: a manifest with no "main" leaves no other host.
  const refused = lines.filter((line) => /rca-writer/i.test(line) && /fail|error/i.test(line));
  failures.push(...refused);
  // The Mocha suite, in a window of its own (a new web worker extension host) on the suite's folder.
  say('the web runner runs the Mocha suite in the web worker extension host');
  await page.goto(`${server.url}?folder=${encodeURIComponent(suiteFolder)}`);
  suite = await collectSuiteResults(suiteResultsFile, 5 * 60_000, { say, isRunning: () => server.isRunning() });
  writeFileSync(join(results, 'suite-results.json'), JSON.stringify(suite, null, 2));
  await page.screenshot({ path: join(results, 'zz-after-suite.png') });
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  writeFileSync(join(results, 'console.txt'), `${lines.join('\n')}\n`);
  await browser.close();
  await server.stop();
}
const suiteLine = suite
  ? `suite: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped${suite.status === 'done' ? '' : ` (${suite.status}${suite.error ? `: ${suite.error}` : ''})`}`
  : 'suite: not run';
if (suite && suite.status !== 'done') failures.push(`the suite ${suite.status === 'timed-out' ? 'did not finish in 5 minutes' : 'could not run'}`);
else if (suite?.failed) failures.push(`${suite.failed} suite test(s) failed`);
else if (!suite) failures.push('the suite did not run');
if (failures.length) {
  process.stdout.write(`web e2e: failed; ${suiteLine}\n${failures.map((failure) => `  ${failure}`).join('\n')}\nkept ${temp}\n`);
  process.exit(1);
}
rmSync(temp, { recursive: true, force: true });
process.stdout.write(
  `web e2e: passed (UI: problems shown, quick fix and Fix All applied, hover, inlay hint, snippet and preview shown); ${suiteLine}; screenshots in ${results}\n`,
);
