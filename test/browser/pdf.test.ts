import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderCommand } from '../../server/src/render/cli';
import { CHROMIUM, hasChromium } from './chromium';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'clean.rca.md');
const work = mkdtempSync(join(tmpdir(), 'rca-pdf-'));
after(() => rmSync(work, { recursive: true, force: true }));

const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined;

describe('PDF export through headless Chromium', { skip: hasChromium() ? false : 'no Chromium (set RCA_WRITER_CHROMIUM)' }, () => {
  const pdf = join(work, 'clean.pdf');

  it('rca-writer render --pdf prints the example', async () => {
    let stderr = '';
    const code = await renderCommand([example, '--pdf', pdf, '--chromium', CHROMIUM], { stdout: () => {}, stderr: (t) => (stderr += t) });
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('does not print over an existing PDF without --force', async () => {
    let stderr = '';
    const code = await renderCommand([example, '--pdf', pdf, '--chromium', CHROMIUM], { stdout: () => {}, stderr: (t) => (stderr += t) });
    assert.equal(code, 2);
    assert.equal(stderr, `rca-writer: ${pdf}: already exists (use --force to replace it)\n`);
  });

  it(
    'its first page has the title, the summary and the first sections; as PNG it is an A4 page',
    { skip: hasPoppler ? false : 'pdftoppm/pdftotext not installed (poppler-utils)' },
    () => {
      const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
      for (const words of [
        'NA01, NA02, NA03 - RCA - March 17, 2026',
        'Incident window (UTC)',
        'March 17, 2026, 14:05 – 15:41 UTC',
        '1 h 36 min',
        'Introduction',
        'Event Timeline',
      ]) {
        assert.ok(text.includes(words), `page 1 should show "${words}"`);
      }
      assert.doesNotMatch(text, /not ready to publish/);
      const png = join(work, 'page');
      const result = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      assert.equal(result.status, 0, String(result.stderr));
      const image = readFileSync(`${png}.png`);
      assert.equal(image.subarray(1, 4).toString('latin1'), 'PNG');
      const width = image.readUInt32BE(16);
      const height = image.readUInt32BE(20);
      assert.ok(Math.abs(height / width - 297 / 210) < 0.01, `A4 proportions, got ${width}x${height}`);
      // Kept for a look (CI uploads test-results/).
      mkdirSync(join(root, 'test-results'), { recursive: true });
      copyFileSync(`${png}.png`, join(root, 'test-results', 'render-clean-page1.png'));
    },
  );
});
