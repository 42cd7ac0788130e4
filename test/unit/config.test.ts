import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText, resolveProfile } from '../../server/src/engine/check';
import { ConfigError, findConfigFile, loadConfigFile, mergeSettings, settingsForFile } from '../../server/src/engine/config';
import { resolveSettings, sharedAsResolved, sharedSettings } from '../../server/src/engine/settings';
import { settingsResolver } from '../../server/src/cli/inputs';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rca-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The data of a file, as plain objects (the JSONC reader gives objects without a prototype). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
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

  it('remembers the answer for every folder it looked in, for the next file of a run', () => {
    const root = tree({
      '.rca-writer.json': '{}',
      'team/.rca-writer.json': '{}',
      'team/2026/q1/a.md': '',
      'other/b.md': '',
    });
    const known = new Map<string, string | undefined>();
    assert.equal(findConfigFile(join(root, 'team', '2026', 'q1'), known), join(root, 'team', '.rca-writer.json'));
    assert.deepEqual(
      [...known],
      [
        [join(root, 'team', '2026', 'q1'), join(root, 'team', '.rca-writer.json')],
        [join(root, 'team', '2026'), join(root, 'team', '.rca-writer.json')],
        [join(root, 'team'), join(root, 'team', '.rca-writer.json')],
      ],
    );
    assert.equal(findConfigFile(join(root, 'other'), known), join(root, '.rca-writer.json'));
    assert.equal(known.get(join(root, 'other')), join(root, '.rca-writer.json'));
    // The answer remembered is the one given: a folder is not looked in again.
    known.set(join(root, 'team', '2026'), undefined);
    assert.equal(findConfigFile(join(root, 'team', '2026'), known), undefined);
  });

  it('two config files in a folder above stop every file under it, remembered or not', () => {
    const root = tree({ '.rca-writer.json': '{}', '.rca-writer.yml': '', 'a/x.md': '', 'b/y.md': '' });
    const known = new Map<string, string | undefined>();
    assert.throws(() => findConfigFile(join(root, 'a'), known), /same folder; keep one/);
    assert.throws(() => findConfigFile(join(root, 'b'), known), /same folder; keep one/);
    assert.throws(() => findConfigFile(join(root, 'a'), known), /same folder; keep one/);
  });

  it("a CLI run resolves each config file once, for all of its files, and each file gets its nearest one's", () => {
    const root = tree({ '.rca-writer.json': '{"rules": {"RCA104": "off"}}', 'team/.rca-writer.yaml': 'profile: postmortem\n', 'a.md': '' });
    const settingsOf = settingsResolver({});
    const top = settingsOf(join(root, 'a.md'));
    assert.equal(top.configPath, join(root, '.rca-writer.json'));
    assert.equal(settingsOf(join(root, 'other', 'b.md')), top);
    const team = settingsOf(join(root, 'team', '2026', 'c.md'));
    assert.equal(team.configPath, join(root, 'team', '.rca-writer.yaml'));
    assert.deepEqual([team.settings.profile, team.settings.rules], ['postmortem', {}]);
    assert.equal(settingsOf(join(root, 'team', 'd.md')).settings, team.settings);
    assert.equal(settingsResolver({ profile: 'exlibris' })(join(root, 'team', 'd.md')).settings.profile, 'exlibris');
    assert.equal(settingsResolver({}, { kind: 'none' })(join(root, 'a.md')).settings.rules.RCA104, undefined);
  });

  it('merges over the editor settings, maps key by key', () => {
    const merged = mergeSettings({ rules: { RCA104: 'off', RCA105: 'error' }, profile: 'exlibris' }, { rules: { RCA105: 'hint' }, profile: 'postmortem' });
    assert.deepEqual(merged.rules, { RCA104: 'off', RCA105: 'hint' });
    assert.equal(merged.profile, 'postmortem');
  });

  for (const [name, file, text, pattern] of [
    ['broken JSON', '.rca-writer.json', '{"profile": "exlibris" "rules": {}}', /\.rca-writer\.json:1:24: not valid JSON: comma expected/],
    ['broken YAML', '.rca-writer.yaml', 'profile: [exlibris\n', /\.rca-writer\.yaml:\d+:\d+: not valid YAML/],
    ['an unknown key', '.rca-writer.json', '{\n  "profle": "exlibris"\n}', /\.rca-writer\.json:2:3: unknown key "profle" \(did you mean "profile"\?\)/],
    [
      'an unknown key in YAML',
      '.rca-writer.yaml',
      'profile: postmortem\nincldue: ["**/*.md"]\n',
      /\.rca-writer\.yaml:2:1: unknown key "incldue" \(did you mean "include"\?\)/,
    ],
    ['a wrong type', '.rca-writer.json', '{"include": "**/*.md"}', /:1:13: "include" must be a list, not "\*\*\/\*\.md"/],
    [
      'a bad severity',
      '.rca-writer.json',
      '{"rules": {"RCA101": "loud"}}',
      /:1:22: "rules\.RCA101" is "loud", not one of error, warning, information, hint, off$/,
    ],
    ['an abbreviated severity', '.rca-writer.json', '{"rules": {"RCA101": "info"}}', /"rules\.RCA101" is "info".*\(did you mean "information"\?\)/],
    ['a mistyped rule code', '.rca-writer.json', '{"rules": {"RCA1O9": "off"}}', /:1:12: "rules": unknown rule "RCA1O9" \(did you mean "RCA109"\?\)/],
    ['a mistyped rule name', '.rca-writer.yaml', 'rules:\n  placehodler: off\n', /:2:3: "rules": unknown rule "placehodler" \(did you mean "placeholder"\?\)/],
    ['a rule that does not exist', '.rca-writer.json', '{"rules": {"no-such-thing": "off"}}', /unknown rule "no-such-thing" \(rules are listed/],
    ['a profile without sections', '.rca-writer.json', '{"profiles": {"acme": {}}}', /profiles\.acme\.sections is required/],
    [
      'a section without a name',
      '.rca-writer.json',
      '{"profiles": {"acme": {"sections": [{"required": true}]}}}',
      /"profiles\.acme\.sections\[0\]" needs "name"/,
    ],
    [
      'a misspelt section key',
      '.rca-writer.json',
      '{"profiles": {"acme": {"sections": [{"nmae": "Why"}]}}}',
      /unknown key "profiles\.acme\.sections\[0\]\.nmae" \(did you mean "name"\?\)/,
    ],
    [
      'a profile extending nothing known',
      '.rca-writer.json',
      '{"profiles": {"acme": {"extends": "exlibirs"}}}',
      /"profiles\.acme\.extends" is "exlibirs", not one of exlibris, postmortem \(did you mean "exlibris"\?\)/,
    ],
    ['a list instead of an object', '.rca-writer.json', '[]', /:1:1: must hold an object of settings/],
  ] as const) {
    it(`names the file, the place and the problem for ${name}`, () => {
      const root = tree({ [file]: text });
      assert.throws(
        () => loadConfigFile(join(root, file)),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.ok(error.message.startsWith(join(root, file)));
          assert.match(error.message, pattern);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  }

  it('reads comments and trailing commas in .rca-writer.json', () => {
    const root = tree({ '.rca-writer.json': '{\n  // the team\'s profile\n  "profile": "postmortem", /* for now */\n  "rules": { "RCA104": "off", },\n}\n' });
    assert.deepEqual(plain(loadConfigFile(join(root, '.rca-writer.json')).settings), { profile: 'postmortem', rules: { RCA104: 'off' } });
  });

  it('reads .rca-writer.yaml like .rca-writer.json', () => {
    const root = tree({ '.rca-writer.yaml': "# the team's profile\nprofile: postmortem\nrules:\n  RCA104: off\n", 'a/b.md': '' });
    assert.equal(findConfigFile(join(root, 'a')), join(root, '.rca-writer.yaml'));
    assert.deepEqual(plain(settingsForFile(join(root, 'a', 'b.md'), {}).settings), { profile: 'postmortem', rules: { RCA104: 'off' } });
  });

  it('refuses two config files in one folder rather than pick one', () => {
    const root = tree({ '.rca-writer.yaml': 'profile: postmortem\n', '.rca-writer.json': '{}' });
    assert.throws(() => findConfigFile(root), /\.rca-writer\.json: \.rca-writer\.yaml in the same folder; keep one/);
  });

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
    assert.deepEqual(
      resolveProfile(resolved).sections.map((s) => s.id),
      ['what-happened', 'why', 'follow-up'],
    );
    const text = '# Search incident\n\n## Summary\n\nSearch was down.\n';
    const diagnostics = checkText(text, settings).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['RCA101', 'RCA105']);
    assert.match(diagnostics.find((d) => d.code === 'RCA101')!.message, /"Why"/);
    assert.match(diagnostics.find((d) => d.code === 'RCA101')!.fixes![0].edits[0].newText, /## Why\n\nBecause \[cause\]\./);
  });

  it("a field of a team's own skeleton, left in brackets, is a placeholder under that profile only", () => {
    const acme = {
      title: { form: '<service> Incident Report', marker: 'Incident', requiresDate: false },
      sections: [{ name: 'What happened', skeleton: 'The {{service}} was down.' }],
    };
    const text = '# Search Incident Report\n\n## What happened\n\nThe [service] was down; `[service]` in code is not one.\n';
    const placeholders = (settings: Parameters<typeof checkText>[1]) =>
      checkText(text, settings)
        .diagnostics.filter((d) => d.code === 'RCA109')
        .map((d) => d.message);
    assert.deepEqual(placeholders({ profile: 'acme', profiles: { acme } }), ['"[service]" is a placeholder; replace it with the real text.']);
    assert.deepEqual(placeholders({ profile: 'postmortem' }), []);
  });

  it('extends a built-in profile, changing only what it names', () => {
    const settings = resolveSettings({ profile: 'lite', profiles: { lite: { extends: 'exlibris', title: { marker: 'Incident' } } } });
    const profile = resolveProfile(settings);
    assert.equal(profile.sections.length, 7);
    assert.equal(profile.title.marker, 'Incident');
    assert.equal(profile.title.requiresDate, true);
  });
});

