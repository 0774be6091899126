/** The engines the browser and end-to-end suites run in (see browsers.mjs). */
export declare const engines: Array<'chromium' | 'firefox' | 'webkit'>;
export declare function findFirefox(): string;
export declare function findMiniBrowser(): string;
/** puppeteer-core launch options for Chromium or Firefox. */
export declare function puppeteerLaunchOptions(engine: 'chromium' | 'firefox'): {
  browser?: 'firefox';
  executablePath: string;
  headless: boolean;
  args?: string[];
};
/** WebDriver capabilities for WebKitGTK's MiniBrowser. */
export declare function webkitCapabilities(): WebdriverIO.Capabilities;
/** WebKitWebDriver on Xvfb and a free port; one session at a time. */
export declare function startWebKitDriver(): Promise<{
  hostname: string;
  port: number;
  stop(): void;
}>;
