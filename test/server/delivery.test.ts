import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startStandaloneSandbox } from '@checkr-kit/sandbox';
import { michael, until } from './helpers.ts';
import { applyAs, startLive } from './live-helpers.ts';

/**
 * A BFF in live configuration against simulators delivering the worst the docs allow at once:
 * no object in the events (include_object off), newer events first, every event twice. The
 * consent still ends in the report's true status and result.
 */
describe('webhooks without their object, out of order and duplicated', () => {
  it('the report still ends complete and consider', async () => {
    const sim = await startStandaloneSandbox({
      reportCompleteAfterMs: 50,
      delivery: { includeObject: false, outOfOrder: true, duplicates: 1 },
    });
    after(() => sim.close());
    const { bff, admin } = await startLive({ sandbox: sim });
    const { sessionId, sign } = await applyAs(bff, admin, { ...michael, ssn: '111-11-2002' });
    assert.equal((await sign()).status, 201);
    await until(async () => (await bff.store.getSession(sessionId))?.reportStatus === 'complete');
    const session = (await bff.store.getSession(sessionId))!;
    assert.equal(session.reportResult, 'consider');
    await until(
      () => sim.checkr.webhooks.sent.filter((s) => s.type === 'report.created').length >= 2,
    );
    const order = sim.checkr.webhooks.sent
      .filter((s) => s.type.startsWith('report.'))
      .map((s) => s.type);
    assert.deepEqual(order, [
      'report.completed',
      'report.completed',
      'report.created',
      'report.created',
    ]);
    // The late report.created left the status alone.
    assert.equal((await bff.store.getSession(sessionId))!.reportStatus, 'complete');
  });
});
