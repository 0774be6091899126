// The candidate and token routes on PostgreSQL next to SQLite, in one run: the same simulators,
// one BFF process per engine, alternating rounds so a busy moment of the shared machine weighs
// on both alike. PostgreSQL is a throwaway local cluster (pg_virtualenv, fsync on), so these
// figures include a real commit to disk per write but no network hop to a database host.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { child, load, median } from './server.bench.ts';
import { benchCandidate } from './support/fixtures.ts';
import type { BenchRow } from './types.ts';

export default async function postgresBench(): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/pg_virtualenv')) {
    console.error('postgres bench skipped: `sudo apt-get install postgresql` to run it');
    return [];
  }
  const seconds = Math.max(2, Math.round(Number(process.env.BENCH_SECONDS ?? 10) / 2));
  const rounds = 3;
  const sandbox = await child<{ url: string; env: Record<string, string>; workerId: string }>(
    'sandbox',
  );
  const common = {
    ...sandbox.info.env,
    BFF_ADMIN_KEY: 'b'.repeat(32),
    SESSION_SIGNING_KEY: 's'.repeat(40),
    ALLOWED_ORIGINS: 'http://localhost',
  };
  const engines = [
    {
      name: 'SQLite file',
      bff: await child<{ url: string; pid: number }>('bff', {
        BFF_ENV: JSON.stringify({
          ...common,
          DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'ck-bench-')), 'kit.sqlite')}`,
        }),
      }),
    },
    {
      name: 'PostgreSQL 15',
      // Host, port and password come from pg_virtualenv's PG* variables.
      bff: await child<{ url: string; pid: number }>(
        'bff',
        { BFF_ENV: JSON.stringify({ ...common, DATABASE_URL: 'postgresql:///postgres' }) },
        ['pg_virtualenv', '-t'],
      ),
    },
  ];
  try {
    const results = new Map<
      string,
      { token: number[]; tokenP99: number[]; cand: number[]; candP99: number[]; failures: number }
    >();
    const sessions = new Map<string, string>();
    for (const { name, bff } of engines) {
      results.set(name, { token: [], tokenP99: [], cand: [], candP99: [], failures: 0 });
      const created = await (
        await fetch(`${bff.info.url}/v1/apply-sessions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${'b'.repeat(32)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ package: 'driver_pro', origin: 'http://localhost' }),
        })
      ).json();
      sessions.set(name, created.session_token as string);
    }
    for (let round = 0; round < rounds; round++) {
      for (const { name, bff } of engines) {
        const r = results.get(name)!;
        const token = await load(`${bff.info.url}/v1/pay/token`, {
          connections: 50,
          seconds,
          headers: { 'x-bench-worker': sandbox.info.workerId },
        });
        const cand = await load(`${bff.info.url}/v1/apply/candidate`, {
          connections: 50,
          seconds,
          method: 'POST',
          body: benchCandidate,
          headers: {
            authorization: `Bearer ${sessions.get(name)}`,
            'content-type': 'application/json',
          },
        });
        r.token.push(token.requestsPerSecond);
        r.tokenP99.push(token.p99);
        r.cand.push(cand.requestsPerSecond);
        r.candP99.push(cand.p99);
        r.failures += token.errors + token.non2xx + cand.errors + cand.non2xx;
      }
    }
    return [...results].flatMap(([name, r]) => [
      {
        name: `${name}: GET /v1/pay/token, 50 connections, median of ${rounds} x ${seconds} s`,
        value: Math.round(median(r.token)),
        unit: 'req/s',
      },
      { name: `${name}: GET /v1/pay/token p99`, value: median(r.tokenP99), unit: 'ms' },
      {
        name: `${name}: POST /v1/apply/candidate (one session), 50 connections, median of ${rounds} x ${seconds} s`,
        value: Math.round(median(r.cand)),
        unit: 'req/s',
      },
      { name: `${name}: POST /v1/apply/candidate p99`, value: median(r.candP99), unit: 'ms' },
      { name: `${name}: errors + non-2xx`, value: r.failures, unit: 'responses', goal: '0' },
    ]);
  } finally {
    // The BFF itself (inside pg_virtualenv), then wait for the wrapper to drop its cluster.
    for (const { bff } of engines) {
      const exited = new Promise((resolve) => bff.process.once('exit', resolve));
      process.kill(bff.info.pid, 'SIGINT');
      await exited;
    }
    sandbox.process.kill();
  }
}
