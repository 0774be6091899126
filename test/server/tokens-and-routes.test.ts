import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { auth, json, readyToSign, startSandbox } from './helpers.ts';

/** Finding 5 (tokens with no or a far expiry, HEAD minting a token) and 7 (a lost consent id). */
const bff = await startSandbox();

async function session() {
  const created = await fetch(
    `${bff.url}/v1/apply-sessions`,
    auth(bff.config.adminKey, json({ package: 'driver_pro' })),
  );
  return (await created.json()).session_id as string;
}

/** A token signed with the BFF's own key, shaped as the attacker chose. */
function forge(sessionId: string, expiry: 'none' | number) {
  const jwt = new SignJWT({ scope: 'apply' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('checkr-kit-bff')
    .setSubject(sessionId)
    .setAudience(`http://localhost:${bff.port}`)
    .setIssuedAt();
  if (expiry !== 'none') jwt.setExpirationTime(expiry);
  return jwt.sign(new TextEncoder().encode(bff.config.sessionSigningKey));
}

describe('apply session tokens', () => {
  it('refuse a token without exp, and one that lives longer than SESSION_TTL_SECONDS', async () => {
    const id = await session();
    const now = Math.floor(Date.now() / 1000);
    for (const expiry of [
      'none',
      now + 10 * 365 * 86_400,
      now + bff.config.sessionTtlSeconds + 60,
    ] as const) {
      const response = await fetch(`${bff.url}/v1/apply/config`, auth(await forge(id, expiry)));
      assert.equal(response.status, 401, String(expiry));
      assert.equal((await response.json()).errors[0].code, 'session_invalid');
    }
    const fair = await fetch(
      `${bff.url}/v1/apply/config`,
      auth(await forge(id, now + bff.config.sessionTtlSeconds)),
    );
    assert.equal(fair.status, 200);
  });
});

describe('HEAD on token routes', () => {
  it('is refused with 405 (Express would run the GET handler)', async () => {
    const pay = await fetch(`${bff.url}/v1/pay/token`, { method: 'HEAD' });
    assert.equal(pay.status, 405);
    assert.equal(pay.headers.get('allow'), 'GET');
    const config = await fetch(`${bff.url}/v1/apply/config`, { method: 'HEAD' });
    assert.equal(config.status, 405);
  });
});

describe('a consent submitted again after it was committed', () => {
  it('answers with the same consent id rather than session_closed', async () => {
    const { token, consent } = await readyToSign(bff);
    const first = await fetch(`${bff.url}/v1/apply/consent`, auth(token, json(consent)));
    assert.equal(first.status, 201);
    const signed = await first.json();
    const retry = await fetch(`${bff.url}/v1/apply/consent`, auth(token, json(consent)));
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), signed);
    assert.equal(
      (await bff.store.listConsents(1000)).filter((c) => c.id === signed.consent_id).length,
      1,
    );
  });
});
