import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import puppeteer, { type Page as BidiPage } from 'puppeteer-core';
import { puppeteerLaunchOptions } from '../../scripts/browsers.mjs';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startProduct, type Started } from './helpers.ts';

/**
 * Every page `npm start` shows, as a visitor's browser loads it: no console error, no uncaught
 * exception, no failed request (a missing favicon is a console error too, and Lighthouse's best
 * practices count it). Chromium through Playwright, Firefox through WebDriver BiDi; WebKit's
 * driver (classic WebDriver) has no console to read, so WebKit is covered by the careers flow
 * end to end in careers-engines.test.ts and the browser suite, not here.
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

/** `problems` for a page driven over WebDriver BiDi. */
function bidiProblems(page: BidiPage): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`exception: ${String(error)}`));
  page.on('requestfailed', (request) => seen.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.push(`${response.status()}: ${response.url()}`);
  });
  return seen;
}

describe('the demo pages load without a console error in Firefox', () => {
  it('careers, admin, the React Native host, and the wallet signed in', async () => {
    const firefox = await puppeteer.launch(puppeteerLaunchOptions('firefox'));
    try {
      // One page per visit: a navigation cancels the last page's frames' requests by itself.
      const visit = async (
        path: string,
        shown: () => boolean,
        act?: (page: BidiPage) => Promise<void>,
      ) => {
        const page = await firefox.newPage();
        await page.setViewport({ width: 360, height: 740 });
        const seen = bidiProblems(page);
        await page.goto(`${product.url}${path}`, { waitUntil: 'networkidle0' });
        await act?.(page);
        await page.waitForFunction(shown, { timeout: 20_000 });
        assert.deepEqual(seen, [], path);
        await page.close();
      };
      await visit('/demo/careers', () => {
        const flow = document.querySelector('ck-apply-flow');
        const form = flow?.shadowRoot?.querySelector('ck-pii-form');
        return (
          form?.shadowRoot?.querySelector('ck-ssn-field')?.shadowRoot?.querySelector('input') !=
          null
        );
      });
      await visit('/demo/admin', () => document.readyState === 'complete');
      await visit('/demo/rn-host', () => {
        const framed = document.querySelector('iframe')?.contentDocument;
        const flow = framed?.querySelector('ck-apply-flow');
        return flow?.shadowRoot?.querySelector('ck-pii-form') != null;
      });
      await visit(
        '/demo/wallet',
        // The wallet's frame loaded: the embed is no longer busy.
        () =>
          document
            .querySelector('ck-pay-embed')
            ?.shadowRoot?.querySelector('iframe[aria-busy=false]') != null,
        async (page) => {
          await Promise.all([
            page.waitForNavigation(),
            page.click('form[action="/demo/login"] button'),
          ]);
        },
      );
    } finally {
      await firefox.close();
    }
  });
});
