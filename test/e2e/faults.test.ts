import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandboxProcess, type SandboxProcess } from '@checkr-kit/sandbox';
import { startProduct, until, type Started } from './helpers.ts';

/**
 * The BFF in its own process, talking to the simulators in theirs as to the real services (live
 * mode), with faults injected over the sandbox's admin routes: 429 with its reset header, 500, and timeouts during candidate creation and the
 * consent upload; then killed with SIGKILL right after the consent commit.
 */
let sandbox: SandboxProcess;
let bff: Started;

async function startBff(dataDir?: string, secrets?: Started['secrets']): Promise<Started> {
  const started = await startProduct({
    script: 'server/src/index.ts',
    dataDir,
    secrets,
    env: {
      ...sandbox.env,
      ALLOWED_ORIGINS: 'http://localhost',
      UPSTREAM_TIMEOUT_MS: '1000',
      EMAIL_DOMAIN_CHECK: 'off',
    },
  });
  await sandbox.control.checkr.configureWebhooks({ url: `${started.url}/v1/webhooks/checkr` });
  return started;
}

before(async () => {
  sandbox = await startSandboxProcess({ reportCompleteAfterMs: 200 });
  bff = await startBff();
});
after(async () => {
  await bff?.stop();
  await sandbox?.close();
});

const candidate = (first: string) => ({
  first_name: first,
  no_middle_name: true,
  last_name: 'Bernard',
  email: 'andy.bernard@dundermifflin.com',
  zipcode: '18505',
  dob: '1973-01-24',
  ssn: '111-11-2001',
  driver_license_number: 'F1112001',
  driver_license_state: 'CA',
  residence_state: 'PA',
});

async function apply(base: string, admin: string, first: string) {
  const json = (token: string, body: unknown) => ({
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const session = await (
    await fetch(
      `${base}/v1/apply-sessions`,
      json(admin, { package: 'driver_pro', origin: 'http://localhost' }),
    )
  ).json();
  const token = session.session_token as string;
  const created = await fetch(`${base}/v1/apply/candidate`, json(token, candidate(first)));
  const body = await created.json();
  assert.equal(created.status, 201, JSON.stringify(body));
  const config = await (
    await fetch(`${base}/v1/apply/config`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  for (const id of body.documents as string[]) {
    const d = config.documents.find((x: { id: string }) => x.id === id);
    const ack = await fetch(
      `${base}/v1/apply/acknowledgements`,
      json(token, { document_id: d.id, version: d.version, sha256: d.sha256 }),
    );
    assert.equal(ack.status, 201);
  }
  const authorization = config.documents.find((x: { kind: string }) => x.kind === 'authorization');
  return {
    candidateId: body.candidate_id as string,
    sign: () =>
      fetch(
        `${base}/v1/apply/consent`,
        json(token, {
          signature_name: `${first} Bernard`,
          esign_consent: true,
          authorization: {
            document_id: authorization.id,
            version: authorization.version,
            sha256: authorization.sha256,
          },
        }),
      ),
  };
}

const documentsOf = async (candidateId: string) =>
  (await sandbox.control.checkr.documents()).filter((d) => d.candidate_id === candidateId);
const reportsOf = async (candidateId: string) =>
  (await sandbox.control.checkr.reports()).filter((r) => r.candidate_id === candidateId);
const candidateIds = async () => (await sandbox.control.checkr.candidates()).map((c) => c.id);
const fault = (route: string, kind: 'slow' | '429' | '500', delayMs?: number) =>
  sandbox.control.checkr.addFault({ route, kind, delay_ms: delayMs });

describe('faults and a crash, against the simulators in their own process', () => {
  it('429 (with reset), 500 and a timeout during candidate creation: exactly one candidate', async () => {
    const countBefore = (await candidateIds()).length;
    await fault('POST /v1/candidates', '429');
    await fault('POST /v1/candidates', '500');
    await fault('POST /v1/candidates', 'slow', 1800);
    const { candidateId, sign } = await apply(bff.url, bff.secrets.admin, 'Andy');
    assert.equal((await candidateIds()).length, countBefore + 1);
    assert.ok((await candidateIds()).includes(candidateId));
    assert.equal((await sign()).status, 201);
    await until(
      async () =>
        (await reportsOf(candidateId)).length === 1 &&
        (await documentsOf(candidateId)).length === 1,
      20_000,
      'upload and report',
    );
  });

  it('429, 500 and a timeout during the consent upload: exactly one uploaded consent and one report', async () => {
    const { candidateId, sign } = await apply(bff.url, bff.secrets.admin, 'Erin');
    await fault('POST /v1/candidates/:id/documents', '429');
    await fault('POST /v1/candidates/:id/documents', '500');
    await fault('POST /v1/candidates/:id/documents', 'slow', 1800);
    assert.equal((await sign()).status, 201);
    await until(async () => (await reportsOf(candidateId)).length === 1, 30_000, 'the report');
    await new Promise((resolve) => setTimeout(resolve, 2500)); // a late duplicate would have landed by now
    const documents = await documentsOf(candidateId);
    assert.equal(documents.length, 1);
    assert.equal(documents[0]!.type, 'consent');
    assert.equal((await reportsOf(candidateId)).length, 1);
  });

  it('SIGKILL after the consent commit: after a restart the outbox finishes, exactly once, and the database is intact', async () => {
    const { candidateId, sign } = await apply(bff.url, bff.secrets.admin, 'Holly');
    // The upload hangs, so the process dies with the upload owed.
    await fault('POST /v1/candidates/:id/documents', 'slow', 3000);
    const signed = await sign();
    assert.equal(signed.status, 201);
    const { consent_id: consentId } = await signed.json();
    await bff.stop('SIGKILL');
    assert.equal((await reportsOf(candidateId)).length, 0, 'no report before the restart');

    const database = join(bff.dataDir, 'checkr-kit.sqlite');
    bff = await startBff(bff.dataDir, bff.secrets);
    await until(
      async () => (await reportsOf(candidateId)).length === 1,
      30_000,
      'the report after the restart',
    );
    await new Promise((resolve) => setTimeout(resolve, 3500));
    assert.equal((await documentsOf(candidateId)).length, 1, 'the consent uploaded exactly once');
    assert.equal((await reportsOf(candidateId)).length, 1, 'one report');

    const db = new Database(database, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const row = db.prepare('SELECT evidence_sha256 FROM consents WHERE id = ?').get(consentId) as
        { evidence_sha256: string } | undefined;
      assert.match(row?.evidence_sha256 ?? '', /^[0-9a-f]{64}$/);
      const owed = db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL').get() as {
        n: number;
      };
      assert.equal(owed.n, 0);
    } finally {
      db.close();
    }
  });
});
