import { build as esbuild } from 'esbuild';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderConsentPdf } from '../server/src/pdf/consent-pdf.ts';
import { normalizeSignaturePng } from '../server/src/pdf/signature-png.ts';
import { drawnSignature } from '../test/support/png.ts';
import { benchEvidence } from './support/fixtures.ts';
import type { BenchRow } from './types.ts';

const root = new URL('../', import.meta.url).pathname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The consent PDF with the pad's drawn signature (the case issue 15 measured), the signature's
 * normalization at consent time, the longest stall of the event loop while 200 of each run, and
 * what the PDF code (library included) weighs in a bundled BFF.
 */
export default async function pdfBench(): Promise<BenchRow[]> {
  const pad = drawnSignature();
  const normalizeTimes: number[] = [];
  let stored: Buffer = Buffer.alloc(0);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    stored = await normalizeSignaturePng(pad);
    normalizeTimes.push(performance.now() - t0);
  }
  const evidence = benchEvidence(stored.toString('base64'));
  const renderTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await renderConsentPdf(evidence, 'c'.repeat(64));
    renderTimes.push(performance.now() - t0);
  }
  delay.disable();

  const bundled = await esbuild({
    entryPoints: [join(root, 'server/src/pdf/consent-pdf.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    write: false,
    conditions: ['source'],
    tsconfig: join(root, 'tsconfig.json'),
  });
  const bytes = bundled.outputFiles[0]!.contents;
  return [
    {
      name: 'consent PDF with the pad signature, median',
      value: Math.round(median(renderTimes) * 100) / 100,
      unit: 'ms',
      goal: '< 20',
    },
    {
      name: 'drawn signature checked and laid on white, median',
      value: Math.round(median(normalizeTimes) * 100) / 100,
      unit: 'ms',
    },
    {
      name: 'longest event-loop stall during 400 signatures + PDFs',
      value: Math.round(delay.max / 1e5) / 10,
      unit: 'ms',
    },
    {
      name: 'consent PDF code bundled for node (minified, gzip)',
      value: gzipSync(bytes, { level: 9 }).length,
      unit: 'B',
    },
  ];
}
