import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { everyRule } from '../../server/src/engine/rules';
import { defaultSettings } from '../../server/src/engine/settings';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('project invariants', () => {
  it('only server/src/lsp speaks LSP: no other server file imports vscode or vscode-languageserver', () => {
    const offenders = sources(join(root, 'server', 'src'))
      .filter((file) => !relative(root, file).startsWith('server/src/lsp/'))
      .filter((file) => /from ['"](vscode|vscode-languageserver[^'"]*)['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    assert.deepEqual(offenders, []);
  });

  it('rule codes and names are unique and well formed', () => {
    const codes = everyRule.map((r) => r.code);
    const names = everyRule.map((r) => r.name);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(names).size, names.length);
    for (const rule of everyRule) {
      assert.match(rule.code, /^RCA\d{3}$/);
      assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.description.endsWith('.'), `${rule.code} description is a sentence`);
    }
  });

  it('every rule has a docs page that names it', () => {
    for (const rule of everyRule) {
      const page = join(root, 'docs', 'rules', `${rule.code}.md`);
      assert.ok(existsSync(page), `docs/rules/${rule.code}.md exists`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.code}`), `${rule.code} page starts with its code`);
    }
  });

  it('every setting is contributed in package.json with a description and the engine default', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
    for (const [key, value] of Object.entries(defaultSettings())) {
      const property = properties[`rcaWriter.${key}`];
      assert.ok(property, `rcaWriter.${key} is contributed`);
      assert.deepEqual(property.default, value, `rcaWriter.${key} default`);
      assert.ok(property.description || property.markdownDescription, `rcaWriter.${key} has a description`);
    }
  });

  it('declares an engine no older than @types/vscode', () => {
    const engine = /(\d+)\.(\d+)/.exec(pkg.engines.vscode)!;
    const types = /(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode'])!;
    assert.ok(Number(types[1]) < Number(engine[1]) || (types[1] === engine[1] && Number(types[2]) <= Number(engine[2])));
  });
});
