import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WORKER_MIN_CHARS, WORKER_MIN_FILES, workerCount } from '../../server/src/cli/check-worker';
import { cli, root } from './helpers';

/** The rule fixtures and seeds, several times over, as a batch large enough for workers. */
function batch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rca-workers-'));
  const sources = ['seeds', 'rules'].flatMap((folder) =>
    readdirSync(join(root, 'test', 'fixtures', folder))
      .filter((file) => file.endsWith('.md'))
      .map((file) => join(root, 'test', 'fixtures', folder, file)),
  );
  for (let copy = 0; copy < 3; copy++) {
    const sub = join(dir, `copy-${copy}`);
    mkdirSync(sub);
    for (const source of sources) writeFileSync(join(sub, source.split('/').slice(-2).join('-').replace(/\.md$/, '.rca.md')), readFileSync(source));
    // Outside the include globs: taken by title or front matter, or left out, when they are checked.
    for (const [index, source] of sources.entries()) {
      const text = readFileSync(source, 'utf8');
      writeFileSync(join(sub, `notes-${index}.md`), index % 3 === 0 ? text.replace(/^# .*/m, '# Meeting notes') : text);
      if (index % 5 === 0) writeFileSync(join(sub, `typed-${index}.md`), `---\ntype: rca\n---\n\n${text.replace(/^# .*/m, '# Outage')}`);
    }
  }
  // Each copy under its own settings: one object per config file, which the workers get as the thread that sent them had it.
  writeFileSync(join(dir, 'copy-1', '.rca-writer.json'), '{"rules": {"RCA104": "off"}, "profile": "postmortem"}');
  writeFileSync(join(dir, 'copy-2', '.rca-writer.yaml'), 'rules:\n  RCA104: error\n');
  return dir;
}

function check(dir: string, workers: string, format: string, args = ['.']) {
  const result = spawnSync(process.execPath, [cli, 'check', '--format', format, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, RCA_WRITER_WORKERS: workers },
    // The SARIF of this batch is over a megabyte, spawnSync's default: past it the child is killed and its output cut.
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `rca-writer check ran to its end (${result.error?.message})`);
  return result;
}

describe('rca-writer check across worker threads', () => {
  const dir = batch();
  for (const format of ['text', 'json', 'sarif']) {
    it(`prints the same ${format} report, in the same order, as one thread`, () => {
      const single = check(dir, '0', format);
      const parallel = check(dir, '2', format);
      assert.ok(single.stdout.length > 0);
      assert.equal(parallel.stderr, single.stderr);
      assert.equal(parallel.stdout, single.stdout);
      assert.equal(parallel.status, single.status);
    });
  }

  it("checks each folder's files with its own config file's settings", () => {
    const reports = JSON.parse(check(dir, '2', 'json').stdout) as { file: string; profile: string; diagnostics: { code: string; severity: string }[] }[];
    const of = (copy: string) => reports.filter((report) => report.file.startsWith(`${copy}/`));
    const rca104 = (copy: string) => new Set(of(copy).flatMap((report) => report.diagnostics.filter((d) => d.code === 'RCA104').map((d) => d.severity)));
    assert.deepEqual([...rca104('copy-0')], ['warning']);
    assert.deepEqual([...rca104('copy-1')], []);
    assert.deepEqual([...rca104('copy-2')], ['error']);
    assert.ok(of('copy-1').every((report) => report.profile === 'postmortem'));
    assert.ok(of('copy-0').some((report) => report.profile !== 'postmortem'));
  });

  it('leaves out the files of a walk that are not RCAs, and checks one named on its own all the same', () => {
    // notes-0.md has no RCA title: the walk leaves it out, naming it checks it, at the place it was named.
    const args = ['copy-0', 'copy-0/notes-0.md', 'copy-0/notes-1.md'];
    for (const workers of ['0', '2']) {
      const names = (JSON.parse(check(dir, workers, 'json', args).stdout) as { file: string }[]).map((report) => report.file);
      assert.ok(names.includes('copy-0/notes-1.md') && names.includes('copy-0/typed-0.md'), 'RCAs by title and by front matter');
      assert.ok(!names.includes('copy-0/notes-3.md'), 'no RCA');
      assert.equal(names[names.length - 1], 'copy-0/notes-0.md');
      assert.equal(names.filter((name) => name === 'copy-0/notes-1.md').length, 1);
      assert.equal(names.indexOf('copy-0/notes-1.md') < names.indexOf('copy-0/notes-0.md'), true);
    }
  });
});

describe('how many threads check a batch when RCA_WRITER_WORKERS does not say', () => {
  const forced = process.env.RCA_WRITER_WORKERS;
  const unforced = <T>(run: () => T): T => {
    delete process.env.RCA_WRITER_WORKERS;
    try {
      return run();
    } finally {
      if (forced !== undefined) process.env.RCA_WRITER_WORKERS = forced;
    }
  };
  const cores = availableParallelism();

  it('one thread for few files or little text, whatever the machine', () => {
    unforced(() => {
      assert.equal(workerCount(WORKER_MIN_FILES - 1, 10 * WORKER_MIN_CHARS, 0), 0);
      assert.equal(workerCount(1000, WORKER_MIN_CHARS - 1, 0), 0, "a thousand short files do not repay a worker's warm-up");
    });
  });

  it('workers only for the cores the load average leaves idle', () => {
    unforced(() => {
      assert.equal(workerCount(100_000, 2 * WORKER_MIN_CHARS, cores), 0, 'every core busy: this thread alone');
      assert.equal(workerCount(100_000, 2 * WORKER_MIN_CHARS, 0), cores > 1 ? cores : 0, 'an idle machine: every core');
      if (cores > 2) assert.equal(workerCount(100_000, 2 * WORKER_MIN_CHARS, cores - 2), 2);
    });
  });
});
