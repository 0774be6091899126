import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import {
  engines,
  puppeteerLaunchOptions,
  startWebKitDriver,
  webkitCapabilities,
} from './scripts/browsers.mjs';
// The runner is started with tsx and the `source` condition (scripts/test.mjs), so the real BFF
// can run beside the browser tests.
import { bffPlugin } from './test/bff-plugin.ts';

/** Writes pass/fail counts for scripts/test.mjs's summary. */
function countsReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results: count it as a failure, never as nothing.
        if (
          !session.passed &&
          !session.testResults?.tests?.length &&
          !session.testResults?.suites?.length
        )
          failed++;
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

// One engine per run (CK_BROWSER: chromium, firefox or webkit), so scripts/test.mjs can count each.
const engine = process.env.CK_BROWSER ?? 'chromium';
if (!engines.includes(engine))
  throw new Error(`CK_BROWSER=${engine}: one of ${engines.join(', ')}`);

async function launcher() {
  if (engine !== 'webkit')
    return Object.assign(chromeLauncher({ launchOptions: puppeteerLaunchOptions(engine) }), {
      name: engine === 'firefox' ? 'Firefox' : 'Chromium',
    });
  const driver = await startWebKitDriver();
  return webdriverLauncher({
    hostname: driver.hostname,
    port: driver.port,
    logLevel: 'error',
    capabilities: webkitCapabilities(),
  });
}

/**
 * `executeServerCommand('press-chord', { keys: ['Shift', 'Tab'] })`: keys held together, which
 * sendKeys's down/up cannot do over WebDriver.
 */
function chordPlugin() {
  return {
    name: 'press-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'press-chord') return undefined;
      const { keys } = payload;
      if (session.browser.type === 'webdriver') {
        await session.browser.sendKeys(session.id, keys);
        return true;
      }
      const { keyboard } = session.browser.getPage(session.id);
      for (const key of keys) await keyboard.down(key);
      for (const key of [...keys].reverse()) await keyboard.up(key);
      return true;
    },
  };
}

export default {
  files: [
    'test/**/*.test.ts',
    '!test/server/**',
    '!test/validation/**',
    '!test/e2e/**',
    '!test/stories/**',
    '!test/postgres/**',
    '!test/consumer/**',
  ],
  rootDir: '.',
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    bffPlugin(),
    chordPlugin(),
  ],
  browsers: [await launcher()],
  // One page at a time: keyboard and focus tests (sendKeys) need the focused page to be theirs.
  concurrency: 1,
  // The strict-CSP fixture page: no inline script or style allowed, frames only from the Pay CDN
  // stand-in on loopback.
  middleware: [
    function strictCsp(context, next) {
      if (context.path === '/test/fixtures/csp.html') {
        context.set(
          'Content-Security-Policy',
          "default-src 'self'; frame-src http://127.0.0.1:* http://localhost:*; base-uri 'none'; object-src 'none'",
        );
      }
      // A site that forgot the frame-src the README asks for: the Pay frame falls to default-src.
      if (context.path === '/test/fixtures/pay-frame-blocked.html') {
        context.set('Content-Security-Policy', "default-src 'self'; base-uri 'none'");
      }
      return next();
    },
    // Stand-ins for the Pay CDN on the test page's own origin: one that never answers, and one
    // whose messages a test can send for real from inside the frame.
    async function payCdnDoubles(context, next) {
      if (context.path.startsWith('/sandbox/pay-cdn/never-loads/')) {
        await new Promise((resolve) => context.req.once('close', resolve));
        return;
      }
      if (context.path.startsWith('/sandbox/pay-cdn/double/'))
        context.url = '/test/fixtures/embeddable-double.html';
      return next();
    },
  ],
  // WebKit gets one key per WebDriver call (test/support/keys.ts), so a whole flow typed by
  // keyboard takes it several times longer than the others; a guard, not a measure.
  testFramework: { config: { timeout: engine === 'webkit' ? 60000 : 20000 } },
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countsReporter(process.env.CK_COUNTS_FILE),
  ],
};
