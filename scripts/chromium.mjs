import { existsSync } from 'node:fs';

/** Flags this machine needs: no sandbox as root, and no calls home on a closed network. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium, or CHROME_PATH; exits with one line on how to get it when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    console.error(
      'No Chromium found: run `apt-get update && apt-get install -y chromium` or set CHROME_PATH.',
    );
    process.exit(1);
  }
  return found;
}
