import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startSandboxProcess, type SandboxProcess } from '@checkr-kit/sandbox';
import { startProduct, until, type Started } from '../e2e/helpers.ts';
import { freshDatabaseUrl } from './database.ts';

/**
 * Three BFF processes on one PostgreSQL, in live mode against the simulators in a process of
 * their own, as the real Checkr is (`npm run sandbox`; knobs and counts over its admin routes). Twenty candidates at once, each request of a candidate
 * going to the next replica in turn and every candidate submission sent twice to two replicas;
 * Checkr answers 429, 500 and too slowly along the way; one replica is SIGKILLed while it delivers
 * the outbox. Afterwards Checkr holds exactly one candidate, one consent upload and one report per
 * applicant, and a rate limit of N holds across the three.
 */
const CANDIDATES = 20;
const TOKEN_LIMIT = 7;

let sandbox: SandboxProcess;
let databaseUrl: string;
let replicas: Started[] = [];
let db: pg.Client;

before(async () => {
  sandbox = await startSandboxProcess({ reportCompleteAfterMs: 200 });
  databaseUrl = await freshDatabaseUrl('replicas');
  const first = await startReplica();
  // The others share the first one's secrets, as replicas of one deployment do.
  replicas = [first, ...(await Promise.all([startReplica(first), startReplica(first)]))];
  await sandbox.control.checkr.configureWebhooks({ url: `${replicas[1]!.url}/v1/webhooks/checkr` });
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
});
after(async () => {
  await db?.end();
  await Promise.all(replicas.map((r) => r.stop()));
  await sandbox?.close();
});

function startReplica(like?: Started): Promise<Started> {
  return startProduct({
    script: 'server/src/index.ts',
    secrets: like?.secrets,
    env: {
      ...sandbox.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '5',
      ALLOWED_ORIGINS: 'http://localhost',
      UPSTREAM_TIMEOUT_MS: '1000',
      EMAIL_DOMAIN_CHECK: 'off',
      OUTBOX_LEASE_MS: '4000',
      RATE_LIMIT_APPLY: '100000',
      RATE_LIMIT_PAY_TOKEN: String(TOKEN_LIMIT),
    },
  });
}

let turn = 0;
/** The next live replica, round robin: what a load balancer in front of them does. */
function next(): Started {
  const live = replicas.filter((r) => r.process.exitCode === null && r.process.signalCode === null);
  return live[turn++ % live.length]!;
}

