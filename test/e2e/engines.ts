import puppeteer, { type Page } from 'puppeteer-core';
import { remote } from 'webdriverio';
import {
  puppeteerLaunchOptions,
  startWebKitDriver,
  webkitCapabilities,
} from '../../scripts/browsers.mjs';
import { startConsoleProxy } from './console-proxy.ts';

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
  /**
   * Once the page is quiet (no request for 500 ms): every console error, uncaught exception,
   * failed request and response >= 400 since the last call, in any frame; then forgets them.
   */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * What went wrong on a page driven by puppeteer (CDP or WebDriver BiDi) from now on. WebKit's
 * driver shows no console: there a recording proxy does this (console-proxy.ts).
 */
export function watchProblems(page: Page): string[] {
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

export type Engine = 'chromium' | 'firefox' | 'webkit';

export async function openPage(
  engine: Engine,
  viewport = { width: 360, height: 740 },
): Promise<EnginePage> {
  if (engine === 'webkit') {
    const driver = await startWebKitDriver();
    // Every request, loopback included, through the recording proxy (WebDriver `proxy`).
    const proxy = await startConsoleProxy();
    const browser = await remote({
      hostname: driver.hostname,
      port: driver.port,
      logLevel: 'error',
      capabilities: {
        ...webkitCapabilities(),
        proxy: { proxyType: 'manual', httpProxy: proxy.address },
      },
    }).catch(async (error: unknown) => {
      driver.stop();
      await proxy.close();
      throw error;
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
      problems: () => proxy.settled(),
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        driver.stop();
        await proxy.close();
      },
    };
  }
  const browser = await puppeteer.launch(puppeteerLaunchOptions(engine));
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const seen = watchProblems(page);
  return {
    goto: async (url) => void (await page.goto(url)),
    // Firefox (WebDriver BiDi) knows the space bar only as ' '.
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    evaluate: (fn) => page.evaluate(fn) as Promise<never>,
    problems: async () => {
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 20_000 });
      return seen.splice(0);
    },
    close: () => browser.close(),
  };
}
