// Lighthouse on the demo pages a candidate and a worker open, as `npm start` serves them: its
// default mobile profile (simulated slow 4G, 4x CPU slowdown, Moto G Power screen), a fresh
// Chromium per run, the median of each figure over the runs.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import type { BenchRow } from './types.ts';

const root = new URL('../', import.meta.url).pathname;
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** `npm start` (bundle built from the current sources, sandbox BFF) on a free port, data in memory. */
async function startDemo(): Promise<{ base: string; process: ChildProcess }> {
  const proc = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: 'sqlite::memory:' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.on('line', (line) => {
      const found = /(https?:\/\/\S+)\/demo\/careers/.exec(line);
      if (found) resolve(found[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`npm start exited ${code}`)));
  });
  return { base, process: proc };
}

/** The demo login a worker goes through, so the wallet page shows ck-pay-embed. */
async function workerCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/demo/login`, { method: 'POST', redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ck_demo_worker='));
  if (!cookie) throw new Error('demo login set no cookie');
  return cookie.split(';')[0]!;
}

interface RunFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  totalBlockingTime: number;
  largestContentfulPaint: number;
  longestTask: number;
  longestKitTask: number;
  failing: string[];
}

/** A run Lighthouse itself could not record (NO_NAVSTART, NO_FCP…): the page is not to blame. */
class LighthouseRunError extends Error {
  constructor(
    url: string,
    readonly runtime: { code: string; message: string },
  ) {
    super(`${url}: ${runtime.message}`);
  }
}

/** One run, taken again once if Lighthouse failed to record it; said on stderr when it was. */
async function auditOnce(url: string, headers: Record<string, string>): Promise<RunFigures> {
  try {
    return await audit(url, headers);
  } catch (error) {
    if (!(error instanceof LighthouseRunError)) throw error;
    console.error(
      `${url}: Lighthouse could not record the run (${error.runtime.code}); running it again`,
    );
    return audit(url, headers);
  }
}

async function audit(url: string, headers: Record<string, string>): Promise<RunFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: chromiumArgs,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      extraHeaders: headers,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRunError(url, lhr.runtimeError);
    const tasks = ((lhr.audits['long-tasks']?.details as { items?: unknown[] } | undefined)
      ?.items ?? []) as Array<{ url: string; duration: number }>;
    const longest = (list: typeof tasks) => Math.max(0, ...list.map((t) => t.duration));
    const failing = Object.values(lhr.categories)
      .filter((c) => c.id !== 'performance')
      .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0))
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => a.id);
    return {
      performance: lhr.categories.performance!.score ?? 0,
      accessibility: lhr.categories.accessibility!.score ?? 0,
      bestPractices: lhr.categories['best-practices']!.score ?? 0,
      totalBlockingTime: lhr.audits['total-blocking-time']!.numericValue ?? NaN,
      largestContentfulPaint: lhr.audits['largest-contentful-paint']!.numericValue ?? NaN,
      longestTask: longest(tasks),
      longestKitTask: longest(tasks.filter((t) => t.url.includes('/kit/'))),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function lighthouseBench(): Promise<BenchRow[]> {
  const demo = await startDemo();
  try {
    const pages: Array<{ path: string; headers: Record<string, string> }> = [
      { path: '/demo/careers', headers: {} },
      { path: '/demo/wallet', headers: { Cookie: await workerCookie(demo.base) } },
    ];
    const rows: BenchRow[] = [];
    for (const page of pages) {
      const figures: RunFigures[] = [];
      for (let i = 0; i < runs; i++)
        figures.push(await auditOnce(demo.base + page.path, page.headers));
      const failing = [...new Set(figures.flatMap((f) => f.failing))];
      if (failing.length > 0) console.error(`${page.path}: audits below 1: ${failing.join(', ')}`);
      const of = (pick: (f: RunFigures) => number) => median(figures.map(pick));
      const name = (figure: string) => `${page.path} ${figure}, median of ${runs}`;
      rows.push(
        {
          name: name('performance'),
          value: of((f) => f.performance),
          unit: 'score',
          goal: '>= 0.98',
        },
        {
          name: name('accessibility'),
          value: of((f) => f.accessibility),
          unit: 'score',
          goal: '1',
        },
        {
          name: name('best practices'),
          value: of((f) => f.bestPractices),
          unit: 'score',
          goal: '1',
        },
        {
          name: name('total blocking time'),
          value: Math.round(of((f) => f.totalBlockingTime)),
          unit: 'ms',
          goal: '<= 50',
        },
        {
          name: name('longest main-thread task'),
          value: Math.round(of((f) => f.longestTask)),
          unit: 'ms',
        },
        {
          name: name('longest task from the kit'),
          value: Math.round(of((f) => f.longestKitTask)),
          unit: 'ms',
          goal: '<= 50',
        },
        {
          name: name('largest contentful paint'),
          value: Math.round(of((f) => f.largestContentfulPaint)),
          unit: 'ms',
        },
      );
    }
    return rows;
  } finally {
    demo.process.kill('SIGTERM');
  }
}
