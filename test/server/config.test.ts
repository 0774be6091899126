import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/config.ts';

describe('config', () => {
  it('no keys at all is sandbox mode', () => {
    const config = parseConfig({});
    assert.equal(config.sandbox, true);
    assert.equal(config.checkr, undefined);
    assert.equal(config.databaseUrl, 'sqlite:.data/checkr-kit.sqlite');
  });

  it('keeps consent evidence five years by default, and refuses a retention that makes no sense', () => {
    assert.equal(parseConfig({}).consentRetentionDays, 1826);
    assert.equal(parseConfig({ CONSENT_RETENTION_DAYS: '2555' }).consentRetentionDays, 2555);
    for (const [value, message] of [
      ['0', 'must be at least 365 days: Checkr audits consent evidence every year'],
      ['-1826', 'must be at least 365 days: Checkr audits consent evidence every year'],
      ['1826.5', 'must be a whole number of days, like 1826 (five years)'],
      ['5y', 'must be a whole number of days, like 1826 (five years)'],
      ['1e9', 'must be at most 36525 days (100 years)'],
    ]) {
      assert.throws(
        () => parseConfig({ CONSENT_RETENTION_DAYS: value }),
        (error: Error) =>
          error.message === `Configuration error: CONSENT_RETENTION_DAYS ${message}`,
        value,
      );
    }
  });

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
      (error: Error) =>
        /BFF_ADMIN_KEY is required when real keys are set/.test(error.message) &&
        !error.message.includes(secret),
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

  it('refuses a database it cannot use, in one line', () => {
    assert.throws(
      () => parseConfig({ DATABASE_URL: 'mysql://db.example.com/kit' }),
      /^Error: Configuration error: DATABASE_URL must be sqlite:<path> \(one process\) or postgres:/,
    );
    assert.equal(parseConfig({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl, 'sqlite::memory:');
    const pg = parseConfig({
      DATABASE_URL: 'postgres://kit:pw@db.example.com/kit',
      DATABASE_POOL_MAX: '20',
    });
    assert.equal(pg.databaseUrl, 'postgres://kit:pw@db.example.com/kit');
    assert.deepEqual([pg.databasePoolMax, pg.databaseStatementTimeoutMs], [20, 5000]);
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
