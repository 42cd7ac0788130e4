// The e2e half of the highlighting check: in each default theme, the open report's dates, times, zones and
// instance codes are painted in colours other than the paragraph's. test/unit/theme-colours.test.ts resolves the
// same through the theme files; this one reads what the workbench actually rendered, and leaves a screenshot.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** The themes a new user meets: the default pair and both high-contrast themes, as the theme picker names them. */
export const DEFAULT_THEMES = ['Dark Modern', 'Light Modern', 'Dark High Contrast', 'Light High Contrast'];

export type Kind = 'date' | 'time' | 'zone' | 'instance';
export interface Sample {
  kind: Kind;
  text: string;
}

interface GrammarPattern {
  name?: string;
  match?: string;
  patterns?: GrammarPattern[];
}

/**
 * One piece of text per kind, taken from the report's first lines (the ones the editor shows without scrolling),
 * found with the grammar's own patterns so that the test follows the grammar.
 */
export function samplesFrom(repoRoot: string, reportText: string, lines = 20): Sample[] {
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes/rca.injection.tmLanguage.json'), 'utf8')) as {
    repository: Record<Kind, GrammarPattern>;
  };
  const patternsOf = (rule: GrammarPattern): string[] => (rule.match ? [rule.match] : (rule.patterns ?? []).flatMap(patternsOf));
  const visible = reportText.split('\n').slice(0, lines);
  const samples: Sample[] = [];
  for (const kind of ['date', 'time', 'zone', 'instance'] as Kind[]) {
    search: for (const source of patternsOf(grammar.repository[kind])) {
      const pattern = new RegExp(source);
      for (const line of visible) {
        const match = pattern.exec(line);
        if (match) {
          samples.push({ kind, text: match[0] });
          break search;
        }
      }
    }
  }
  return samples;
}

// The little of the DOM the function run in the page touches: the project compiles without lib.dom.
interface PageSpan {
  className: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<PageSpan>;
}
interface InPage {
  document: { querySelectorAll(selector: string): Iterable<PageSpan> };
  getComputedStyle(element: PageSpan): { color: string };
}

export interface Painted {
  plain: string | undefined;
  colours: Partial<Record<Kind, string>>;
}

/** The colour the active editor paints each sample in (its first character), and its plain text colour. */
export async function paintedColours(page: Page, samples: Sample[]): Promise<Painted> {
  return page.evaluate((samples) => {
    const view = globalThis as unknown as InPage;
    const lines = [...view.document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
    const tokensOf = (line: PageSpan) => [...line.querySelectorAll('span')].filter((span) => /\bmtk\d+\b/.test(span.className));
    // mtk1 is the editor's default foreground: text no grammar rule coloured.
    const plainSpan = lines.flatMap(tokensOf).find((span) => /\bmtk1\b/.test(span.className));
    const colours: Partial<Record<Kind, string>> = {};
    for (const sample of samples) {
      for (const line of lines) {
        const tokens = tokensOf(line);
        const text = tokens.map((span) => (span.textContent ?? '').replace(/\u00a0/g, ' ')).join('');
        const at = text.indexOf(sample.text);
        if (at < 0) continue;
        let offset = 0;
        for (const span of tokens) {
          offset += (span.textContent ?? '').length;
          if (offset > at) {
            colours[sample.kind] = view.getComputedStyle(span).color;
            break;
          }
        }
        break;
      }
    }
    return { plain: plainSpan && view.getComputedStyle(plainSpan).color, colours };
  }, samples);
}

/** Why the painted colours fail the check, or undefined when every kind has a colour of its own. */
export function colourProblem(theme: string, samples: Sample[], painted: Painted): string | undefined {
  if (!painted.plain) return `${theme}: the editor shows no plain text to compare with`;
  for (const sample of samples) {
    const colour = painted.colours[sample.kind];
    if (!colour) return `${theme}: the editor does not show the ${sample.kind} "${sample.text}"`;
    if (colour === painted.plain) return `${theme}: the ${sample.kind} "${sample.text}" is painted like plain text (${colour})`;
  }
  return undefined;
}

/** The class the workbench carries while a default theme is applied (VS Code adds the theme's id to it). */
export function themeClass(theme: string): string {
  const file = { 'Dark Modern': 'dark_modern', 'Light Modern': 'light_modern', 'Dark High Contrast': 'hc_black', 'Light High Contrast': 'hc_light' }[theme];
  if (!file) throw new Error(`no theme file is known for "${theme}"`);
  return `vscode-theme-defaults-themes-${file}-json`;
}
