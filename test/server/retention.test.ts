import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auth, json, startSandbox, until } from './helpers.ts';

describe('prefill lifetime', () => {
  it('erases the prefill of a session that expires before its candidate reaches Checkr', async () => {
    const bff = await startSandbox({ reconcile: { abandonAfterMs: 150, pollMs: 25 } });
    const prefill = { email: 'pam.beesly@example.com', phone: '5705550100', first_name: 'Pam' };
    const created = await fetch(
      `${bff.url}/v1/apply-sessions`,
      auth(bff.config.adminKey, json({ package: 'driver_pro', prefill })),
    );
    assert.equal(created.status, 201);
    const { session_id: sessionId } = await created.json();
    assert.deepEqual((await bff.store.getSession(sessionId))?.prefill, prefill);

    // No candidate was ever submitted, so the abandoned-session sweep never sees this session.
    await until(async () => {
      const session = await bff.store.getSession(sessionId);
      return session && Object.keys(session.prefill).length === 0;
    });
    const session = await bff.store.getSession(sessionId);
    assert.equal(session?.status, 'open', 'a late candidate can still apply, typing it in');
    assert.equal(session?.candidateId, null);

    // The session still works: the config answers, without the erased prefill.
    const { session_token: token } = await (
      await fetch(
        `${bff.url}/v1/apply-sessions/${sessionId}/token`,
        auth(bff.config.adminKey, { method: 'POST' }),
      )
    ).json();
    const config = await fetch(`${bff.url}/v1/apply/config`, auth(token));
    assert.equal(config.status, 200);
    assert.deepEqual((await config.json()).prefill, {});
    const logged = bff.logs.join('\n');
    assert.match(logged, /prefill erased/);
    for (const value of Object.values(prefill)) assert.ok(!logged.includes(value));
  });
});
