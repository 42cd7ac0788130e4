import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText, resolveProfile } from '../../server/src/engine/check';
import { ConfigError, findConfigFile, loadConfigFile, mergeSettings, settingsForFile } from '../../server/src/engine/config';
import { resolveSettings } from '../../server/src/engine/settings';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rca-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('.rca-writer.json', () => {
  it('the nearest file upward applies', () => {
    const root = tree({
      '.rca-writer.json': '{"statusPortalUrl": "https://top.example.com"}',
      'team/.rca-writer.json': '{"statusPortalUrl": "https://team.example.com"}',
      'team/2026/a.md': '',
      'other/b.md': '',
    });
    assert.equal(findConfigFile(join(root, 'team', '2026')), join(root, 'team', '.rca-writer.json'));
    assert.equal(settingsForFile(join(root, 'team', '2026', 'a.md'), {}).settings.statusPortalUrl, 'https://team.example.com');
    assert.equal(settingsForFile(join(root, 'other', 'b.md'), {}).settings.statusPortalUrl, 'https://top.example.com');
  });

  it('merges over the editor settings, maps key by key', () => {
    const merged = mergeSettings({ rules: { RCA104: 'off', RCA105: 'error' }, profile: 'exlibris' }, { rules: { RCA105: 'hint' }, profile: 'postmortem' });
    assert.deepEqual(merged.rules, { RCA104: 'off', RCA105: 'hint' });
    assert.equal(merged.profile, 'postmortem');
  });

  for (const [name, text, pattern] of [
    ['broken JSON', '{"profile": "exlibris",}', /\.rca-writer\.json: not valid JSON/],
    ['an unknown key', '{"profle": "exlibris"}', /unknown key "profle"/],
    ['a wrong type', '{"include": "**/*.md"}', /"include" must be an array of glob strings/],
    ['a bad severity', '{"rules": {"RCA101": "loud"}}', /"rules" must be an object of severities/],
    ['a profile without sections', '{"profiles": {"acme": {}}}', /profiles\.acme\.sections is required/],
    ['a section without a name', '{"profiles": {"acme": {"sections": [{"required": true}]}}}', /profiles\.acme\.sections\[0\]\.name must be a non-empty string/],
    ['a profile extending nothing known', '{"profiles": {"acme": {"extends": "nope"}}}', /extends: unknown profile "nope"/],
  ] as const) {
    it(`names the file and the problem for ${name}`, () => {
      const root = tree({ '.rca-writer.json': text });
      assert.throws(() => loadConfigFile(join(root, '.rca-writer.json')), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.ok(error.message.startsWith(join(root, '.rca-writer.json')));
        assert.match(error.message, pattern);
        return true;
      });
    });
  }

  it('defines a profile of its own, used by the checks', () => {
    const root = tree({
      '.rca-writer.json': JSON.stringify({
        profile: 'acme',
        profiles: {
          acme: {
            title: { form: '<service> incident', marker: '', requiresDate: false },
            sections: [
              { name: 'What happened', aliases: ['Summary'] },
              { name: 'Why', skeleton: 'Because {{cause}}.' },
              { name: 'Follow-up', required: false },
            ],
          },
        },
      }),
    });
    const { settings } = settingsForFile(join(root, 'x.md'), {});
    const resolved = resolveSettings(settings);
    assert.deepEqual(resolveProfile(resolved).sections.map((s) => s.id), ['what-happened', 'why', 'follow-up']);
    const text = '# Search incident\n\n## Summary\n\nSearch was down.\n';
    const diagnostics = checkText(text, settings).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['RCA101', 'RCA105']);
    assert.match(diagnostics.find((d) => d.code === 'RCA101')!.message, /"Why"/);
    assert.match(diagnostics.find((d) => d.code === 'RCA101')!.fixes![0].edits[0].newText, /## Why\n\nBecause <cause>\./);
  });

  it('extends a built-in profile, changing only what it names', () => {
    const settings = resolveSettings({ profile: 'lite', profiles: { lite: { extends: 'exlibris', title: { marker: 'Incident' } } } });
    const profile = resolveProfile(settings);
    assert.equal(profile.sections.length, 7);
    assert.equal(profile.title.marker, 'Incident');
    assert.equal(profile.title.requiresDate, true);
  });
});
