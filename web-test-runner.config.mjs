import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
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

export default {
  files: [
    'test/**/*.test.ts',
    '!test/server/**',
    '!test/validation/**',
    '!test/e2e/**',
    '!test/stories/**',
    '!test/postgres/**',
  ],
  rootDir: '.',
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), bffPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
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
      return next();
    },
  ],
  testFramework: { config: { timeout: 20000 } },
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countsReporter(process.env.CK_COUNTS_FILE),
  ],
};
