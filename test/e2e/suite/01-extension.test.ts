/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { EXTENSION_ID, closeAllWithoutSaving, exists, extension, extensionFile, inWebWorker, manifest } from './helpers';

suite('Extension', function () {
  this.timeout(60_000);
  // In code-server the UI steps ran first in this window: start from no open editors and nothing unsaved.
  suiteSetup(closeAllWithoutSaving);

  test(`${EXTENSION_ID} is installed and activates`, async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true, 'the extension did not activate');
  });

  // The Node extension host runs "main"; the web worker extension host runs "browser".
  const entry = inWebWorker ? 'browser' : 'main';
  test(`its ${entry} file is where package.json says`, async () => {
    const file = manifest()[entry] as string | undefined;
    assert.ok(file, `package.json has no "${entry}"`);
    assert.ok(await exists(extensionFile(file.endsWith('.js') ? file : `${file}.js`)), `${file} is missing from the installed extension`);
  });
});
