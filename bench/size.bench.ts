import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as vite } from 'vite';
import type { BenchRow } from './types.ts';

const root = new URL('../', import.meta.url).pathname;

/**
 * What a page downloads for this entry alone: built like `dist/checkr-kit.js` (Vite's bundle mode,
 * literals minified, Lit included), gzip level 9.
 */
async function gzipOfEntry(entry: string): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'ck-bench-entry-'));
  await vite({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode: 'bundle',
    logLevel: 'silent',
    build: {
      outDir: out,
      sourcemap: false,
      rollupOptions: { input: join(root, entry), output: { entryFileNames: 'entry.js' } },
    },
  });
  return gzipSync(readFileSync(join(out, 'entry.js')), { level: 9 }).length;
}

export default async function sizeBench(): Promise<BenchRow[]> {
  const out = mkdtempSync(join(tmpdir(), 'ck-bench-dist-'));
  await vite({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode: 'bundle',
    logLevel: 'silent',
    build: { outDir: out, sourcemap: false },
  });
  const bundle = readFileSync(join(out, 'checkr-kit.js'));
  const payEmbedScript = readFileSync(join(out, 'checkr-kit-pay-embed.js'));
  return [
    {
      name: 'dist/checkr-kit.js (every element, en + es)',
      value: gzipSync(bundle, { level: 9 }).length,
      unit: 'gzip bytes',
      goal: '<= 30,720',
    },
    { name: 'dist/checkr-kit.js raw', value: bundle.length, unit: 'bytes' },
    {
      name: 'dist/checkr-kit-pay-embed.js (ck-pay-embed alone, en + es)',
      value: gzipSync(payEmbedScript, { level: 9 }).length,
      unit: 'gzip bytes',
    },
    {
      name: 'ck-pay-embed alone, Lit included',
      value: await gzipOfEntry('packages/pay-embed/src/index.ts'),
      unit: 'gzip bytes',
      goal: '<= 8,192',
    },
    {
      name: 'Lit alone (one LitElement: a property, a template, styles)',
      value: await gzipOfEntry('bench/support/lit-alone.ts'),
      unit: 'gzip bytes',
    },
    {
      name: 'ReactiveElement alone (Lit without lit-html), the floor under ck-pay-embed',
      value: await gzipOfEntry('bench/support/reactive-element-alone.ts'),
      unit: 'gzip bytes',
    },
    {
      name: 'ck-pii-form step alone, Lit included',
      value: await gzipOfEntry('packages/apply-flow/src/pii-form/pii-form.ts'),
      unit: 'gzip bytes',
    },
    {
      name: 'ck-apply-flow (whole flow), Lit included',
      value: await gzipOfEntry('packages/apply-flow/src/apply-flow/apply-flow.ts'),
      unit: 'gzip bytes',
    },
  ];
}