describe('editor settings', () => {
  it('keeps what the schema accepts and names what it drops', () => {
    const problems: string[] = [];
    const settings = resolveSettings(
      { profile: 'postmortem', rules: { RCA104: 'off', RCA105: 'info', RCA1O9: 'off' }, include: 'x.md', trace: { server: 'verbose' } },
      (message) => problems.push(message),
    );
    assert.equal(settings.profile, 'postmortem');
    assert.deepEqual(settings.rules, { RCA104: 'off' });
    assert.deepEqual(settings.include, resolveSettings({}).include);
    assert.deepEqual(problems.sort(), [
      '"rcaWriter.include" must be a list, not "x.md"; ignored',
      '"rcaWriter.rules": unknown rule "RCA1O9" (did you mean "RCA109"?) (rules are listed in docs/rules); ignored',
      '"rcaWriter.rules.RCA105" is "info", not one of error, warning, information, hint, off (did you mean "information"?); ignored',
    ]);
  });

  it('shares settings frozen to their leaves, which resolveSettings passes through and no holder can change', () => {
    const input = {
      profile: 'postmortem',
      include: ['**/*.md'],
      rules: { RCA104: 'off' },
      profiles: { mine: { extends: 'postmortem', titleWords: ['Outage'] } },
    };
    const shared = sharedSettings(input);
    assert.equal(resolveSettings(shared), shared);
    assert.equal(
      resolveSettings(shared, () => assert.fail('shared settings are valid')),
      shared,
    );
    assert.throws(() => {
      shared.rules.RCA105 = 'hint';
    }, TypeError);
    assert.throws(() => shared.include.push('x.md'), TypeError);
    assert.throws(() => ((shared.profiles.mine as { titleWords: string[] }).titleWords[0] = 'Incident'), TypeError);
    assert.deepEqual(shared.rules, { RCA104: 'off' });
    // The input, and a copy resolved from the same input, are still their holders' to change.
    input.include.push('y.md');
    input.profiles.mine.titleWords.push('Incident');
    const copy = resolveSettings({ profile: 'postmortem', rules: { RCA104: 'off' } });
    copy.rules.RCA105 = 'hint';
    assert.deepEqual(shared.include, ['**/*.md']);
    assert.notEqual(sharedSettings(input), shared);
    // A check under shared settings reports them as they are.
    assert.equal(checkText('# NA01 - RCA - April 11, 2026\n', shared).settings, shared);
    // A copy of resolved settings another thread sent (a check worker's job) is shared as it is, frozen.
    const sent = structuredClone(shared);
    assert.equal(sharedAsResolved(sent), sent);
    assert.equal(resolveSettings(sent), sent);
    assert.throws(() => sent.exclude.push('x.md'), TypeError);
  });

  it('resolves the same input to equal settings each time, never one object shared by two callers', () => {
    const input = { profile: 'postmortem', rules: { RCA104: 'off', RCA1O9: 'off' }, timeZoneAliases: { 'Israel time': 'Asia/Jerusalem' } };
    const first = resolveSettings(input);
    first.rules.RCA105 = 'hint';
    first.timeZoneAliases['Mars time'] = 'UTC';
    first.profile = 'exlibris';
    for (let i = 0; i < 3; i++) {
      const again = resolveSettings(input);
      assert.equal(again.profile, 'postmortem');
      assert.deepEqual(again.rules, { RCA104: 'off' });
      assert.deepEqual(again.timeZoneAliases, { 'Israel time': 'Asia/Jerusalem' });
      again.rules.RCA105 = 'hint';
      again.profile = 'exlibris';
    }
    // With a listener, each call still names what it drops.
    const problems: string[] = [];
    resolveSettings(input, (message) => problems.push(message));
    resolveSettings(input, (message) => problems.push(message));
    assert.equal(problems.length, 2);
  });
});
