// Keystroke to squiggle in the workbench: a probe inside the page times, from the keydown to the moment the DOM shows
// it, how long a keystroke takes to change the active editor's squiggles or the status bar's problem count. Both
// times are the page's own performance.now(), taken in a capture-phase keydown listener and in MutationObserver
// callbacks, so nothing polls. Used by `npm run bench:vscode` (scripts/bench/vscode.ts) and, once, by the e2e's
// UI steps (workbench.ts), so that the bench's path is exercised on every e2e run.
//
// The functions handed to page.evaluate hold no named inner functions (`const f = () => ...`, `function f`): the
// bench runs under tsx, whose keepNames wraps those in a `__name` helper that the page does not have. Methods in
// object literals and inline callbacks are left alone.
import type { Page } from 'playwright-core';

/** Where to type in a report so that the diagnostics change: just after the day of the first dated line below the title. */
export interface TypingSpot {
  /** 1-based, as "Go to Line/Column" takes them. */
  line: number;
  column: number;
  /** Typed there, it makes the date another day (or no date); Backspace makes it right again. */
  key: string;
}

const DATE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?=, \d{4})/;

export function typingSpot(text: string): TypingSpot | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('#')) continue;
    const match = DATE.exec(lines[i]!);
    if (match) return { line: i + 1, column: match.index + match[0].length + 1, key: '1' };
  }
  return undefined;
}

/** One keystroke: when each signal changed after the key went down (ms, in the page), undefined if it did not in time. */
export interface KeystrokeTiming {
  key: string;
  /** The first of the two: what a person sees first. */
  ms?: number;
  squiggleMs?: number;
  problemsMs?: number;
}

/**
 * Installs the probe in the page (once per page load). It keeps one armed keystroke: arm() notes the squiggle
 * counts and the problem count, the next keydown starts the clock, and each signal's first change stops its own.
 */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> & {
      document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } };
      addEventListener(type: string, listener: () => void, capture: boolean): void;
      MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    };
    if (g.__rcaTypingProbe) return;
    const EDITOR = '.editor-group-container.active .monaco-editor .lines-content .view-overlays';
    const PROBLEMS = '[id="status.problems"]';
    type Result = { keyAt?: number; squiggleAt?: number; problemsAt?: number };
    const state: Result & {
      squiggles?: string;
      problems?: string;
      observer?: { disconnect(): void };
      done?: (result: Result) => void;
      timer?: ReturnType<typeof setTimeout>;
    } = {};
    const probe = {
      // Counts only: the editor moves a squiggle with the text at once, so its place changes before any check ran.
      squiggles() {
        return ['error', 'warning', 'info'].map((kind) => `${kind} ${g.document.querySelectorAll(`${EDITOR} .squiggly-${kind}`).length}`).join(', ');
      },
      problems() {
        const item = g.document.querySelector(PROBLEMS) as { textContent: string | null; getAttribute(n: string): string | null } | null;
        return item ? `${item.getAttribute('aria-label') ?? ''} ${item.textContent ?? ''}` : '';
      },
      settle() {
        if (!state.done) return;
        clearTimeout(state.timer);
        state.observer?.disconnect();
        state.observer = undefined;
        const done = state.done;
        state.done = undefined;
        done({ keyAt: state.keyAt, squiggleAt: state.squiggleAt, problemsAt: state.problemsAt });
      },
      arm() {
        state.observer?.disconnect();
        state.keyAt = state.squiggleAt = state.problemsAt = undefined;
        state.squiggles = probe.squiggles();
        state.problems = probe.problems();
        const observer = new g.MutationObserver(() => {
          if (state.keyAt === undefined) return;
          const now = performance.now();
          if (state.squiggleAt === undefined && probe.squiggles() !== state.squiggles) state.squiggleAt = now;
          if (state.problemsAt === undefined && probe.problems() !== state.problems) state.problemsAt = now;
          // Both changed: neither is left to change under the next keystroke.
          if (state.squiggleAt !== undefined && state.problemsAt !== undefined) probe.settle();
        });
        const options = { subtree: true, childList: true, attributes: true, characterData: true };
        for (const selector of [EDITOR, PROBLEMS]) {
          const target = g.document.querySelector(selector);
          if (target) observer.observe(target, options);
        }
        state.observer = observer;
      },
      /** Resolves once both signals changed, or after `timeoutMs` with what changed by then. */
      result(timeoutMs: number) {
        return new Promise<Result>((done) => {
          state.done = done;
          if (state.squiggleAt !== undefined && state.problemsAt !== undefined) probe.settle();
          else state.timer = setTimeout(() => probe.settle(), timeoutMs);
        });
      },
    };
    g.addEventListener(
      'keydown',
      () => {
        if (state.observer && state.keyAt === undefined) state.keyAt = performance.now();
      },
      true,
    );
    g.__rcaTypingProbe = probe;
  });
}

interface InPage {
  __rcaTypingProbe: {
    arm(): void;
    result(timeoutMs: number): Promise<{ keyAt?: number; squiggleAt?: number; problemsAt?: number }>;
    squiggles(): string;
    problems(): string;
  };
}

/** The active editor's squiggle counts and the status bar's problem count, as the probe reads them. */
export function shownProblems(page: Page): Promise<{ squiggles: string; problems: string }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as InPage).__rcaTypingProbe;
    return { squiggles: probe.squiggles(), problems: probe.problems() };
  });
}

/** Presses `key` in the focused editor and times it to the squiggles' and the problem count's change. */
export async function timeKeystroke(page: Page, key: string, timeoutMs: number): Promise<KeystrokeTiming> {
  await page.evaluate(() => (globalThis as unknown as InPage).__rcaTypingProbe.arm());
  await page.keyboard.press(key);
  const seen = await page.evaluate((timeoutMs) => (globalThis as unknown as InPage).__rcaTypingProbe.result(timeoutMs), timeoutMs);
  const after = (at?: number) => (at === undefined || seen.keyAt === undefined ? undefined : at - seen.keyAt);
  const squiggleMs = after(seen.squiggleAt);
  const problemsMs = after(seen.problemsAt);
  const both = [squiggleMs, problemsMs].filter((ms): ms is number => ms !== undefined);
  return { key, ms: both.length ? Math.min(...both) : undefined, squiggleMs, problemsMs };
}

/** How often Go to Line gets Enter before the wait for it to close is left to fail. */
const ENTER_ATTEMPTS = 3;

/**
 * Puts the cursor at a 1-based line and column with Go to Line/Column (Ctrl+G: Quick Open with its ":" prefix, which
 * filling the input replaces), and waits for the status bar to say so.
 */
export async function placeCursor(page: Page, line: number, column: number, timeoutMs: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: timeoutMs });
  await input.fill(`:${line}:${column}`);
  // Enter before the picker has read the input does nothing: wait for its one entry, which names the place. Even
  // then the picker sometimes kept the Enter (2 of 4 runs of bench:vscode on a quiet machine timed out waiting for it
  // to close with the entry shown): a picker still open a moment later gets Enter again.
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Enter');
    try {
      await input.waitFor({ state: 'hidden', timeout: attempt < ENTER_ATTEMPTS ? Math.min(2000, timeoutMs) : timeoutMs });
      break;
    } catch (error) {
      if (attempt >= ENTER_ATTEMPTS) throw error;
    }
  }
  await page.waitForFunction(
    (where) =>
      (
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
          '[id="status.editor.selection"]',
        )?.textContent ?? ''
      ).includes(where),
    `Ln ${line}, Col ${column}`,
    { timeout: timeoutMs },
  );
}
