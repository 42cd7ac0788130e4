import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { teamProfile } from '../helpers/team-profile';

const settings = { profiles: { team: teamProfile } };
const report = (summary: string, extra = '') =>
  `# Search outage\n\n## ${summary}\n\nOn May 2, 2025 search failed.\n\n## Timeline\n\n- 10:00 UTC: down.\n\n## Root Causes\n\nA bug.\n${extra}`;

describe('auto keeps the profile a document was checked with', () => {
  it('on a tie, the kept profile stays; with nothing kept, the best fit is chosen', () => {
    const text = report('Summary', '\n## Action Items\n\n- Fix it.\n');
    assert.equal(checkText(text, settings).doc.profile.name, 'postmortem');
    assert.equal(checkText(text, settings, { keepProfile: 'team' }).doc.profile.name, 'team');
  });

  it('a profile that now fits strictly worse is left for the better one', () => {
    // Under the house profile this report misses sections and misnames three; under postmortem it misses one.
    const text = report('Summary');
    const kept = checkText(text, settings, { keepProfile: 'exlibris' });
    assert.equal(kept.doc.profile.name, 'postmortem');
  });

  it('a kept name that is no longer a profile is ignored', () => {
    assert.equal(checkText(report('Overview'), settings, { keepProfile: 'gone' }).doc.profile.name, 'team');
  });
});
