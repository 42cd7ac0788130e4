import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { everyRule } from '../../server/src/engine/rules';
import { PROGRESS_MIN_FILES } from '../../server/src/cli/check-command';
import { CLEAN, project, root, run, runIn, seeds, seedText, snapshot } from './helpers';

interface JsonReport {
  file: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

// OASIS's SARIF 2.1.0 schema, vendored unchanged (its $id names where it comes from).
const schemaPath = join(root, 'test', 'fixtures', 'schemas', 'sarif-schema-2.1.0.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { title: string };
  assert.match(schema.title, /SARIF\) Version 2\.1\.0 JSON Schema/);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const inputs = [...seeds, 'examples'];

describe('check --format sarif', () => {
  const validate = sarifValidator();
  const { code, stdout } = run(['check', '--format', 'sarif', ...inputs]);
  const log = JSON.parse(stdout);
  const json = JSON.parse(run(['check', '--format', 'json', ...inputs]).stdout) as JsonReport[];

  it('is valid against the SARIF 2.1.0 schema, and the validator does reject a broken log', () => {
    assert.equal(code, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const broken = JSON.parse(stdout);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
    const noVersion = JSON.parse(stdout);
    delete noVersion.version;
    assert.equal(validate(noVersion), false);
  });

  it('describes every rule, with its docs page as help URI', () => {
    const rules = log.runs[0].tool.driver.rules as {
      id: string;
      name: string;
      helpUri: string;
      shortDescription: { text: string };
      defaultConfiguration: { level: string };
      properties: { fixable: boolean };
    }[];
    assert.deepEqual(
      rules.map((r) => r.id),
      everyRule.map((r) => r.code),
    );
    for (const [index, rule] of everyRule.entries()) {
      const described = rules[index];
      assert.equal(described.name, rule.name);
      assert.equal(described.shortDescription.text, rule.description);
      assert.equal(described.properties.fixable, rule.fixable);
      assert.equal(described.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity]);
      assert.ok(described.helpUri.endsWith(`/docs/rules/${rule.code}.md`), described.helpUri);
      assert.ok(existsSync(fileURLToPath(described.helpUri)), `${described.helpUri} exists`);
    }
  });

  it('has one result per finding, at the same place, with 1-based lines and columns', () => {
    const results = log.runs[0].results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
    }[];
    const expected = json.flatMap((report) => report.diagnostics.map((d) => ({ file: report.file, d })));
    assert.equal(results.length, expected.length);
    assert.ok(results.length > 5);
    for (const [i, result] of results.entries()) {
      const { file, d } = expected[i];
      assert.equal(result.ruleId, d.code);
      assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, d.code);
      assert.equal(result.message.text, d.message);
      assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, file);
      assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
      assert.deepEqual(region, {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
    }
    assert.equal(log.runs[0].originalUriBaseIds.SRCROOT.uri, `file://${root}/`);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  });

  it('takes a base URL for the rule pages, and stays valid with an empty run', () => {
    const dir = project({ 'notes.md': '# Notes\n\nNothing to see.\n' });
    const empty = runIn(['check', '--format', 'sarif', '--docs-url', 'https://example.org/rca/docs/rules', dir]);
    assert.equal(empty.code, 0);
    const emptyLog = JSON.parse(empty.stdout);
    assert.deepEqual(emptyLog.runs[0].results, []);
    const rca101 = (emptyLog.runs[0].tool.driver.rules as { id: string; helpUri: string }[]).find((r) => r.id === 'RCA101');
    assert.equal(rca101?.helpUri, 'https://example.org/rca/docs/rules/RCA101.md');
    assert.ok(validate(emptyLog));
  });
  it('names standard input and files outside the working directory by valid URIs', () => {
    const outside = project({ 'elsewhere.rca.md': seedText('seed-003.md') });
    const { stdout } = runIn(['check', '--format', 'sarif', '--stdin-filename', 'draft notes.rca.md', '-', join(outside, 'elsewhere.rca.md')], {
      stdin: seedText('seed-004.md'),
    });
    const sarif = JSON.parse(stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const uris = new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['draft%20notes.rca.md', `file://${join(outside, 'elsewhere.rca.md')}`]);
  });
});

