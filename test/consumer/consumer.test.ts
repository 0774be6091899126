import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { PACKAGES, buildAll } from '../../scripts/build.mjs';
import { startSandbox, type SandboxedBff } from '@checkr-kit/sandbox';
import { memoryLogger } from '../../server/src/logger.ts';

/**
 * The packages as a customer gets them: built, packed with `npm pack`, installed from the
 * tarballs into a scratch project outside the monorepo (no workspace links to fall back on),
 * type-checked with `skipLibCheck: false`, built with Vite, and rendered in Chromium against a
 * sandbox BFF. The React and Vue examples build in the same install.
 */
const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'ck-consumer-'));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
  });
const version = (name: string) =>
  (
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

interface Packed {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}
let packed: Packed[] = [];

before(async () => {
  await buildAll({ quiet: true });
  packed = JSON.parse(
    npm(
      [
        'pack',
        '--json',
        '--pack-destination',
        scratch,
        ...PACKAGES.flatMap((name: string) => ['-w', `packages/${name}`]),
      ],
      root,
    ),
  ) as Packed[];

  cpSync(join(root, 'test/consumer/app'), join(scratch, 'consumer'), { recursive: true });
  for (const example of ['react', 'vue'])
    cpSync(join(root, 'examples', example), join(scratch, example), {
      recursive: true,
      filter: (source) => !/node_modules|dist/.test(source.slice(root.length)),
    });
  // The versions the monorepo installed, so npm takes them from its cache.
  const tools = [
    'vite',
    'typescript',
    'react',
    'react-dom',
    '@types/react',
    '@types/react-dom',
    '@lit/react',
    'vue',
    'vue-tsc',
    '@vitejs/plugin-react',
    '@vitejs/plugin-vue',
  ];
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({
      name: 'checkr-kit-consumer',
      private: true,
      type: 'module',
      dependencies: {
        ...Object.fromEntries(packed.map((p) => [p.name, `file:./${p.filename}`])),
        ...Object.fromEntries(tools.map((name) => [name, version(name)])),
      },
    }),
  );
  npm(
    ['install', '--prefer-offline', '--no-audit', '--ignore-scripts', '--loglevel=error'],
    scratch,
  );
});

// The scratch install is a few hundred MB: gone when the suite ends.
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed packages in a project of their own', () => {
  it('every export, type and manifest a package.json names is in its tarball', () => {
    assert.equal(packed.length, PACKAGES.length);
    for (const { name, filename, files } of packed) {
      const manifest = JSON.parse(
        readFileSync(join(scratch, 'node_modules', name, 'package.json'), 'utf8'),
      ) as {
        exports: Record<string, Record<string, string>>;
        customElements?: string;
        repository?: { url: string };
        keywords?: string[];
        description?: string;
      };
      const inTarball = new Set(files.map((f) => f.path));
      const targets = Object.values(manifest.exports).flatMap((conditions) =>
        Object.values(conditions),
      );
      for (const target of targets)
        assert.ok(inTarball.has(target.replace(/^\.\//, '')), `${filename}: ${target} missing`);
      if (/apply-flow|pay-embed/.test(name)) {
        assert.ok(manifest.customElements && inTarball.has(manifest.customElements), name);
        const elements = JSON.parse(
          readFileSync(join(scratch, 'node_modules', name, manifest.customElements), 'utf8'),
        ) as { modules: Array<{ path: string }> };
        for (const { path } of elements.modules)
          assert.ok(inTarball.has(path), `${name}'s manifest names ${path}, not in the tarball`);
      }
      assert.ok(inTarball.has('README.md'), `${name} has no README`);
      assert.ok(manifest.repository?.url && manifest.keywords?.length && manifest.description);
    }
  });

  it('type-checks with skipLibCheck false: the consumer page and the React example', () => {
    const tsc = join(scratch, 'node_modules/typescript/bin/tsc');
    for (const app of ['consumer', 'react'])
      execFileSync(process.execPath, [tsc, '-p', join(scratch, app, 'tsconfig.json')], {
        stdio: 'inherit',
      });
  });

  it("type-checks the Vue example's templates (vue-tsc): props and ck-* events are typed", () => {
    execFileSync(
      process.execPath,
      [
        join(scratch, 'node_modules/vue-tsc/bin/vue-tsc.js'),
        '-p',
        join(scratch, 'vue/tsconfig.json'),
      ],
      { stdio: 'inherit' },
    );
  });

  it('builds with Vite: the consumer page and both examples', () => {
    const vite = join(scratch, 'node_modules/vite/bin/vite.js');
    for (const app of ['consumer', 'react', 'vue']) {
      // Relative asset URLs: the test serves each app under its own path.
      execFileSync(process.execPath, [vite, 'build', '--base', './', '--logLevel', 'warn'], {
        cwd: join(scratch, app),
        stdio: 'inherit',
      });
      assert.ok(existsSync(join(scratch, app, 'dist/index.html')), `${app} built`);
    }
  });
});

describe('the built pages in Chromium against a sandbox BFF', () => {
  let bff: SandboxedBff;
  let site: Server;
  let browser: Browser;
  let origin: string;

  before(async () => {
    // The customer's site: the built pages, and its backend route that opens apply sessions.
    site = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/api/apply-token') {
        const response = await fetch(`${bff.url}/v1/apply-sessions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${bff.config.adminKey}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ package: 'driver_pro', origin, locale: 'es' }),
        });
        res.writeHead(response.status, { 'content-type': 'application/json' });
        res.end(await response.text());
        return;
      }
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      const [app, ...rest] = url.pathname.split('/').filter(Boolean);
      const dir = join(scratch, app ?? '', 'dist');
      let file = normalize(join(dir, ...rest));
      if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
        file = join(dir, 'index.html');
      if (!existsSync(file)) return void res.writeHead(404).end();
      const type = { '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'text/html';
      res.writeHead(200, { 'content-type': type });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    bff = await startSandbox({
      port: 0,
      logger: memoryLogger(),
      env: { DATABASE_URL: 'sqlite::memory:', ALLOWED_ORIGINS: origin },
    });
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: chromiumArgs.filter((a) => a !== '--headless=new'),
    });
  });
  after(async () => {
    await browser?.close();
    await bff?.close();
    site?.close();
  });

  async function open(app: string) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The Pay embed's refused token (no signed-in worker here) is the expected 401.
      if (message.type() === 'error' && !/401/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${origin}/${app}/?bff=${encodeURIComponent(`${bff.url}/`)}`);
    return { page, problems };
  }

  it('the consumer page: the flow reaches its first step in Spanish, typed events arrive', async () => {
    const { page, problems } = await open('consumer');
    try {
      await page.waitForFunction(() =>
        /step pii/.test(document.querySelector('#events')!.textContent!),
      );
      const heading = await page
        .locator('ck-apply-flow')
        .locator('ck-pii-form')
        .getByText('Número de Seguro Social')
        .first()
        .isVisible();
      assert.ok(heading, 'the SSN field is labelled in Spanish');
      await page.waitForFunction(() =>
        /pay-error host_session_required/.test(document.querySelector('#events')!.textContent!),
      );
      const events = await page.locator('#events').textContent();
      assert.match(events!, /validation refuses 666-12-3456/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  for (const app of ['react', 'vue']) {
    it(`the ${app} example: the flow's step reaches the app through its typed event prop`, async () => {
      const { page, problems } = await open(app);
      try {
        await page.getByText('Step: pii').waitFor();
        await page.getByText('Wallet: host_session_required').waitFor();
        assert.ok(await page.locator('ck-apply-flow').locator('ck-pii-form').isVisible());
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});
