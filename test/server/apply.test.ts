import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { signBody } from '../../server/src/services/webhooks.ts';
import { auth, json, michael, startSandbox, until } from './helpers.ts';
import { fastRetries } from '../support/fast-bff.ts';

const bff = await startSandbox();
const base = bff.url;
const admin = bff.config.adminKey;
const seen: string[] = []; // every response (headers and body) of this file, scanned for secrets at the end

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  seen.push(JSON.stringify([...response.headers]), text);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

function assertErrorShape(body: any, code?: string) {
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, JSON.stringify(body));
  for (const error of body.errors) {
    assert.equal(typeof error.code, 'string');
    assert.equal(typeof error.title, 'string');
  }
  if (code) assert.equal(body.errors[0].code, code);
  assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace');
}

async function newSession(extra: Record<string, unknown> = {}) {
  const { status, body } = await call(
    '/v1/apply-sessions',
    auth(
      admin,
      json({ package: 'driver_pro', work_locations: [{ country: 'US', state: 'PA' }], ...extra }),
    ),
  );
  assert.equal(status, 201, JSON.stringify(body));
  return body as { session_id: string; session_token: string; expires_at: string };
}

async function readyToSign(token: string, candidate: Record<string, unknown> = michael) {
  const created = await call('/v1/apply/candidate', auth(token, json(candidate)));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const config = await call('/v1/apply/config', auth(token));
  for (const id of created.body.documents as string[]) {
    const document = config.body.documents.find((d: any) => d.id === id);
    const ack = await call(
      '/v1/apply/acknowledgements',
      auth(token, json({ document_id: id, version: document.version, sha256: document.sha256 })),
    );
    assert.equal(ack.status, 201);
  }
  return config.body.documents.find((d: any) => d.kind === 'authorization');
}

describe('apply sessions', () => {
  it('need the admin key', async () => {
    const none = await call('/v1/apply-sessions', json({ package: 'driver_pro' }));
    assert.equal(none.status, 401);
    assertErrorShape(none.body, 'admin_key_invalid');
    const wrong = await call(
      '/v1/apply-sessions',
      auth('not-the-key', json({ package: 'driver_pro' })),
    );
    assert.equal(wrong.status, 401);
  });

  it('refuse bad bodies and unknown packages in the error shape', async () => {
    const bad = await call(
      '/v1/apply-sessions',
      auth(admin, json({ package: 'driver_pro', min_age: 21 })),
    );
    assert.equal(bad.status, 400);
    assertErrorShape(bad.body, 'invalid_request');
    assert.equal(bad.body.errors[0].source.pointer, '/min_age');
    const notJson = await call(
      '/v1/apply-sessions',
      auth(admin, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"package":',
      }),
    );
    assert.equal(notJson.status, 400);
    assertErrorShape(notJson.body, 'body_invalid_json');
    const unknown = await call('/v1/apply-sessions', auth(admin, json({ package: 'nope' })));
    assert.equal(unknown.status, 400);
    assertErrorShape(unknown.body, 'package_unknown');
  });

  it('give a short-lived token, never cached', async () => {
    const { status, body, headers } = await call(
      '/v1/apply-sessions',
      auth(admin, json({ package: 'driver_pro' })),
    );
    assert.equal(status, 201);
    assert.equal(headers.get('cache-control'), 'no-store');
    const lifetime = Date.parse(body.expires_at) - Date.now();
    assert.ok(lifetime > 0 && lifetime <= 30 * 60_000, `lifetime ${lifetime}`);
  });
});

