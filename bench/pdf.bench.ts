import { build as esbuild } from 'esbuild';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderConsentPdf, type ConsentEvidence } from '../server/src/pdf/consent-pdf.ts';
import { normalizeSignaturePng } from '../server/src/pdf/signature-png.ts';
import { drawnSignature } from '../test/support/png.ts';
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
  const evidence: ConsentEvidence = {
    consent_id: 'cs_bench',
    apply_session_id: 'as_bench',
    candidate_id: 'cand_bench',
    locale: 'en',
    signed_at: '2026-11-23T08:00:00.000Z',
    client_time_zone: 'America/New_York',
    ip: '203.0.113.7',
    user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15',
    signer: {
      typed_name: 'Michael Scott',
      esign_consent: true,
      drawn_signature_png_base64: stored.toString('base64'),
    },
    authorization: {
      id: 'authorization',
      version: '2026-01',
      sha256: 'a'.repeat(64),
      title: 'Authorization of Background Investigation',
      text: Array.from({ length: 6 }, () =>
        'I authorize Checkr, Inc. to obtain reports. '.repeat(4),
      ),
    },
    acknowledgements: [],
    copy_requested: false,
  };
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
