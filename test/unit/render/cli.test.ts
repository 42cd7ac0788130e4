import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderCommand } from '../../../server/src/render/cli';

const example = join(__dirname, '..', '..', 'fixtures', 'render', 'clean.md');
const work = mkdtempSync(join(tmpdir(), 'rca-render-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await renderCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('rca-writer render', () => {
  it('writes a standalone page and leaves the Markdown as it was', async () => {
    const before = readFileSync(example, 'utf8');
    const out = join(work, 'clean.html');
    const result = await run(example, '-o', out);
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<style>[\s\S]*@media print/);
    assert.equal(readFileSync(example, 'utf8'), before);
  });

  it('never replaces an existing file without --force', async () => {
    const out = join(work, 'existing.html');
    writeFileSync(out, 'keep me');
    const refused = await run(example, '-o', out);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `rca-writer: ${out}: already exists (use --force to replace it)\n`);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal((await run(example, '-o', out, '--force')).code, 0);
    assert.match(readFileSync(out, 'utf8'), /<!DOCTYPE html>/);
  });

  it('checks the PDF target and the Chromium before writing anything', async () => {
    const out = join(work, 'not-written.html');
    const missing = join(work, 'no-chromium');
    const result = await run(example, '-o', out, '--pdf', join(work, 'x.pdf'), '--chromium', missing);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `rca-writer: no Chromium at ${missing} (give the path of a chromium or chrome executable)\n`);
    assert.equal(existsSync(out), false);
  });

  it('writes to standard output with -o -, and warns on stderr when errors are left', async () => {
    const errors = join(__dirname, '..', '..', 'fixtures', 'render', 'errors.md');
    const result = await run(errors, '-o', '-');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /2 errors: not ready to publish/);
    assert.equal(result.stderr, `rca-writer: ${errors}: 2 errors: not ready to publish (see the banner, or run rca-writer check)\n`);
  });

  it('bad usage and unreadable files: one line naming the file, exit code 2', async () => {
    const missing = join(work, 'missing.md');
    assert.deepEqual(await run(missing, '-o', join(work, 'm.html')), {
      code: 2,
      stdout: '',
      stderr: `rca-writer: ${missing}: cannot read the file (no such file)\n`,
    });
    const noOutput = await run(example);
    assert.equal(noOutput.code, 2);
    assert.match(noOutput.stderr, /^rca-writer: no output given[^\n]*\n$/);
    const unknown = await run(example, '--bogus');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^rca-writer: [^\n]*bogus[^\n]*\n$/);
  });

  it('--help explains the options', async () => {
    const result = await run('--help');
    assert.equal(result.code, 0);
    for (const option of ['-o, --output', '--pdf', '--chromium', '--force']) assert.ok(result.stdout.includes(option), option);
  });
});
