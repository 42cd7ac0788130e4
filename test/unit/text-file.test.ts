import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBounded, readFileBytes, readTextFile } from '../../server/src/engine/text-file';

const folder = mkdtempSync(join(tmpdir(), 'rca-text-file-'));

/** A file of `bytes` bytes that differ along it, so that a chunk read twice or left out changes the result. */
function fileOf(name: string, bytes: number): { path: string; content: Buffer } {
  const content = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) content[i] = 97 + ((i * 7 + Math.floor(i / 4096)) % 26);
  const path = join(folder, name);
  writeFileSync(path, content);
  return { path, content };
}

function readWith(path: string, expectedBytes?: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    return readBounded(fd, expectedBytes);
  } finally {
    closeSync(fd);
  }
}

describe('reading a file', () => {
  it('reads a file whole, whatever size it was expected to have: the same, smaller (it grew), larger or none (a pipe, read in several 1 MB reads through one reused buffer)', () => {
    const { path, content } = fileOf('report.md', 3 * (1 << 20) + 123);
    for (const expected of [content.length, 10, content.length - 1, content.length + 5000, 0, undefined])
      assert.deepEqual(readWith(path, expected), content, `expected ${expected} bytes`);
  });

  it('reads an empty file as no bytes, and a small one by its size', () => {
    assert.equal(readFileBytes(fileOf('empty.md', 0).path).length, 0);
    writeFileSync(join(folder, 'title.md'), '# Title\n');
    assert.equal(readTextFile(join(folder, 'title.md')), '# Title\n');
  });
});
