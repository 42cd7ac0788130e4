/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { EXTENSION_ID, closeAllWithoutSaving, extension, extensionFile, manifest } from './helpers';

suite('Extension', function () {
  this.timeout(60_000);
  // In code-server the UI steps ran first in this window: start from no open editors and nothing unsaved.
  suiteSetup(closeAllWithoutSaving);

  test(`${EXTENSION_ID} is installed and activates`, async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true, 'the extension did not activate');
  });

  test('its main file is where package.json says', () => {
    const main = manifest().main as string | undefined;
    assert.ok(main, 'package.json has no "main"');
    assert.ok(fs.existsSync(extensionFile(main.endsWith('.js') ? main : `${main}.js`)), `${main} is missing from the installed extension`);
  });
});
