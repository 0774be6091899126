import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { CheckrPayClient } from '../../server/src/clients/checkr-pay.ts';
import { UpstreamError } from '../../server/src/clients/http.ts';
import { startStandaloneSandbox } from '@checkr-kit/sandbox';
import { fastRetries, until } from './helpers.ts';

/** The simulators on their own, as the BFF's clients and a customer's webhook receiver see them. */
const sandbox = await startStandaloneSandbox({ reportCompleteAfterMs: 50 });
after(() => sandbox.close());

// A customer's webhook endpoint: it keeps the raw bodies and signature headers it receives.
const received: Array<{ path: string; body: Buffer; signature: string }> = [];
const receiver = express();
receiver.post('/hooks/:source', express.raw({ type: () => true }), (req, res) => {
  received.push({
    path: `/${req.params.source}`,
    body: req.body as Buffer,
    signature: req.get('x-checkr-signature') ?? req.get('x-checkrpay-signature') ?? '',
  });
  res.status(200).end();
});
const receiverServer = receiver.listen(0, '127.0.0.1');
await new Promise((resolve) => receiverServer.once('listening', resolve));
after(() => receiverServer.close());
const hooks = `http://127.0.0.1:${(receiverServer.address() as AddressInfo).port}/hooks`;
sandbox.checkr.webhooks.url = `${hooks}/checkr`;
sandbox.pay.webhooks.url = `${hooks}/pay`;

const payBase = `${sandbox.url}/sandbox/checkr-pay/customer/`;
const payHeaders = {
  'x-checkr-pay-access-key': sandbox.payKeys.accessKey,
  'x-checkr-pay-secret-key': sandbox.payKeys.secretKey,
  'content-type': 'application/json',
};
const basic = `Basic ${Buffer.from(`${sandbox.checkrKey}:`).toString('base64')}`;

/** `echo -n "$body" | openssl dgst -sha256 -hmac "$key"`, as Checkr's docs show. */
function opensslHmac(body: Buffer, key: string): string {
  return execFileSync('openssl', ['dgst', '-sha256', '-hmac', key], { input: body })
    .toString()
    .trim()
    .split(/\s+/)
    .pop()!;
}

describe('Checkr simulator', () => {
  it('refuses a wrong key with 401, answers the docs exact 400 texts, and sends webhooks openssl verifies', async () => {
    const wrong = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers: { authorization: 'Basic eDo=' },
    });
    assert.equal(wrong.status, 401);
    const bad = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({
        first_name: 'M!',
        last_name: 'Scott',
        email: 'm@dundermifflin.com',
        ssn: '967-65-4325',
        zipcode: '123',
      }),
    });
    assert.equal(bad.status, 400);
    const { error } = await bad.json();
    assert.match(
      error,
      /First name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas/,
    );
    assert.match(error, /SSN is invalid\. TIN was provided\./);
    assert.match(error, /Zipcode is invalid/);
    assert.ok(
      bad.headers.get('x-ratelimit-limit') &&
        bad.headers.get('x-ratelimit-remaining') &&
        bad.headers.get('x-ratelimit-reset'),
    );

    const created = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers: {
        authorization: basic,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'k-1',
      },
      body: new URLSearchParams({
        first_name: 'Phyllis',
        no_middle_name: 'true',
        last_name: 'Vance',
        email: 'phyllis@dundermifflin.com',
        dob: '1965-07-10',
        ssn: '111-11-2002',
        zipcode: '18505',
      }),
    });
    assert.equal(created.status, 201);
    const candidate = await created.json();
    assert.equal(candidate.ssn, 'XXX-XX-2002');
    const replay = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers: {
        authorization: basic,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'k-1',
      },
      body: new URLSearchParams({ first_name: 'Someone', last_name: 'Else' }),
    });
    assert.equal((await replay.json()).id, candidate.id, 'a 2xx is replayed for the same key');

    const report = await fetch(`${sandbox.url}/sandbox/checkr/v1/reports`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({ candidate_id: candidate.id, package: 'tasker_standard' }),
    });
    assert.equal(report.status, 201);
    await until(
      () => received.some((r) => r.path === '/checkr' && r.body.includes('report.completed')),
      5000,
      'report.completed',
    );
    const completed = received.find((r) => r.body.includes('report.completed'))!;
    assert.equal(
      JSON.parse(completed.body.toString()).data.object.result,
      'consider',
      '111-11-2002 is consider',
    );
    for (const hook of received.filter((r) => r.path === '/checkr')) {
      assert.equal(hook.signature, opensslHmac(hook.body, sandbox.checkrKey));
    }
  });

  it('a third duplicate candidate in 24 h is refused with the docs 409', async () => {
    const body = JSON.stringify({
      first_name: 'Stanley',
      no_middle_name: true,
      last_name: 'Hudson',
      email: 'stanley@dundermifflin.com',
      dob: '1958-02-19',
      ssn: '111-11-2010',
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body,
      });
      statuses.push(response.status);
      if (response.status === 409)
        assert.match((await response.json()).error, /Duplicate candidate detected/);
    }
    assert.deepEqual(statuses, [201, 201, 201, 409]);
  });

  it('a second call with a key still in flight gets 409', async () => {
    sandbox.checkr.faults.add('POST /v1/candidates', { kind: 'slow', remaining: 1, delayMs: 300 });
    const body = JSON.stringify({
      first_name: 'Oscar',
      no_middle_name: true,
      last_name: 'Martinez',
      email: 'oscar@dundermifflin.com',
    });
    const headers = {
      authorization: basic,
      'content-type': 'application/json',
      'idempotency-key': 'k-inflight',
    };
    const first = fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers,
      body,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await fetch(`${sandbox.url}/sandbox/checkr/v1/candidates`, {
      method: 'POST',
      headers,
      body,
    });
    assert.equal(second.status, 409);
    assert.equal((await first).status, 201);
  });
});

