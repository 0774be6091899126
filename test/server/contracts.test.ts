import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { EXAMPLE_HIERARCHY, startStandaloneSandbox } from '@checkr-kit/sandbox';
import { auth, json, michael, startSandbox, until } from './helpers.ts';

/**
 * Contract fixtures: the seeds' request and response samples, transcribed as JSON with their
 * line numbers (sandbox/contracts/). The simulators' answers and the BFF clients' requests must
 * carry the samples' field names with the samples' types, so a renamed or retyped field on
 * either side fails here.
 */
interface Fixture {
  name: string;
  seed: string;
  method: string;
  path: string;
  request?: { lines: [number, number]; body: Record<string, unknown>; fields?: string[] };
  response?: { lines: [number, number]; status: number | null; body: Record<string, unknown> };
  types?: Record<string, string>;
}

const dir = new URL('../../sandbox/contracts/', import.meta.url);
const fixtures = new Map<string, Fixture>(
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const fixture = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Fixture;
      return [fixture.name, fixture];
    }),
);
const fixture = (name: string) => {
  const found = fixtures.get(name);
  assert.ok(found, `fixture ${name}`);
  return found;
};

const kind = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * Every field of `expected` is in `actual` with the same JSON type; `null` on either side
 * matches anything (the docs type most fields nullable). Arrays: each element of `actual` has
 * the shape of `expected`'s first element. `types` overrides a pointer's expected type.
 */
export function shapeErrors(
  expected: unknown,
  actual: unknown,
  types: Record<string, string> = {},
  pointer = '',
): string[] {
  const want = types[pointer] ?? kind(expected);
  const got = kind(actual);
  if (want === 'null' || got === 'null') return [];
  if (want !== got) return [`${pointer || '/'}: ${got} where the seed has ${want}`];
  if (want === 'array') {
    const [first] = expected as unknown[];
    if (first === undefined) return [];
    return (actual as unknown[]).flatMap((item, i) =>
      shapeErrors(first, item, types, `${pointer}/${i}`).map((e) => e.replace(`/${i}`, '/*')),
    );
  }
  if (want === 'object') {
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) =>
      key in (actual as Record<string, unknown>)
        ? shapeErrors(value, (actual as Record<string, unknown>)[key], types, `${pointer}/${key}`)
        : [`${pointer}/${key}: missing`],
    );
  }
  return [];
}

describe('contract fixtures', () => {
  it('the checker itself catches a renamed field, a retyped field and a missing nested one', () => {
    const sample = { id: 'a', count: 1, data: { object: { id: 'b', uri: '/x' } } };
    assert.deepEqual(shapeErrors(sample, sample), []);
    assert.deepEqual(shapeErrors(sample, { ...sample, id: undefined, ID: 'a' }), [
      '/id: undefined where the seed has string',
    ]);
    assert.deepEqual(shapeErrors(sample, { ...sample, count: '1' }), [
      '/count: string where the seed has number',
    ]);
    assert.deepEqual(shapeErrors(sample, { ...sample, data: { object: { id: 'b' } } }), [
      '/data/object/uri: missing',
    ]);
  });

  it('has every fixture with its seed lines', () => {
    assert.equal(fixtures.size, 13);
    for (const f of fixtures.values()) {
      for (const part of [f.request, f.response]) {
        if (!part) continue;
        assert.ok(part.lines[0] > 0 && part.lines[1] >= part.lines[0], f.name);
      }
    }
  });
});

