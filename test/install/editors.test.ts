// The editor configurations in docs/editors/: Neovim's and Emacs's (eglot and lsp-mode) run for real, with the
// editors Debian installs (Neovim 0.7 and Emacs 28 in bookworm), on an example RCA against the built server, and
// must show the CLI's findings; the others (editors Debian does not package) are parsed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { elpaPresent } from '../../scripts/prerequisites.mjs';

const root = join(__dirname, '..', '..');
const editors = join(root, 'docs', 'editors');
const hasNeovim = spawnSync('sh', ['-c', 'command -v nvim'], { stdio: 'ignore' }).status === 0;
const neovim = { skip: hasNeovim ? false : 'no nvim (apt-get install neovim)' };
const emacsMissing = [
  ...(spawnSync('sh', ['-c', 'command -v emacs'], { stdio: 'ignore' }).status === 0 ? [] : ['emacs-nox']),
  ...['markdown-mode', 'eglot', 'lsp-mode'].filter((name) => !elpaPresent(name)).map((name) => `elpa-${name}`),
];
const emacs = { skip: emacsMissing.length ? `no ${emacsMissing.join(', ')} (apt-get install ${emacsMissing.join(' ')})` : false };

/** A PATH whose rca-writer-language-server is this repository's built server, as `npm install -g` would give. */
function pathWithServer(): string {
  const bin = mkdtempSync(join(tmpdir(), 'rca-editor-bin-'));
  const shim = join(bin, 'rca-writer-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'dist', 'server.js'))} "$@"\n`);
  chmodSync(shim, 0o755);
  return `${bin}:${process.env.PATH}`;
}

function cliFindings(file: string): { code: string; line: number }[] {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', file], { cwd: root, encoding: 'utf8' });
  const [report] = JSON.parse(result.stdout) as { diagnostics: { code: string; range: { start: { line: number } } }[] }[];
  return report.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line }));
}

