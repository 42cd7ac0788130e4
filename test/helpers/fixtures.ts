import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rule fixtures carry their expected findings inline, markdownlint-style:
 *   some text <!-- expect RCA104 RCA109 -->   diagnostics with these codes start on this line
 *   some text <!-- again RCA205 -->           a place of a mistake listed once, earlier (engine/same-mistake.ts)
 *   <!-- fixture-settings {"statusPortalUrl": ""} -->   settings for this file (JSON)
 * A fixture with no expect comment expects no diagnostics at all.
 */
export interface Fixture {
  name: string;
  path: string;
  text: string;
  settings: Record<string, unknown>;
  /** "line:code" with 0-based lines, sorted. */
  expected: string[];
}

const EXPECT = /<!--\s*(expect|again)\s+((?:RCA\d{3}\s*)+)-->/g;
const SETTINGS = /<!--\s*fixture-settings\s+([\s\S]*?)-->/;

/** `defaults` are settings every fixture of the folder has unless its own fixture-settings say otherwise. */
export function readFixture(path: string, name = path, defaults: Record<string, unknown> = {}): Fixture {
  const text = readFileSync(path, 'utf8');
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      for (const code of match[2].trim().split(/\s+/)) expected.push(match[1] === 'again' ? `${index}:${code} again` : `${index}:${code}`);
    }
  });
  const settingsMatch = SETTINGS.exec(text);
  const settings = { ...defaults, ...(settingsMatch ? (JSON.parse(settingsMatch[1]) as Record<string, unknown>) : {}) };
  return { name, path, text, settings, expected: expected.sort() };
}

export function readFixtures(folder: string, defaults: Record<string, unknown> = {}): Fixture[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => readFixture(join(folder, file), file, defaults));
}

interface Found {
  code: string;
  range: { start: { line: number } };
  places?: Found[];
}

/** "line:code" for each finding listed, and "line:code again" for the other places of a repeated mistake. */
export function found(diagnostics: Found[]): string[] {
  return diagnostics
    .flatMap((d) => [`${d.range.start.line}:${d.code}`, ...(d.places ?? []).slice(1).map((place) => `${place.range.start.line}:${d.code} again`)])
    .sort();
}
