// The one way the CLI and `render` write a file: a temporary file beside it, then a rename.
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FixWriteError, writeFixed } from '../../server/src/cli/fix';
import { writeFileAtomically } from '../../server/src/engine/write-file';

const folder = () => mkdtempSync(join(tmpdir(), 'rca-write-'));

describe('writeFileAtomically', () => {
  it('without replace, leaves an existing file and no temporary file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'out.html'), 'old');
    assert.throws(() => writeFileAtomically(join(dir, 'out.html'), 'new', { replace: false }), { code: 'EEXIST' });
    assert.equal(readFileSync(join(dir, 'out.html'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['out.html']);
  });

  it('gives the file the mode asked for, whatever the umask', () => {
    const dir = folder();
    const previous = process.umask(0o077);
    try {
      writeFileAtomically(join(dir, 'shared.md'), 'text', { replace: true, mode: 0o664 });
    } finally {
      process.umask(previous);
    }
    assert.equal(statSync(join(dir, 'shared.md')).mode & 0o777, 0o664);
  });

  it('when beforeReplace throws, keeps the old file whole and removes the temporary one', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.md'), 'old');
    const refusal = new Error('changed meanwhile');
    assert.throws(
      () =>
        writeFileAtomically(join(dir, 'r.md'), 'new', {
          replace: true,
          beforeReplace: () => {
            const temporary = readdirSync(dir).filter((name) => name !== 'r.md');
            assert.equal(temporary.length, 1);
            assert.equal(readFileSync(join(dir, temporary[0]), 'utf8'), 'new', 'the new text is complete before the rename');
            throw refusal;
          },
        }),
      refusal,
    );
    assert.equal(readFileSync(join(dir, 'r.md'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['r.md']);
  });

  it('replaces the file a symbolic link points to, and keeps the link', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync('real.md', join(dir, 'link.md'));
    writeFileAtomically(join(dir, 'link.md'), 'new', { replace: true });
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), 'new');
  });

  it('writes into a device instead of replacing it', { skip: process.platform === 'win32' && 'no /dev/null' }, () => {
    writeFileAtomically('/dev/null', 'discarded', { replace: true });
    assert.ok(statSync('/dev/null').isCharacterDevice());
  });
});

describe('writeFixed', () => {
  it('refuses a file whose text is no longer the text that was checked', () => {
    const dir = folder();
    const path = join(dir, 'r.rca.md');
    writeFileSync(path, 'saved by an editor after the check\n');
    assert.throws(
      () => writeFixed('r.rca.md', path, 'what was checked\n', 'what was fixed\n'),
      (error: unknown) => {
        assert.ok(error instanceof FixWriteError);
        assert.equal(error.message, 'r.rca.md: changed since it was read; left as it is, not fixed (run --fix again)');
        return true;
      },
    );
    assert.equal(readFileSync(path, 'utf8'), 'saved by an editor after the check\n');
  });
});
