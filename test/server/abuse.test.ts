import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { startSandbox } from './helpers.ts';

/**
 * Abuse: every BFF route with random methods, paths, headers and bodies. The answer is always a
 * 4xx (or a legitimate 2xx) in the one error shape: never a 5xx, never a stack trace.
 */
const bff = await startSandbox({
  // Random wrong keys and unsigned webhooks by the hundred: the failure limits stay out of the way.
  rateLimits: {
    windowMs: 60_000,
    apply: 1_000_000,
    token: 1_000_000,
    adminFailures: 1_000_000,
    webhookFailures: 1_000_000,
  },
});
const admin = bff.config.adminKey;
const session = await (
  await fetch(`${bff.url}/v1/apply-sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ package: 'driver_pro' }),
  })
).json();

const ROUTES = [
  ['POST', '/v1/apply-sessions'],
  ['POST', '/v1/apply-sessions/as_x/token'],
  ['GET', '/v1/apply/config'],
  ['POST', '/v1/apply/candidate'],
  ['POST', '/v1/apply/acknowledgements'],
  ['POST', '/v1/apply/consent'],
  ['GET', '/v1/consents'],
  ['GET', '/v1/consents/cs_x'],
  ['GET', '/v1/consents/cs_x/pdf'],
  ['GET', '/v1/outbox'],
  ['GET', '/v1/outbox?state=failed'],
  ['POST', '/v1/outbox/ob_x/retry'],
  ['POST', '/v1/pay/workers'],
  ['POST', '/v1/pay/workers/wk_x/token'],
  ['GET', '/v1/pay/token'],
  ['POST', '/v1/webhooks/checkr'],
  ['POST', '/v1/webhooks/checkr-pay'],
  ['GET', '/healthz'],
  ['GET', '/openapi.json'],
] as const;

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .record({
      first_name: fc.anything(),
      ssn: fc.anything(),
      dob: fc.anything(),
      email: fc.anything(),
      driver_license_state: fc.anything(),
    })
    .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))),
  fc
    .record({
      signature_name: fc.anything(),
      esign_consent: fc.anything(),
      drawn_signature: fc.string(),
      authorization: fc.anything(),
    })
    .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))),
);
const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(`Bearer ${session.session_token}`),
  fc.constant(`Bearer ${admin}`),
  fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
  fc.string({ maxLength: 60 }),
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);

async function probe(
  method: string,
  path: string,
  headers: Record<string, string>,
  payload?: string,
) {
  const response = await fetch(`${bff.url}${path}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : payload,
  });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

function assertShape(result: { status: number; text: string; type: string }, context: string) {
  assert.ok(result.status < 500, `${context}: ${result.status} ${result.text.slice(0, 200)}`);
  assert.doesNotMatch(
    result.text,
    /\n\s+at [\w.<>]+ \(|node_modules|\.ts:\d+/,
    `${context}: stack trace`,
  );
  if (result.status >= 400 && result.type.includes('json')) {
    const parsed = JSON.parse(result.text);
    assert.ok(
      Array.isArray(parsed.errors) &&
        typeof parsed.errors[0].code === 'string' &&
        typeof parsed.errors[0].title === 'string',
      `${context}: error shape`,
    );
  } else if (result.status >= 400) {
    assert.fail(`${context}: a ${result.status} that is not JSON (${result.type})`);
  }
}

describe('abuse', () => {
  it('random bodies, headers and auth on every route: always < 500, in the error shape, no stack', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        body,
        authorization,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'garbage',
          undefined,
        ),
        fc.dictionary(
          fc.constantFrom(
            'origin',
            'x-checkr-signature',
            'x-checkrpay-signature',
            'cookie',
            'x-forwarded-for',
            'user-agent',
          ),
          headerValue,
          { maxKeys: 3 },
        ),
        async ([method, path], payload, auth, contentType, extra) => {
          const headers: Record<string, string> = { ...extra };
          if (auth) headers.authorization = auth;
          if (contentType) headers['content-type'] = contentType;
          if (headers.origin !== undefined && !/^https?:\/\/[\w.-]+(:\d+)?$/.test(headers.origin))
            delete headers.origin;
          assertShape(await probe(method, path, headers, payload), `${method} ${path}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random paths and methods: a 404 or 405 in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.array(
          fc.oneof(
            fc.constantFrom('v1', 'apply', 'consents', 'pay', 'webhooks', '..', '%2e%2e', '%00'),
            fc.stringMatching(/^[\w.~-]{0,12}$/),
          ),
          { maxLength: 5 },
        ),
        async (method, segments) => {
          const path = `/${segments.join('/')}`;
          if (path.startsWith('/demo') || path.startsWith('/kit') || path.startsWith('/sandbox'))
            return;
          assertShape(
            await probe(method, path, { authorization: `Bearer ${session.session_token}` }, '{}'),
            `${method} ${path}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses oversize bodies with 413 in the error shape', async () => {
    const big = JSON.stringify({ first_name: 'x'.repeat(40_000) });
    const result = await probe(
      'POST',
      '/v1/apply/candidate',
      { authorization: `Bearer ${session.session_token}`, 'content-type': 'application/json' },
      big,
    );
    assert.equal(result.status, 413);
    assert.equal(JSON.parse(result.text).errors[0].code, 'body_too_large');
    const huge = await probe(
      'POST',
      '/v1/apply/consent',
      { authorization: `Bearer ${session.session_token}`, 'content-type': 'application/json' },
      JSON.stringify({ drawn_signature: 'A'.repeat(800_000) }),
    );
    assert.equal(huge.status, 413);
  });
});

describe('rate limits on the token and apply routes', () => {
  it('the 21st Pay token in a minute from one client is refused with 429', async () => {
    const limited = await startSandbox({
      rateLimits: { windowMs: 60_000, apply: 5, applyPerAddress: 5, token: 20 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await fetch(`${limited.url}/v1/pay/token`)).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
    assert.equal(statuses[20], 429);
    const last = await fetch(`${limited.url}/v1/pay/token`);
    assert.equal((await last.json()).errors[0].code, 'rate_limited');
    const apply: number[] = [];
    for (let i = 0; i < 6; i++) apply.push((await fetch(`${limited.url}/v1/apply/config`)).status);
    assert.deepEqual(apply, [401, 401, 401, 401, 401, 429]);
  });

  it('counts apply calls per apply session: one busy candidate behind a shared address blocks no other', async () => {
    const limited = await startSandbox({
      rateLimits: { windowMs: 60_000, apply: 3, applyPerAddress: 100, token: 20 },
    });
    const start = async () =>
      (
        await (
          await fetch(`${limited.url}/v1/apply-sessions`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${limited.config.adminKey}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ package: 'driver_pro' }),
          })
        ).json()
      ).session_token as string;
    const config = async (token: string) =>
      (
        await fetch(`${limited.url}/v1/apply/config`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;
    const busy = await start();
    const other = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await config(busy));
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal(await config(other), 200);
  });
});
