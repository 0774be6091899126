import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import express, { type Request, type Response } from 'express';
import { defaultRateLimits } from '../../server/src/app.ts';
import { errorHandler } from '../../server/src/errors.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { limit, type RateLimitCounter } from '../../server/src/routes/middleware.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { wait } from '../support/until.ts';
import { startSandbox } from './helpers.ts';

/**
 * The per-client limits (the Pay token, the apply flow) as a client and an operator see them:
 * the draft-7 headers, the 429 in the error shape, the window, the key, the store's counter that
 * every replica shares. The keys are pinned too: a store's counters outlive a deploy.
 */
const store = SqliteStore.fromUrl('sqlite::memory:');
after(() => store.close());

/** The store's counter, noting every key counted. */
function spied(keys: string[]): RateLimitCounter {
  return {
    countRateLimit: (key, windowMs, delta) => {
      keys.push(key);
      return store.countRateLimit(key, windowMs, delta);
    },
    resetRateLimit: (key) => store.resetRateLimit(key),
  };
}

/** An app with one limited route, as a replica of the BFF mounts it (TRUST_PROXY=1 by default). */
async function limited(
  windowMs: number,
  max: number,
  counter: RateLimitCounter,
  name: string,
  keyOf?: (req: Request, res: Response) => string,
  trustProxy: number | false = 1,
): Promise<(headers?: Record<string, string>) => Promise<globalThis.Response>> {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.get('/limited', limit(windowMs, max, 'rate_limited', { counter, name }, keyOf), (_req, res) =>
    res.json({ ok: true }),
  );
  app.use(errorHandler(memoryLogger()));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/limited`;
  return (headers = {}) => fetch(url, { headers });
}

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('per-client rate limits', () => {
  it('say the policy and what is left on every answer, and answer 429 with Retry-After past the limit', async () => {
    const call = await limited(60_000, 3, store, 'headers');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(from('203.0.113.1')));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 429, 429],
    );
    for (const [i, answer] of answers.entries()) {
      assert.equal(answer.headers.get('ratelimit-policy'), '3;w=60');
      const match = /^limit=3, remaining=(\d+), reset=(\d+)$/.exec(
        answer.headers.get('ratelimit') ?? '',
      );
      assert.ok(match, `RateLimit header: ${answer.headers.get('ratelimit')}`);
      assert.equal(Number(match[1]), Math.max(0, 2 - i));
      const reset = Number(match[2]);
      assert.ok(reset > 0 && reset <= 60, `reset=${reset}`);
      if (answer.status === 200) {
        assert.equal(answer.headers.get('retry-after'), null);
        assert.deepEqual(await answer.json(), { ok: true });
      } else {
        // The seconds until the window ends, the same figure as the RateLimit header's reset.
        assert.equal(answer.headers.get('retry-after'), String(reset));
        assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
        assert.deepEqual(await answer.json(), {
          errors: [
            { code: 'rate_limited', title: 'Too many requests; slow down and try again shortly' },
          ],
        });
      }
    }
  });

  it('let the client in again once its window has ended', async () => {
    const call = await limited(1_000, 1, store, 'window');
    assert.equal((await call(from('203.0.113.2'))).status, 200);
    assert.equal((await call(from('203.0.113.2'))).status, 429);
    await wait(1_100);
    const again = await call(from('203.0.113.2'));
    assert.equal(again.status, 200);
    assert.match(again.headers.get('ratelimit') ?? '', /^limit=1, remaining=0, reset=1$/);
  });

  it("count on the store's counter: two replicas on one store share the limit, under the limit's name", async () => {
    const keys: string[] = [];
    const first = await limited(60_000, 2, spied(keys), 'replicas');
    const second = await limited(60_000, 2, spied(keys), 'replicas');
    const statuses = [];
    for (const call of [first, second, first, second])
      statuses.push((await call(from('203.0.113.3'))).status);
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    assert.deepEqual(keys, Array(4).fill('replicas:203.0.113.3'));
    // Another limit's name is another counter.
    const other = await limited(60_000, 2, store, 'other');
    assert.equal((await other(from('203.0.113.3'))).status, 200);
  });

  it('count the socket address, whatever X-Forwarded-For says, when no proxy is trusted', async () => {
    const keys: string[] = [];
    const call = await limited(60_000, 2, spied(keys), 'untrusted', undefined, false);
    const statuses = [];
    for (const address of ['203.0.113.5', '203.0.113.6', '198.51.100.7'])
      statuses.push((await call(from(address))).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.deepEqual(keys, Array(3).fill('untrusted:127.0.0.1'));
  });

  it('count an IPv6 client by its /56 (one subscriber holds a whole prefix) and an IPv4-mapped one as its IPv4', async () => {
    const keys: string[] = [];
    const call = await limited(60_000, 1, spied(keys), 'v6');
    const status = async (address: string) => (await call(from(address))).status;
    assert.equal(await status('2001:db8:1234:5601::1'), 200);
    assert.equal(await status('2001:DB8:1234:56ff:abcd::9'), 429, 'same /56');
    assert.equal(await status('2001:db8:1234:5700::1'), 200, 'the next /56');
    assert.equal(await status('203.0.113.4'), 200);
    assert.equal(await status('::ffff:203.0.113.4'), 429, 'IPv4-mapped is the IPv4 client');
    assert.equal(await status('::ffff:cb00:7104'), 429, 'in any spelling');
    assert.equal(await status('::203.0.113.4'), 429, 'the old IPv4-compatible notation too');
    assert.equal(await status('::1'), 200);
    assert.equal(await status('::cb00:7104'), 429, 'without a dotted IPv4 it is ::/56, as ::1');
    assert.equal(await status('1:2:3:4:5:6:7:8'), 200);
    assert.equal(await status('2001:0:0:5600::1'), 200);
    assert.deepEqual(keys, [
      'v6:2001:db8:1234:5600::/56',
      'v6:2001:db8:1234:5600::/56',
      'v6:2001:db8:1234:5700::/56',
      'v6:203.0.113.4',
      'v6:203.0.113.4',
      'v6:203.0.113.4',
      'v6:203.0.113.4',
      'v6:::/56',
      'v6:::/56',
      'v6:1:2:3::/56',
      'v6:2001:0:0:5600::/56',
    ]);
  });

  it('count by what keyOf names (an apply session) instead of the address', async () => {
    const keys: string[] = [];
    const call = await limited(60_000, 1, spied(keys), 'session', (req) => req.get('x-session')!);
    const status = async (session: string, address: string) =>
      (await call({ 'x-session': session, ...from(address) })).status;
    assert.equal(await status('as_1', '203.0.113.5'), 200);
    assert.equal(await status('as_1', '198.51.100.5'), 429, 'the same session from elsewhere');
    assert.equal(await status('as_2', '203.0.113.5'), 200, 'another session at the same address');
    assert.deepEqual(keys, ['session:as_1', 'session:as_1', 'session:as_2']);
  });

  it("are on the BFF's token route, 20 a minute by default", async () => {
    const bff = await startSandbox({ rateLimits: defaultRateLimits });
    const answer = await fetch(`${bff.url}/v1/pay/token`);
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('ratelimit-policy'), '20;w=60');
    assert.match(answer.headers.get('ratelimit') ?? '', /^limit=20, remaining=19, reset=\d+$/);
  });

  it('warn the operator once when requests name a proxy the BFF was not told to trust', async () => {
    const proxyWarnings = (logs: string[]) =>
      logs.filter((line) => line.includes('TRUST_PROXY is not set')).length;
    const untrusting = await startSandbox();
    assert.equal((await fetch(`${untrusting.url}/healthz`)).status, 200);
    assert.equal(proxyWarnings(untrusting.logs), 0);
    for (let i = 0; i < 3; i++)
      await fetch(`${untrusting.url}/v1/pay/token`, { headers: from('203.0.113.6') });
    await fetch(`${untrusting.url}/healthz`, { headers: { forwarded: 'for=203.0.113.6' } });
    assert.equal(proxyWarnings(untrusting.logs), 1);
    assert.ok(!untrusting.logs.some((line) => line.includes('203.0.113.6')), 'no address logged');

    const trusting = await startSandbox({ env: { TRUST_PROXY: '1' } });
    await fetch(`${trusting.url}/v1/pay/token`, { headers: from('203.0.113.6') });
    assert.equal(proxyWarnings(trusting.logs), 0);
  });
});
