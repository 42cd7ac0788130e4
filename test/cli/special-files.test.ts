// Inputs and outputs that are not ordinary UTF-8 files: devices, named pipes, binary and Latin-1 files, UTF-16 with a
// byte-order mark, full disks. Each is one line naming the file; a folder goes on past the ones it cannot read.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, CLEAN, project, run, runAsUser } from './helpers';

const posix = process.platform !== 'win32';
const DEFECT = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nThe service was down on April 11, 2026 from 14:00 PM to 15:00 CDT.\n';

interface JsonReport {
  file: string;
  diagnostics: { code: string; range: unknown }[];
}

/** Runs the CLI with a time limit: a special file must be refused, not waited on. */
function runBounded(args: string[], options: { cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd, encoding: 'utf8', input: '', timeout: 30_000 });
  assert.equal(result.signal, null, `rca-writer ${args.join(' ')} did not finish: ${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneLine(stderr: string): string {
  assert.equal(stderr.split('\n').filter(Boolean).length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /);
  return stderr;
}

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('special files named on the command line', { skip: !posix && 'devices and FIFOs are POSIX' }, () => {
  it('refuses a device at once (it used to read /dev/zero until memory ran out)', () => {
    const { code, stdout, stderr } = runBounded(['check', '/dev/zero']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(oneLine(stderr), 'rca-writer: /dev/zero: is a device, not a file\n');
  });

  it('refuses a named pipe instead of waiting for a writer', () => {
    const dir = project({});
    execFileSync('mkfifo', [join(dir, 'pipe.rca.md')]);
    const { code, stderr } = runBounded(['check', 'pipe.rca.md'], { cwd: dir });
    assert.equal(code, 2);
    assert.match(oneLine(stderr), /^rca-writer: pipe\.rca\.md: is a named pipe \(FIFO\), not a file; .*"-"/);
    const rendered = runBounded(['render', 'pipe.rca.md', '-o', 'out.html'], { cwd: dir });
    assert.equal(rendered.code, 2);
    assert.match(oneLine(rendered.stderr), /pipe\.rca\.md: is a named pipe/);
    assert.equal(existsSync(join(dir, 'out.html')), false);
  });

  it('still reads standard input through "-", and bounds it', () => {
    const piped = run(['check', '--format', 'json', '-'], { input: DEFECT });
    assert.equal(piped.code, 1);
    assert.ok((JSON.parse(piped.stdout) as JsonReport[])[0].diagnostics.some((d) => d.code === 'RCA208'));
    const endless = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" check - < /dev/zero`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(endless.signal, null);
    assert.equal(endless.status, 2);
    assert.equal(oneLine(endless.stderr), 'rca-writer: <stdin>: more than 64 MB, too large to be a report\n');
  });
});

