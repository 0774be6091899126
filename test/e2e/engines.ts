import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import {
  puppeteerLaunchOptions,
  startWebKitDriver,
  webkitCapabilities,
} from '../../scripts/browsers.mjs';

/**
 * One page in one engine, driven as a person at a keyboard: the same few verbs whichever driver
 * is under it. Chromium and Firefox through puppeteer-core (CDP, WebDriver BiDi), WebKit through
 * WebKitWebDriver (classic WebDriver: it speaks no BiDi).
 */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** One key: `Tab`, `Enter`, `Space`... */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Clicks the element `selector` finds (WebKit: and waits for a navigation it starts). */
  click(selector: string): Promise<void>;
  /** Runs `fn` in the page (it must be self-contained) and returns its JSON result. */
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

export type Engine = 'chromium' | 'firefox' | 'webkit';

/**
 * `proxy`: `host:port` of an HTTP proxy every request goes through, loopback included (WebKit
 * only: test/e2e/console-proxy.ts).
 */
export async function openPage(
  engine: Engine,
  viewport = { width: 360, height: 740 },
  options: { proxy?: string } = {},
): Promise<EnginePage> {
  if (options.proxy && engine !== 'webkit') throw new Error('openPage: a proxy is for WebKit');
  if (engine === 'webkit') {
    const driver = await startWebKitDriver();
    const browser = await remote({
      hostname: driver.hostname,
      port: driver.port,
      logLevel: 'error',
      capabilities: {
        ...webkitCapabilities(),
        ...(options.proxy && { proxy: { proxyType: 'manual', httpProxy: options.proxy } }),
      },
    });
    await browser.setWindowSize(viewport.width, viewport.height).catch(() => {
      // MiniBrowser may keep its own window size; the flow does not depend on it.
    });
    return {
      goto: async (url) => void (await browser.url(url)),
      press: async (key) => void (await browser.keys([key])),
      // WebKitWebDriver drops the second of two identical keys sent in one action.
      type: async (text) => {
        for (const char of text) await browser.keys([char]);
      },
      click: async (selector) => void (await browser.$(selector).click()),
      evaluate: (fn) => browser.execute(fn) as never,
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        driver.stop();
      },
    };
  }
  const browser = await puppeteer.launch(puppeteerLaunchOptions(engine));
  const page = await browser.newPage();
  await page.setViewport(viewport);
  return {
    goto: async (url) => void (await page.goto(url)),
    // Firefox (WebDriver BiDi) knows the space bar only as ' '.
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    evaluate: (fn) => page.evaluate(fn) as Promise<never>,
    close: () => browser.close(),
  };
}
