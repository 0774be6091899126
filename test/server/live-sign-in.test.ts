import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { SandboxProcess } from '@checkr-kit/sandbox';
import express from 'express';
import { createCheckrKit } from '../../server/src/library.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { michael, until } from './helpers.ts';
import { ORIGIN, applyAs, errorLines, liveSandbox, startLive } from './live-helpers.ts';

const ISSUER = 'https://login.example.com';
const AUDIENCE = 'checkr-kit-bff';
const HOST_SECRET = 'host-jwt-secret-for-tests-0123456789abcdef';

/** A worker created at the Checkr Pay simulator over its API, as the customer's backend would. */
async function createWorker(sim: SandboxProcess, n: number): Promise<string> {
  const response = await fetch(`${sim.env.CHECKR_PAY_API_BASE}v0/workers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-checkr-pay-access-key': sim.env.CHECKR_PAY_ACCESS_KEY,
      'x-checkr-pay-secret-key': sim.env.CHECKR_PAY_SECRET_KEY,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({
      profile: {
        email: `worker${n}@example.com`,
        phoneNumber: `+1415555${String(1000 + n)}`,
        address: {
          street: '1 Main St',
          city: 'Oakland',
          state: 'CA',
          postalCode: '94607',
          country: 'US',
        },
      },
    }),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

/** The token the BFF handed out is a real, unspent TAT of that worker at the simulator. */
async function assertFreshTat(sim: SandboxProcess, body: unknown, workerId: string) {
  const { token, embed_url } = body as { token: string; embed_url: string };
  assert.equal(new URL(embed_url).searchParams.get('tempAuthToken'), token);
  assert.deepEqual(await sim.control.pay.token(token), { worker_id: workerId, redeemed: false });
}

function hostJwt(claims: Record<string, unknown>, secret = HOST_SECRET, expires = '5m') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}

describe('live: who is signed in', () => {
  it('server to server: the admin route returns a fresh token for a worker', async () => {
    const { bff, sim, admin } = await startLive();
    const workerId = await createWorker(sim, 1);
    const response = await fetch(`${bff.url}/v1/pay/workers/${workerId}/token`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ session_id: 'login-session-1' }),
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    await assertFreshTat(sim, await response.json(), workerId);

    const anonymous = await fetch(`${bff.url}/v1/pay/workers/${workerId}/token`, {
      method: 'POST',
    });
    assert.equal(anonymous.status, 401);
    const unknown = await fetch(`${bff.url}/v1/pay/workers/no-such-worker/token`, {
      method: 'POST',
      headers: admin,
    });
    assert.equal(unknown.status, 404);
    assert.equal(
      ((await unknown.json()) as { errors: [{ code: string }] }).errors[0].code,
      'pay_worker_not_found',
    );
  });

  it("browser to BFF: the customer's HS256 JWT names the worker; bad, expired, foreign tokens are refused", async () => {
    const { bff, sim } = await startLive({
      env: { HOST_JWT_SECRET: HOST_SECRET, HOST_JWT_ISSUER: ISSUER, HOST_JWT_AUDIENCE: AUDIENCE },
    });
    const workerId = await createWorker(sim, 2);
    const get = (token?: string) =>
      fetch(`${bff.url}/v1/pay/token`, {
        headers: { origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const ok = await get(await hostJwt({ sub: workerId, sid: 'app-session-7' }));
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    // The token's protections in live configuration: never stored, the client's limit counted.
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    assert.match(ok.headers.get('ratelimit') ?? '', /^limit=\d+, remaining=\d+, reset=\d+$/);
    assert.equal(
      ok.headers.get('content-security-policy'),
      "default-src 'none';frame-ancestors 'none'",
    );
    assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(ok.headers.get('x-frame-options'), 'DENY');
    await assertFreshTat(sim, await ok.json(), workerId);

    const code = async (response: Response) =>
      ((await response.json()) as { errors: [{ code: string }] }).errors[0].code;
    assert.equal(await code(await get()), 'host_session_required');
    assert.equal(
      await code(await get(await hostJwt({ sub: workerId }, 'another-secret-of-32-characters!!'))),
      'host_session_invalid',
    );
    assert.equal(
      await code(await get(await hostJwt({ sub: workerId }, HOST_SECRET, '-2m'))),
      'host_session_expired',
    );
    const otherAudience = await new SignJWT({ sub: workerId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience('another-service')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HOST_SECRET));
    assert.equal(await code(await get(otherAudience)), 'host_session_invalid');
  });

  it("browser to BFF: an ES256 JWT checked against the customer's JWKS, the worker in a named claim", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const jwks = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    after(() => new Promise<void>((resolve) => jwks.close(() => resolve())));
    const { bff, sim } = await startLive({
      env: {
        HOST_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
        HOST_JWT_ISSUER: ISSUER,
        HOST_JWT_AUDIENCE: AUDIENCE,
        HOST_JWT_WORKER_CLAIM: 'checkr_pay_worker',
      },
    });
    const workerId = await createWorker(sim, 3);
    const token = await new SignJWT({ sub: 'user-42', checkr_pay_worker: workerId })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const response = await fetch(`${bff.url}/v1/pay/token`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    await assertFreshTat(sim, await response.json(), workerId);
  });

  it('with Pay keys and no way to know the worker, start-up says so in one line', async () => {
    const { bff, logs } = await startLive();
    const warnings = logs.filter((line) => line.includes('no worker sign-in is configured'));
    assert.equal(warnings.length, 1);
    const response = await fetch(`${bff.url}/v1/pay/token`);
    assert.equal(response.status, 503);
  });
});

describe('live: a refused key', () => {
  it('a wrong Checkr key gives the caller 502 upstream_auth_failed and the operator one line naming the variable', async () => {
    const wrong = 'sk_live_wrong_key_that_must_never_be_logged';
    const { bff, logs, admin } = await startLive({ env: { CHECKR_API_KEY: wrong } });
    const response = await fetch(`${bff.url}/v1/apply-sessions`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ package: 'tasker_standard', origin: ORIGIN }),
    });
    assert.equal(response.status, 502);
    assert.equal(
      ((await response.json()) as { errors: [{ code: string }] }).errors[0].code,
      'upstream_auth_failed',
    );
    const errors = errorLines(logs);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(String(errors[0]!.message), /CHECKR_API_KEY refused by checkr/);
    assert.ok(!logs.join('\n').includes(wrong));
  });

  it('wrong Checkr Pay keys: 502 and one line naming the Pay variables', async () => {
    const wrong = 'sk_pay_wrong_secret_never_logged';
    const { bff, logs, admin } = await startLive({ env: { CHECKR_PAY_SECRET_KEY: wrong } });
    const response = await fetch(`${bff.url}/v1/pay/workers/any-worker/token`, {
      method: 'POST',
      headers: admin,
    });
    assert.equal(response.status, 502);
    assert.equal(
      ((await response.json()) as { errors: [{ code: string }] }).errors[0].code,
      'upstream_auth_failed',
    );
    const errors = errorLines(logs);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]!.message), /CHECKR_PAY_ACCESS_KEY\/CHECKR_PAY_SECRET_KEY/);
    assert.ok(!logs.join('\n').includes(wrong));
  });

  it('a base given with /v1, as the docs give staging, reaches the same API', async () => {
    const sim = await liveSandbox();
    const { bff, admin } = await startLive({
      sandbox: sim,
      env: { CHECKR_API_BASE: `${sim.env.CHECKR_API_BASE}/v1` },
    });
    const response = await fetch(`${bff.url}/v1/apply-sessions`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ package: 'tasker_standard', origin: ORIGIN }),
    });
    assert.equal(response.status, 201);
  });
});

describe('live: workers', () => {
  const profile = {
    email: 'michael.scott@example.com',
    phoneNumber: '+12035408926',
    address: { street: '1725 Slough Ave', city: 'Scranton', state: 'PA', postalCode: '18505' },
  };

  it('creates the Pay worker of a consented candidate with backgroundCheckId, once per customer id', async () => {
    const { bff, sim, admin } = await startLive({
      env: { HOST_JWT_SECRET: HOST_SECRET, HOST_JWT_ISSUER: ISSUER, HOST_JWT_AUDIENCE: AUDIENCE },
    });
    const { sign } = await applyAs(bff, admin, { ...michael, email: profile.email });
    const { consent_id } = (await (await sign()).json()) as { consent_id: string };
    const candidates = await sim.control.checkr.candidates();
    assert.equal(candidates.length, 1);
    const candidateId = candidates[0]!.id;
    const atPay = async (id: string) => (await sim.control.pay.workers()).find((w) => w.id === id);
    const create = () =>
      fetch(`${bff.url}/v1/pay/workers`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ customer_id: 'user-77', consent_id, profile }),
      });
    const first = await create();
    assert.equal(first.status, 201);
    const worker = (await first.json()) as Record<string, string>;
    assert.equal(worker.background_check_id, candidateId);
    assert.equal((await atPay(worker.worker_id!))?.backgroundCheckId, candidateId);
    assert.equal((await atPay(worker.worker_id!))?.metadata, 'user-77');

    // Worker-status webhooks keep the stored mapping current: the worker finishes onboarding at
    // Checkr Pay, which sends worker.onboarded to the BFF.
    await sim.control.pay.setWorkerStatus(worker.worker_id!, 'onboarded');
    await until(async () =>
      (await sim.control.pay.sentWebhooks()).some(
        (s) => s.type === 'worker.onboarded' && s.status === 200,
      ),
    );
    const again = await create();
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { ...worker, status: 'onboarded' });
    assert.equal((await sim.control.pay.workers()).length, 1);

    // The host JWT names the customer's own id; the BFF knows its worker.
    const token = await fetch(`${bff.url}/v1/pay/token`, {
      headers: { authorization: `Bearer ${await hostJwt({ sub: 'user-77' })}` },
    });
    assert.equal(token.status, 200);
    await assertFreshTat(sim, await token.json(), worker.worker_id!);
  });

  it('finds the worker Checkr Pay already has for the customer id (metadata) instead of a second one', async () => {
    const sim = await liveSandbox();
    const body = JSON.stringify({ customer_id: 'user-88', profile });
    const one = await startLive({ sandbox: sim });
    const created = await fetch(`${one.bff.url}/v1/pay/workers`, {
      method: 'POST',
      headers: one.admin,
      body,
    });
    assert.equal(created.status, 201);
    // Another BFF with an empty store (the answer was lost, another database): same worker.
    const two = await startLive({ sandbox: sim });
    const found = await fetch(`${two.bff.url}/v1/pay/workers`, {
      method: 'POST',
      headers: two.admin,
      body,
    });
    assert.equal(found.status, 200);
    assert.equal(
      ((await found.json()) as { worker_id: string }).worker_id,
      ((await created.json()) as { worker_id: string }).worker_id,
    );
    assert.equal((await sim.control.pay.workers()).length, 1);
  });

  it("Checkr Pay's field details come back as pointers", async () => {
    const { bff, admin, sim } = await startLive();
    await createWorker(sim, 9); // takes worker9@example.com
    const response = await fetch(`${bff.url}/v1/pay/workers`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        customer_id: 'user-99',
        profile: { ...profile, email: 'worker9@example.com', phoneNumber: '+14155559999' },
      }),
    });
    assert.equal(response.status, 422);
    const { errors } = (await response.json()) as { errors: Array<Record<string, any>> };
    assert.equal(errors[0]!.source.pointer, '/profile/email');
  });
});

describe('live: the BFF as a router in the customer app', () => {
  it("mounted under /checkr, authenticate(req) reads the customer's own login", async () => {
    const sim = await liveSandbox();
    const workerId = await createWorker(sim, 4);
    const kit = await createCheckrKit({
      env: {
        DATABASE_URL: 'sqlite::memory:',
        BFF_ADMIN_KEY: 'admin-key-for-live-tests-0123456789',
        SESSION_SIGNING_KEY: 'live-test-signing-key-0123456789abcdef',
        ALLOWED_ORIGINS: ORIGIN,
        ...sim.env,
      },
      logger: memoryLogger(),
      // The customer's login put the user on the request; their table knows the worker.
      authenticate: async (req) => {
        const user = (req as unknown as { user?: { payWorkerId: string; sid: string } }).user;
        return user ? { workerId: user.payWorkerId, sessionId: user.sid } : undefined;
      },
    });
    after(() => kit.close());
    const app = express();
    app.use((req, _res, next) => {
      if (req.get('cookie') === 'session=worker-4')
        Object.assign(req, { user: { payWorkerId: workerId, sid: 'login-4' } });
      next();
    });
    app.use('/checkr', kit.router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkr`;
    const signedOut = await fetch(`${base}/v1/pay/token`);
    assert.equal(signedOut.status, 401);
    const response = await fetch(`${base}/v1/pay/token`, {
      headers: { cookie: 'session=worker-4' },
    });
    assert.equal(response.status, 200);
    await assertFreshTat(sim, await response.json(), workerId);
  });
});