describe('Neovim', () => {
  it('docs/editors/neovim-0.7.lua shows the CLI findings on an example RCA', neovim, () => {
    const work = mkdtempSync(join(tmpdir(), 'rca-nvim-'));
    const out = join(work, 'diagnostics.json');
    // Waits (on Neovim's event loop) until the server has published diagnostics, then writes them out.
    const dump = join(work, 'dump.lua');
    writeFileSync(
      dump,
      `local found = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local list = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(list, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), line = d.lnum, source = d.source })
end
vim.fn.writefile({ vim.fn.json_encode({ found = found, diagnostics = list }) }, ${JSON.stringify(out)})
vim.cmd('qa!')
`,
    );
    const example = 'examples/missing-sections.rca.md';
    const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(editors, 'neovim-0.7.lua'), example, '-c', `luafile ${dump}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PATH: pathWithServer(), XDG_STATE_HOME: work, XDG_CACHE_HOME: work, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work },
    });
    assert.equal(result.status, 0, result.stderr);
    const shown = JSON.parse(readFileSync(out, 'utf8')) as { found: boolean; diagnostics: { code: string; line: number; source: string }[] };
    assert.equal(shown.found, true);
    const byPosition = (a: { line: number; code: string }, b: { line: number; code: string }) => a.line - b.line || a.code.localeCompare(b.code);
    const expected = cliFindings(example).sort(byPosition);
    assert.ok(expected.length > 0);
    assert.deepEqual(shown.diagnostics.map(({ code, line }) => ({ code, line })).sort(byPosition), expected);
    assert.ok(shown.diagnostics.every((d) => d.source === 'rca-writer'));
  });

  it('docs/editors/neovim.lua (0.11+) is valid Lua that enables the server', neovim, () => {
    // Debian's Neovim has no vim.lsp.config: the file is compiled, not run.
    const result = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `lua assert(loadfile(${JSON.stringify(join(editors, 'neovim.lua'))}))`, '-c', 'qa!'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(readFileSync(join(editors, 'neovim.lua'), 'utf8'), /vim\.lsp\.enable\('rca_writer'\)/);
  });
});

describe('Emacs', () => {
  const example = 'examples/missing-sections.rca.md';
  const byPosition = (a: { line: number; code: string }, b: { line: number; code: string }) => a.line - b.line || a.code.localeCompare(b.code);

  /** Runs Emacs in batch mode with `config` and `script` on the example; returns what the script wrote. */
  function runEmacs<T>(config: string, script: string): T {
    const work = mkdtempSync(join(tmpdir(), 'rca-emacs-'));
    const output = join(work, 'diagnostics.json');
    const result = spawnSync('emacs', ['--batch', '-l', join(__dirname, 'emacs', script)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      // A home of its own: no user init, no package or session state from an earlier run.
      env: { ...process.env, PATH: pathWithServer(), HOME: work, RCA_EDITOR_CONFIG: join(editors, config), RCA_EXAMPLE: example, RCA_OUTPUT: output },
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.ok(existsSync(output), `${script} wrote nothing:\n${result.stderr}`);
    return JSON.parse(readFileSync(output, 'utf8')) as T;
  }

  it('docs/editors/emacs-eglot.el: eglot shows the CLI findings through flymake', emacs, () => {
    const shown = runEmacs<{ mode: string; managed: boolean; diagnostics: { line: number; text: string }[] }>('emacs-eglot.el', 'eglot-diagnostics.el');
    assert.equal(shown.mode, 'markdown-mode');
    assert.equal(shown.managed, true);
    // eglot writes a diagnostic as "<source> [<code>]: <message>".
    const found = shown.diagnostics.map(({ line, text }) => ({ line, code: /^rca-writer \[(RCA\d+)\]: /.exec(text)?.[1] ?? text }));
    const expected = cliFindings(example).sort(byPosition);
    assert.ok(expected.length > 0);
    assert.deepEqual(found.sort(byPosition), expected);
  });

  it('docs/editors/emacs-lsp-mode.el: lsp-mode holds the CLI findings', emacs, () => {
    const shown = runEmacs<{ mode: string; diagnostics: { line: number; code: string; source: string }[] }>('emacs-lsp-mode.el', 'lsp-mode-diagnostics.el');
    assert.equal(shown.mode, 'markdown-mode');
    const expected = cliFindings(example).sort(byPosition);
    assert.deepEqual(shown.diagnostics.map(({ line, code }) => ({ line, code })).sort(byPosition), expected);
    assert.ok(shown.diagnostics.every((d) => d.source === 'rca-writer'));
  });
});

describe('the other editors', () => {
  it('Helix: languages.toml parses and adds the server to Markdown', () => {
    const program = `import tomllib,json,sys; print(json.dumps(tomllib.load(open(sys.argv[1],'rb'))))`;
    const result = spawnSync('python3', ['-c', program, join(editors, 'helix-languages.toml')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const config = JSON.parse(result.stdout) as {
      'language-server': Record<string, { command: string; args: string[] }>;
      'language': { 'name': string; 'language-servers': string[] }[];
    };
    assert.deepEqual(config['language-server']['rca-writer'].args, ['--stdio']);
    assert.ok(config.language.find((l) => l.name === 'markdown')?.['language-servers'].includes('rca-writer'));
  });

  for (const file of ['zed-settings.json', 'sublime-LSP.sublime-settings']) {
    it(`${file} is JSON with comments that names the server`, () => {
      const text = readFileSync(join(editors, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      assert.match(JSON.stringify(JSON.parse(text)), /rca-writer-language-server/);
    });
  }

  for (const file of ['emacs-eglot.el', 'emacs-lsp-mode.el']) {
    it(`${file}: balanced parentheses, and the server's command`, () => {
      const code = readFileSync(join(editors, file), 'utf8')
        .replace(/;.*$/gm, '')
        .replace(/"(?:[^"\\]|\\.)*"/g, (s) => (s.includes('rca-writer-language-server') ? 'SERVER' : '""'));
      let depth = 0;
      for (const char of code) {
        depth += char === '(' ? 1 : char === ')' ? -1 : 0;
        assert.ok(depth >= 0);
      }
      assert.equal(depth, 0);
      assert.match(code, /SERVER/);
    });
  }
});
