import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { isRcaDocument } from '../../server/src/engine/detect';
import { frontMatterFacts, parseTomlKeys } from '../../server/src/engine/front-matter';
import { buildModel } from '../../server/src/engine/model';
import { findProfile } from '../../server/src/engine/profiles';

describe('front matter', () => {
  it('reads TOML keys up to the first table, with strings, dates, numbers and booleans', () => {
    const data = parseTomlKeys(
      [
        'title = "Registry \\"outage\\" on 2024-11-02" # note',
        "'time_zone' = 'UTC'",
        'date = 2024-11-05T08:00:00Z',
        'draft = false',
        'weight = 1_0',
        '[params]',
        'title = "not this"',
      ].join('\n'),
    );
    assert.deepEqual(data, { title: 'Registry "outage" on 2024-11-02', time_zone: 'UTC', date: '2024-11-05T08:00:00Z', draft: false, weight: 10 });
  });

  it('gives title, date and zone from YAML and from TOML alike', () => {
    const profile = findProfile('postmortem');
    const yaml = buildModel('---\ntitle: Postmortem of June 9\ndate: 2025-06-12\ntime_zone: Europe/Berlin\n---\n\n## Summary\n', profile!);
    const toml = buildModel('+++\ntitle = "Postmortem of June 9"\ndate = 2025-06-12\ntimezone = "Europe/Berlin"\n+++\n\n## Summary\n', profile!);
    const expected = { title: 'Postmortem of June 9', date: '2025-06-12', timeZone: 'Europe/Berlin' };
    assert.deepEqual(yaml.frontMatterFacts, expected);
    assert.deepEqual(toml.frontMatterFacts, expected);
    assert.deepEqual(frontMatterFacts({ date: new Date(Date.UTC(2025, 5, 12)) }), { title: undefined, date: '2025-06-12', timeZone: undefined });
  });

  it('TOML front matter is not prose: its "TBD" and times are not findings', () => {
    const text = '+++\ntitle = "Postmortem: cache outage"\nowner = "TBD"\nstart = "10:00"\n+++\n\n## Summary\n\nThe cache failed.\n';
    const { diagnostics } = checkText(text, { profile: 'postmortem' });
    assert.deepEqual(
      diagnostics.filter((d) => d.range.start.line <= 4 || d.code === 'RCA106').map((d) => `${d.range.start.line}:${d.code}`),
      [],
    );
    assert.ok(diagnostics.length > 0, 'the report is still checked');
  });

  it('a report title in the front matter marks the file as a report; another title does not', () => {
    const detect = (text: string) => isRcaDocument({ text, include: [] });
    assert.equal(detect('---\ntitle: "Postmortem: payments outage"\n---\n\nText.\n'), true);
    assert.equal(detect('+++\ntitle = "Incident report: registry"\n+++\n\nText.\n'), true);
    assert.equal(detect('---\ntitle: Release notes\n---\n\nText.\n'), false);
  });
});