describe('apply config and candidate', () => {
  it('tells the component what the package needs and which documents exist', async () => {
    const { session_token } = await newSession();
    const { status, body } = await call('/v1/apply/config', auth(session_token));
    assert.equal(status, 200);
    assert.deepEqual(body.requirements, {
      min_age: 18,
      ssn: true,
      zipcode: true,
      driver_license: true,
      residence_state: true,
    });
    const kinds = body.documents.map((d: any) => d.kind);
    assert.ok(
      kinds.includes('summary_of_rights') &&
        kinds.includes('disclosure') &&
        kinds.includes('authorization'),
    );
    for (const d of body.documents) assert.match(d.sha256, /^[0-9a-f]{64}$/);
  });

  it('re-validates everything and answers every field error at once', async () => {
    const { session_token } = await newSession();
    const { status, body } = await call(
      '/v1/apply/candidate',
      auth(
        session_token,
        json({
          ...michael,
          ssn: '666-12-3456',
          email: 'ana@gmeil.con',
          dob: '2015-01-01',
          driver_license_number: '123',
        }),
      ),
    );
    assert.equal(status, 422);
    assertErrorShape(body);
    const pointers = body.errors.map((e: any) => `${e.source.pointer}:${e.code}`).sort();
    assert.deepEqual(pointers, [
      '/dob:dob_too_young',
      '/driver_license_number:driver_license_number_invalid',
      '/ssn:ssn_area_666',
    ]);
    const dns = await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, email: 'ana@gmeil.con' })),
    );
    assert.equal(dns.status, 422);
    assert.equal(dns.body.errors[0].code, 'email_domain_no_mail');
  });

  it('creates exactly one Checkr candidate however often it is submitted', async () => {
    const before = bff.sandbox.checkr.candidates.size;
    const { session_token } = await newSession();
    const first = await call('/v1/apply/candidate', auth(session_token, json(michael)));
    const second = await call('/v1/apply/candidate', auth(session_token, json(michael)));
    assert.equal(first.status, 201);
    assert.equal(second.body.candidate_id, first.body.candidate_id);
    assert.equal(bff.sandbox.checkr.candidates.size, before + 1);
    // A correction updates the same candidate rather than creating another.
    const corrected = await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, zipcode: '18505', residence_state: 'PA' })),
    );
    assert.equal(corrected.body.candidate_id, first.body.candidate_id);
    assert.equal(bff.sandbox.checkr.candidates.get(first.body.candidate_id)!.zipcode, '18505');
    assert.equal(bff.sandbox.checkr.candidates.size, before + 1);
  });

  it('gets one candidate when Checkr answers 429, then 500, then succeeds', async () => {
    const before = bff.sandbox.checkr.candidates.size;
    bff.sandbox.checkr.faults.add('POST /v1/candidates', { kind: '429', remaining: 1 });
    bff.sandbox.checkr.faults.add('POST /v1/candidates', { kind: '500', remaining: 1 });
    const { session_token } = await newSession();
    const created = await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, first_name: 'Dwight', last_name: 'Schrute' })),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(bff.sandbox.checkr.candidates.size, before + 1);
  });

  it("answers Checkr's duplicate-candidate 409 as candidate_duplicate, with no PII in it", async () => {
    // Three sessions for the same person reach Checkr; the simulator refuses a fourth identical
    // candidate within 24 hours (seed 000 L2006), and so does each attempt after it.
    const creed = { ...michael, first_name: 'Creed', last_name: 'Bratton', ssn: '111-11-2409' };
    for (let i = 0; i < 3; i++) {
      const { session_token } = await newSession();
      const created = await call('/v1/apply/candidate', auth(session_token, json(creed)));
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    const { session_token } = await newSession();
    const refused = await call('/v1/apply/candidate', auth(session_token, json(creed)));
    assert.equal(refused.status, 409);
    assertErrorShape(refused.body, 'candidate_duplicate');
    assert.equal(refused.body.errors[0].source, undefined, 'not about one field');
    const text = JSON.stringify(refused.body);
    for (const pii of ['Creed', 'Bratton', '2409', '1964', 'dundermifflin']) {
      assert.ok(!text.includes(pii), `${pii} in ${text}`);
    }
  });

  it('answers a 409 still in flight after every retry as upstream_unavailable, not a duplicate', async () => {
    // The first try outlives the client's timeout; every retry with its key finds it in flight.
    bff.sandbox.checkr.faults.add('POST /v1/candidates', {
      kind: 'slow',
      remaining: 1,
      delayMs: fastRetries.timeoutMs * 3,
    });
    const { session_token } = await newSession();
    const failed = await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, first_name: 'Toby', last_name: 'Flenderson' })),
    );
    assert.equal(failed.status, 502, JSON.stringify(failed.body));
    assertErrorShape(failed.body, 'upstream_unavailable');
  });

  it('maps a Checkr refusal it did not foresee to a clear error, not a 500', async () => {
    bff.sandbox.checkr.faults.add('POST /v1/candidates', { kind: '500', remaining: 10 });
    const { session_token } = await newSession();
    const failed = await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, first_name: 'Jim', last_name: 'Halpert' })),
    );
    bff.sandbox.checkr.faults.clear();
    assert.equal(failed.status, 502);
    assertErrorShape(failed.body, 'upstream_unavailable');
  });
});

