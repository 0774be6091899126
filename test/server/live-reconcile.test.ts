import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { michael, until } from './helpers.ts';
import type { SandboxProcess } from '@checkr-kit/sandbox';
import { alertReceiver, applyAs, startLive } from './live-helpers.ts';

/** The report as the admin routes show it. */
async function reportOf(url: string, admin: Record<string, string>) {
  const { data } = (await (await fetch(`${url}/v1/consents`, { headers: admin })).json()) as {
    data: Array<{ id: string; report: { id: string; status: string; result: string | null } }>;
  };
  return data[0]?.report;
}

/** Checkr has delivered report.created (the event the tests hold back). */
async function reportCreatedDelivered(sim: SandboxProcess): Promise<boolean> {
  return (await sim.control.checkr.sentWebhooks()).some((e) => e.type === 'report.created');
}

describe('live: reconciliation', () => {
  it('include_object off: events carry no report, the BFF fetches it and ends complete and clear', async () => {
    const { bff, sim, admin, logs } = await startLive();
    // report.created arrives after report.completed.
    await sim.control.checkr.configureWebhooks({
      include_object: false,
      delay_ms_by_type: { 'report.created': 400 },
    });
    const { sign } = await applyAs(bff, admin, michael);
    assert.equal((await sign()).status, 201);
    await until(() => reportCreatedDelivered(sim), 10_000);
    const report = await reportOf(bff.url, admin);
    assert.equal(report?.status, 'complete');
    assert.equal(report?.result, 'clear');
    const [consent] = (
      (await (await fetch(`${bff.url}/v1/consents`, { headers: admin })).json()) as {
        data: Array<{ id: string }>;
      }
    ).data;
    const detail = (await (
      await fetch(`${bff.url}/v1/consents/${consent!.id}`, { headers: admin })
    ).json()) as { events: Array<{ type: string }> };
    // Every event about the candidate and the report is surfaced with the consent.
    const types = detail.events.map((e) => e.type);
    for (const type of ['candidate.created', 'report.created', 'report.completed'])
      assert.ok(types.includes(type), `${type} in ${types.join(', ')}`);
    assert.ok(!logs.join('\n').includes(michael.ssn));
  });

  it('include_object on, out of order: an older report.created never overwrites the completed report', async () => {
    const { bff, sim, admin, logs } = await startLive();
    await sim.control.checkr.configureWebhooks({ delay_ms_by_type: { 'report.created': 400 } });
    const { sign } = await applyAs(bff, admin, { ...michael, ssn: '111-11-2002' });
    assert.equal((await sign()).status, 201);
    await until(() => reportCreatedDelivered(sim), 10_000);
    assert.deepEqual(
      { ...(await reportOf(bff.url, admin)), id: undefined },
      { id: undefined, status: 'complete', result: 'consider' },
    );
    assert.ok(logs.some((line) => line.includes('older report state ignored')));
  });

  it('missed webhooks: a report not yet terminal is fetched again; one that never completes raises one alert', async () => {
    const receiver = await alertReceiver();
    const { bff, sim, admin } = await startLive({
      env: { ALERT_WEBHOOK_URL: receiver.url },
      reconcile: { recheckAfterMs: 50, completionAlertAfterMs: 300, pollMs: 25 },
    });
    await sim.control.checkr.configureWebhooks({ url: null }); // every webhook missed
    const done = await applyAs(bff, admin, michael);
    assert.equal((await done.sign()).status, 201);
    await until(async () => (await reportOf(bff.url, admin))?.status === 'complete', 10_000);
    assert.deepEqual(await sim.control.checkr.sentWebhooks(), [], 'no event reached the BFF');

    // 111-11-2010 stays pending at Checkr (legacy test mode, seed 001 L1108).
    const stuck = await applyAs(bff, admin, { ...michael, ssn: '111-11-2010' });
    assert.equal((await stuck.sign()).status, 201);
    await until(() => receiver.alerts.length === 1, 10_000);
    assert.equal(receiver.alerts[0]!.type, 'report_completion_missed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(receiver.alerts.length, 1);
  });
});
