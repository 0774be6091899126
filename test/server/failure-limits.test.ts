import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { signBody } from '../../server/src/services/webhooks.ts';
import { startSandbox } from './helpers.ts';

// Issue 15: 400 wrong admin keys got no 429, and 1,774 unsigned 1 MB webhooks were read in 8 s.
// Failures only are counted, per client address (TRUST_PROXY=1 lets the test choose it).
const bff = await startSandbox({
  env: { TRUST_PROXY: '1' },
  rateLimits: {
    windowMs: 60_000,
    apply: 10_000,
    token: 10_000,
    adminFailures: 5,
    webhookFailures: 3,
  },
});

const from = (address: string, headers: Record<string, string> = {}) => ({
  ...headers,
  'x-forwarded-for': address,
});
const admin = (address: string, key: string) =>
  fetch(`${bff.url}/v1/consents`, { headers: from(address, { authorization: `Bearer ${key}` }) });

const event = (id: string) =>
  JSON.stringify({
    id,
    object: 'event',
    type: 'candidate.created',
    created_at: new Date().toISOString(),
    data: { object: { id: 'c1', object: 'candidate' } },
  });
const webhook = (address: string, body: string, signature: string) =>
  fetch(`${bff.url}/v1/webhooks/checkr`, {
    method: 'POST',
    headers: from(address, { 'content-type': 'application/json', 'x-checkr-signature': signature }),
    body,
  });

describe('failed admin keys', () => {
  it('the 6th wrong key from one address is 429, even with the right key; another address still works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await admin('203.0.113.7', `wrong-${i}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const refused = await admin('203.0.113.7', bff.config.adminKey);
    assert.equal(refused.status, 429);
    assert.equal((await refused.json()).errors[0].code, 'too_many_failures');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);

    const other = await fetch(`${bff.url}/v1/apply-sessions`, {
      method: 'POST',
      headers: from('198.51.100.2', {
        authorization: `Bearer ${bff.config.adminKey}`,
        'content-type': 'application/json',
      }),
      body: JSON.stringify({ package: 'driver_pro' }),
    });
    assert.equal(other.status, 201);
  });

  it('a caller with the right key is never slowed by its own successes', async () => {
    const statuses = await Promise.all(
      Array.from(
        { length: 30 },
        async () => (await admin('198.51.100.3', bff.config.adminKey)).status,
      ),
    );
    assert.deepEqual(statuses, Array(30).fill(200));
  });
});

describe('unsigned and badly signed webhooks', () => {
  it('after 3 bad signatures the address gets 429 before its 1 MB body is sent', async () => {
    const body = event('evt_bad');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await webhook('203.0.113.9', body, signBody('wrong-key', body))).status);
    assert.deepEqual(statuses, [401, 401, 401]);

    // Headers announce 1 MB and no byte of it is written: only a refusal before the body is
    // read can answer (the raw parser would wait for the body forever).
    const { status, code } = await new Promise<{ status: number; code: string }>(
      (resolve, reject) => {
        const { port } = new URL(bff.url);
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/v1/webhooks/checkr',
            headers: from('203.0.113.9', {
              'content-type': 'application/json',
              'content-length': String(1024 * 1024),
              'x-checkr-signature': 'ab'.repeat(32),
            }),
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => {
              resolve({ status: res.statusCode!, code: JSON.parse(text).errors[0].code });
              req.destroy();
            });
          },
        );
        // A server that waits for the body never answers: fail, and free the suite.
        req.setTimeout(10_000, () => {
          req.destroy();
          reject(new Error('no answer while the body was unsent: it waits to read the body'));
        });
        req.on('error', reject);
        req.flushHeaders();
      },
    );
    assert.equal(status, 429);
    assert.equal(code, 'too_many_failures');
  });

  it('unsigned posts count too, and correctly signed deliveries are never limited', async () => {
    const unsigned: number[] = [];
    for (let i = 0; i < 4; i++)
      unsigned.push(
        (
          await fetch(`${bff.url}/v1/webhooks/checkr-pay`, {
            method: 'POST',
            headers: from('203.0.113.10', { 'content-type': 'application/json' }),
            body: event(`evt_u${i}`),
          })
        ).status,
      );
    assert.deepEqual(unsigned.slice(3), [429]);
    assert.ok(
      unsigned.slice(0, 3).every((s) => s === 401 || s === 400),
      String(unsigned),
    );

    const signed: number[] = [];
    for (let i = 0; i < 10; i++) {
      const body = event(`evt_ok_${i}`);
      signed.push(
        (await webhook('198.51.100.9', body, signBody(bff.sandbox.checkrKey, body))).status,
      );
    }
    assert.deepEqual(signed, Array(10).fill(200));
  });
});
