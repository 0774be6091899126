import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startProduct, type Started } from './helpers.ts';

/**
 * Every page `npm start` shows, as a visitor's browser loads it: no console error, no uncaught
 * exception, no failed request (a missing favicon is a console error too, and Lighthouse's best
 * practices count it).
 */
let product: Started;
let browser: Browser;

before(async () => {
  product = await startProduct();
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs.filter((a) => a !== '--headless=new'),
  });
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

/** Everything that went wrong on `page` (and its frames) from now on. */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => seen.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.push(`${response.status()}: ${response.url()}`);
  });
  return seen;
}

describe('the demo pages load without a console error', () => {
  it('careers (the apply flow), admin, and the React Native host around the careers page', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const seen = problems(page);
    await page.goto(`${product.url}/demo/careers`, { waitUntil: 'networkidle' });
    await page.locator('ck-ssn-field').waitFor();
    await page.goto(`${product.url}/demo/admin`, { waitUntil: 'networkidle' });
    await page.goto(`${product.url}/demo/rn-host`, { waitUntil: 'networkidle' });
    await page.frameLocator('iframe').locator('ck-ssn-field').waitFor();
    assert.deepEqual(seen, []);
    await page.close();
  });

  it('the wallet, signed out and signed in, with the Pay embeddable loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const seen = problems(page);
    await page.goto(`${product.url}/demo/wallet`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.waitForURL(/\/demo\/wallet$/);
    await page.frameLocator('ck-pay-embed iframe').locator('body').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(seen, []);
    // The page loads the Pay embed alone (checkr-kit-pay-embed.js), none of the apply flow.
    const defined = await page.evaluate(() =>
      ['ck-pay-embed', 'ck-apply-flow', 'ck-text-field'].map((tag) => !!customElements.get(tag)),
    );
    assert.deepEqual(defined, [true, false, false]);
    await page.close();
  });
});
