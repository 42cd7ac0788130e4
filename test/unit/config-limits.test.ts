// A config file cannot hang the checker or blind it: globs that a backtracking matcher takes minutes on, nesting
// that overflows the parser, alias sets that matched slowly or matched nothing at all, zones that do not exist.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { ConfigError, loadConfigFile, MAX_CONFIG_DEPTH } from '../../server/src/engine/config';
import { resolveSettings } from '../../server/src/engine/settings';
import { zoneTable } from '../../server/src/engine/time/zones';

function configFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rca-config-limits-')), name);
  writeFileSync(path, text);
  return path;
}

function refusal(name: string, text: string): string {
  const path = configFile(name, text);
  try {
    loadConfigFile(path);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.ok(error.message.startsWith(path), error.message);
    assert.equal(error.message.split('\n').length, 1);
    return error.message.slice(path.length);
  }
  assert.fail(`${text.slice(0, 80)} was accepted`);
}

describe('globs', () => {
  it('refuses the shapes a backtracking matcher takes minutes on, naming the file, the key and the limit', () => {
    // The issue's include: 130 s per path in picomatch's extglob matching.
    const extglobs = `**/${'@(*|*)'.repeat(10)}x.md`;
    assert.match(refusal('.rca-writer.json', JSON.stringify({ include: [extglobs] })), /^:1:\d+: "include\[0\]" is ".*, refused: at most 6 "\*" in all$/);
    assert.match(refusal('.rca-writer.json', JSON.stringify({ exclude: ['*a*a*a.md'] })), /"exclude\[0\]" .* at most 2 "\*" between two slashes/);
    assert.match(refusal('.rca-writer.json', JSON.stringify({ exclude: ['+(a|aa)b.md'] })), /no repeating extglob/);
    assert.match(refusal('.rca-writer.json', JSON.stringify({ include: [`docs/${'a'.repeat(300)}.md`] })), /at most 200 characters/);
    assert.match(refusal('.rca-writer.yaml', 'instanceTimeZones:\n  "*A*A*A": UTC\n'), /^:2:3: "instanceTimeZones": the key "\*A\*A\*A" is refused/);
  });

  it('accepts the globs real configurations use', () => {
    const path = configFile(
      '.rca-writer.json',
      JSON.stringify({
        include: ['**/*.rca.md', '**/rca/**/*.md', 'docs/{incidents,postmortems}/**/*-rca.md', 'reports/20[0-9][0-9]/*.md', '**/!(draft)*.md'],
        exclude: ['drafts/**', '**/templates/*.md', '**/*.draft.md'],
        instanceTimeZones: { 'NA*': 'America/Chicago', '{EU,UK}0[1-5]': 'Europe/London', '?P*': 'Asia/Tokyo' },
      }),
    );
    assert.equal((loadConfigFile(path).settings.include as string[]).length, 5);
  });
});

describe('nesting', () => {
  it('names the file and where, instead of overflowing the stack', () => {
    const deep = 100_000;
    const json = `{"profiles": {"x": ${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}`;
    assert.match(refusal('.rca-writer.json', json), new RegExp(`^:1:\\d+: nested more than ${MAX_CONFIG_DEPTH} levels deep`));
    assert.match(refusal('.rca-writer.yaml', `profiles:\n  x: ${'['.repeat(deep)}${']'.repeat(deep)}\n`), /^:2:1: nested more than/);
    const yaml = `profiles:\n  x:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 2)}a:\n`).join('')}${'  '.repeat(42)}b: 1\n`;
    assert.match(refusal('.rca-writer.yaml', yaml), /^:\d+:\d+: nested more than/);
  });
});

describe('timeZoneAliases', () => {
  it('refuses a phrase with no letter or digit (it matched everywhere), one too long to be a phrase, and an unknown zone', () => {
    assert.match(
      refusal('.rca-writer.json', '{"timeZoneAliases": {".": "UTC"}}'),
      /"timeZoneAliases": the key "\." is refused: .*at least one letter or digit/,
    );
    assert.match(
      refusal('.rca-writer.json', JSON.stringify({ timeZoneAliases: { ['x'.repeat(40_000)]: 'UTC' } })),
      /the key "x+\.\.\. is refused: at most 100 characters/,
    );
    assert.match(
      refusal('.rca-writer.json', '{"timeZoneAliases": {"Israel time": "Asia/Jerusalm"}}'),
      /"timeZoneAliases\.Israel time" is "Asia\/Jerusalm", not an IANA time zone/,
    );
    assert.match(
      refusal('.rca-writer.json', '{"instanceTimeZones": {"NA*": "America/Chicgo"}}'),
      /"instanceTimeZones\.NA\*" is "America\/Chicgo", not an IANA/,
    );
    assert.match(refusal('.rca-writer.json', '{"defaultTimeZone": "Mars/Olympus"}'), /"defaultTimeZone" is "Mars\/Olympus", not an IANA/);
    const problems: string[] = [];
    const settings = resolveSettings({ timeZoneAliases: { '.': 'UTC', 'Israel time': 'Asia/Jerusalem', 'Mars time': 'Mars/Olympus' } }, (p) =>
      problems.push(p),
    );
    assert.deepEqual(settings.timeZoneAliases, { 'Israel time': 'Asia/Jerusalem' });
    assert.equal(problems.length, 2, problems.join('\n'));
  });

  it('finds aliases as the pattern did: longest phrase, whole words, spacing and dots as written or not', () => {
    const table = zoneTable({
      'Israel time': 'Asia/Jerusalem',
      'Israel summer time': 'Asia/Jerusalem',
      'U.S. Eastern': 'America/New_York',
      'HQ': 'Europe/Paris',
    });
    const found = (text: string) => table.find(text).map((m) => `${m.text}=${m.iana}`);
    assert.deepEqual(found('At 10:00 Israel  Summer time, then 11:00 israel time.'), ['Israel  Summer time=Asia/Jerusalem', 'israel time=Asia/Jerusalem']);
    assert.deepEqual(found('From 09:00 US Eastern and 10:00 U. S. Eastern'), ['US Eastern=America/New_York', 'U. S. Eastern=America/New_York']);
    assert.deepEqual(found('HQs at 10:00 HQ and 11:00 CDT'), ['HQ=Europe/Paris', 'CDT=America/Chicago']);
  });

  it('50,000 aliases are found in a check without trying each at every character', () => {
    const aliases: Record<string, string> = { 'Israel time': 'Asia/Jerusalem' };
    for (let i = 0; i < 50_000; i++) aliases[`site ${i.toString(36)} time`] = 'Europe/Paris';
    const settings = resolveSettings({ timeZoneAliases: aliases });
    const text = `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\n${'On April 11, 2026 from 10:00 to 11:00 site 1a time the service was slow. '.repeat(200)}\n`;
    const started = performance.now();
    const result = checkText(text, settings);
    const elapsed = performance.now() - started;
    assert.ok(!result.diagnostics.some((d) => d.code === 'RCA203' || d.code === 'RCA204'), 'the alias is a zone');
    // A hang detector, not a speed test: the alternation took minutes here.
    assert.ok(elapsed < 30_000, `${Math.round(elapsed)} ms`);
  });
});