describe('consent', () => {
  it('is refused until every document is acknowledged, and for a name that does not match', async () => {
    const { session_token } = await newSession();
    await call(
      '/v1/apply/candidate',
      auth(session_token, json({ ...michael, first_name: 'Angela', last_name: 'Martin' })),
    );
    const config = await call('/v1/apply/config', auth(session_token));
    const authorization = config.body.documents.find((d: any) => d.kind === 'authorization');
    const signature = {
      document_id: authorization.id,
      version: authorization.version,
      sha256: authorization.sha256,
    };
    const early = await call(
      '/v1/apply/consent',
      auth(
        session_token,
        json({ signature_name: 'Angela Martin', esign_consent: true, authorization: signature }),
      ),
    );
    assert.equal(early.status, 409);
    assertErrorShape(early.body, 'acknowledgements_missing');
    await readyToSign(session_token, { ...michael, first_name: 'Angela', last_name: 'Martin' });
    const wrongName = await call(
      '/v1/apply/consent',
      auth(
        session_token,
        json({ signature_name: 'Oscar Martinez', esign_consent: true, authorization: signature }),
      ),
    );
    assert.equal(wrongName.status, 422);
    assertErrorShape(wrongName.body, 'signature_name_mismatch');
    const noEsign = await call(
      '/v1/apply/consent',
      auth(
        session_token,
        json({ signature_name: 'Angela Martin', esign_consent: false, authorization: signature }),
      ),
    );
    assert.equal(noEsign.status, 400);
    const badImage = await call(
      '/v1/apply/consent',
      auth(
        session_token,
        json({
          signature_name: 'Angela Martin',
          esign_consent: true,
          drawn_signature: 'data:image/png;base64,AAAA',
          authorization: signature,
        }),
      ),
    );
    assert.equal(badImage.status, 422);
    assertErrorShape(badImage.body, 'signature_image_invalid');
  });

  it('stores the evidence and PDF, uploads it once, orders the report, and records the webhook status', async () => {
    const { session_id, session_token } = await newSession();
    const authorization = await readyToSign(session_token);
    const signed = await call(
      '/v1/apply/consent',
      auth(session_token, {
        ...json({
          signature_name: '  michael   SCOTT ',
          esign_consent: true,
          time_zone: 'America/New_York',
          authorization: {
            document_id: authorization.id,
            version: authorization.version,
            sha256: authorization.sha256,
          },
        }),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/5.0 (Test) checkr-kit-suite',
          authorization: `Bearer ${session_token}`,
        },
      }),
    );
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const consentId = signed.body.consent_id as string;

    // Closed: the token is refused from now on.
    const replay = await call('/v1/apply/config', auth(session_token));
    assert.equal(replay.status, 401);
    assertErrorShape(replay.body, 'session_closed');

    const candidateId = (await bff.store.getSession(session_id))!.candidateId!;
    const checkr = bff.sandbox.checkr;
    await until(async () => (await bff.store.getSession(session_id))?.reportStatus === 'complete');
    const uploads = [...checkr.documents.values()].filter((d) => d.candidate_id === candidateId);
    assert.equal(uploads.length, 1);
    assert.equal(uploads[0]!.type, 'consent');
    assert.equal(uploads[0]!.content_type, 'application/pdf');
    assert.equal((await bff.store.getSession(session_id))!.reportResult, 'clear');

    const pdf = await fetch(`${base}/v1/consents/${consentId}/pdf`, auth(admin));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('x-consent-pdf-matches-stored'), 'true');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.ok(
      bytes.equals(Buffer.from((await bff.store.getConsent(consentId))!.pdf)),
      'regenerated PDF is byte-identical',
    );
    const text = spawnSync('pdftotext', ['-', '-'], { input: bytes }).stdout.toString();
    assert.match(text, /michael SCOTT/);
    assert.match(text, /127\.0\.0\.1/);
    assert.match(text, new RegExp(signed.body.signed_at.slice(0, 10)));
    assert.match(text, new RegExp(authorization.sha256));
    assert.match(text, /America\/New_York/);
    assert.match(text, /checkr-kit-suite/);
    assert.match(text, new RegExp(signed.body.evidence_sha256));

    const record = await call(`/v1/consents/${consentId}`, auth(admin));
    assert.equal(record.status, 200);
    assert.equal(record.body.report.status, 'complete');
    const list = await call('/v1/consents', auth(admin));
    assert.ok(list.body.data.some((row: any) => row.id === consentId && row.uploaded_to_checkr));
  });
});