describe('encodings', () => {
  it('decodes UTF-16 with a byte-order mark and drops a UTF-8 one: the same findings as plain UTF-8', () => {
    const dir = project({ 'plain.rca.md': DEFECT });
    writeFileSync(join(dir, 'le.rca.md'), utf16(DEFECT, 'le'));
    writeFileSync(join(dir, 'be.rca.md'), utf16(DEFECT, 'be'));
    writeFileSync(join(dir, 'bom.rca.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DEFECT)]));
    const { code, stdout, stderr } = run(['check', '--format', 'json', 'plain.rca.md', 'le.rca.md', 'be.rca.md', 'bom.rca.md', '-'], {
      cwd: dir,
      input: utf16(DEFECT, 'be'),
    });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as JsonReport[];
    assert.equal(reports.length, 5);
    const [plain, ...others] = reports;
    assert.ok(plain.diagnostics.some((d) => d.code === 'RCA208'));
    for (const other of others) assert.deepEqual(other.diagnostics, plain.diagnostics, other.file);
  });

  it('says a Latin-1 file is not UTF-8, with the line, instead of checking U+FFFD characters', () => {
    const dir = project({});
    writeFileSync(join(dir, 'latin.rca.md'), Buffer.concat([Buffer.from(DEFECT), Buffer.from('\nCaf\xe9 outage.\n', 'latin1')]));
    const { code, stderr } = run(['check', 'latin.rca.md'], { cwd: dir });
    assert.equal(code, 2);
    assert.match(oneLine(stderr), /^rca-writer: latin\.rca\.md:7: not UTF-8 text \(byte 0xE9; Latin-1 or Windows-1252, perhaps\): save it as UTF-8/);
  });

  it('refuses a UTF-16 byte-order mark followed by an odd number of bytes', () => {
    const dir = project({});
    writeFileSync(join(dir, 'odd.rca.md'), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    const { code, stderr } = run(['check', 'odd.rca.md'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(oneLine(stderr), 'rca-writer: odd.rca.md: starts with a UTF-16 byte-order mark but is not UTF-16 text\n');
  });
});

describe('a folder goes on past the files it cannot read', () => {
  it('names each one, checks the rest, and exits 2', () => {
    const dir = project({ 'rca/clean.md': CLEAN, 'rca/defect.md': DEFECT, 'rca/notes.txt': 'not Markdown' });
    writeFileSync(join(dir, 'rca', 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    writeFileSync(join(dir, 'rca', 'latin.md'), Buffer.from('# Caf\xe9 - RCA\n', 'latin1'));
    writeFileSync(join(dir, 'rca', 'wide.md'), utf16(DEFECT, 'le'));
    if (posix) execFileSync('mkfifo', [join(dir, 'rca', 'pipe.md')]);
    for (const target of ['.', 'rca/**/*.md']) {
      const { code, stdout, stderr } = runBounded(['check', '--format', 'json', target], { cwd: dir });
      assert.equal(code, 2, target);
      const lines = stderr.trim().split('\n');
      const refused = ['rca/image.md: looks like a binary file', 'rca/latin.md:1: not UTF-8', ...(posix ? ['rca/pipe.md: is a named pipe'] : [])];
      assert.equal(lines.length, refused.length + 1, stderr);
      refused.forEach((start, i) => assert.ok(lines[i].startsWith(`rca-writer: ${start}`) && lines[i].endsWith('(not checked)'), lines[i]));
      assert.equal(lines.at(-1), `rca-writer: ${refused.length} files or folders could not be read; the others were checked`);
      const checked = (JSON.parse(stdout) as JsonReport[]).map((report) => report.file.replace(/^\.\//, ''));
      assert.deepEqual(checked, ['rca/clean.md', 'rca/defect.md', 'rca/wide.md'], target);
    }
  });

  it('a folder it cannot enter is named too, and the rest is checked', { skip: !posix && 'folder permissions are POSIX' }, () => {
    const dir = project({ 'rca/a.md': DEFECT, 'locked/rca/b.md': DEFECT });
    execFileSync('chmod', ['000', join(dir, 'locked')]);
    try {
      const { code, stderr } = runAsUser(['check', '.'], dir);
      assert.equal(code, 2);
      assert.match(stderr, /locked: cannot read the directory \(EACCES\) \(not checked\)/);
    } finally {
      execFileSync('chmod', ['755', join(dir, 'locked')]);
    }
  });
});

describe('outputs that cannot be written', { skip: !posix && 'devices are POSIX' }, () => {
  it('-o /dev/full: one line naming the file', () => {
    const { code, stderr } = run(['check', '-o', '/dev/full', 'clean.rca.md'], { cwd: project({ 'clean.rca.md': CLEAN }) });
    assert.equal(code, 2);
    assert.equal(oneLine(stderr), 'rca-writer: /dev/full: cannot write (no space left on the device)\n');
    assert.ok(statSync('/dev/full').isCharacterDevice());
  });

  it('a standard output on a full disk: one line, exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [cli, 'check', 'clean.rca.md'], {
        cwd: project({ 'clean.rca.md': CLEAN }),
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      assert.equal(result.status, 2);
      assert.equal(oneLine(result.stderr), 'rca-writer: cannot write to stdout (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });

  it('-o on a named pipe writes into the pipe, even with --force, and leaves the pipe a pipe', () => {
    const dir = project({ 'clean.rca.md': CLEAN });
    const pipe = join(dir, 'out');
    execFileSync('mkfifo', [pipe]);
    // Read and write: opening does not wait for a writer, and the pipe has a reader while the CLI writes.
    const reader = openSync(pipe, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const { code, stderr } = run(['check', '--force', '-o', 'out', 'clean.rca.md'], { cwd: dir });
      assert.equal(stderr, '');
      assert.equal(code, 0);
      const buffer = Buffer.alloc(4096);
      const read = readSync(reader, buffer);
      assert.match(buffer.subarray(0, read).toString('utf8'), /1 file checked, no problems/);
      assert.ok(statSync(pipe).isFIFO(), 'the pipe was replaced by a file');
    } finally {
      closeSync(reader);
    }
  });
});

describe('render refuses one file for both outputs', () => {
  it('before writing either', () => {
    const dir = project({ 'clean.rca.md': CLEAN });
    mkdirSync(join(dir, 'out'));
    const { code, stderr } = runBounded(['render', 'clean.rca.md', '-o', 'out/page', '--pdf', './out/page'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(oneLine(stderr), 'rca-writer: ./out/page: is also the HTML output (-o); give the PDF a name of its own\n');
    assert.equal(existsSync(join(dir, 'out', 'page')), false);
  });
});
