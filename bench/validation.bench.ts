import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { validateDriverLicense, validateEmail, validateSsn } from '@checkr-kit/validation';
import type { BenchRow } from './types.ts';

/** Calls per second of `fn` over a rotating input set, best of 5 rounds of ~200 ms. */
function perSecond(inputs: readonly unknown[], fn: (input: unknown) => unknown): number {
  let best = 0;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const started = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 200_000_000n) {
      for (let i = 0; i < 1000; i++) {
        if (fn(inputs[i % inputs.length]) !== undefined) sink++;
      }
      calls += 1000;
      elapsed = process.hrtime.bigint() - started;
    }
    best = Math.max(best, (calls * 1e9) / Number(elapsed));
  }
  if (sink < 0) console.log(sink);
  return Math.round(best);
}

async function gzipOf(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['source'],
    target: 'es2022',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

export default async function validationBench(): Promise<BenchRow[]> {
  const ssns = ['111-11-2001', '847434645', '666-12-3456', '967-65-4325', '123-45-6789', '12-34'];
  const licenses: Array<[string, string]> = [
    ['F1112001', 'CA'],
    ['SMITH**123AB', 'WA'],
    ['A123456789012', 'FL'],
    ['123AB4567', 'IA'],
    ['not-valid', 'NY'],
  ];
  const emails = ['michael.scott@dundermifflin.com', 'ana@gmeil.con', 'bad@', '"q"@example.com'];
  return [
    {
      name: 'validateSsn',
      value: perSecond(ssns, validateSsn),
      unit: 'calls/s',
      goal: '>= 1,000,000',
    },
    {
      name: 'validateDriverLicense (mixed states)',
      value: perSecond(licenses, (pair) => {
        const [number, state] = pair as [string, string];
        return validateDriverLicense(number, state);
      }),
      unit: 'calls/s',
      goal: '>= 1,000,000',
    },
    { name: 'validateEmail', value: perSecond(emails, validateEmail), unit: 'calls/s' },
    {
      name: '@checkr-kit/validation browser build, no catalogs',
      value: await gzipOf('packages/validation/src/index.ts'),
      unit: 'gzip bytes',
      goal: '<= 5,120',
    },
    {
      name: '@checkr-kit/validation/messages/en',
      value: await gzipOf('packages/validation/src/messages/en.ts'),
      unit: 'gzip bytes',
    },
    {
      name: '@checkr-kit/validation/messages/es',
      value: await gzipOf('packages/validation/src/messages/es.ts'),
      unit: 'gzip bytes',
    },
  ];
}