describe('Checkr Pay simulator', () => {
  it('401 without keys, 403 for another account', async () => {
    assert.equal((await fetch(`${payBase}v0/workers`)).status, 401);
    const body = await (await fetch(`${payBase}v0/workers`)).json();
    assert.deepEqual(Object.keys(body).sort(), ['error_code', 'error_message', 'http_code']);
  });

  it('creates workers with the documented statuses, updates only metadata, closes them', async () => {
    const complete = await fetch(`${payBase}v0/workers`, {
      method: 'POST',
      headers: { ...payHeaders, 'idempotency-key': 'w-1' },
      body: JSON.stringify({
        profile: {
          email: 'kevin@example.com',
          phoneNumber: '+15705550111',
          address: {
            street: '1 Main St',
            city: 'Scranton',
            state: 'PA',
            postalCode: '18505',
            country: 'US',
          },
        },
        metadata: 'kevin',
      }),
    });
    assert.equal(complete.status, 201);
    const kevin = await complete.json();
    assert.equal(kevin.status, 'pending');
    assert.ok(kevin.temporaryAuthenticationToken);
    const partial = await (
      await fetch(`${payBase}v0/workers`, {
        method: 'POST',
        headers: payHeaders,
        body: JSON.stringify({ profile: { email: 'creed@example.com' } }),
      })
    ).json();
    assert.equal(partial.status, 'require_pii');
    const taken = await fetch(`${payBase}v0/workers`, {
      method: 'POST',
      headers: payHeaders,
      body: JSON.stringify({ profile: { email: 'kevin@example.com' } }),
    });
    assert.equal(taken.status, 400);
    assert.equal((await taken.json()).details[0].key, 'profile.email');
    const update = await fetch(`${payBase}v0/workers/${kevin.id}`, {
      method: 'PUT',
      headers: payHeaders,
      body: JSON.stringify({ profile: {} }),
    });
    assert.equal(update.status, 400);
    assert.equal((await update.json()).error_code, 'input_validation_error');
    const closed = await (
      await fetch(`${payBase}v0/workers/${kevin.id}`, { method: 'DELETE', headers: payHeaders })
    ).json();
    assert.equal(closed.status, 'closed');
    const list = await (
      await fetch(`${payBase}v0/workers?per_page=1`, { headers: payHeaders })
    ).json();
    assert.equal(list.data.length, 1);
    assert.ok(list.next_href);
    await until(
      () => received.some((r) => r.path === '/pay' && r.body.includes('worker.created')),
      5000,
      'worker.created',
    );
    for (const hook of received.filter((r) => r.path === '/pay')) {
      assert.equal(hook.signature, opensslHmac(hook.body, sandbox.payKeys.secretKey));
    }
    const reset = await fetch(`${payBase}v0/sandbox/workers/reset_all`, {
      method: 'POST',
      headers: payHeaders,
    });
    assert.equal(await reset.text(), 'OK');
  });

  it("through the BFF's client: one-time tokens, cached per login session until redeemed, and 429 retried", async () => {
    const client = new CheckrPayClient(sandbox.payKeys, payBase, fastRetries);
    const worker = sandbox.pay.seedWorker(
      sandbox.payKeys,
      { email: 'meredith@example.com' },
      'meredith',
    );
    const a = await client.authenticateWorker(worker.id, 'login-1');
    const b = await client.authenticateWorker(worker.id, 'login-1');
    assert.equal(a, b, 'cached for the login session while unused');
    assert.ok(sandbox.pay.redeem(a));
    const c = await client.authenticateWorker(worker.id, 'login-1');
    assert.notEqual(c, a, 'a spent token is never handed out again');
    assert.equal(sandbox.pay.redeem(a), undefined, 'one-time');
    sandbox.pay.faults.add('GET /v0/workers/:id/authenticate', { kind: '429', remaining: 2 });
    assert.ok(await client.authenticateWorker(worker.id, 'login-2'));
    await assert.rejects(
      client.authenticateWorker('00000000-0000-0000-0000-000000000000', 'x'),
      (error: unknown) => error instanceof UpstreamError && error.status === 404,
    );
  });
});