describe('session tokens', () => {
  const key = () => new TextEncoder().encode(bff.config.sessionSigningKey);
  const forge = (claims: Record<string, unknown>, expiresIn: string | number = '5m') =>
    new SignJWT({ scope: 'apply', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('checkr-kit-bff')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key());

  it('expired: session_expired, so the component fetches a new one', async () => {
    const { session_id } = await newSession();
    const token = await new SignJWT({ scope: 'apply' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('checkr-kit-bff')
      .setSubject(session_id)
      .setAudience(`http://localhost:${bff.port}`)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key());
    const { status, body } = await call('/v1/apply/config', auth(token));
    assert.equal(status, 401);
    assertErrorShape(body, 'session_expired');
  });

  it('tampered: session_invalid', async () => {
    const { session_token } = await newSession();
    const [header, payload, signature] = session_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.sub = 'as_someone_else';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const { status, body } = await call('/v1/apply/config', auth(tampered));
    assert.equal(status, 401);
    assertErrorShape(body, 'session_invalid');
    const garbage = await call('/v1/apply/config', auth('not.a.jwt'));
    assertErrorShape(garbage.body, 'session_invalid');
  });

  it('wrong audience: session_wrong_audience', async () => {
    const { session_id } = await newSession();
    const token = await forge({ sub: session_id, aud: 'http://localhost:1' });
    const { status, body } = await call(
      '/v1/apply/config',
      auth(token, { headers: { origin: `http://localhost:${bff.port}` } }),
    );
    assert.equal(status, 401);
    assertErrorShape(body, 'session_wrong_audience');
  });

  it('a new token for the same open session comes from the admin refresh route', async () => {
    const { session_id } = await newSession();
    const refreshed = await call(
      `/v1/apply-sessions/${session_id}/token`,
      auth(admin, { method: 'POST' }),
    );
    assert.equal(refreshed.status, 201);
    const { status } = await call('/v1/apply/config', auth(refreshed.body.session_token));
    assert.equal(status, 200);
  });

  it('an origin that is not allowed is refused by CORS with the error shape', async () => {
    const { status, body } = await call('/v1/apply/config', {
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(status, 403);
    assertErrorShape(body, 'origin_not_allowed');
  });
});

describe('webhooks', () => {
  const event = (id: string) =>
    JSON.stringify({
      id,
      object: 'event',
      type: 'candidate.created',
      created_at: new Date().toISOString(),
      data: { object: { id: 'c1', object: 'candidate' } },
    });

  it('refuse a bad signature', async () => {
    const body = event('evt_bad');
    const { status, body: answer } = await call('/v1/webhooks/checkr', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-checkr-signature': signBody('wrong-key', body),
      },
      body,
    });
    assert.equal(status, 401);
    assertErrorShape(answer, 'webhook_signature_invalid');
  });

  it('record a duplicate event once', async () => {
    const body = event('evt_dup_1');
    const headers = {
      'content-type': 'application/json',
      'x-checkr-signature': signBody(bff.sandbox.checkrKey, body),
    };
    const first = await call('/v1/webhooks/checkr', { method: 'POST', headers, body });
    const second = await call('/v1/webhooks/checkr', { method: 'POST', headers, body });
    assert.deepEqual(
      [first.status, first.body.duplicate, second.status, second.body.duplicate],
      [200, false, 200, true],
    );
  });

  it('verify Checkr Pay signatures with the secret key', async () => {
    const body = JSON.stringify({
      id: 'pevt_1',
      object: 'event',
      type: 'worker.created',
      createdAt: new Date().toISOString(),
      data: { object: {} },
    });
    const good = await call('/v1/webhooks/checkr-pay', {
      method: 'POST',
      headers: { 'x-checkrpay-signature': signBody(bff.sandbox.payKeys.secretKey, body) },
      body,
    });
    assert.equal(good.status, 200);
    const bad = await call('/v1/webhooks/checkr-pay', {
      method: 'POST',
      headers: { 'x-checkrpay-signature': signBody(bff.sandbox.payKeys.accessKey, body) },
      body,
    });
    assert.equal(bad.status, 401);
  });
});

describe('pay token', () => {
  it('needs the host session, then mints a fresh one-time token, never cached', async () => {
    const anonymous = await call('/v1/pay/token');
    assert.equal(anonymous.status, 401);
    assertErrorShape(anonymous.body, 'host_session_required');
    const login = await fetch(`${base}/demo/login`, { method: 'POST', redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const first = await call('/v1/pay/token', { headers: { cookie } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    assert.equal(new URL(first.body.embed_url).searchParams.get('tempAuthToken'), first.body.token);
    // The embeddable redeems it; the next mount gets a different token.
    const page = await fetch(first.body.embed_url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Available balance/);
    const again = await fetch(first.body.embed_url);
    assert.equal(again.status, 401);
    assert.match(await again.text(), /Session expired/);
    const second = await call('/v1/pay/token', { headers: { cookie } });
    assert.notEqual(second.body.token, first.body.token);
  });
});

describe('secrets and logs', () => {
  it('no configured secret appears in any response of this file', () => {
    const secrets = [
      bff.sandbox.checkrKey,
      bff.sandbox.payKeys.secretKey,
      bff.sandbox.payKeys.accessKey,
      bff.config.adminKey,
      bff.config.sessionSigningKey,
    ];
    const all = seen.join('\n');
    assert.ok(seen.length > 40, `scanned ${seen.length} parts`);
    for (const secret of secrets)
      assert.ok(!all.includes(secret), 'a secret leaked into a response');
  });

  it('the log of all these flows holds no SSN, date of birth, licence number, email or token', () => {
    const log = bff.logs.join('\n');
    assert.ok(bff.logs.length > 10);
    for (const pii of [
      '111-11-2001',
      '111112001',
      '1964-03-15',
      'F1112001',
      'michael.scott@dundermifflin.com',
      'Scott',
      'eyJ',
    ]) {
      assert.ok(!log.includes(pii), `log contains ${pii}`);
    }
  });
});