describe('check --format github', () => {
  it('prints one workflow annotation per finding', () => {
    const json = JSON.parse(run(['check', '--format', 'json', 'examples']).stdout) as JsonReport[];
    const { code, stdout } = run(['check', '--format', 'github', 'examples']);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    const expected = json.flatMap((report) => report.diagnostics.map((d) => ({ file: report.file, d })));
    assert.equal(lines.length, expected.length);
    for (const [i, line] of lines.entries()) {
      const { file, d } = expected[i];
      const level = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[d.severity];
      const rule = everyRule.find((r) => r.code === d.code)!;
      assert.equal(
        line,
        `::${level} file=${file},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=${d.code} ${rule.name}::${d.message.replace(/%/g, '%25')}`,
      );
    }
  });

  it('escapes what would end a property or the message', () => {
    const dir = project({ 'a,b:100%.rca.md': '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText.\n' });
    const { stdout } = runIn(['check', '--format', 'github', 'a,b:100%.rca.md'], { cwd: dir });
    assert.match(stdout, /^::error file=a%2Cb%3A100%25\.rca\.md,line=\d+,/m);
    assert.doesNotMatch(stdout, /file=a,b/);
  });
});

describe('check options', () => {
  const warningsOnly = seeds[1]; // seed-003: warnings, no errors
  const warningCount = (JSON.parse(run(['check', '--format', 'json', warningsOnly]).stdout) as JsonReport[])[0].diagnostics.filter(
    (d) => d.severity === 'warning',
  ).length;

  it('--quiet shows errors only, and keeps the exit code', () => {
    const all = run(['check', 'examples']);
    const quiet = run(['check', '--quiet', 'examples']);
    assert.equal(quiet.code, all.code);
    const errorLines = all.stdout.split('\n').filter((l) => / error RCA/.test(l));
    assert.ok(errorLines.length > 0 && errorLines.length < all.stdout.trim().split('\n').length);
    const quietLines = quiet.stdout.trim().split('\n');
    assert.deepEqual(quietLines.slice(0, -1), errorLines);
    assert.match(quietLines[quietLines.length - 1], new RegExp(`^${errorLines.length} errors in \\d+ of \\d+ files$`));
    const onlyWarnings = run(['check', '-q', warningsOnly]);
    assert.equal(onlyWarnings.code, 0);
    assert.equal(onlyWarnings.stdout, '1 file checked, no problems\n');
  });

  it('--max-warnings N fails the run when there are more than N warnings', () => {
    assert.ok(warningCount >= 1);
    assert.equal(run(['check', '--max-warnings', String(warningCount), warningsOnly]).code, 0);
    const over = run(['check', '--max-warnings', String(warningCount - 1), warningsOnly]);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, `rca-writer: ${warningCount} warning${warningCount === 1 ? '' : 's'}, more than --max-warnings ${warningCount - 1}\n`);
    // Warnings hidden by --quiet still count.
    assert.equal(run(['check', '-q', '--max-warnings', '0', warningsOnly]).code, 1);
    const bad = run(['check', '--max-warnings', 'many', warningsOnly]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^rca-writer: --max-warnings must be a whole number/);
  });

  it('--max-findings N lists N per file and per rule, "all" lists every one, and anything else is a usage error', () => {
    const items = Array.from({ length: 1200 }, () => '-').join('\n');
    const text = `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nOn April 11, 2026 a switch failed.\n\n## Technical Action Items and Preventive Measures\n\n${items}\n`;
    const count = (args: string[]) => {
      const [report] = JSON.parse(run(['check', '--format', 'json', '--profile', 'exlibris', ...args, '-'], { input: text }).stdout) as JsonReport[];
      return report.diagnostics;
    };
    const empty = (args: string[]) => count(args).filter((d) => d.code === 'RCA107');
    const capped = empty([]);
    assert.equal(capped.length, 1001, "the editor's limit: 1,000 and one finding counting the rest");
    assert.match(capped[1000].message, /^200 more RCA107 findings/);
    assert.equal(empty(['--max-findings', 'all']).length, 1200);
    const ten = count(['--max-findings', '10']);
    assert.equal(ten.length, 11, 'ten, and the RCA001 note first');
    assert.match(ten[0].message, /^RCA Writer lists the first 10 of this document's 1,203 findings/);
    const bad = run(['check', '--max-findings', '0', '-'], { input: text });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'rca-writer: --max-findings must be a whole number of 1 or more, or "all", not "0"\n');
  });

  it('reads standard input for "-", named <stdin> or by --stdin-filename, whose config applies', () => {
    const text = seedText('seed-003.md');
    const plain = run(['check', '--format', 'json', '-'], { input: text });
    const file = run(['check', '--format', 'json', seeds[1]]);
    const [fromStdin] = JSON.parse(plain.stdout) as JsonReport[];
    const [fromFile] = JSON.parse(file.stdout) as JsonReport[];
    assert.equal(fromStdin.file, '<stdin>');
    assert.deepEqual(fromStdin.diagnostics, fromFile.diagnostics);
    assert.equal(plain.code, file.code);
    const dir = project({ 'team/.rca-writer.json': '{"rules": {"RCA108": "error"}}' });
    const named = runIn(['check', '--stdin-filename', 'team/new.rca.md', '-'], { cwd: dir, stdin: text });
    assert.equal(named.code, 1);
    assert.match(named.stdout, /^team\/new\.rca\.md:\d+:\d+ error RCA108 /m);
    const twice = runIn(['check', '-', '-'], { stdin: text });
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /standard input can be read only once/);
  });

  it('discovers .rca-writer.json upward from each file', () => {
    const text = seedText('seed-003.md');
    const dir = project({ 'strict/.rca-writer.json': '{"rules": {"RCA108": "error"}}', 'strict/deep/er/a.rca.md': text, 'lenient/b.rca.md': text });
    const { code, stdout } = runIn(['check', 'strict', 'lenient'], { cwd: dir });
    assert.equal(code, 1);
    assert.match(stdout, /^strict\/deep\/er\/a\.rca\.md:\d+:\d+ error RCA108/m);
    assert.match(stdout, /^lenient\/b\.rca\.md:\d+:\d+ warning RCA108/m);
  });

  it('-o writes the report to a file, refuses to replace one without --force, and never touches inputs', () => {
    const dir = project({ 'rcas/one.md': seedText('seed-003.md'), 'report.sarif': 'old' });
    const before = snapshot(join(dir, 'rcas'));
    const refused = runIn(['check', '--format', 'sarif', '-o', 'report.sarif', 'rcas'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'rca-writer: report.sarif: already exists (use --force to overwrite it)\n');
    assert.equal(readFileSync(join(dir, 'report.sarif'), 'utf8'), 'old');
    const forced = runIn(['check', '--format', 'sarif', '-o', 'report.sarif', '--force', 'rcas'], { cwd: dir });
    assert.equal(forced.code, 0);
    assert.equal(forced.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).version, '2.1.0');
    const fresh = runIn(['check', '-o', 'new.txt', 'rcas'], { cwd: dir });
    assert.equal(fresh.code, 0);
    assert.match(readFileSync(join(dir, 'new.txt'), 'utf8'), /^rcas\/one\.md:\d+:\d+ warning RCA108/m);
    const ontoInput = runIn(['check', '-o', 'rcas/one.md', '--force', 'rcas'], { cwd: dir });
    assert.equal(ontoInput.code, 2);
    assert.match(ontoInput.stderr, /^rca-writer: rcas\/one\.md: is also an input/);
    assert.deepEqual(snapshot(join(dir, 'rcas')), before);
  });

  it('documents its exit codes', () => {
    const help = run(['check', '--help']).stdout;
    for (const line of [/0 {2}no errors/, /1 {2}errors found, or more warnings than --max-warnings/, /2 {2}bad usage/]) assert.match(help, line);
    assert.match(run(['--help']).stdout, /Exit codes: 0 success, 1 findings/);
  });
});

