// The three engines candidates use, from Debian: Chromium, Firefox ESR and WebKitGTK (MiniBrowser
// under WebKitWebDriver, on a virtual display). Shared by the browser suite and the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromiumArgs, findChromium } from './chromium.mjs';

export const engines = ['chromium', 'firefox', 'webkit'];

const installHint = {
  firefox: 'apt-get install -y firefox-esr',
  webkit: 'apt-get install -y webkit2gtk-driver xvfb',
};

function missing(engine, what) {
  console.error(`No ${what} for ${engine}: run \`apt-get update && ${installHint[engine]}\`.`);
  process.exit(1);
}

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export function findFirefox() {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (path) => path && existsSync(path),
  );
  return found ?? missing('firefox', 'Firefox');
}

/** WebKitGTK's MiniBrowser: the browser WebKitWebDriver drives (libwebkit2gtk-4.1-0 ships it). */
export function findMiniBrowser() {
  const listed = spawnSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  const fromPackage = listed.stdout?.split('\n').find((line) => line.endsWith('/MiniBrowser'));
  const found = [
    process.env.MINIBROWSER_PATH,
    fromPackage,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  ].find((path) => path && existsSync(path));
  return found ?? missing('webkit', 'MiniBrowser');
}

/** Launch options for puppeteer-core (bundled by @web/test-runner-chrome): Chromium or Firefox. */
export function puppeteerLaunchOptions(engine) {
  return engine === 'firefox'
    ? { browser: 'firefox', executablePath: findFirefox(), headless: true }
    : { executablePath: findChromium(), headless: true, args: chromiumArgs };
}

/** WebDriver capabilities for MiniBrowser (classic WebDriver: WebKitWebDriver speaks no BiDi). */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * Starts WebKitWebDriver on a virtual display (xvfb-run) and a free port, in its own process group
 * so that stopping it also stops Xvfb and MiniBrowser. It serves one session at a time. Stopped
 * when this process exits, whatever the reason.
 */
export async function startWebKitDriver() {
  for (const tool of ['WebKitWebDriver', 'xvfb-run'])
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) missing('webkit', tool);
  const port = await freePort();
  const child = spawn(
    'xvfb-run',
    ['-a', 'WebKitWebDriver', `--port=${port}`, '--replace-on-new-session'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  const started = Date.now();
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/status`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      stop();
      throw new Error(`WebKitWebDriver did not start: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { hostname: '127.0.0.1', port, stop };
}
