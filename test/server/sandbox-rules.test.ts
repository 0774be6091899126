import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startStandaloneSandbox } from '@checkr-kit/sandbox';
import { LICENCE_PATTERNS, ssnError, TEXT } from '../../sandbox/src/rules/checkr-rules.ts';
import { RETRY_SCHEDULE_MINUTES, WebhookSender } from '../../sandbox/src/webhook-sender.ts';
import { EXAMPLE_HIERARCHY } from '@checkr-kit/sandbox';
import { until } from './helpers.ts';

/**
 * The Checkr simulator's own reading of the docs (seed lines in sandbox/src/rules/), in
 * particular where it used to agree with the kit and the docs say otherwise.
 */
const sim = await startStandaloneSandbox({ reportCompleteAfterMs: 10 });
after(() => sim.close());
const basic = `Basic ${Buffer.from(`${sim.checkrKey}:`).toString('base64')}`;
async function checkr(path: string, body?: unknown) {
  const response = await fetch(`${sim.env.CHECKR_API_BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: basic, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as any,
  };
}

let serial = 0;
const person = (extra: Record<string, unknown> = {}) => ({
  first_name: 'Dwight',
  middle_name: 'Kurt',
  last_name: `Schrute${serial++}`,
  email: 'dwight@dundermifflin.com',
  zipcode: '18505',
  dob: '1970-01-20',
  ssn: '111-11-2001',
  driver_license_number: 'F1112001',
  driver_license_state: 'CA',
  ...extra,
});

async function reportFor(candidate: Record<string, unknown>, pkg = 'driver_pro', extra = {}) {
  const created = await checkr('/v1/candidates', candidate);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return checkr('/v1/reports', { candidate_id: created.body.id, package: pkg, ...extra });
}

describe('Checkr simulator: candidate rules from the docs, not the kit', () => {
  it('accepts what Checkr accepts and the kit refused: long names, group 00, any phone', async () => {
    const long = 'A'.repeat(150); // no maximum length is documented
    for (const fields of [
      { first_name: long },
      { ssn: '123-00-4567' }, // not among L1361-1365's refusals
      { phone: '1234567890' }, // "string Nullable", no format (L1811)
      { first_name: 'Õscar' }, // inside À-Ö (L1278)
    ]) {
      const created = await checkr('/v1/candidates', person(fields));
      assert.equal(
        created.status,
        201,
        `${JSON.stringify(fields)}: ${JSON.stringify(created.body)}`,
      );
    }
  });

  it('refuses with the documented texts', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ssn: '666-34-3768' }, TEXT.ssnInvalid],
      [{ ssn: '967-65-4325' }, TEXT.ssnTin],
      [{ ssn: '111-11-1111' }, TEXT.ssnInvalid],
      [{ ssn: '123-45-6789' }, TEXT.ssnInvalid],
      [{ zipcode: '1850' }, TEXT.zipcodeInvalid],
      [{ email: 'dwight@gmeil.con' }, TEXT.emailInvalid],
      [{ first_name: 'Dwight!' }, TEXT.firstNameChars],
      [{ middle_name: 'K#' }, TEXT.middleNameChars],
      [{ driver_license_number: 'F111_2001' }, TEXT.licenceChars],
      [{ driver_license_state: 'XX' }, TEXT.licenceStateInvalid],
      [
        { dob: new Date(Date.now() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10) },
        TEXT.tooYoung16,
      ],
    ];
    for (const [fields, text] of cases) {
      const created = await checkr('/v1/candidates', person(fields));
      assert.equal(created.status, 400, JSON.stringify(fields));
      assert.equal(created.body.error, text, JSON.stringify(fields));
    }
  });

  it('has the 52 rows of the licence table, and reads MA and MT past their typos', () => {
    assert.equal(LICENCE_PATTERNS.size, 52);
    assert.ok(LICENCE_PATTERNS.get('MA')!.some((re) => re.test('SA1234567')));
    assert.ok(LICENCE_PATTERNS.get('MT')!.some((re) => re.test('ABC1234567890')));
    assert.ok(LICENCE_PATTERNS.get('WA')!.some((re) => re.test('SMITH**123AB')));
    assert.equal(ssnError('111-11-2001'), undefined);
  });

  it('refuses a report with a US work location without a state, another country, or an unknown node', async () => {
    const noState = await reportFor(person(), 'driver_pro', {
      work_locations: [{ country: 'US' }],
    });
    assert.equal(noState.status, 400);
    assert.equal(noState.body.error, TEXT.workLocationState);
    const abroad = await reportFor(person(), 'driver_pro', { work_locations: [{ country: 'GB' }] });
    assert.equal(abroad.status, 400);
    assert.equal(abroad.body.error, TEXT.workLocationCountry);
    const node = await reportFor(person(), 'driver_pro', { node: 'nowhere' });
    assert.equal(node.status, 400);
    assert.equal(node.body.error, TEXT.nodeNotFound);
  });

  it('checks what the package needs when the report is ordered (L1765)', async () => {
    const withoutMiddle = await reportFor(person({ middle_name: undefined }));
    assert.equal(withoutMiddle.status, 400);
    assert.match(withoutMiddle.body.error, /must have middle name/);
    const noLicence = await reportFor(
      person({ driver_license_number: undefined, driver_license_state: undefined }),
    );
    assert.equal(noLicence.status, 400);
    assert.equal(noLicence.body.error, TEXT.mvrMissing('driver_pro'));
  });
});

describe('Checkr simulator: account hierarchy (F1 L357, L1547-1726, L2382-2387)', () => {
  /** The HTTP knob, as a test in another process would set it. */
  async function setHierarchy(nodes: unknown): Promise<number> {
    const response = await fetch(`${sim.env.CHECKR_API_BASE}/__sandbox/hierarchy`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({ nodes }),
    });
    await response.body?.cancel();
    return response.status;
  }
  after(() => setHierarchy([]));

  it('has no hierarchy by default: an empty node list, and any node refused', async () => {
    const list = await checkr('/v1/nodes?include=packages');
    assert.equal(list.status, 200);
    assert.deepEqual(
      { ...list.body, data: list.body.data.length },
      { object: 'list', next_href: null, previous_href: null, count: 0, data: 0 },
    );
    const report = await reportFor(person(), 'driver_pro', { node: 'zpy8orej4r614ize' });
    assert.equal(report.status, 400);
    assert.equal(report.body.error, TEXT.nodeNotFound);
  });

  it('with nodes: refuses an order without a node, an unknown node, a package its node lacks', async () => {
    assert.equal(await setHierarchy(EXAMPLE_HIERARCHY), 200);
    const missing = await reportFor(person(), 'driver_pro');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, TEXT.nodeRequired);
    const unknown = await reportFor(person(), 'driver_pro', { node: 'nowhere' });
    assert.equal(unknown.body.error, TEXT.nodeNotFound);
    // The department is assigned tasker_standard only; driver_pro is its division's.
    const notHere = await reportFor(person(), 'driver_pro', { node: 'zpy8orej4r614ize' });
    assert.equal(notHere.status, 400);
    assert.equal(notHere.body.error, TEXT.packageNotAtNode);
    // The division offers its own packages and, inherited, its department's (L1679).
    for (const pkg of ['driver_pro', 'tasker_standard']) {
      const ordered = await reportFor(person(), pkg, { node: 'ocquzig4k3whppfx' });
      assert.equal(ordered.status, 201, `${pkg}: ${JSON.stringify(ordered.body)}`);
    }
  });

  it('lists nodes page by page, with packages only when asked (L1668-1705)', async () => {
    const nodes = Array.from({ length: 5 }, (_, i) => ({
      custom_id: `node-${4 - i}`,
      name: `Node ${i}`,
      tier: 'site',
      parent_custom_id: i === 0 ? null : 'node-4',
      packages: i === 0 ? ['tasker_standard'] : [`extra_${i}`],
    }));
    assert.equal(await setHierarchy(nodes), 200);
    const first = await checkr('/v1/nodes?per_page=2&include=packages');
    assert.equal(first.body.count, 5);
    assert.deepEqual(
      first.body.data.map((n: any) => [n.custom_id, n.packages]),
      [
        ['node-4', ['tasker_standard']],
        ['node-3', ['extra_1', 'tasker_standard']],
      ],
    );
    assert.equal(first.body.previous_href, null);
    const next = new URL(first.body.next_href);
    assert.equal(next.searchParams.get('page'), '2');
    const third = await checkr(`/v1/nodes?per_page=2&page=3&order_by=custom_id&order=desc`);
    assert.deepEqual(
      third.body.data.map((n: any) => n.custom_id),
      ['node-0'],
    );
    assert.equal(third.body.next_href, null);
    assert.ok(!('packages' in third.body.data[0]));
    for (const bad of ['page=0', 'per_page=101', 'order_by=name', 'include=users'])
      assert.equal((await checkr(`/v1/nodes?${bad}`)).status, 400, bad);
  });

  it('refuses a hierarchy knob it cannot simulate: duplicates, unknown parents, cycles', async () => {
    const node = (custom_id: string, parent_custom_id: string | null = null) => ({
      custom_id,
      name: custom_id,
      tier: 't',
      parent_custom_id,
    });
    assert.equal(await setHierarchy([node('a'), node('a')]), 400);
    assert.equal(await setHierarchy([node('a', 'b')]), 400);
    assert.equal(await setHierarchy([node('a', 'b'), node('b', 'a')]), 400);
    assert.equal(await setHierarchy('example'), 400);
  });
});

describe('Checkr simulator: test mode as documented', () => {
  const finished = async (id: string) => {
    await until(async () => (await checkr(`/v1/reports/${id}`)).body.status === 'complete');
    return (await checkr(`/v1/reports/${id}`)).body;
  };

  it('test SSNs drive criminal screenings, test licences the MVR (F1 L1096-1117)', async () => {
    const clear = await reportFor(person());
    assert.equal((await finished(clear.body.id)).result, 'clear');
    const ssnConsider = await reportFor(person({ ssn: '111-11-2002' }));
    assert.equal((await finished(ssnConsider.body.id)).result, 'consider');
    const mvrConsider = await reportFor(person({ driver_license_number: 'F1112002' }));
    assert.equal((await finished(mvrConsider.body.id)).result, 'consider');
  });

  it('other data stays pending, as staging leaves it (F0 L278), unless a knob completes it', async () => {
    const pending = await reportFor(person({ ssn: '847-43-4645' }));
    const mvrOnlyOther = await reportFor(person({ driver_license_number: 'F2111655' }));
    const stillPending = await reportFor(person({ ssn: '111-11-2010' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const report of [pending, mvrOnlyOther, stillPending])
      assert.equal((await checkr(`/v1/reports/${report.body.id}`)).body.status, 'pending');
    const knob = await fetch(`${sim.env.CHECKR_API_BASE}/__sandbox/test-data`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({ other_data: 'clear' }),
    });
    assert.equal(knob.status, 200);
    try {
      const completed = await reportFor(person({ ssn: '847-43-4645' }));
      assert.equal((await finished(completed.body.id)).result, 'clear');
    } finally {
      sim.checkr.otherData = 'pending';
    }
  });

  it('takes every one of the 25 documented document types (F1 L4248) and no other', async () => {
    const created = await checkr('/v1/candidates', person());
    const upload = (type: string) => {
      const form = new FormData();
      form.set('type', type);
      form.set(
        'file',
        new File([new Uint8Array([37, 80, 68, 70])], 'x.pdf', { type: 'application/pdf' }),
      );
      return fetch(`${sim.env.CHECKR_API_BASE}/v1/candidates/${created.body.id}/documents`, {
        method: 'POST',
        headers: { authorization: basic },
        body: form,
      });
    };
    const types = (await import('../../sandbox/src/rules/checkr-rules.ts')).DOCUMENT_TYPES;
    assert.equal(types.length, 25);
    for (const type of types) assert.equal((await upload(type)).status, 201, type);
    assert.equal((await upload('resume')).status, 400);
  });
});

describe('Checkr simulator: rate limits and webhooks', () => {
  it('sends the rate-limit headers on every answer, a 401 included, with the end of the minute as reset', async () => {
    const ok = await checkr('/v1/packages');
    const refused = await fetch(`${sim.env.CHECKR_API_BASE}/v1/packages`);
    for (const headers of [ok.headers, refused.headers]) {
      assert.equal(headers.get('x-ratelimit-limit'), '600');
      const reset = Date.parse(headers.get('x-ratelimit-reset')!);
      assert.equal(reset % 60_000, 0);
      assert.ok(reset > Date.now() - 1000);
    }
    assert.equal(refused.status, 401);
  });

  it('Checkr Pay sends them on every answer too, and its 429 in the documented error structure', async () => {
    const response = await fetch(`${sim.env.CHECKR_PAY_API_BASE}v0/workers`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('x-ratelimit-limit'), '600');
    sim.pay.rateLimitPerMinute = 0;
    try {
      const limited = await fetch(`${sim.env.CHECKR_PAY_API_BASE}v0/workers`);
      assert.equal(limited.status, 429);
      assert.deepEqual(await limited.json(), {
        http_code: 429,
        error_message: 'Too Many Requests',
      });
    } finally {
      sim.pay.rateLimitPerMinute = 600;
    }
  });

  it('retries on the documented schedule: 10 a minute apart, then 24 an hour apart (F1 L617)', () => {
    assert.equal(RETRY_SCHEDULE_MINUTES.length, 34);
    assert.deepEqual(RETRY_SCHEDULE_MINUTES.slice(0, 11), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 60]);
    assert.equal(
      RETRY_SCHEDULE_MINUTES.reduce((a, b) => a + b, 0),
      10 + 24 * 60,
    );
  });
});

describe('webhook delivery knobs', () => {
  async function receiver(failFirst = 0) {
    const got: Array<{ at: number; body: any }> = [];
    let calls = 0;
    const app = express();
    app.post('/hook', express.json(), (req, res) => {
      calls += 1;
      if (calls <= failFirst) return void res.status(503).end();
      got.push({ at: Date.now(), body: req.body });
      res.status(204).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return { got, url, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('retries a failing receiver on the schedule compressed by the time scale', async () => {
    const hook = await receiver(2);
    const sender = new WebhookSender('X-Sig', () => 'k', 'Test/1', 'checkr');
    sender.url = hook.url;
    sender.configure({ timeScale: 1 / 6000 }); // a minute is 10 ms
    await sender.send('report.completed', { id: 'r1', object: 'report', uri: '/v1/reports/r1' });
    await until(() => hook.got.length === 1);
    assert.deepEqual(
      sender.sent.map((s) => [s.attempt, s.status]),
      [
        [0, 503],
        [1, 503],
        [2, 204],
      ],
    );
    sender.stop();
    await hook.close();
  });

  it('duplicates (same id), delays, drops the object, and lets a newer event overtake', async () => {
    const hook = await receiver();
    const sender = new WebhookSender('X-Sig', () => 'k', 'Test/1', 'checkr');
    sender.url = hook.url;
    sender.configure({ includeObject: false, outOfOrder: true, duplicates: 1, delayMs: 20 });
    const report = { id: 'r2', object: 'report', uri: '/v1/reports/r2', status: 'pending' };
    await sender.send('report.created', report);
    await sender.send('report.completed', { ...report, status: 'complete' });
    await until(() => hook.got.length === 4);
    const types = hook.got.map((g) => g.body.type);
    assert.deepEqual(types, [
      'report.completed',
      'report.completed',
      'report.created',
      'report.created',
    ]);
    assert.equal(hook.got[0]!.body.id, hook.got[1]!.body.id);
    assert.deepEqual(hook.got[0]!.body.data.object, {
      id: 'r2',
      object: 'report',
      uri: '/v1/reports/r2',
    });
    sender.stop();
    await hook.close();
  });

  it('Checkr Pay events carry createdAt (002 L393-398), Checkr events created_at (F0 L663-671)', async () => {
    const hook = await receiver();
    const pay = new WebhookSender('X-Checkrpay-Signature', () => 'k', 'Test/1', 'checkr-pay');
    const checkrSender = new WebhookSender('X-Checkr-Signature', () => 'k', 'Test/1', 'checkr');
    pay.url = hook.url;
    checkrSender.url = hook.url;
    await pay.send('worker.created', { id: 'w1', object: 'worker' });
    await checkrSender.send('candidate.created', { id: 'c1', object: 'candidate' });
    await until(() => hook.got.length === 2);
    const [payEvent, checkrEvent] = hook.got.map((g) => g.body);
    assert.ok(payEvent.createdAt && !('created_at' in payEvent));
    assert.ok(checkrEvent.created_at && !('createdAt' in checkrEvent));
    await hook.close();
  });

  it('refuses an unknown knob or a bad value over HTTP', async () => {
    const post = (body: unknown) =>
      fetch(`${sim.env.CHECKR_API_BASE}/__sandbox/webhooks`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await post({ includeObject: false })).status, 400);
    assert.equal((await post({ duplicates: 99 })).status, 400);
    const ok = await post({ include_object: false });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).include_object, false);
    sim.checkr.webhooks.configure({ includeObject: true });
  });
});
