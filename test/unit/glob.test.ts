import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathIncluded } from '../../server/src/engine/detect';
import { zoneForInstance } from '../../server/src/engine/time/instance-zones';

describe('one glob matcher for every setting', () => {
  const zones = { 'EU0[3-6]': 'Europe/Berlin', '{NA,CA}0?': 'America/Chicago', 'AP*': 'Asia/Singapore' };

  it('instanceTimeZones keys take character classes, alternatives and wildcards, in any case', () => {
    assert.equal(zoneForInstance('EU04', zones), 'Europe/Berlin');
    assert.equal(zoneForInstance('EU07', zones), undefined, 'outside the class');
    assert.equal(zoneForInstance('CA05', zones), 'America/Chicago');
    assert.equal(zoneForInstance('NA12', zones), undefined, '"?" is one character');
    assert.equal(zoneForInstance('ap03', zones), 'Asia/Singapore');
  });

  it('include globs take the same forms', () => {
    assert.ok(pathIncluded('/work/reports/EU04.md', ['**/EU0[3-6].md']));
    assert.ok(!pathIncluded('/work/reports/EU07.md', ['**/EU0[3-6].md']));
    assert.ok(pathIncluded('/work/rca/2026/april.md', ['**/{rca,rcas}/**/*.md']));
  });
});
