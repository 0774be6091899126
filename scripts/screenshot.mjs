// node scripts/screenshot.mjs URL OUT.png [width] [height] [colorScheme]: look at a page as a
// person would (Debian Chromium through playwright-core). Prints console errors it saw.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const [url, out, width = '1280', height = '900', scheme = 'light', full = 'full'] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: chromiumArgs.filter((a) => a !== '--headless=new'),
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: scheme,
});
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning')
    console.log(`console ${message.type()}: ${message.text()}`);
});
page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
console.log(`wrote ${out}`);
