import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { puppeteerLaunchOptions } from '../../scripts/browsers.mjs';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { openPage, watchProblems } from './engines.ts';
import { startProduct, until, type Started } from './helpers.ts';

/**
 * Every page `npm start` shows, as a visitor's browser loads it: no console error, no uncaught
 * exception, no failed request (a missing favicon is a console error too, and Lighthouse's best
 * practices count it). Chromium through Playwright, Firefox through WebDriver BiDi, and WebKit,
 * whose driver (classic WebDriver, no BiDi in Debian's build) shows neither console nor network,
 * behind a recording HTTP proxy that also puts a console probe in each page (console-proxy.ts).
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

/**
 * The pages visited in Firefox and WebKit: where, what a visitor clicks first (a navigation), and
 * what shows the page is up (run in the page).
 */
const visits: { path: string; click?: string; shown: () => boolean }[] = [
  {
    path: '/demo/careers',
    shown: () => {
      const flow = document.querySelector('ck-apply-flow');
      const form = flow?.shadowRoot?.querySelector('ck-pii-form');
      return (
        form?.shadowRoot?.querySelector('ck-ssn-field')?.shadowRoot?.querySelector('input') != null
      );
    },
  },
  { path: '/demo/admin', shown: () => document.readyState === 'complete' },
  {
    path: '/demo/rn-host',
    shown: () => {
      const framed = document.querySelector('iframe')?.contentDocument;
      const flow = framed?.querySelector('ck-apply-flow');
      return flow?.shadowRoot?.querySelector('ck-pii-form') != null;
    },
  },
  {
    // Signed in from the login page; the wallet's frame loaded: the embed is no longer busy.
    path: '/demo/wallet',
    click: 'form[action="/demo/login"] button',
    shown: () =>
      document
        .querySelector('ck-pay-embed')
        ?.shadowRoot?.querySelector('iframe[aria-busy=false]') != null,
  },
];

describe('the demo pages load without a console error in Firefox', () => {
  it('careers, admin, the React Native host, and the wallet signed in', async () => {
    const firefox = await puppeteer.launch(puppeteerLaunchOptions('firefox'));
    try {
      // One page per visit: a navigation cancels the last page's frames' requests by itself.
      for (const { path, click, shown } of visits) {
        const page = await firefox.newPage();
        await page.setViewport({ width: 360, height: 740 });
        const seen = watchProblems(page);
        await page.goto(`${product.url}${path}`, { waitUntil: 'networkidle0' });
        if (click) await Promise.all([page.waitForNavigation(), page.click(click)]);
        await page.waitForFunction(shown, { timeout: 20_000 });
        assert.deepEqual(seen, [], path);
        await page.close();
      }
    } finally {
      await firefox.close();
    }
  });
});

describe('the demo pages load without a console error in WebKit', () => {
  it('careers, admin, the React Native host, and the wallet signed in', async () => {
    const page = await openPage('webkit');
    try {
      for (const { path, click, shown } of visits) {
        await page.goto(`${product.url}${path}`);
        if (click) await page.click(click);
        await until(() => page.evaluate(shown), 20_000, path);
        assert.deepEqual(await page.problems(), [], path);
      }
    } finally {
      await page.close();
    }
  });
});
