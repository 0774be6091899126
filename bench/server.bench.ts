import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startSandbox } from '@checkr-kit/sandbox';
import { memoryLogger } from '../server/src/logger.ts';
import { renderConsentPdf } from '../server/src/pdf/consent-pdf.ts';
import { benchCandidate, benchEvidence } from './support/fixtures.ts';
import type { BenchRow } from './types.ts';

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export function load(
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
  },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers,
        method: options.method ?? 'GET',
        body: options.body,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

const root = new URL('../', import.meta.url).pathname;

/**
 * Starts a bench/support/processes.ts role in its own process; resolves with its JSON line.
 * `wrapper` runs it inside another command (pg_virtualenv).
 */
export function child<T>(
  role: string,
  env: Record<string, string> = {},
  wrapper: string[] = [],
): Promise<{ info: T; process: ChildProcess }> {
  const [command, ...prefix] = [...wrapper, process.execPath];
  const proc = spawn(
    command!,
    [...prefix, '--conditions=source', '--import', 'tsx', 'bench/support/processes.ts', role],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    // A wrapper may print its own lines first (pg_virtualenv: "Creating new cluster").
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve({ info: JSON.parse(line) as T, process: proc });
    });
    proc.once('exit', (code) => reject(new Error(`${role} exited ${code}`)));
  });
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function serverBench(): Promise<BenchRow[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const bff = await startSandbox({
    port: 0,
    logger: memoryLogger(),
    env: { DATABASE_URL: 'sqlite::memory:' },
    rateLimits: { windowMs: 60_000, apply: 1_000_000, token: 1_000_000 },
    reportCompleteAfterMs: 60_000,
  });
  // Throughput in separate processes: the load generator here, the BFF, the simulators, and a
  // bare Express app for comparison, each with its own event loop.
  const sandbox = await child<{ url: string; env: Record<string, string>; workerId: string }>(
    'sandbox',
  );
  const bffProcess = await child<{ url: string }>('bff', {
    BFF_ENV: JSON.stringify({
      ...sandbox.info.env,
      DATABASE_URL: 'sqlite::memory:',
      BFF_ADMIN_KEY: 'b'.repeat(32),
      SESSION_SIGNING_KEY: 's'.repeat(40),
      ALLOWED_ORIGINS: 'http://localhost',
    }),
  });
  const upstreamBare = await child<{ url: string }>('upstream-bare', {
    SANDBOX_ENV: JSON.stringify(sandbox.info.env),
  });
  try {
    // Alternating rounds, so a busy moment of a shared machine weighs on both sides alike.
    const rounds = 3;
    const roundSeconds = Math.max(2, Math.round(seconds / 2));
    const bareRuns: LoadResult[] = [];
    const tokenRuns: LoadResult[] = [];
    const worker = { 'x-bench-worker': sandbox.info.workerId };
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(
        await load(`${upstreamBare.info.url}/token`, {
          connections: 50,
          seconds: roundSeconds,
          headers: worker,
        }),
      );
      tokenRuns.push(
        await load(`${bffProcess.info.url}/v1/pay/token`, {
          connections: 50,
          seconds: roundSeconds,
          headers: worker,
        }),
      );
    }
    const of = (runs: LoadResult[], pick: (r: LoadResult) => number) => median(runs.map(pick));
    const bareLoad = {
      requestsPerSecond: of(bareRuns, (r) => r.requestsPerSecond),
      p99: of(bareRuns, (r) => r.p99),
      failures: bareRuns.reduce((n, r) => n + r.errors + r.non2xx, 0),
    };
    const tokenLoad = {
      requestsPerSecond: of(tokenRuns, (r) => r.requestsPerSecond),
      p50: of(tokenRuns, (r) => r.p50),
      p99: of(tokenRuns, (r) => r.p99),
      failures: tokenRuns.reduce((n, r) => n + r.errors + r.non2xx, 0),
    };

    // The candidate route: one session per run, the same (valid) candidate resubmitted.
    const admin = {
      authorization: `Bearer ${bff.config.adminKey}`,
      'content-type': 'application/json',
    };
    const processAdmin = {
      authorization: `Bearer ${'b'.repeat(32)}`,
      'content-type': 'application/json',
    };
    const created = await (
      await fetch(`${bffProcess.info.url}/v1/apply-sessions`, {
        method: 'POST',
        headers: processAdmin,
        body: JSON.stringify({ package: 'driver_pro', origin: 'http://localhost' }),
      })
    ).json();
    const candidateLoad = await load(`${bffProcess.info.url}/v1/apply/candidate`, {
      connections: 50,
      seconds,
      method: 'POST',
      body: benchCandidate,
      headers: {
        authorization: `Bearer ${created.session_token}`,
        'content-type': 'application/json',
      },
    });

    // Consent PDF: a realistic evidence record, rendered 200 times.
    const evidence = benchEvidence();
    const timings: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await renderConsentPdf(evidence, 'c'.repeat(64));
      timings.push(performance.now() - t0);
    }
    const pdfsPerSecond = 200 / ((performance.now() - started) / 1000);

    // A whole candidate's server time: session, config, candidate, three acknowledgements, consent.
    const flowTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const session = await (
        await fetch(`${bff.url}/v1/apply-sessions`, {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({ package: 'driver_pro' }),
        })
      ).json();
      const auth = {
        authorization: `Bearer ${session.session_token}`,
        'content-type': 'application/json',
      };
      const config = await (await fetch(`${bff.url}/v1/apply/config`, { headers: auth })).json();
      const body = JSON.parse(benchCandidate);
      body.first_name = `Bench${String.fromCharCode(97 + (i % 26))}`;
      const created2 = await (
        await fetch(`${bff.url}/v1/apply/candidate`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(body),
        })
      ).json();
      for (const id of created2.documents as string[]) {
        const d = config.documents.find((x: { id: string }) => x.id === id);
        await fetch(`${bff.url}/v1/apply/acknowledgements`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ document_id: d.id, version: d.version, sha256: d.sha256 }),
        });
      }
      const authorization = config.documents.find(
        (x: { kind: string }) => x.kind === 'authorization',
      );
      const signed = await fetch(`${bff.url}/v1/apply/consent`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          signature_name: `${body.first_name} Scott`,
          esign_consent: true,
          authorization: {
            document_id: authorization.id,
            version: authorization.version,
            sha256: authorization.sha256,
          },
        }),
      });
      if (signed.status !== 201) throw new Error(`consent ${signed.status}`);
      flowTimes.push(performance.now() - t0);
    }

    return [
      {
        name: `same upstream call from a bare Express route (fetch), 50 connections, median of ${rounds} x ${roundSeconds} s`,
        value: Math.round(bareLoad.requestsPerSecond),
        unit: 'req/s',
      },
      {
        name: 'same upstream call from a bare Express route, p99',
        value: bareLoad.p99,
        unit: 'ms',
      },
      {
        name: `GET /v1/pay/token (BFF process -> sandbox process), 50 connections, median of ${rounds} x ${roundSeconds} s`,
        value: Math.round(tokenLoad.requestsPerSecond),
        unit: 'req/s',
      },
      {
        name: 'token route throughput / bare route making the same upstream call',
        value: Math.round((tokenLoad.requestsPerSecond / bareLoad.requestsPerSecond) * 100) / 100,
        unit: 'ratio',
        goal: '>= 0.85',
      },
      { name: 'GET /v1/pay/token latency p50', value: tokenLoad.p50, unit: 'ms' },
      { name: 'GET /v1/pay/token latency p99', value: tokenLoad.p99, unit: 'ms' },
      {
        name: 'GET /v1/pay/token and bare route errors + non-2xx',
        value: tokenLoad.failures + bareLoad.failures,
        unit: 'responses',
        goal: '0',
      },
      {
        name: `POST /v1/apply/candidate, 50 connections, ${seconds} s`,
        value: Math.round(candidateLoad.requestsPerSecond),
        unit: 'req/s',
      },
      { name: 'POST /v1/apply/candidate latency p50', value: candidateLoad.p50, unit: 'ms' },
      { name: 'POST /v1/apply/candidate latency p99', value: candidateLoad.p99, unit: 'ms' },
      {
        name: 'POST /v1/apply/candidate errors + non-2xx',
        value: candidateLoad.errors + candidateLoad.non2xx,
        unit: 'responses',
        goal: '0',
      },
      {
        name: 'consent PDF generation, median',
        value: Math.round(median(timings) * 100) / 100,
        unit: 'ms',
        goal: '< 20',
      },
      {
        name: 'consent PDFs per second (one core)',
        value: Math.round(pdfsPerSecond),
        unit: 'PDF/s',
      },
      {
        name: 'full flow server time per candidate, median of 30',
        value: Math.round(median(flowTimes) * 10) / 10,
        unit: 'ms',
      },
    ];
  } finally {
    for (const proc of [sandbox.process, bffProcess.process, upstreamBare.process]) proc.kill();
    await bff.close();
  }
}
