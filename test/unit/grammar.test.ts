import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

describe('highlighting grammar', () => {
  it('the committed grammar is the one scripts/grammar.mjs generates (run `npm run grammar` to update)', async () => {
    const { grammarText } = (await import('../../scripts/grammar.mjs')) as { grammarText: string };
    assert.equal(readFileSync(join(root, 'syntaxes', 'rca.injection.tmLanguage.json'), 'utf8'), grammarText);
  });

  it('is contributed as an injection into Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars, [
      { scopeName: 'rca.injection', path: './syntaxes/rca.injection.tmLanguage.json', injectTo: ['text.html.markdown'] },
    ]);
  });
});
