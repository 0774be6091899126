import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../server/src/app.ts';
import { parseConfig } from '../../server/src/config.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { serve } from './helpers.ts';

describe('BFF app over HTTP', async () => {
  const logger = memoryLogger();
  const base = await serve(createApp({ config: parseConfig({}), logger }));

  it('answers /healthz in sandbox mode when no keys are set', async () => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', mode: 'sandbox' });
  });

  it('answers unknown routes in the one error shape, with no stack', async () => {
    const response = await fetch(`${base}/v1/nope?ssn=111-11-2001`);
    assert.equal(response.status, 404);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), { errors: [{ code: 'not_found', title: 'No such route' }] });
    assert.ok(!text.includes('at '), 'no stack trace');
  });

  it('serves the careers demo page under a strict CSP', async () => {
    const response = await fetch(`${base}/demo/careers`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(await response.text(), /<ck-ssn-field/);
  });
});

describe('config', () => {
  it('needs both Checkr Pay keys or neither, naming the missing one', () => {
    assert.throws(
      () => parseConfig({ CHECKR_PAY_ACCESS_KEY: 'access' }),
      /^Error: Configuration error: CHECKR_PAY_SECRET_KEY is required with CHECKR_PAY_ACCESS_KEY$/,
    );
  });

  it('needs an admin key, a signing key and allowed origins with real keys, never echoing values', () => {
    const secret = 'sk_live_should_never_be_echoed';
    assert.throws(
      () => parseConfig({ CHECKR_API_KEY: secret }),
      (error: Error) => {
        assert.match(error.message, /BFF_ADMIN_KEY is required when real keys are set/);
        assert.ok(!error.message.includes(secret));
        return true;
      },
    );
    assert.throws(
      () =>
        parseConfig({
          CHECKR_API_KEY: secret,
          BFF_ADMIN_KEY: 'a'.repeat(24),
          SESSION_SIGNING_KEY: 'short',
        }),
      /SESSION_SIGNING_KEY must be at least 32 characters/,
    );
    assert.throws(
      () =>
        parseConfig({
          CHECKR_API_KEY: secret,
          BFF_ADMIN_KEY: 'a'.repeat(24),
          SESSION_SIGNING_KEY: 'b'.repeat(32),
          ALLOWED_ORIGINS: 'https://careers.example.com/path',
        }),
      /ALLOWED_ORIGINS.*is not an origin/,
    );
  });

  it('picks the Checkr Pay API and CDN bases from CHECKR_PAY_ENV', () => {
    const config = parseConfig({
      CHECKR_PAY_ACCESS_KEY: 'a',
      CHECKR_PAY_SECRET_KEY: 'b',
      CHECKR_PAY_ENV: 'production',
      BFF_ADMIN_KEY: 'a'.repeat(24),
      SESSION_SIGNING_KEY: 'b'.repeat(32),
      ALLOWED_ORIGINS: 'https://careers.example.com, https://wallet.example.com',
    });
    assert.equal(config.sandbox, false);
    assert.equal(config.pay?.apiBase, 'https://api.checkrpay.com/customer/');
    assert.equal(config.pay?.embedBase, 'https://cdn.checkrpay.com');
    assert.deepEqual(config.allowedOrigins, [
      'https://careers.example.com',
      'https://wallet.example.com',
    ]);
    assert.ok(Object.isFrozen(config));
  });
});
