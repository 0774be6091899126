import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import { CheckrClient } from '../../server/src/clients/checkr.ts';
import { CheckrPayClient } from '../../server/src/clients/checkr-pay.ts';
import { requestJson, UpstreamError } from '../../server/src/clients/http.ts';
import { parseConfig } from '../../server/src/config.ts';

// A long per-try timeout: on a loaded machine a slow answer must not read as a failed try.
const policy = { attempts: 4, timeoutMs: 15_000, baseDelayMs: 1, maxDelayMs: 2 };

/** A fake upstream on loopback answering from a list, counting calls and keeping their headers. */
async function upstream(...answers: Array<[number, unknown]>) {
  const calls: Array<Record<string, string | string[] | undefined>> = [];
  const server = createServer((req, res) => {
    calls.push({ ...req.headers });
    req.resume();
    const [status, body] = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    checkr: new CheckrClient('sk_test', base, policy),
    pay: new CheckrPayClient({ accessKey: 'ak', secretKey: 'sk' }, `${base}/customer/`, policy),
  };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UpstreamError, String(error));
    return error;
  }
  assert.fail('the call succeeded');
}

const order = { candidate_id: 'c_1', package: 'tasker_standard' };
const report = { id: 'r_1', object: 'report', status: 'pending', candidate_id: 'c_1' };

describe('upstream errors, by meaning', () => {
  it("Checkr Pay's 500 unexpected_error is not re-attempted, and keeps its code and details", async () => {
    const { calls, pay } = await upstream([
      500,
      {
        http_code: 500,
        error_code: 'unexpected_error',
        error_message: 'Something went wrong',
        details: [{ key: 'profile.email', errors: ['is odd'] }],
      },
    ]);
    const error = await failure(pay.createWorker({ profile: {} }, 'k-1'));
    assert.equal(calls.length, 1);
    assert.equal(error.failure, 'refused');
    assert.equal(error.retryable, false);
    assert.equal(error.errorCode, 'unexpected_error');
    assert.deepEqual(error.details, [{ key: 'profile.email', errors: ['is odd'] }]);
  });

  it('a plain 500 is retried, and reports "unavailable" when the tries run out', async () => {
    const { calls, checkr } = await upstream([500, { error: 'Internal Server Error' }]);
    const error = await failure(checkr.createReport(order, 'k-1'));
    assert.equal(calls.length, policy.attempts);
    assert.equal(error.retryable, true);
  });

  it('an in-flight 409 is recognised by status, whatever its words, and retried with the same key', async () => {
    const { calls, checkr } = await upstream([409, { error: 'Conflict' }], [201, report]);
    const body = await checkr.createReport(order, 'k-1');
    assert.equal(body.id, 'r_1');
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!['idempotency-key'], 'k-1');
    assert.equal(calls[1]!['idempotency-key'], 'k-1');
  });

  it("Checkr's documented duplicate 409s are refusals, sent once", async () => {
    const { calls, checkr } = await upstream([
      409,
      {
        error:
          'Duplicate report detected. No more than 3 reports per candidate can be created within a 24 hour period',
      },
    ]);
    const error = await failure(checkr.createReport(order, 'k-1'));
    assert.equal(calls.length, 1);
    assert.equal(error.failure, 'refused');
    assert.match(error.messages[0]!, /3 reports per candidate/);
  });

  it('401 and 403 are a refused key, sent once; the PII-removed 403 is about one candidate', async () => {
    for (const status of [401, 403]) {
      const { calls, checkr } = await upstream([status, { error: 'Bad authentication error' }]);
      const error = await failure(checkr.createReport(order, 'k-1'));
      assert.equal(calls.length, 1);
      assert.equal(error.failure, 'auth');
    }
    const { checkr } = await upstream([
      403,
      { error: 'Candidate has requested that their PII be removed' },
    ]);
    const error = await failure(checkr.createReport(order, 'k-1'));
    assert.equal(error.failure, 'refused');
  });

  it('a 400 is a refusal with its texts, never retried', async () => {
    const { calls, checkr } = await upstream([400, { error: 'Package not found' }]);
    const error = await failure(checkr.createReport(order, 'k-1'));
    assert.equal(calls.length, 1);
    assert.equal(error.failure, 'refused');
    assert.deepEqual(error.messages, ['Package not found']);
  });
});

