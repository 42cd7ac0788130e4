// `rca-writer render` as users run it (dist/cli.js), on the inputs of issue 13, items 8 to 10.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'rca-cli-render-'));
after(() => rmSync(work, { recursive: true, force: true }));

function report(name: string, introduction: string): string {
  const file = join(work, name);
  writeFileSync(
    file,
    `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nOn April 11, 2026 the NA01 instance was unavailable from 10:00 to 11:00 CDT. ${introduction}\n\n## Event Timeline\n\nApril 11, 2026, 10:00 to 11:00 CDT: the database failed.\n\n## Root Cause Analysis\n\nDisk full on the primary.\n\n## Technical Action Items and Preventive Measures\n\n- Add alerts on disk usage.\n\n## Customer Communication\n\nUpdates are posted on http://status.exlibrisgroup.com/\n`,
  );
  return file;
}

/** The text of the section with this id in a page. */
const section = (page: string, id: string) =>
  /<section class="rca-section" id="rca-([\w-]+)">([\s\S]*?)<\/section>/g.exec(page.slice(page.indexOf(`id="rca-${id}"`) - 40))?.[2] ?? '';

describe('rca-writer render on raw HTML that once lost text', () => {
  it('"See <template> for details." keeps every later section whole (item 8)', () => {
    const result = run(['render', report('template.rca.md', 'See <template> for details.'), '-o', '-']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(section(result.stdout, 'event-timeline'), /database failed/);
    assert.match(section(result.stdout, 'root-cause-analysis'), /Disk full/);
    assert.match(section(result.stdout, 'technical-action-items'), /Add alerts/);
    assert.match(section(result.stdout, 'introduction'), /See &#x3C;template> for details\./);
    assert.doesNotMatch(result.stdout, /data-rca-part/);
  });

  it('an inline unclosed <div> or <table> stays in the Introduction (item 8)', () => {
    for (const tag of ['div', 'table']) {
      const result = run(['render', report(`${tag}.rca.md`, `An inline <${tag}> opens here.`), '-o', '-']);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /data-rca-part/);
      assert.doesNotMatch(section(result.stdout, 'introduction'), /database failed|Disk full/);
      assert.match(section(result.stdout, 'root-cause-analysis'), /Disk full/);
    }
  });

  it('an unfinished <div class="note" before a paragraph renders, exit code 0 (item 9)', () => {
    const result = run(['render', report('note.rca.md', '\n\n<div class="note"\n\n<b>Note:</b> on April 11, 2026 the NA01 database failed.'), '-o', '-']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(section(result.stdout, 'introduction'), /<b>Note:<\/b> on April 11, 2026 the NA01 database failed\./);
  });

  it('--allow-remote-images is the only way the page may load web images (item 10)', () => {
    const file = report('remote.rca.md', '\n\n![chart](https://example.com/chart.png)');
    const blocked = run(['render', file, '-o', '-']);
    assert.match(blocked.stdout, /img-src data:;/);
    assert.doesNotMatch(blocked.stdout, /<img/);
    const allowed = run(['render', file, '-o', '-', '--allow-remote-images']);
    assert.match(allowed.stdout, /img-src data: https: http:;/);
    assert.match(allowed.stdout, /<img src="https:\/\/example.com\/chart.png" alt="chart">/);
    assert.match(run(['render', '--help']).stdout, /--allow-remote-images/);
  });
});