async function call(path: string, token: string, body?: unknown) {
  const response = await fetch(`${next().url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const names = Array.from({ length: CANDIDATES }, (_, i) => `Dwight${String.fromCharCode(97 + i)}`);

async function applicant(first: string) {
  const admin = replicas[0]!.secrets.admin;
  const session = await call('/v1/apply-sessions', admin, {
    package: 'driver_pro',
    origin: 'http://localhost',
    custom_id: first,
  });
  assert.equal(session.status, 201, JSON.stringify(session.body));
  const token = session.body.session_token as string;
  const details = {
    first_name: first,
    no_middle_name: true,
    last_name: 'Schrute',
    email: `${first.toLowerCase()}@schrutefarms.com`,
    zipcode: '18505',
    dob: '1970-01-20',
    ssn: '111-11-2001',
    driver_license_number: 'F1112001',
    driver_license_state: 'CA',
    residence_state: 'PA',
  };
  // A double click landing on two replicas: one candidate at Checkr all the same.
  const [a, b] = await Promise.all([
    call('/v1/apply/candidate', token, details),
    call('/v1/apply/candidate', token, details),
  ]);
  assert.equal(a.status, 201, JSON.stringify(a.body));
  assert.equal(b.status, 201, JSON.stringify(b.body));
  assert.equal(a.body.candidate_id, b.body.candidate_id);
  const config = await call('/v1/apply/config', token);
  for (const id of a.body.documents as string[]) {
    const d = config.body.documents.find((x: { id: string }) => x.id === id);
    const ack = await call('/v1/apply/acknowledgements', token, {
      document_id: d.id,
      version: d.version,
      sha256: d.sha256,
    });
    assert.equal(ack.status, 201);
  }
  const authorization = config.body.documents.find(
    (x: { kind: string }) => x.kind === 'authorization',
  );
  const sign = async () => {
    const signed = await call('/v1/apply/consent', token, {
      signature_name: `${first} Schrute`,
      esign_consent: true,
      authorization: {
        document_id: authorization.id,
        version: authorization.version,
        sha256: authorization.sha256,
      },
    });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    return signed.body.consent_id as string;
  };
  return { candidateId: a.body.candidate_id as string, sign };
}

describe('three BFF replicas on one PostgreSQL', () => {
  it('20 candidates at once through faults and a SIGKILL mid-delivery: each delivered once', async () => {
    const checkr = sandbox.control.checkr;
    await checkr.addFault({ route: 'POST /v1/candidates', kind: '429', count: 2 });
    await checkr.addFault({ route: 'POST /v1/candidates', kind: '500', count: 2 });
    await checkr.addFault({ route: 'POST /v1/candidates', kind: 'slow', count: 2, delay_ms: 1500 });
    const ready = await Promise.all(names.map(applicant));

    // Uploads hang long enough that the replicas are mid-delivery when one is killed.
    const uploads = 'POST /v1/candidates/:id/documents';
    await checkr.addFault({ route: uploads, kind: '500', count: 2 });
    await checkr.addFault({ route: uploads, kind: '429', count: 1 });
    await checkr.addFault({ route: uploads, kind: 'slow', count: 6, delay_ms: 2500 });

    const consentIds = await Promise.all(ready.map((a) => a.sign()));
    const done = ready.map((a, i) => ({ candidateId: a.candidateId, consentId: consentIds[i]! }));

    // Kill a replica that holds outbox claims (it is delivering right now).
    const { rows } = await db.query<{ claimed_by: string }>(
      'SELECT DISTINCT claimed_by FROM outbox WHERE done_at IS NULL AND claimed_by IS NOT NULL',
    );
    const pids = rows.map((r) => Number(r.claimed_by.split(':')[1]));
    const victim = replicas.find((r) => pids.includes(r.process.pid!)) ?? replicas[0]!;
    const owedBefore = rows.length > 0;
    await victim.stop('SIGKILL');
    const survivors = replicas.filter((r) => r !== victim);
    await checkr.configureWebhooks({ url: `${survivors[0]!.url}/v1/webhooks/checkr` });

    await until(
      async () => {
        const reports = await checkr.reports();
        return done.every((a) => reports.some((r) => r.candidate_id === a.candidateId));
      },
      60_000,
      'every report ordered after the kill',
    );
    await new Promise((resolve) => setTimeout(resolve, 2500)); // a late duplicate would land now

    const [documents, reports] = await Promise.all([checkr.documents(), checkr.reports()]);
    const documentsOf = (id: string) => documents.filter((d) => d.candidate_id === id);
    const reportsOf = (id: string) => reports.filter((r) => r.candidate_id === id);
    assert.ok(owedBefore, 'the killed replica was delivering when it died');
    assert.equal((await checkr.candidates()).length, CANDIDATES, 'one candidate per applicant');
    assert.equal(new Set(done.map((a) => a.candidateId)).size, CANDIDATES);
    for (const { candidateId } of done) {
      assert.equal(documentsOf(candidateId).length, 1, `one consent upload for ${candidateId}`);
      assert.equal(documentsOf(candidateId)[0]!.type, 'consent');
      assert.equal(reportsOf(candidateId).length, 1, `one report for ${candidateId}`);
    }
    const counts = await db.query<{ consents: string; owed: string; open: string }>(
      `SELECT (SELECT COUNT(*) FROM consents) AS consents,
              (SELECT COUNT(*) FROM outbox WHERE done_at IS NULL) AS owed,
              (SELECT COUNT(*) FROM apply_sessions WHERE status = 'open') AS open`,
    );
    assert.deepEqual(counts.rows[0], { consents: String(CANDIDATES), owed: '0', open: '0' });
    const committed = await db.query('SELECT id FROM consents ORDER BY id');
    assert.deepEqual(
      committed.rows.map((r) => r.id),
      done.map((a) => a.consentId).sort(),
      'every consent committed once',
    );
  });

  it('holds a rate limit of N across the replicas, not N per replica', async () => {
    const live = replicas.filter(
      (r) => r.process.exitCode === null && r.process.signalCode === null,
    );
    const answers: number[] = [];
    for (let i = 0; i < TOKEN_LIMIT * 3; i++) {
      // Not signed in: each answer is a refusal, but every one counts against the limit.
      const response = await fetch(`${live[i % live.length]!.url}/v1/pay/token`);
      await response.arrayBuffer();
      answers.push(response.status);
    }
    assert.equal(answers.filter((s) => s !== 429).length, TOKEN_LIMIT, answers.join(' '));
    assert.ok(
      answers.slice(TOKEN_LIMIT).every((s) => s === 429),
      answers.join(' '),
    );
  });
});