describe('check inputs: directories and globs', () => {
  const rca = (title: string) => CLEAN.replace(/^# .*$/m, `# ${title}`);
  const files = {
    'docs/a.rca.md': CLEAN,
    'docs/rca/b.md': '# Notes\n\nNo title words, but under rca/.\n',
    'docs/rcas/deep/c.md': '# Notes\n\nUnder rcas/.\n',
    'docs/front.md': '---\ntype: rca\n---\n\n# Outage notes\n',
    'docs/titled.md': rca('NA01 - RCA - April 11, 2026'),
    'docs/readme.md': '# Read me\n\nNot a report.\n',
    'docs/notes.txt': '# NA01 - RCA - April 11, 2026\n',
    'docs/node_modules/pkg/rca/d.md': '# Vendored\n',
    'custom/.rca-writer.json': '{"include": ["**/*.incident.md"]}',
    'custom/x.incident.md': '# Incident\n',
    'custom/y.rca.md': '# Other\n\nNot included here: this folder says only *.incident.md.\n',
  };

  it('takes the RCAs under a directory, by include globs, front matter or title, as the editor does', () => {
    const dir = project(files);
    const { stdout } = runIn(['check', '--format', 'json', 'docs', 'custom'], { cwd: dir });
    const names = (JSON.parse(stdout) as JsonReport[]).map((r) => r.file);
    assert.deepEqual(names, ['docs/a.rca.md', 'docs/front.md', 'docs/rca/b.md', 'docs/rcas/deep/c.md', 'docs/titled.md', 'custom/x.incident.md']);
  });

  it('takes every file a glob matches, and each file once', () => {
    const dir = project(files);
    const { stdout } = runIn(['check', '--format', 'json', 'docs/*.md', 'docs/a.rca.md', 'docs/**/c.md'], { cwd: dir });
    const names = (JSON.parse(stdout) as JsonReport[]).map((r) => r.file);
    assert.deepEqual(names, ['docs/a.rca.md', 'docs/front.md', 'docs/readme.md', 'docs/titled.md', 'docs/rcas/deep/c.md']);
  });

  it('reports nothing and exits 0 for a directory without RCAs', () => {
    const dir = project({ 'readme.md': '# Read me\n' });
    assert.deepEqual(runIn(['check', dir]), { code: 0, stdout: 'no RCAs found, nothing checked\n', stderr: '' });
  });

  it('shows progress on stderr only on a terminal, and only for long runs', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i <= PROGRESS_MIN_FILES; i++) many[`rcas/r${String(i).padStart(2, '0')}.md`] = CLEAN;
    // Copies of one report are one incident reported many times (RCA403): not what this test is about.
    const dir = project({ ...many, '.rca-writer.json': '{ "rules": { "overlapping-incident": "off" } }' });
    const count = PROGRESS_MIN_FILES + 1;
    const tty = runIn(['check', 'rcas'], { cwd: dir, tty: true });
    assert.equal(tty.code, 0);
    assert.equal(tty.stdout, `${count} files checked, no problems\n`);
    assert.ok(tty.stderr.includes(`\rrca-writer: checking 1/${count} rcas/r00.md`));
    assert.ok(tty.stderr.includes(`checking ${count}/${count} rcas/r${count - 1}.md`));
    assert.ok(tty.stderr.endsWith('\r\u001b[K'), 'the progress line is cleared at the end');
    assert.equal(runIn(['check', 'rcas'], { cwd: dir, tty: false }).stderr, '');
    writeFileSync(join(dir, 'short.rca.md'), CLEAN);
    assert.equal(runIn(['check', 'short.rca.md'], { cwd: dir, tty: true }).stderr, '');
  });
});
