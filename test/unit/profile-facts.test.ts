import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { defaultSettings } from '../../server/src/engine/settings';

/**
 * One company's facts (its status portal, products and instance regions) belong to its profile: a team that has
 * configured nothing and writes another kind of report gets no finding about them.
 */

const HOUSE = [
  '# NA01 - RCA - April 11, 2026',
  '',
  '## Introduction',
  '',
  'This report is the Root Cause Analysis of the Alma service interruption on April 11, 2026.',
  '',
  '## Event Timeline',
  '',
  'Customers of Primo VE on NA01 were affected on April 11, 2026 from 10:16 until 10:23 Chicago time.',
  '',
  '## Root Cause Analysis',
  '',
  'A switch rebooted after a firmware defect.',
  '',
  '## Technical Action Items and Preventive Measures',
  '',
  '- The firmware was upgraded.',
  '',
  '## Customer Communication',
  '',
  'Updates are posted on the status portal.',
  '',
].join('\n');

const codes = (text: string, settings: object = {}) => checkText(text, settings).diagnostics.map((d) => d.code);

describe('profile facts: status portal, products, instance regions', () => {
  it('the setting defaults to null: the exlibris profile supplies its address, and the fix inserts it', () => {
    assert.equal(defaultSettings().statusPortalUrl, null);
    const finding = checkText(HOUSE, {}).diagnostics.find((d) => d.code === 'RCA108')!;
    assert.match(finding.message, /http:\/\/status\.exlibrisgroup\.com\//);
    assert.equal(finding.fixes?.[0].title, 'Add http://status.exlibrisgroup.com/');
  });

  it('the setting overrides the profile, and "" accepts any address', () => {
    assert.match(
      checkText(HOUSE, { statusPortalUrl: 'https://status.example.com/' }).diagnostics.find((d) => d.code === 'RCA108')!.message,
      /status\.example\.com/,
    );
    const anyAddress = HOUSE.replace('on the status portal.', 'on https://status.example.org/.');
    assert.ok(!codes(anyAddress, { statusPortalUrl: '' }).includes('RCA108'));
    assert.ok(codes(anyAddress).includes('RCA108'), 'the profile address is required by default');
  });

  it("RCA302 compares the profile's product families; a profile without products has nothing to compare", () => {
    assert.ok(codes(HOUSE).includes('RCA302'), 'Alma in the introduction, Primo VE in the timeline');
    const own = { profile: 'acme', profiles: { acme: { extends: 'exlibris', products: { Billing: ['Billing', 'Billing API'] } } } };
    assert.ok(!codes(HOUSE, own).includes('RCA302'), 'Alma and Primo are not products of this profile');
    const billing = HOUSE.replace('the Alma service', 'the Billing service').replace('Primo VE', 'Billing API');
    assert.ok(!codes(billing, own).includes('RCA302'), 'Billing API is the Billing family');
    const inherited = { profile: 'mine', profiles: { mine: { extends: 'exlibris' } } };
    assert.ok(codes(HOUSE, inherited).includes('RCA302'), 'a profile that extends exlibris inherits its products');
  });

  it("instance codes: the profile's regions, the title's prefixes and instanceTimeZones globs; other codes are hosts", () => {
    const timeline = HOUSE.replace('on NA01 were', 'on NA01 and EU02 were');
    assert.ok(codes(timeline).includes('RCA301'), 'EU02 is an exlibris instance the title does not name');
    const own = { profile: 'acme', profiles: { acme: { extends: 'exlibris', instanceRegions: ['SB'] } } };
    assert.ok(!codes(timeline, own).includes('RCA301'), 'EU02 is a host name under a profile whose regions are SB');
    assert.ok(codes(timeline.replace('EU02', 'SB02'), own).includes('RCA301'), 'SB02 is an instance of that profile');
  });
});
