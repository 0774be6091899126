import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import type { SandboxControlError } from '@checkr-kit/sandbox';
import { EXAMPLE_HIERARCHY, startSandboxProcess } from '@checkr-kit/sandbox';
import { michael, until } from './helpers.ts';

/**
 * The sandbox's admin routes, as a customer's CI uses them: the simulators in their own process
 * (`npm run sandbox`), every knob and inspection over HTTP through `SandboxControl`.
 */
const sandbox = await startSandboxProcess({ reportCompleteAfterMs: 30 });
after(() => sandbox.close());
const { control, env } = sandbox;

// A webhook receiver standing in for a BFF: it keeps the types it got.
const got: Array<{ path: string; type: string; object: Record<string, unknown> }> = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const event = JSON.parse(body);
    got.push({ path: req.url!, type: event.type, object: event.data.object });
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const basic = `Basic ${Buffer.from(`${env.CHECKR_API_KEY}:`).toString('base64')}`;
const payHeaders = {
  'x-checkr-pay-access-key': env.CHECKR_PAY_ACCESS_KEY,
  'x-checkr-pay-secret-key': env.CHECKR_PAY_SECRET_KEY,
  'content-type': 'application/json',
};

async function checkr(path: string, body?: unknown) {
  const response = await fetch(`${env.CHECKR_API_BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: basic, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function newWorker(email: string) {
  const response = await fetch(`${env.CHECKR_PAY_API_BASE}v0/workers`, {
    method: 'POST',
    headers: payHeaders,
    body: JSON.stringify({ profile: { email }, metadata: email }),
  });
  assert.equal(response.status, 201);
  return (await response.json()) as { id: string; temporaryAuthenticationToken: string };
}

describe('sandbox admin routes, over HTTP to another process', () => {
  it('runs in its own process, and stops when closed', async () => {
    assert.ok(sandbox.child.pid && sandbox.child.pid !== process.pid);
    const other = await startSandboxProcess();
    assert.notEqual(other.url, sandbox.url);
    await other.close();
    assert.ok(other.child.exitCode !== null || other.child.signalCode !== null);
    await assert.rejects(fetch(`${other.env.CHECKR_API_BASE}/v1/packages`));
  });

  it('refuses a caller without the key: 401 in each service shape', async () => {
    const anonymous = await fetch(`${env.CHECKR_API_BASE}/__sandbox/candidates`);
    assert.equal(anonymous.status, 401);
    assert.deepEqual(await anonymous.json(), { error: 'Bad authentication error' });
    const wrongPay = await fetch(`${env.CHECKR_PAY_API_BASE}__sandbox/workers`, {
      headers: { ...payHeaders, 'x-checkr-pay-secret-key': 'wrong' },
    });
    assert.equal(wrongPay.status, 401);
    assert.equal((await wrongPay.json()).error_code, 'unauthorized');
  });

  it('faults: queued, listed with what is left, taken by real calls, cleared', async () => {
    await control.reset();
    await control.checkr.addFault({
      route: 'POST /v1/reports',
      kind: '400',
      message: 'Package not found',
    });
    await control.checkr.addFault({ route: 'POST /v1/candidates', kind: '500', count: 2 });
    assert.deepEqual(await control.checkr.faults(), [
      { route: 'POST /v1/reports', kind: '400', remaining: 1, message: 'Package not found' },
      { route: 'POST /v1/candidates', kind: '500', remaining: 2 },
    ]);
    assert.equal((await checkr('/v1/candidates', michael)).status, 500);
    assert.equal(await control.checkr.faultsRemaining('POST /v1/candidates'), 1);
    await control.checkr.clearFaults();
    assert.equal(await control.checkr.faultsRemaining('POST /v1/candidates'), 0);
    assert.equal((await checkr('/v1/candidates', michael)).status, 201);
    // Checkr Pay: its own kinds; a 400 fault is Checkr's alone.
    await assert.rejects(
      control.pay.addFault({ route: 'POST /v0/workers', kind: '400' }),
      (error: SandboxControlError) => error.status === 400,
    );
    await control.pay.addFault({ route: 'POST /v0/workers', kind: '500' });
    const refused = await fetch(`${env.CHECKR_PAY_API_BASE}v0/workers`, {
      method: 'POST',
      headers: payHeaders,
      body: JSON.stringify({ profile: { email: 'a@example.com' } }),
    });
    assert.equal((await refused.json()).error_code, 'unexpected_error');
    await assert.rejects(
      control.checkr.addFault({ route: 'POST /v1/reports', kind: '500', count: 0 }),
      /count must be a whole number/,
    );
  });

  it('webhooks: target, delivery knobs and per-type delays read back as written; a bad body changes nothing', async () => {
    await control.reset();
    const before = await control.checkr.webhooks();
    assert.equal(before.include_object, true);
    const settings = await control.checkr.configureWebhooks({
      url: `${hooks}/checkr`,
      include_object: false,
      duplicates: 1,
      delay_ms_by_type: { 'report.created': 200 },
    });
    assert.deepEqual(settings, {
      ...before,
      url: `${hooks}/checkr`,
      include_object: false,
      duplicates: 1,
      delay_ms_by_type: { 'report.created': 200 },
    });
    for (const bad of [
      { includeObject: false },
      { duplicates: 99 },
      { url: 'ftp://x' },
      { delay_ms_by_type: { 'report.created': -1 } },
      { include_object: true, nonsense: 1 },
    ]) {
      await assert.rejects(
        control.checkr.configureWebhooks(bad as never),
        (error: SandboxControlError) => error.status === 400,
      );
    }
    assert.deepEqual(await control.checkr.webhooks(), settings);
    await control.checkr.configureWebhooks({ url: null });
    assert.equal((await control.checkr.webhooks()).url, null);
  });

  it('the webhook log and what Checkr holds: candidates, reports, uploads, PII removals', async () => {
    await control.reset();
    got.length = 0;
    await control.sendWebhooksTo(hooks);
    await control.checkr.configureWebhooks({ include_object: false });
    const candidate = await checkr('/v1/candidates', { ...michael, ssn: '111-11-2002' });
    assert.equal(candidate.status, 201);
    const report = await checkr('/v1/reports', {
      candidate_id: candidate.body.id,
      package: 'tasker_standard',
      work_locations: [{ country: 'US', state: 'PA' }],
    });
    assert.equal(report.status, 201);
    await until(async () =>
      (await control.checkr.sentWebhooks()).some((s) => s.type === 'report.completed'),
    );
    // Logged as each answer comes back, so two events in flight at once may swap places.
    const sent = await control.checkr.sentWebhooks();
    assert.deepEqual(sent.map((s) => `${s.type} ${s.attempt} ${s.status}`).sort(), [
      'candidate.created 0 200',
      'report.completed 0 200',
      'report.created 0 200',
    ]);
    // include_object off reached the receiver: ids only.
    assert.deepEqual(Object.keys(got.find((g) => g.type === 'report.completed')!.object).sort(), [
      'id',
      'object',
      'uri',
    ]);
    assert.equal(got[0]!.path, '/v1/webhooks/checkr');

    const [held] = await control.checkr.candidates();
    assert.equal(held!.id, candidate.body.id);
    assert.equal(held!.ssn, 'XXX-XX-2002', 'masked as the API masks it');
    const reports = await control.checkr.reports();
    assert.deepEqual(
      reports.map((r) => [r.id, r.candidate_id, r.status, r.result]),
      [[report.body.id, candidate.body.id, 'complete', 'consider']],
    );

    const form = new FormData();
    form.append('type', 'consent');
    form.append('file', new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'consent.pdf');
    const upload = await fetch(`${env.CHECKR_API_BASE}/v1/candidates/${held!.id}/documents`, {
      method: 'POST',
      headers: { authorization: basic },
      body: form,
    });
    assert.equal(upload.status, 201);
    assert.deepEqual(
      (await control.checkr.documents()).map((d) => [d.candidate_id, d.type]),
      [[held!.id, 'consent']],
    );

    assert.deepEqual(await control.checkr.piiRemovals(), []);
    const removal = await fetch(`${env.CHECKR_API_BASE}/v1/candidates/${held!.id}/pii`, {
      method: 'DELETE',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({ deletion_contact_email_address: 'privacy@example.com' }),
    });
    assert.equal(removal.status, 200);
    const removals = await control.checkr.piiRemovals();
    assert.deepEqual(
      removals.map((r) => [r.candidate_id, r.deletion_contact_email_address]),
      [[held!.id, 'privacy@example.com']],
    );
  });

  it('test data: how other data completes, and when', async () => {
    await control.reset();
    const started = await control.checkr.testData();
    assert.deepEqual(started, { other_data: 'pending', complete_after_ms: 30 });
    assert.deepEqual(await control.checkr.testData({ other_data: 'clear', complete_after_ms: 5 }), {
      other_data: 'clear',
      complete_after_ms: 5,
    });
    await assert.rejects(control.checkr.testData({ other_data: 'maybe' as never }), /other_data/);
    const candidate = await checkr('/v1/candidates', { ...michael, ssn: '847-43-4645' });
    await checkr('/v1/reports', {
      candidate_id: candidate.body.id,
      package: 'tasker_standard',
      work_locations: [{ country: 'US', state: 'PA' }],
    });
    await until(async () => (await control.checkr.reports())[0]?.result === 'clear');
    await control.checkr.reset();
    assert.deepEqual(await control.checkr.testData(), started);
  });

  it('Checkr Pay: workers, a status change with its event, whether a TAT was redeemed', async () => {
    await control.reset();
    got.length = 0;
    await control.sendWebhooksTo(hooks);
    const worker = await newWorker('w1@example.com');
    assert.deepEqual(
      (await control.pay.workers()).map((w) => [w.id, w.status, w.metadata]),
      [[worker.id, 'require_pii', 'w1@example.com']],
    );
    assert.deepEqual(await control.pay.token(worker.temporaryAuthenticationToken), {
      worker_id: worker.id,
      redeemed: false,
    });
    const onboarded = await control.pay.setWorkerStatus(worker.id, 'onboarded');
    assert.equal(onboarded.status, 'onboarded');
    await until(() => got.some((g) => g.type === 'worker.onboarded'));
    const event = got.find((g) => g.type === 'worker.onboarded')!;
    assert.equal(event.path, '/v1/webhooks/checkr-pay');
    assert.equal(event.object.status, 'onboarded');
    await control.pay.setWorkerStatus(worker.id, 'active');
    await until(() => got.some((g) => g.type === 'worker.activated'));
    for (const status of ['pending', 'constructor', 'nonsense'])
      await assert.rejects(control.pay.setWorkerStatus(worker.id, status), /status must be one of/);
    await assert.rejects(
      control.pay.setWorkerStatus('no-such-worker', 'onboarded'),
      (error: SandboxControlError) => error.status === 404,
    );
    const sent = await until(async () => {
      const log = await control.pay.sentWebhooks();
      return log.length === 3 && log;
    });
    assert.deepEqual(sent.map((s) => s.type).sort(), [
      'worker.activated',
      'worker.created',
      'worker.onboarded',
    ]);
  });

  it('reset: both simulators empty, knobs back to start-up, the webhook target kept', async () => {
    await control.sendWebhooksTo(hooks);
    await checkr('/v1/candidates', michael);
    await newWorker('w2@example.com');
    await control.checkr.addFault({ route: 'GET /v1/packages', kind: '429' });
    await control.checkr.configureWebhooks({ out_of_order: true, delay_ms_by_type: { x: 1 } });
    await control.checkr.setHierarchy(EXAMPLE_HIERARCHY);
    assert.equal((await control.checkr.hierarchy()).length, 2);
    assert.deepEqual(
      (await control.checkr.requests()).map((r) => `${r.method} ${r.path}`),
      ['POST /v1/candidates'],
      'the API requests, not the admin calls',
    );
    await control.reset();
    assert.deepEqual(await control.checkr.hierarchy(), []);
    assert.deepEqual(await control.checkr.requests(), []);
    assert.deepEqual(await control.checkr.candidates(), []);
    assert.deepEqual(await control.checkr.reports(), []);
    assert.deepEqual(await control.checkr.sentWebhooks(), []);
    assert.deepEqual(await control.checkr.faults(), []);
    assert.deepEqual(await control.pay.workers(), []);
    assert.deepEqual(await control.pay.sentWebhooks(), []);
    const settings = await control.checkr.webhooks();
    assert.equal(settings.out_of_order, false);
    assert.deepEqual(settings.delay_ms_by_type, {});
    assert.equal(settings.url, `${hooks}/v1/webhooks/checkr`);
    assert.equal((await checkr('/v1/packages')).status, 200);
  });

  it('admin calls are not Checkr API calls: they do not count against its rate limit', async () => {
    await control.reset();
    const first = await checkr('/v1/packages');
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    for (let i = 0; i < 20; i++) await control.checkr.candidates();
    const admin = await fetch(`${env.CHECKR_API_BASE}/__sandbox/candidates`, {
      headers: { authorization: basic },
    });
    assert.equal(admin.headers.get('x-ratelimit-remaining'), null);
    const second = await checkr('/v1/packages');
    assert.equal(Number(second.headers.get('x-ratelimit-remaining')), remaining - 1);
  });
});