describe('the simulators answer in the seeds’ shapes', async () => {
  const sim = await startStandaloneSandbox({ reportCompleteAfterMs: 20, otherData: 'clear' });
  after(() => sim.close());
  const events: Array<Record<string, any>> = [];
  const receiver = express();
  receiver.post('/hooks/:source', express.json(), (req, res) => {
    events.push({ source: req.params.source, ...req.body });
    res.status(204).end();
  });
  const server = receiver.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  after(() => new Promise((resolve) => server.close(resolve)));
  const hooks = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  sim.checkr.webhooks.url = `${hooks}/checkr`;
  sim.pay.webhooks.url = `${hooks}/checkr-pay`;

  const checkr = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.env.CHECKR_API_BASE}${path}`, {
      ...init,
      headers: {
        authorization: `Basic ${Buffer.from(`${sim.checkrKey}:`).toString('base64')}`,
        ...(init.headers as Record<string, string>),
      },
    });
  const pay = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.env.CHECKR_PAY_API_BASE}${path}`, {
      ...init,
      headers: {
        'x-checkr-pay-access-key': sim.payKeys.accessKey,
        'x-checkr-pay-secret-key': sim.payKeys.secretKey,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      },
    });
  const check = async (name: string, response: Response) => {
    const f = fixture(name);
    const body = await response.json();
    if (f.response!.status !== null) assert.equal(response.status, f.response!.status, name);
    assert.deepEqual(shapeErrors(f.response!.body, body, f.types), [], name);
    return body;
  };

  let candidateId = '';
  let reportId = '';
  it('POST /v1/candidates with the seed’s own form request (F1 L1881-1893)', async () => {
    const form = new URLSearchParams(
      fixture('checkr-create-candidate').request!.body as Record<string, string>,
    );
    const created = await check(
      'checkr-create-candidate',
      await checkr('/v1/candidates', { method: 'POST', body: form }),
    );
    candidateId = created.id;
    await check('checkr-retrieve-candidate', await checkr(`/v1/candidates/${candidateId}`));
  });

  it('POST /v1/candidates/{id}/documents (F1 L4261-4278)', async () => {
    const form = new FormData();
    form.set('type', String(fixture('checkr-upload-document').request!.body.type));
    form.set(
      'file',
      new File([new Uint8Array([0xff, 0xd8, 0xff])], 'candidate_driver_license.jpg', {
        type: 'image/jpeg',
      }),
    );
    const document = await check(
      'checkr-upload-document',
      await checkr(`/v1/candidates/${candidateId}/documents`, { method: 'POST', body: form }),
    );
    assert.match(document.filename, /^\d+_candidate_driver_license\.jpg$/);
  });

  it('POST and GET /v1/reports (F1 L2412-2482, L2621-2682), and report webhooks with include_object on and off (F0 L608-659)', async () => {
    const body = new URLSearchParams({
      package: String(fixture('checkr-create-report').request!.body.package),
      candidate_id: candidateId,
    });
    const report = await check(
      'checkr-create-report',
      await checkr('/v1/reports', { method: 'POST', body }),
    );
    reportId = report.id;
    await until(() => events.some((e) => e.type === 'report.completed'));
    await check('checkr-retrieve-report', await checkr(`/v1/reports/${reportId}`));
    const on = events.find((e) => e.type === 'report.completed')!;
    assert.deepEqual(
      shapeErrors(fixture('checkr-webhook-include-object-on').response!.body, on),
      [],
    );
    sim.checkr.webhooks.configure({ includeObject: false });
    try {
      const second = await checkr('/v1/reports', { method: 'POST', body });
      assert.equal(second.status, 201);
      await until(() => events.filter((e) => e.type === 'report.completed').length === 2);
      const off = events.filter((e) => e.type === 'report.completed')[1]!;
      assert.deepEqual(
        shapeErrors(fixture('checkr-webhook-include-object-off').response!.body, off),
        [],
      );
      assert.deepEqual(Object.keys(off.data.object).sort(), ['id', 'object', 'uri']);
    } finally {
      sim.checkr.webhooks.configure({ includeObject: true });
    }
  });

  it('GET /v1/packages: each package has the sample package’s fields (F0 L997-1042)', async () => {
    const list = await (await checkr('/v1/packages')).json();
    const sample = (fixture('checkr-webhook-package').response!.body as any).data.object;
    for (const pkg of list.data) assert.deepEqual(shapeErrors(sample, pkg), [], pkg.slug);
  });

  it('GET /v1/nodes?include=packages, one page and the next (F1 L1712-1726, L1574, L1668)', async () => {
    const setHierarchy = (nodes: unknown) =>
      checkr('/__sandbox/hierarchy', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nodes }),
      });
    assert.equal((await setHierarchy(EXAMPLE_HIERARCHY)).status, 200);
    try {
      const query = new URLSearchParams(
        fixture('checkr-list-nodes').request!.body as Record<string, string>,
      );
      const whole = await check('checkr-list-nodes', await checkr(`/v1/nodes?${query}`));
      assert.equal(whole.data.length, 2);
      // A page with a next page: next_href a string, as in the sample.
      const first = await check('checkr-list-nodes', await checkr(`/v1/nodes?${query}&per_page=1`));
      assert.equal(typeof first.next_href, 'string');
    } finally {
      await setHierarchy([]);
    }
  });

  it('Checkr Pay: create, authenticate, an error, a webhook (002 L82-157, L979-991, L1421-1423)', async () => {
    const worker = await check(
      'checkr-pay-create-worker',
      await pay('v0/workers', {
        method: 'POST',
        body: JSON.stringify(fixture('checkr-pay-create-worker').request!.body),
      }),
    );
    await check(
      'checkr-pay-authenticate-worker',
      await pay(`v0/workers/${worker.id}/authenticate`),
    );
    await check('checkr-pay-error', await pay('v0/workers', { method: 'POST', body: '{}' }));
    await until(() => events.some((e) => e.source === 'checkr-pay'));
    const event = events.find((e) => e.source === 'checkr-pay')!;
    const { source: _source, ...envelope } = event;
    assert.deepEqual(
      shapeErrors(fixture('checkr-pay-webhook-worker').response!.body, envelope),
      [],
    );
  });
});

