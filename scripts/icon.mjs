// Renders media/icon.svg to media/icon.png (256×256), the icon of the .vsix, with the Chromium the tests use.
// Run again after changing the SVG: node scripts/icon.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './e2e/code-server.mjs';

const svg = readFileSync(new URL('../media/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL('../media/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
