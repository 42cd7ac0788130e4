import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { snippetFiles } from '../../scripts/generate-snippets';
import { checkText } from '../../server/src/engine/check';
import { builtInProfileNames, findProfile } from '../../server/src/engine/profiles';
import { buildSnippets } from '../../server/src/authoring/snippets';
import { applyEdits } from '../../server/src/engine/text';

const root = join(__dirname, '..', '..');

/** Expands a snippet body the way VS Code does when the writer accepts every default. */
function expand(body: string[], choice: 'first' | 'marker' = 'first'): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^|]*?)(?:,[^|]*)?\|\}/g, (_, first: string) => (choice === 'marker' ? '<choice>' : first.replace(/\\(.)/g, '$1')))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\\([$}\\])/g, '$1');
}

describe('snippets', () => {
  it('the committed snippet files are the ones the profiles generate (run `npm run snippets` to update)', () => {
    for (const [file, text] of Object.entries(snippetFiles())) {
      assert.equal(readFileSync(join(root, 'snippets', file), 'utf8'), text, file);
    }
  });

  it('package.json contributes every snippet file for Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const paths = pkg.contributes.snippets.map((s: { language: string; path: string }) => `${s.language}:${s.path}`);
    assert.deepEqual(
      paths.sort(),
      Object.keys(snippetFiles())
        .map((f) => `markdown:./snippets/${f}`)
        .sort(),
    );
  });

  for (const name of builtInProfileNames()) {
    const profile = findProfile(name)!;
    const snippets = buildSnippets(profile);

    it(`${name}: one snippet per section and one for the whole report, with unique prefixes`, () => {
      assert.equal(Object.keys(snippets).length, profile.sections.length + 1);
      const prefixes = Object.values(snippets).map((s) => s.prefix);
      assert.equal(new Set(prefixes).size, prefixes.length);
    });

    it(`${name}: the section snippets insert the same text as the missing-section fix`, () => {
      const whole = Object.values(snippets)[0];
      for (const def of profile.sections.filter((d) => d.required)) {
        const text = expand(whole.body).replace(/\n## [^\n]+\n\n[\s\S]*?(?=\n## |$)/g, (block) => (block.includes(`## ${def.name}\n`) ? '' : block));
        const fix = checkText(`${text}\n`, { profile: name }).diagnostics.find((d) => d.code === 'RCA101' && d.message.includes(`"${def.name}"`));
        assert.ok(fix?.fixes?.[0], `RCA101 fix for ${def.name}`);
        const inserted = fix.fixes[0].edits[0].newText.trim();
        const snippet = Object.values(snippets).find((s) => s.body[0] === `## ${def.name}`)!;
        const expected = expand(snippet.body, 'marker');
        // The fix fills values from the document and leaves a choice open; the snippet shows the expected form.
        const shape = (s: string) =>
          s.replace(/<[^>\n]+>|\[[\w -]+\]|NA01|April 11, 2026|http:\/\/status\.exlibrisgroup\.com\/|\binstances?\b(?= experienced)/g, '_');
        assert.equal(shape(inserted), shape(expected), def.name);
      }
    });

    it(`${name}: a whole report from the snippet has every required section and no structural finding but placeholders`, () => {
      const text = `${expand(Object.values(snippets)[0].body)}\n`;
      const codes = new Set(checkText(text, { profile: name }).diagnostics.map((d) => d.code));
      for (const code of ['RCA101', 'RCA102', 'RCA103', 'RCA104', 'RCA105']) assert.ok(!codes.has(code), `${code} not reported`);
    });
  }

  it('tab stops use choice lists for zones', () => {
    const body = buildSnippets(findProfile('exlibris')!)['RCA: Event Timeline'].body.join('\n');
    assert.match(body, /\$\{\d+\|Chicago time,UTC,[^|]+\|\}/);
  });

  it('a snippet expanded into a document the fix then completes leaves no missing section', () => {
    const text = '# NA01 - RCA - April 11, 2026\n';
    let current = text;
    for (let i = 0; i < 6; i++) {
      const missing = checkText(current).diagnostics.find((d) => d.code === 'RCA101');
      if (!missing) break;
      current = applyEdits(current, missing.fixes![0].edits);
    }
    assert.equal(checkText(current).diagnostics.filter((d) => d.code === 'RCA101').length, 0);
  });
});
