// What Fix All tells the user once it has run (client/src/fix-all-message.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIX_ALL_CHANGED, FIX_ALL_NOTHING, fixAllMessage } from '../../client/src/fix-all-message';

describe('the Fix All message', () => {
  it('says nothing once the fixes are applied', () => {
    assert.equal(fixAllMessage({ textChanged: false, fixOffered: true, applied: true }), undefined);
  });

  it('says there is nothing to fix only when the server offered no edit for the same text', () => {
    assert.equal(fixAllMessage({ textChanged: false, fixOffered: false, applied: false }), FIX_ALL_NOTHING);
  });

  it('asks to run it again when a newer version cancelled it on the server (no edit came back)', () => {
    assert.equal(fixAllMessage({ textChanged: true, fixOffered: false, applied: false }), FIX_ALL_CHANGED);
  });

  it('asks to run it again when the editor refused the edit made for an older version', () => {
    assert.equal(fixAllMessage({ textChanged: false, fixOffered: true, applied: false }), FIX_ALL_CHANGED);
    assert.equal(fixAllMessage({ textChanged: true, fixOffered: true, applied: false }), FIX_ALL_CHANGED);
  });
});
