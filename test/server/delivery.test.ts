import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { michael, until } from './helpers.ts';
import { applyAs, liveSandbox, startLive } from './live-helpers.ts';

/**
 * A BFF in live configuration against simulators (in their own process) delivering the worst the
 * docs allow at once: no object in the events (include_object off), newer events first, every
 * event twice. The consent still ends in the report's true status and result.
 */
describe('webhooks without their object, out of order and duplicated', () => {
  it('the report still ends complete and consider', async () => {
    const sim = await liveSandbox();
    const worst = { include_object: false, out_of_order: true, duplicates: 1 };
    await sim.control.checkr.configureWebhooks(worst);
    await sim.control.pay.configureWebhooks(worst);
    const { bff, admin } = await startLive({ sandbox: sim });
    const { sessionId, sign } = await applyAs(bff, admin, { ...michael, ssn: '111-11-2002' });
    assert.equal((await sign()).status, 201);
    await until(async () => (await bff.store.getSession(sessionId))?.reportStatus === 'complete');
    const session = (await bff.store.getSession(sessionId))!;
    assert.equal(session.reportResult, 'consider');
    const reportEvents = async () =>
      (await sim.control.checkr.sentWebhooks())
        .filter((s) => s.type.startsWith('report.'))
        .map((s) => s.type);
    await until(
      async () => (await reportEvents()).filter((type) => type === 'report.created').length >= 2,
    );
    assert.deepEqual(await reportEvents(), [
      'report.completed',
      'report.completed',
      'report.created',
      'report.created',
    ]);
    // The late report.created left the status alone.
    assert.equal((await bff.store.getSession(sessionId))!.reportStatus, 'complete');
  });
});
