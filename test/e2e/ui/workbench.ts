// The UI half of `npm run test:e2e`: drives code-server's workbench in Chromium (playwright-core) as a
// person would, before the API suite runs in the same window. One screenshot per step in test-results/e2e/.
// Waits are Playwright's (for elements and states), each with a time-out; no fixed sleeps.
// The Problems panel lists every report of the workspace (workspace diagnostics): the steps about one file
// filter the panel by that file's name, and wait until no other file's row is left, before reading its rows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { colourProblem, DEFAULT_THEMES, paintedColours, samplesFrom, themeClass } from './theme-colours';
import { installProbe, placeCursor, shownProblems, timeKeystroke, typingSpot } from './typing';

export interface UiStep {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  error?: string;
  durationMs?: number;
  screenshot?: string;
}

interface ExampleConfig {
  file: string;
  diagnostics: { code: string; severity: string; message: string }[];
}

export interface UiOptions {
  page: Page;
  config: { repoRoot: string; workspace: string; examples: ExampleConfig[]; folderReports?: ExampleConfig[] };
  screenshotsDir: string;
  log: (message: string) => void;
}

class Skip extends Error {}

// The little of the DOM that the functions run in the page touch: the project compiles without lib.dom.
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}
interface InPage {
  document: {
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
}

const STEP_MS = 30_000;

/** The example to work on: the one with the most problems, preferring one with RCA101 (its fix is visible). */
function pickExample(examples: ExampleConfig[]): ExampleConfig | undefined {
  const withProblems = examples.filter((e) => e.diagnostics.length > 0);
  const score = (e: ExampleConfig) => (e.diagnostics.some((d) => d.code === 'RCA101') ? 1000 : 0) + e.diagnostics.length;
  return withProblems.sort((a, b) => score(b) - score(a))[0];
}

interface SnippetChoice {
  prefix: string;
  heading: string;
}

/**
 * A contributed snippet to type, read from the repository's manifest: one that has a prefix and a section
 * heading (## or deeper) with literal text, so the test can see the section appear.
 */
function pickSnippet(repoRoot: string): SnippetChoice | undefined {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const choices: (SnippetChoice & { level: number })[] = [];
  for (const entry of (manifest.contributes?.snippets ?? []) as { path: string }[]) {
    let data: Record<string, { prefix?: string | string[]; body?: string | string[] }>;
    try {
      const text = fs.readFileSync(path.join(repoRoot, entry.path), 'utf8');
      data = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
    } catch {
      continue;
    }
    for (const def of Object.values(data)) {
      const prefix = Array.isArray(def.prefix) ? def.prefix[0] : def.prefix;
      const body = Array.isArray(def.body) ? def.body.join('\n') : (def.body ?? '');
      for (const line of body.split('\n')) {
        const match = /^(#{1,6})\s+(.*)$/.exec(line);
        if (!prefix || !match) continue;
        // The literal start of the heading, before any tab stop or variable.
        const literal = match[2]!
          .split(/\$\{|\$[0-9A-Za-z_]/)[0]!
          .replace(/\\([$}\\])/g, '$1')
          .trim();
        // The body's first heading says what the snippet is: a section (##) or a whole report (#).
        if (literal.length >= 3) choices.push({ prefix, heading: `${match[1]} ${literal}`, level: match[1]!.length });
        break;
      }
    }
  }
  return choices.find((c) => c.level >= 2) ?? choices[0];
}

/** A contributed command whose id matches `pattern`, with its title as the Command Palette shows it. */
function findCommand(repoRoot: string, pattern: RegExp): { command: string; title: string } | undefined {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const commands = (manifest.contributes?.commands ?? []) as { command: string; title: string; category?: string }[];
  const found = commands.find((c) => pattern.test(c.command));
  return found && { command: found.command, title: `${found.category ? `${found.category}: ` : ''}${found.title}` };
}

const normalise = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

export async function runUiSteps({ page, config, screenshotsDir, log }: UiOptions): Promise<UiStep[]> {
  const steps: UiStep[] = [];
  let index = 0;
  const step = async (name: string, body: () => Promise<string | void>) => {
    const started = Date.now();
    const shot = path.join(
      screenshotsDir,
      `${String(++index).padStart(2, '0')}-${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.png`,
    );
    const result: UiStep = { name, state: 'passed' };
    try {
      const note = await body();
      if (note) log(`${name}: ${note}`);
    } catch (error) {
      if (error instanceof Skip) {
        result.state = 'skipped';
        result.name += ` (skipped: ${error.message})`;
      } else {
        result.state = 'failed';
        result.error = error instanceof Error ? error.message : String(error);
      }
    }
    if (result.state !== 'skipped') {
      await page.screenshot({ path: shot }).then(
        () => (result.screenshot = shot),
        () => undefined,
      );
    }
    result.durationMs = Date.now() - started;
    steps.push(result);
    return result.state === 'passed';
  };

  const example = pickExample(config.examples);
  const fileName = example ? path.basename(example.file) : '';
  const markers = page.locator('.markers-panel .monaco-list-row[aria-label*="generated by rca-writer"]');
  const fileRow = page.locator(`.markers-panel .monaco-list-row[aria-label*="in file ${fileName}"]`);
  const editorLines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();

  /**
   * Filters the Problems panel by one file (its path as the filter's glob), and waits until the rows of files left
   * are that file's alone, if it has any: the marker rows read after it are that file's.
   */
  const showOnly = async (file: string) => {
    const filter = page.locator('input[aria-label="Filter Problems"]').first();
    await filter.waitFor({ timeout: STEP_MS });
    await filter.fill(file);
    const name = path.basename(file);
    await page
      .waitForFunction(
        (name) =>
          [...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row')].every((r) => {
            const label = r.getAttribute('aria-label') ?? '';
            return !/ problems? in file /.test(label) || label.includes(` in file ${name} `);
          }),
        name,
        { timeout: STEP_MS },
      )
      .catch(async () => {
        const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((r) => r.map((x) => x.getAttribute('aria-label')));
        throw new Error(`filtering the Problems panel by "${file}" left other files' rows: ${rows.join(' | ')}`);
      });
  };

  /** Problems of the example, as its row in the Problems panel counts them ("3 problems in file x.md"). */
  const problemCount = async (): Promise<number> => {
    if (!(await fileRow.count())) return 0;
    const label = (await fileRow.first().getAttribute('aria-label')) ?? '';
    const match = /(\d+) problems?/.exec(label);
    return match ? Number(match[1]) : 0;
  };
  /** Waits until the Problems panel counts `n` problems in the example (or fewer than `n`, with 'below'). */
  const waitForCount = async (n: number, mode: 'exactly' | 'below', what: string) => {
    try {
      await page.waitForFunction(
        ({ file, n, mode }) => {
          const row = [...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row')].find((r) =>
            (r.getAttribute('aria-label') ?? '').includes(`in file ${file}`),
          );
          const count = Number(/(\d+) problems?/.exec(row?.getAttribute('aria-label') ?? '')?.[1] ?? 0);
          return mode === 'exactly' ? count === n : count < n;
        },
        { file: fileName, n, mode },
        { timeout: STEP_MS },
      );
    } catch {
      throw new Error(`timed out waiting for ${what} (Problems shows ${await problemCount()})`);
    }
    return problemCount();
  };

  // The API suite has just run in this window: start from a clean editor area.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('W');

  const opened = await step('Open an RCA from the Explorer', async () => {
    if (!example) throw new Error('no example RCA with problems to open');
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`);
    await row.waitFor({ timeout: STEP_MS });
    await row.click();
    await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().waitFor({ timeout: STEP_MS });
    await editorLines.waitFor({ timeout: STEP_MS });
    return `opened ${fileName}`;
  });

  let before = 0;
  const problemsShown =
    opened &&
    (await step('Problems panel shows the rca-writer diagnostics', async () => {
      await page.keyboard.press('Control+Shift+M');
      await showOnly(example!.file);
      await markers.first().waitFor({ timeout: STEP_MS });
      before = await waitForCount(example!.diagnostics.length, 'exactly', `${example!.diagnostics.length} problems, as the CLI prints`);
      const texts = await markers.evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
      for (const d of example!.diagnostics) {
        if (!texts.some((text) => text.includes(d.code))) throw new Error(`the Problems panel does not show ${d.code} (${d.message})`);
      }
      return `${before} problems in ${fileName}: ${example!.diagnostics.map((d) => d.code).join(', ')}`;
    }));

  await step('The Problems panel lists the findings of a report that was never opened, as the CLI prints them', async () => {
    // The report started by copying another: its findings include the cross-report ones (RCA401), which compare it with the folder.
    const report = [...(config.folderReports ?? [])].sort((a, b) => b.diagnostics.length - a.diagnostics.length)[0];
    if (!report?.diagnostics.length) throw new Error('the e2e workspace has no folder report with findings (scripts/e2e/workspace.mjs)');
    if (!opened) throw new Error('not run: no RCA is open, so the extension may not have started');
    const name = path.basename(report.file);
    const expected = report.diagnostics;
    await page.keyboard.press('Control+Shift+M');
    try {
      await showOnly(report.file);
      await page
        .waitForFunction(
          ({ name, n }) =>
            [...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) =>
              (r.getAttribute('aria-label') ?? '').startsWith(`${n} problem${n === 1 ? '' : 's'} in file ${name} `),
            ),
          { name, n: expected.length },
          { timeout: STEP_MS },
        )
        .catch(async () => {
          const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((r) => r.map((x) => x.getAttribute('aria-label')));
          throw new Error(`the Problems panel does not list ${expected.length} problems in ${name}; it shows: ${rows.join(' | ') || 'nothing'}`);
        });
      const tabs = await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).count();
      if (tabs) throw new Error(`${name} is open in an editor: the step is about a report that never was`);
      const labels = await markers.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
      for (const d of expected) {
        if (!labels.some((label) => label.includes(d.message.split('\n')[0]!))) {
          throw new Error(`the Problems panel does not show the CLI's ${d.code} for ${name} ("${d.message}"); it shows: ${labels.join(' | ')}`);
        }
      }
      return `${name}, never opened: ${expected.map((d) => d.code).join(', ')}, as the CLI prints`;
    } finally {
      if (example) await showOnly(example.file);
    }
  });

  if (problemsShown) {
    await step('The status bar shows the profile and the problem count; clicking it opens the Problems panel', async () => {
      const count = `${example!.diagnostics.length} problem${example!.diagnostics.length === 1 ? '' : 's'}`;
      const label = `RCA Writer: profile <name>, ${count}`;
      const item = page.locator(`[aria-label^="RCA Writer: profile "][aria-label$=", ${count}"]`).first();
      await item.waitFor({ timeout: STEP_MS }).catch(() => {
        throw new Error(`no status bar item labelled "${label}"`);
      });
      await page.keyboard.press('Control+J'); // hides the panel
      await markers.first().waitFor({ state: 'hidden', timeout: STEP_MS });
      await item.click();
      await markers
        .first()
        .waitFor({ state: 'visible', timeout: STEP_MS })
        .catch(() => {
          throw new Error('clicking the status bar item did not show the Problems panel');
        });
      return `"${(await item.textContent())?.trim()}" (${await item.getAttribute('aria-label')})`;
    });
  }

  if (problemsShown) {
    await step('Ctrl+. on a problem applies its quick fix', async () => {
      const total = await markers.count();
      const attempts: string[] = [];
      let removedOne: string | undefined;
      for (let i = 0; i < total; i++) {
        const row = markers.nth(i);
        const label = (await row.getAttribute('aria-label')) ?? '';
        const message = label.replace(/^(Error|Warning|Info|Hint): /, '').replace(/ at line \d+ and character \d+\. generated by rca-writer$/, '');
        const code = /(RCA\d+)\W*\[Ln \d+/.exec((await row.textContent()) ?? '')?.[1] ?? '';
        const sameCode = async () =>
          markers.evaluateAll((rows, c) => rows.filter((r) => new RegExp(`${c}\\W*\\[Ln \\d+`).test(r.textContent ?? '')).length, code);
        const codeBefore = await sameCode();
        const countBefore = await problemCount();
        const labelsBefore = await markers.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? '').join('\n'));
        await row.dblclick(); // Puts the cursor on the problem, in the editor.
        const line = /at line (\d+)/.exec(label)?.[1] ?? '';
        await page
          .waitForFunction(
            (line) => ((globalThis as unknown as InPage).document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(`Ln ${line},`),
            line,
            { timeout: STEP_MS },
          )
          .catch(() => {
            throw new Error(`double-clicking the ${code} problem did not put the cursor on line ${line}`);
          });
        // Double-clicking may leave the focus in the Problems panel; Ctrl+1 moves it to the editor, keeping the cursor.
        await page.keyboard.press('Control+1');
        await page
          .waitForFunction(() => !!(globalThis as unknown as InPage).document.activeElement?.closest('.editor-group-container .monaco-editor'), undefined, {
            timeout: STEP_MS,
          })
          .catch(() => {
            throw new Error('the editor did not take the focus');
          });
        // The code-action request can race the editor's focus; as a person would, press Ctrl+. again if no menu appears.
        const widget = page.locator('.action-widget');
        for (let tries = 1; ; tries++) {
          await page.keyboard.press('Control+.');
          const shown = await widget.waitFor({ timeout: STEP_MS / 3 }).then(
            () => true,
            () => false,
          );
          if (shown) break;
          if (tries === 3) throw new Error(`Ctrl+. showed no code-action menu after ${tries} presses`);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+1');
        }
        // Entries under the "Quick Fix" header, in order; suppressions ("Ignore ...") only as a last resort.
        const titles = await widget.locator('.monaco-list-row').evaluateAll((rows) => {
          const out: string[] = [];
          let inQuickFix = false;
          for (const r of rows) {
            if (r.classList.contains('group-header')) inQuickFix = /quick fix/i.test(r.textContent ?? '');
            else if (inQuickFix && r.classList.contains('action')) out.push(r.getAttribute('aria-label') ?? r.textContent ?? '');
          }
          return out;
        });
        const choice = titles.find((t) => !/^(ignore|disable|suppress)/i.test(t));
        if (!choice) {
          attempts.push(`${code}: no quick fix offered (${titles.join(', ') || 'none'})`);
          await page.keyboard.press('Escape');
          continue;
        }
        // The menu focuses its first action; arrow down to the chosen one and press Enter, as a person would.
        for (let k = 0; k < 20; k++) {
          const focused = await widget.locator('.monaco-list-row.action.focused').getAttribute('aria-label');
          if (focused === choice) break;
          await page.keyboard.press('ArrowDown');
        }
        await page.screenshot({ path: path.join(screenshotsDir, `${String(index).padStart(2, '0')}a-quick-fix-menu.png`) });
        await page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: STEP_MS });
        // The problem's row goes, and fewer problems of its code remain.
        const gone = await page
          .waitForFunction(
            ({ message, code, codeBefore }) => {
              const rows = [
                ...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row[aria-label*="generated by rca-writer"]'),
              ];
              const stillThere = rows.some((r) => (r.getAttribute('aria-label') ?? '').includes(message));
              const sameCode = rows.filter((r) => new RegExp(`${code}\\W*\\[Ln \\d+`).test(r.textContent ?? '')).length;
              return !stillThere && sameCode < codeBefore;
            },
            { message, code, codeBefore },
            { timeout: STEP_MS },
          )
          .then(
            () => true,
            () => false,
          );
        if (!gone) throw new Error(`after "${choice}", the ${code} problem "${message}" is still in the Problems panel`);
        const countAfter = await problemCount();
        removedOne = `"${choice}" removed ${code}; problems in ${fileName}: ${countBefore} -> ${countAfter}`;
        if (countAfter < countBefore) return removedOne;
        // This fix left a new problem behind (e.g. a placeholder in an inserted skeleton): undo, try the next.
        attempts.push(removedOne);
        await editorLines.click();
        await page.keyboard.press('Control+Z');
        await page
          .waitForFunction(
            (labelsBefore) =>
              [...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row[aria-label*="generated by rca-writer"]')]
                .map((r) => r.getAttribute('aria-label') ?? '')
                .join('\n') === labelsBefore,
            labelsBefore,
            { timeout: STEP_MS },
          )
          .catch(() => {
            throw new Error(`after undoing "${choice}", the Problems panel did not show the problems from before it`);
          });
      }
      if (removedOne) return `${removedOne} (no fix lowered the total: ${attempts.join('; ')})`;
      throw new Error(`no problem in ${fileName} offered a quick fix: ${attempts.join('; ')}`);
    });
  } else {
    steps.push({ name: 'Ctrl+. on a problem applies its quick fix', state: 'failed', error: 'not run: the Problems panel step failed' });
  }

  await step('A snippet prefix expands to its section', async () => {
    const snippet = pickSnippet(config.repoRoot);
    if (!snippet) throw new Skip('the extension contributes no snippets yet');
    if (!opened) throw new Error('not run: no RCA is open');
    await editorLines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(snippet.prefix, { delay: 10 });
    await page.keyboard.press('Control+Space');
    const item = page.locator(`.suggest-widget.visible .monaco-list-row[aria-label^="${snippet.prefix},"]`);
    await item.first().waitFor({ timeout: STEP_MS });
    // Select it (it may not be first) and accept.
    for (let k = 0; k < 20; k++) {
      const focused = await page.locator('.suggest-widget.visible .monaco-list-row.focused').getAttribute('aria-label');
      if (focused?.startsWith(`${snippet.prefix},`)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: STEP_MS });
    await page
      .waitForFunction(
        (heading) =>
          [...(globalThis as unknown as InPage).document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines')].some((el) =>
            (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(heading),
          ),
        snippet.heading,
        { timeout: STEP_MS },
      )
      .catch(async () => {
        throw new Error(
          `"${snippet.heading}" did not appear after accepting "${snippet.prefix}"; the editor shows: ${normalise(await editorLines.textContent()).slice(-300)}`,
        );
      });
    return `"${snippet.prefix}" inserted "${snippet.heading}"`;
  });

  /** Runs a command from the Command Palette (F1), by its title. */
  const runFromPalette = async (title: string) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP_MS });
    await input.fill(`>${title}`);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: title.split(': ').pop()! })
      .first()
      .waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: STEP_MS });
  };

  await step('The preview opens', async () => {
    const preview = findCommand(config.repoRoot, /preview/i);
    if (!preview) throw new Skip('the extension contributes no preview command yet');
    if (!example) throw new Error('no example RCA to preview');
    // The example again, from the Explorer, with the focus in its editor (the command is offered for Markdown editors).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`).dblclick();
    await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Control+1');
    await runFromPalette(preview.title);
    // The preview is a webview: an iframe holding the rendered report in its inner "active-frame".
    const title = fs
      .readFileSync(path.join(config.workspace, example.file), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('# '))
      ?.slice(2)
      .trim();
    const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    if (title) await frame.getByText(title, { exact: false }).first().waitFor({ timeout: STEP_MS });
    else await frame.locator('body').waitFor({ timeout: STEP_MS });
    return `"${preview.title}" shows ${title ? `"${title}"` : 'the report'}`;
  });

  // Highlighting in each default theme, on the example's first lines (a screenshot of each).
  for (const theme of DEFAULT_THEMES) {
    await step(`Dates, times, zones and instance codes are coloured in ${theme}`, async () => {
      if (!opened) throw new Error('not run: no RCA is open');
      const samples = samplesFrom(config.repoRoot, fs.readFileSync(path.join(config.workspace, example!.file), 'utf8'));
      if (samples.length < 4) throw new Error(`${fileName} has only ${samples.map((s) => s.kind).join(', ')} in its first lines`);
      await page.keyboard.press('Escape');
      await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().click();
      // The theme picker, by its default keybinding (the palette also lists "Browse Color Themes in Marketplace").
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: STEP_MS });
      await input.fill(theme);
      await page
        .locator('.quick-input-widget .monaco-list-row', { has: page.locator('.monaco-highlighted-label', { hasText: new RegExp(`^${theme}$`) }) })
        .first()
        .click({ timeout: STEP_MS });
      await input.waitFor({ state: 'hidden', timeout: STEP_MS });
      await page.locator(`.monaco-workbench.${themeClass(theme)}`).waitFor({ timeout: STEP_MS });
      // The editor repaints its tokens on the theme change; two frames later they are on screen.
      await page.evaluate(() => {
        const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame;
        return new Promise<void>((done) => frame(() => frame(done)));
      });
      const painted = await paintedColours(page, samples);
      const problem = colourProblem(theme, samples, painted);
      if (problem) throw new Error(problem);
      return samples.map((s) => `${s.kind} "${s.text}" ${painted.colours[s.kind]}`).join(', ') + `; plain text ${painted.plain}`;
    });
  }

  await step('The RCAs view in the Explorer lists the reports newest first with their problem counts; selecting one opens it', async () => {
    const report = [...(config.folderReports ?? [])].sort((a, b) => b.diagnostics.length - a.diagnostics.length)[0];
    if (!report) throw new Error('the e2e workspace has no folder report (scripts/e2e/workspace.mjs)');
    const name = path.basename(report.file);
    const title = /^# (.+)$/m.exec(fs.readFileSync(path.join(config.workspace, report.file), 'utf8'))?.[1]?.trim();
    if (!title) throw new Error(`${report.file} has no title`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: /^RCAs$/ }) }).first();
    await header.waitFor({ timeout: STEP_MS }).catch(() => {
      throw new Error('the Explorer shows no "RCAs" view');
    });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = page.locator('.pane', { has: header });
    const count = `${report.diagnostics.length} problem${report.diagnostics.length === 1 ? '' : 's'}`;
    const row = pane.locator(`.monaco-list-row[aria-label^="${title}, "]`).first();
    await page
      .waitForFunction(
        ({ title, count }) =>
          // The report's row in any tree of the side bar: only the RCAs view names a row by a report's title.
          [...(globalThis as unknown as InPage).document.querySelectorAll('.pane-body .monaco-list-row')].some((r) => {
            const label = r.getAttribute('aria-label') ?? '';
            return label.startsWith(`${title}, `) && label.endsWith(`, ${count}`);
          }),
        { title, count },
        { timeout: STEP_MS },
      )
      .catch(async () => {
        const rows = await pane.locator('.monaco-list-row').evaluateAll((r) => r.map((x) => x.getAttribute('aria-label')));
        throw new Error(`the RCAs view does not list "${title}" with ${count}, as the CLI prints; it shows: ${rows.join(' | ') || 'nothing'}`);
      });
    // Newest incident first: the dates of the rows shown, in their order, never go up.
    const labels = await pane.locator('.monaco-list-row').evaluateAll((rows) =>
      rows
        .map((r) => ({ index: Number(r.getAttribute('data-index')), label: r.getAttribute('aria-label') ?? '' }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.label),
    );
    const dates = labels.map((label) => /incident date (\d{4}-\d{2}-\d{2})/.exec(label)?.[1]).filter((d): d is string => Boolean(d));
    if (dates.length < 2 || dates.some((d, i) => i > 0 && d > dates[i - 1]!)) throw new Error(`the RCAs view is not newest first: ${labels.join(' | ')}`);
    await row.click();
    await page
      .locator(`.tabs-container .tab[aria-label*="${name}"]`)
      .first()
      .waitFor({ timeout: STEP_MS })
      .catch(() => {
        throw new Error(`selecting "${title}" in the RCAs view did not open ${name}`);
      });
    return `"${title}": ${count}; ${dates.length} reports shown, newest first (${dates.join(', ')}); selecting it opened ${name}`;
  });

  await step(
    'A keystroke that makes a date wrong changes the squiggles and the problem count, and Backspace changes them back (the probe of npm run bench:vscode)',
    async () => {
      // A report with no problems, so that the one the keystroke makes is the only one in it.
      const report = config.examples.find((e) => e.diagnostics.length === 0 && typingSpot(fs.readFileSync(path.join(config.workspace, e.file), 'utf8')));
      if (!report) throw new Error(`no example without problems has a date to type in (${config.examples.map((e) => e.file).join(', ')})`);
      const name = path.basename(report.file);
      const spot = typingSpot(fs.readFileSync(path.join(config.workspace, report.file), 'utf8'))!;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+E');
      await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).dblclick();
      await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: STEP_MS });
      await placeCursor(page, spot.line, spot.column, STEP_MS);
      await installProbe(page);
      const before = await shownProblems(page);
      try {
        const wrong = await timeKeystroke(page, spot.key, STEP_MS);
        if (wrong.squiggleMs === undefined || wrong.problemsMs === undefined)
          throw new Error(
            `typing "${spot.key}" at ${spot.line}:${spot.column} of ${name} did not change ${wrong.squiggleMs === undefined ? 'the squiggles' : 'the problem count'} (shown: ${JSON.stringify(await shownProblems(page))})`,
          );
        const during = await shownProblems(page);
        const right = await timeKeystroke(page, 'Backspace', STEP_MS);
        if (right.squiggleMs === undefined || right.problemsMs === undefined)
          throw new Error(
            `Backspace did not change ${right.squiggleMs === undefined ? 'the squiggles' : 'the problem count'} back (shown: ${JSON.stringify(await shownProblems(page))})`,
          );
        const after = await shownProblems(page);
        if (JSON.stringify(after) !== JSON.stringify(before))
          throw new Error(`after Backspace the workbench shows ${JSON.stringify(after)}, not ${JSON.stringify(before)} as before`);
        return `${name}: "${spot.key}" at ${spot.line}:${spot.column} made squiggles "${before.squiggles}" into "${during.squiggles}" and the problem count "${before.problems.trim()}" into "${during.problems.trim()}" (${wrong.ms!.toFixed(0)} ms); Backspace changed them back (${right.ms!.toFixed(0)} ms)`;
      } finally {
        // The suite opens this report later: it must find it as it is on disk.
        await runFromPalette('File: Revert File');
        await page.keyboard.press('Control+W');
      }
    },
  );

  // Last: it restarts the language server under the other steps' feet.
  await step('Problems show after Restart Language Server', async () => {
    const restart = findCommand(config.repoRoot, /restart/i);
    if (!restart) throw new Skip('the extension contributes no restart command');
    if (!opened) throw new Error('not run: no RCA is open');
    await runFromPalette(restart.title);
    // Another example (or the same one again), opened from the Explorer after the restart.
    const other = config.examples.find((e) => e !== example && e.diagnostics.length > 0) ?? example!;
    const name = path.basename(other.file);
    await page.keyboard.press('Control+Shift+E');
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).dblclick();
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Control+Shift+M');
    await showOnly(other.file);
    await page
      .waitForFunction(
        ({ name, n }) =>
          [...(globalThis as unknown as InPage).document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) =>
            new RegExp(`^${n} problems? in file ${name.replace(/[.]/g, '\\.')}`).test(r.getAttribute('aria-label') ?? ''),
          ),
        { name, n: other.diagnostics.length },
        { timeout: STEP_MS },
      )
      .catch(async () => {
        const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((r) => r.map((x) => x.getAttribute('aria-label')));
        throw new Error(
          `after "${restart.title}", ${name} does not show its ${other.diagnostics.length} problems in the Problems panel; it shows: ${rows.join(' | ') || 'nothing'}`,
        );
      });
    return `${name} shows ${other.diagnostics.length} problems after the restart`;
  });

  return steps;
}
