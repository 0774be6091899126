import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

/**
 * Every story of the static Storybook, rendered in Chromium: a console error, a page error or an
 * axe violation fails it. Stories are read from the build's index, so a new story is tested
 * without editing this file.
 */
const root = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'ck-storybook-'));
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
execFileSync(
  process.execPath,
  [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '--quiet', '-o', out],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  },
);

const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  let file = join(out, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(out) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

let browser: Browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs.filter((a) => a !== '--headless=new'),
  });
});
after(async () => {
  await browser?.close();
  server.close();
});

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
  modules: Array<{
    declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string }> }>;
  }>;
};
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is { tagName: string; attributes?: Array<{ name: string }> } => !!d.tagName);
const docsPages = Object.values(index.entries).filter((entry) => entry.type === 'docs');

describe('every ck-* element has its own docs page', () => {
  it('the manifest lists the elements', () => {
    assert.ok(elements.length >= 14, `${elements.length} elements in the manifest`);
  });

  for (const { tagName, attributes = [] } of elements) {
    it(`${tagName}: a docs page whose component is ${tagName}, a row and control per attribute`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      try {
        // Each docs page's `component`, as Storybook's own store reads it from the story file.
        await page.goto(`${base}/iframe.html?viewMode=story&id=${stories[0]!.id}`);
        await page.waitForFunction(
          () => 'storyStoreValue' in ((window as any).__STORYBOOK_PREVIEW__ ?? {}),
        );
        const components = await page.evaluate(
          async (ids) => {
            const store = (window as any).__STORYBOOK_PREVIEW__.storyStoreValue;
            return Promise.all(
              ids.map(async (id: string) => (await store.loadStory({ storyId: id })).component),
            );
          },
          docsPages.map((d) => stories.find((s) => s.title === d.title)!.id),
        );
        const own = docsPages.filter((_, i) => components[i] === tagName);
        assert.equal(own.length, 1, `${tagName} has ${own.length} docs pages of its own`);
        console.log(`# ${tagName} -> ${own[0]!.title} (${own[0]!.id})`);

        await page.goto(`${base}/iframe.html?viewMode=docs&id=${own[0]!.id}`);
        await page.waitForSelector('.docblock-argstable tbody tr', { timeout: 15_000 });
        const rows = await page.evaluate(() => {
          let section = '';
          const names: string[] = [];
          for (const row of document.querySelectorAll('.docblock-argstable tbody tr')) {
            const first = (row as HTMLElement).innerText.trim().split(/\s/)[0] ?? '';
            if (row.querySelectorAll('td').length === 1 || /^(Hide|Show)$/.test(first))
              section = (row as HTMLElement).innerText.toLowerCase();
            else if (section.includes('attributes')) names.push(first);
          }
          return names;
        });
        for (const { name } of attributes)
          assert.ok(rows.includes(name), `${tagName}'s docs list no attribute ${name}: ${rows}`);
      } finally {
        await page.close();
      }
    });
  }
});

describe('every Storybook story renders without console errors or axe violations', () => {
  it('covers every exported component', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
    };
    const tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .map((d) => d.tagName)
      .filter(Boolean) as string[];
    const sources = stories.map((s) => s.id).join(' ');
    const storyFiles = execFileSync('grep', [
      '-rhoE',
      'ck-[a-z-]+',
      join(root, 'stories'),
    ]).toString();
    assert.ok(tags.length >= 12, `${tags.length} components in the manifest`);
    for (const tag of tags) assert.ok(storyFiles.includes(tag), `${tag} has no story`);
    assert.ok(sources.length > 0);
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        // A missing favicon is Storybook's own, not a story's.
        if (message.type() === 'error' && !/favicon/.test(message.location().url))
          problems.push(`console: ${message.text()} ${message.location().url}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      try {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
        await page.waitForFunction(
          () => document.querySelector('#storybook-root')?.children.length,
          null,
          { timeout: 10_000 },
        );
        // Let play functions and the components settle.
        await page.waitForTimeout(400);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(
                  context: unknown,
                  options: unknown,
                ): Promise<{
                  violations: Array<{
                    id: string;
                    help: string;
                    nodes: Array<{ target: unknown }>;
                  }>;
                }>;
              };
            }
          ).axe;
          // Storybook's a11y addon runs axe in the same page after each render; on a loaded
          // machine its run can still be going, and axe refuses a second concurrent run. (A
          // loop, not a named helper: esbuild would wrap one in a __name the page lacks.)
          let result;
          for (let tries = 40; ; tries--) {
            try {
              result = await axe.run(
                { include: [['#storybook-root']] },
                { resultTypes: ['violations'] },
              );
              break;
            } catch (error) {
              if (tries <= 1 || !/already running/.test(String(error))) throw error;
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          }
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 200)})`,
          );
        });
        assert.deepEqual([...problems, ...violations], []);
      } finally {
        await page.close();
      }
    });
  }
});