describe('upstream timeouts', () => {
  const quick = { attempts: 2, timeoutMs: 30, baseDelayMs: 1, maxDelayMs: 2 };
  const anything = z.unknown();
  const get = (upstream: typeof fetch, schema: z.ZodType = anything) =>
    requestJson(
      'checkr',
      'http://upstream.test/',
      { method: 'GET', path: 'v1/x' },
      schema,
      quick,
      upstream,
    );

  it('a try that gets no answer is aborted at the timeout and retried, then unavailable', async () => {
    const signals: AbortSignal[] = [];
    // Never answers: only the abort ends the call, as with a hung upstream.
    const hung: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        signals.push(init!.signal!);
        init!.signal!.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const error = await failure(get(hung));
    assert.equal(error.failure, 'unavailable');
    assert.equal(signals.length, 2);
    assert.ok(signals.every((signal) => signal.aborted));
  });

  it('a body that stops arriving is aborted too', async () => {
    const stalled: typeof fetch = async (_url, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            init!.signal!.addEventListener('abort', () => controller.error(new Error('aborted')));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const error = await failure(get(stalled, z.object({ id: z.string() })));
    assert.equal(error.failure, 'shape');
  });

  it('a call that was answered leaves no timer behind to abort it later', async () => {
    let signal: AbortSignal | undefined;
    const answered: typeof fetch = async (_url, init) => {
      signal = init!.signal!;
      return Response.json({ ok: true });
    };
    await get(answered);
    // Three timeouts later the finished call's signal is still untouched.
    await new Promise((resolve) => setTimeout(resolve, quick.timeoutMs * 3));
    assert.equal(signal?.aborted, false);
  });
});

describe('Checkr API base', () => {
  const live = {
    CHECKR_API_KEY: 'sk_test',
    BFF_ADMIN_KEY: 'a'.repeat(24),
    SESSION_SIGNING_KEY: 's'.repeat(32),
    ALLOWED_ORIGINS: 'https://careers.example.com',
  };
  it('takes the documented staging base with /v1 (seed 000 L274) or without', () => {
    for (const base of [
      'https://api.checkr-staging.com/v1',
      'https://api.checkr-staging.com/v1/',
      'https://api.checkr-staging.com',
      'https://api.checkr-staging.com/',
    ]) {
      const config = parseConfig({ ...live, CHECKR_API_BASE: base });
      assert.equal(config.checkr?.apiBase, 'https://api.checkr-staging.com', base);
    }
  });

  it('host sign-in needs an issuer and an audience, and one way of verifying', () => {
    assert.throws(
      () => parseConfig({ ...live, HOST_JWT_SECRET: 'h'.repeat(32) }),
      /HOST_JWT_ISSUER is required with HOST_JWT_SECRET or HOST_JWKS_URL/,
    );
    assert.throws(
      () =>
        parseConfig({
          ...live,
          HOST_JWT_SECRET: 'h'.repeat(32),
          HOST_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
          HOST_JWT_ISSUER: 'https://login.example.com',
          HOST_JWT_AUDIENCE: 'checkr-kit',
        }),
      /HOST_JWKS_URL and HOST_JWT_SECRET are two ways/,
    );
    const config = parseConfig({
      ...live,
      HOST_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
      HOST_JWT_ISSUER: 'https://login.example.com',
      HOST_JWT_AUDIENCE: 'checkr-kit',
    });
    assert.equal(config.hostJwt?.workerClaim, 'sub');
  });
});
