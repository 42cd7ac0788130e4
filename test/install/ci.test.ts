// The GitHub Action and the pre-commit hook, on a repository of their own: the action's script run with its inputs
// as the runner passes them (INPUT_* variables), and the hook's entry on the files its pattern selects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** A repository with one RCA that has errors, one clean RCA, and a README that is no RCA. */
function fixtureRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'rca-ci-repo-'));
  mkdirSync(join(repo, 'docs', 'rcas'), { recursive: true });
  copyFileSync(join(root, 'test', 'fixtures', 'seeds', 'seed-000.md'), join(repo, 'docs', 'rcas', 'na03-outage.md'));
  copyFileSync(join(root, 'examples', 'clean.rca.md'), join(repo, 'clean.rca.md'));
  writeFileSync(join(repo, 'README.md'), '# Our notes\n\nNothing here is a report.\n');
  return repo;
}

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { run: string; env: Record<string, string> }[] };
}

function runAction(repo: string, inputs: Record<string, string>) {
  const manifest = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionManifest;
  assert.equal(manifest.runs.using, 'composite');
  const step = manifest.runs.steps[0];
  // As the runner does: every input, defaulted, under the variable the step's env maps it to.
  const env: NodeJS.ProcessEnv = { ...process.env, RCA_WRITER_BIN: cli, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: join(repo, 'github-output') };
  for (const [variable, expression] of Object.entries(step.env)) {
    const name = /inputs\.([\w-]+)/.exec(expression)![1];
    env[variable] = inputs[name] ?? manifest.inputs[name].default ?? '';
  }
  writeFileSync(env.GITHUB_OUTPUT!, '');
  const result = spawnSync('bash', ['-c', step.run], { cwd: repo, env, encoding: 'utf8' });
  return { ...result, outputs: readFileSync(env.GITHUB_OUTPUT!, 'utf8') };
}

describe('the GitHub Action', () => {
  it('writes upload-ready SARIF for the RCAs, annotates them, and fails on errors by default', () => {
    const repo = fixtureRepository();
    const result = runAction(repo, {});
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.outputs, /^sarif-file=rca-writer\.sarif$/m);
    const sarif = JSON.parse(readFileSync(join(repo, 'rca-writer.sarif'), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const files = new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...files], ['docs/rcas/na03-outage.md']);
    assert.ok(sarif.runs[0].results.some((r) => r.level === 'error'));
    assert.match(result.stdout, /^::error file=docs\/rcas\/na03-outage\.md,line=\d+/m);
  });

  it('takes paths, profile, format and fail-on', () => {
    const repo = fixtureRepository();
    assert.equal(runAction(repo, { paths: 'clean.rca.md' }).status, 0);
    assert.equal(runAction(repo, { 'fail-on': 'never' }).status, 0);
    const text = runAction(repo, { format: 'text', paths: 'docs\nclean.rca.md', profile: 'exlibris' });
    assert.equal(text.status, 1);
    assert.match(text.stdout, /na03-outage\.md:\d+:\d+ error RCA\d{3}/);
    assert.match(text.outputs, /^sarif-file=$/m);
    const json = runAction(repo, { 'format': 'json', 'output': 'report.json', 'paths': 'clean.rca.md', 'fail-on': 'warning' });
    assert.equal(json.status, 0, json.stdout);
    assert.deepEqual(JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8')), [{ file: 'clean.rca.md', profile: 'exlibris', diagnostics: [] }]);
  });

  it('names a wrong input in one line', () => {
    const repo = fixtureRepository();
    for (const [inputs, named] of [
      [{ format: 'xml' }, /format must be .*not "xml"/],
      [{ 'fail-on': 'warnings' }, /fail-on must be .*not "warnings"/],
      [{ profile: 'no-such-profile' }, /no-such-profile/],
    ] as const) {
      const result = runAction(repo, inputs);
      assert.equal(result.status, 2);
      const said = `${result.stdout}${result.stderr}`.trim().split('\n');
      assert.equal(said.length, 1, said.join('\n'));
      assert.match(said[0], named);
    }
  });
});

describe('the pre-commit hook', () => {
  const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string }[];

  it('passes only the RCAs among the staged files, and fails on their errors', () => {
    const repo = fixtureRepository();
    const staged = ['README.md', 'clean.rca.md', 'docs/rcas/na03-outage.md', 'docs/guide.md'];
    const selected = staged.filter((file) => new RegExp(hook.files).test(file));
    assert.deepEqual(selected, ['clean.rca.md', 'docs/rcas/na03-outage.md']);
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'rca-writer');
    assert.equal(hook.language, 'node');
    const failing = spawnSync(cli, [...args, ...selected], { cwd: repo, encoding: 'utf8' });
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /na03-outage\.md:\d+:\d+ error/);
    assert.equal(spawnSync(cli, [...args, 'clean.rca.md'], { cwd: repo, encoding: 'utf8' }).status, 0);
  });
});
