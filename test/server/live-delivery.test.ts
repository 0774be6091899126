import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { michael, until } from './helpers.ts';
import type { SandboxProcess } from '@checkr-kit/sandbox';
import {
  alertReceiver,
  applyAs,
  checkrApi,
  errorLines,
  startLive,
  submit,
} from './live-helpers.ts';

const candidate = { ...michael, email: 'michael.scott@example.com' };

/** Checkr's own view of a candidate, over its API with the account's key. */
async function atCheckr(sim: SandboxProcess, id: string): Promise<Record<string, unknown>> {
  return (await checkrApi(sim, `/v1/candidates/${id}`)).body as Record<string, unknown>;
}

/** The one candidate Checkr holds. */
async function onlyCandidate(sim: SandboxProcess): Promise<string> {
  const candidates = await sim.control.checkr.candidates();
  assert.equal(candidates.length, 1);
  return candidates[0]!.id;
}

describe('live: failures an operator sees', () => {
  it('a 400 on the report order fails the item after one call, lists it, alerts once, and retries after a fix', async () => {
    const receiver = await alertReceiver();
    const { bff, sim, admin, logs } = await startLive({
      env: { ALERT_WEBHOOK_URL: receiver.url },
    });
    const route = 'POST /v1/reports';
    await sim.control.checkr.addFault({ route, kind: '400', message: 'Package not found' });
    const { sign } = await applyAs(bff, admin, candidate);
    assert.equal((await sign()).status, 201);

    const failed = async () =>
      (
        (await (await fetch(`${bff.url}/v1/outbox?state=failed`, { headers: admin })).json()) as {
          data: Array<Record<string, any>>;
        }
      ).data;
    await until(async () => (await failed()).length === 1);
    const [item] = await failed();
    assert.equal(item!.kind, 'create_report');
    assert.equal(item!.state, 'failed');
    assert.deepEqual(item!.error, { code: 'checkr_400', text: 'Package not found' });
    assert.equal(item!.attempts, 1);

    // Exactly one call: the one 400 was taken, and no report was ordered by a second try.
    await bff.outbox.drain();
    assert.equal(await sim.control.checkr.faultsRemaining(route), 0);
    assert.deepEqual(await sim.control.checkr.reports(), []);
    assert.equal(
      (await sim.control.checkr.requests()).filter((r) => `${r.method} ${r.path}` === route).length,
      1,
    );
    await until(() => receiver.alerts.length === 1);
    assert.equal(receiver.alerts[0]!.type, 'outbox_item_failed');
    assert.equal(receiver.alerts[0]!.error_code, 'checkr_400');
    assert.equal(errorLines(logs).length, 1);
    assert.ok(!JSON.stringify(receiver.alerts).includes(candidate.ssn));

    const retried = await fetch(`${bff.url}/v1/outbox/${item!.id}/retry`, {
      method: 'POST',
      headers: admin,
    });
    assert.equal(retried.status, 202);
    await until(async () => (await sim.control.checkr.reports()).length === 1);
    await until(async () => (await failed()).length === 0);
    assert.equal(receiver.alerts.length, 1);

    const unknown = await fetch(`${bff.url}/v1/outbox/ob_nothing/retry`, {
      method: 'POST',
      headers: admin,
    });
    assert.equal(unknown.status, 404);
    const anonymous = await fetch(`${bff.url}/v1/outbox?state=failed`);
    assert.equal(anonymous.status, 401);
  });

  it("Checkr's documented duplicate-report 409 fails the item at once too, keeping its text", async () => {
    const { bff, sim, admin } = await startLive();
    const { sign } = await applyAs(bff, admin, candidate);
    const checkrCandidate = await onlyCandidate(sim);
    // Three reports already ordered for this candidate today (seed 000 L2005).
    for (let i = 0; i < 3; i++) {
      const response = await checkrApi(sim, '/v1/reports', {
        candidate_id: checkrCandidate,
        package: 'tasker_standard',
      });
      assert.equal(response.status, 201);
    }
    assert.equal((await sign()).status, 201);
    await until(async () => {
      const { data } = (await (
        await fetch(`${bff.url}/v1/outbox?state=failed`, { headers: admin })
      ).json()) as { data: Array<{ error: { code: string; text: string } }> };
      return data[0]?.error.code === 'checkr_409';
    });
  });
});

describe('live: honest idempotency keys', () => {
  it('A -> B -> A -> B leaves Checkr holding B', async () => {
    const { bff, sim, admin } = await startLive();
    const a = { ...candidate, copy_requested: false };
    const b = { ...candidate, email: 'mscott@example.org', copy_requested: true };
    const { token } = await applyAs(bff, admin, a);
    await submit(bff, token, b);
    await submit(bff, token, a);
    const { candidate_id: id } = await submit(bff, token, b);
    const held = await atCheckr(sim, id);
    assert.equal(held.email, 'mscott@example.org');
    assert.equal(held.copy_requested, true);
    assert.equal(await onlyCandidate(sim), id);
  });
});

describe('live: PII left behind', () => {
  it('a session abandoned after the PII step gets a PII removal at Checkr through the outbox', async () => {
    const { bff, sim, admin } = await startLive({
      env: { PII_REMOVAL_CONTACT_EMAIL: 'privacy@example.com' },
      reconcile: { abandonAfterMs: 100, pollMs: 25 },
    });
    const { token, sessionId } = await applyAs(bff, admin, candidate, {
      prefill: { email: 'mscott@example.org', first_name: 'Michael' },
    });
    // (Not read back here: after abandonAfterMs the sweep erases any session's prefill, so it may
    // already be gone; test/server/retention.test.ts sees it stored, then erased.)
    const id = await onlyCandidate(sim);
    await until(async () => (await atCheckr(sim, id)).pii_removed === true, 10_000);
    // Exactly one removal, for that candidate, with the configured contact.
    assert.deepEqual(
      (await sim.control.checkr.piiRemovals()).map((r) => [
        r.candidate_id,
        r.deletion_contact_email_address,
      ]),
      [[id, 'privacy@example.com']],
    );
    // Issue 15: the expired session's prefill is erased with it.
    assert.deepEqual((await bff.store.getSession(sessionId))?.prefill, {});
    const held = await atCheckr(sim, id);
    assert.equal(held.ssn, null);
    assert.equal(held.email, null);
    // The abandoned session is closed: the candidate cannot sign what Checkr no longer holds.
    const config = await fetch(`${bff.url}/v1/apply/config`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(config.status, 401);
  });

  it('a consented session is never treated as abandoned', async () => {
    const { bff, sim, admin } = await startLive({
      env: { PII_REMOVAL_CONTACT_EMAIL: 'privacy@example.com' },
      reconcile: { abandonAfterMs: 1500, pollMs: 25 },
    });
    const { sign, sessionId } = await applyAs(bff, admin, candidate, {
      prefill: { email: 'mscott@example.org', phone: '+15555550100' },
    });
    assert.equal((await sign()).status, 201);
    // Issue 15: consent closes the session and erases its prefill.
    assert.deepEqual((await bff.store.getSession(sessionId))?.prefill, {});
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const id = await onlyCandidate(sim);
    assert.notEqual((await atCheckr(sim, id)).pii_removed, true);
    assert.deepEqual(await sim.control.checkr.piiRemovals(), []);
  });
});