describe('the BFF’s requests use the seeds’ names and types', async () => {
  const bff = await startSandbox();
  const base = bff.url;

  it('a candidate, its consent document and its report, as the BFF sends them', async () => {
    const session = await (
      await fetch(
        `${base}/v1/apply-sessions`,
        auth(
          bff.config.adminKey,
          json({ package: 'driver_pro', work_locations: [{ country: 'US', state: 'PA' }] }),
        ),
      )
    ).json();
    const token = session.session_token as string;
    const created = await (
      await fetch(`${base}/v1/apply/candidate`, auth(token, json(michael)))
    ).json();
    const config = await (await fetch(`${base}/v1/apply/config`, auth(token))).json();
    for (const id of created.documents as string[]) {
      const document = config.documents.find((d: any) => d.id === id);
      await fetch(
        `${base}/v1/apply/acknowledgements`,
        auth(token, json({ document_id: id, version: document.version, sha256: document.sha256 })),
      );
    }
    const authorization = config.documents.find((d: any) => d.kind === 'authorization');
    const signed = await fetch(
      `${base}/v1/apply/consent`,
      auth(
        token,
        json({
          signature_name: `${michael.first_name} ${michael.middle_name} ${michael.last_name}`,
          esign_consent: true,
          authorization: {
            document_id: authorization.id,
            version: authorization.version,
            sha256: authorization.sha256,
          },
        }),
      ),
    );
    assert.equal(signed.status, 201, await signed.text());
    const received = bff.sandbox.checkr.received;
    await until(() => received.some((r) => r.method === 'POST' && r.path === '/v1/reports'));

    const candidate = received.find((r) => r.method === 'POST' && r.path === '/v1/candidates')!;
    const candidateFixture = fixture('checkr-create-candidate');
    const documented = new Set(candidateFixture.request!.fields);
    assert.deepEqual(
      Object.keys(candidate.body).filter((key) => !documented.has(key)),
      [],
      'every candidate field the BFF sends is a documented one (F1 L1776-1875)',
    );
    assert.deepEqual(
      shapeErrors(
        Object.fromEntries(
          Object.entries(candidateFixture.request!.body).filter(([k]) => k in candidate.body),
        ),
        candidate.body,
      ),
      [],
    );

    const upload = received.find((r) => r.path.endsWith('/documents'))!;
    assert.deepEqual(
      Object.keys(upload.body).sort(),
      Object.keys(fixture('checkr-upload-document').request!.body).sort(),
    );
    assert.equal(upload.body.type, 'consent'); // F0 L187: upload the authorization as "consent"

    const report = received.find((r) => r.path === '/v1/reports')!;
    const reportFixture = fixture('checkr-create-report');
    const reportFields = new Set(reportFixture.request!.fields);
    assert.deepEqual(
      Object.keys(report.body).filter((key) => !reportFields.has(key)),
      [],
      'every report field the BFF sends is a documented one (F1 L2370-2406)',
    );
    for (const key of Object.keys(reportFixture.request!.body))
      assert.equal(typeof report.body[key], 'string', key);

    // The hierarchy look-up at session creation: documented query parameters only (F1 L1676-1705).
    const listing = received.find((r) => r.method === 'GET' && r.path === '/v1/nodes')!;
    const nodesFixture = fixture('checkr-list-nodes');
    assert.deepEqual(
      Object.keys(listing.query).filter((key) => !nodesFixture.request!.fields!.includes(key)),
      [],
      'every GET /v1/nodes parameter the BFF sends is a documented one',
    );
    assert.equal(listing.query.include, nodesFixture.request!.body.include);
    assert.match(String(listing.query.page), /^[1-9]\d*$/); // F0 L1390: 1 or more
    assert.ok(Number(listing.query.per_page) >= 0 && Number(listing.query.per_page) <= 100);
  });
});
