import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDoctor, runDoctor } from '../../server/src/doctor.ts';
import { EXAMPLE_HIERARCHY } from '@checkr-kit/sandbox';
import { liveSandbox } from './live-helpers.ts';

const base = {
  BFF_ADMIN_KEY: 'admin-key-for-live-tests-0123456789',
  SESSION_SIGNING_KEY: 'live-test-signing-key-0123456789abcdef',
  ALLOWED_ORIGINS: 'https://careers.example.com',
  DATABASE_URL: 'sqlite::memory:',
};

describe('npm run doctor', () => {
  it('against the sandbox in live configuration: one read of each API, what works and what to fix', async () => {
    // The simulators in their own process, as Checkr and Checkr Pay are.
    const sim = await liveSandbox();
    const { ok, lines } = await runDoctor({ ...base, ...sim.env });
    const text = formatDoctor(lines);
    assert.equal(ok, true, text);
    assert.match(text, /^ok {3}Checkr: .* answers GET \/v1\/account/m);
    assert.match(text, /^ok {3}Checkr Pay \(sandbox\): .* answers GET \/v0\/workers/m);
    assert.match(text, /^ok {3}Checkr: no account hierarchy \(GET \/v1\/nodes lists no node\)/m);
    assert.match(text, /^warn worker sign-in: no HOST_JWT_SECRET/m);
    const { CHECKR_API_KEY, CHECKR_PAY_SECRET_KEY, CHECKR_PAY_ACCESS_KEY } = sim.env;
    for (const secret of [CHECKR_API_KEY, CHECKR_PAY_SECRET_KEY, CHECKR_PAY_ACCESS_KEY])
      assert.ok(!text.includes(secret));

    const wrong = await runDoctor({ ...base, ...sim.env, CHECKR_PAY_SECRET_KEY: 'wrong-secret' });
    assert.equal(wrong.ok, false);
    assert.match(
      formatDoctor(wrong.lines),
      /^FIX {2}Checkr Pay: CHECKR_PAY_ACCESS_KEY\/CHECKR_PAY_SECRET_KEY refused \(401\)/m,
    );
  });

  it('names the account hierarchy, read-only', async () => {
    const sim = await liveSandbox();
    await sim.control.checkr.setHierarchy(EXAMPLE_HIERARCHY);
    const { ok, lines } = await runDoctor({ ...base, ...sim.env });
    const text = formatDoctor(lines);
    assert.equal(ok, true, text);
    assert.match(text, /^ok {3}Checkr: account hierarchy: 2 node\(s\)/m);
    assert.deepEqual(
      (await sim.control.checkr.requests()).filter((r) => r.method !== 'GET'),
      [],
      'the doctor only reads',
    );
  });

  it('a config problem is one line naming the variable', async () => {
    const { ok, lines } = await runDoctor({ CHECKR_API_KEY: 'sk_x' });
    assert.equal(ok, false);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!.text, /^Configuration error: BFF_ADMIN_KEY/);
  });
});
