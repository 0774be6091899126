import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { purgeExpiredEvidence } from '../../server/src/services/retention.ts';
import { auth, json, readyToSign, startSandbox, until } from './helpers.ts';
import { newSessionRecord } from './store-contract.ts';

describe('prefill lifetime', () => {
  it('erases the prefill of a session that expires before its candidate reaches Checkr', async () => {
    let later = 0; // the sweep's clock runs ahead by this much
    const bff = await startSandbox({
      reconcile: { pollMs: 25, now: () => new Date(Date.now() + later) },
    });
    const prefill = { email: 'pam.beesly@example.com', phone: '5705550100', first_name: 'Pam' };
    const created = await fetch(
      `${bff.url}/v1/apply-sessions`,
      auth(bff.config.adminKey, json({ package: 'driver_pro', prefill })),
    );
    assert.equal(created.status, 201);
    const { session_id: sessionId } = await created.json();
    assert.deepEqual((await bff.store.getSession(sessionId))?.prefill, prefill);

    // A day later (ABANDONED_SESSION_MINUTES), with no candidate ever submitted: the
    // abandoned-session sweep never sees this session.
    later = bff.config.reconcile.abandonAfterMs + 60_000;
    await until(async () => {
      const session = await bff.store.getSession(sessionId);
      return session && Object.keys(session.prefill).length === 0;
    });
    const session = await bff.store.getSession(sessionId);
    assert.equal(session?.status, 'open', 'a late candidate can still apply, typing it in');
    assert.equal(session?.candidateId, null);

    // The session still works: the config answers, without the erased prefill.
    const { session_token: token } = await (
      await fetch(
        `${bff.url}/v1/apply-sessions/${sessionId}/token`,
        auth(bff.config.adminKey, { method: 'POST' }),
      )
    ).json();
    const config = await fetch(`${bff.url}/v1/apply/config`, auth(token));
    assert.equal(config.status, 200);
    assert.deepEqual((await config.json()).prefill, {});
    const logged = bff.logs.join('\n');
    assert.match(logged, /prefill erased/);
    for (const value of Object.values(prefill)) assert.ok(!logged.includes(value));
  });
});

const DAY = 86_400_000;

describe('consent evidence retention', () => {
  it('purges a signed consent past the retention with its session, and nothing sooner', async () => {
    const bff = await startSandbox();
    const { sessionId, token, consent } = await readyToSign(bff);
    await bff.outbox.stop(); // the upload and the report order stay owed for now
    const signed = await fetch(`${bff.url}/v1/apply/consent`, auth(token, json(consent)));
    assert.equal(signed.status, 201);
    const { consent_id: consentId } = await signed.json();
    const admin = { headers: { authorization: `Bearer ${bff.config.adminKey}` } };
    const pdf = () => fetch(`${bff.url}/v1/consents/${consentId}/pdf`, admin);
    assert.equal((await pdf()).status, 200);
    const signedAt = Date.parse((await bff.store.getConsent(consentId))!.createdAt);
    const purge = (daysLater: number, dryRun = false) =>
      purgeExpiredEvidence(bff.store, {
        retentionDays: 1826,
        dryRun,
        now: new Date(signedAt + daysLater * DAY),
      });

    // Owed to Checkr until the upload and the report order are delivered: held, however old.
    const held = await purge(3650);
    assert.deepEqual([held.consents, held.sessions, held.held], [0, 0, 1]);
    assert.equal((await pdf()).status, 200);
    bff.outbox.start();
    await until(async () =>
      (await bff.store.listOutbox(sessionId)).every((item) => item.doneAt !== null),
    );
    assert.deepEqual(
      [await purge(1825), await purge(1827, true)].map(({ consents, sessions, held }) => ({
        consents,
        sessions,
        held,
      })),
      [
        { consents: 0, sessions: 0, held: 0 },
        { consents: 1, sessions: 1, held: 0 },
      ],
    );
    assert.equal((await pdf()).status, 200, 'inside the retention, and a dry run, keep it');

    const purged = await purge(1827);
    assert.equal(purged.consents, 1);
    assert.equal((await pdf()).status, 404);
    assert.equal((await fetch(`${bff.url}/v1/consents/${consentId}`, admin)).status, 404);
    assert.equal(await bff.store.getSession(sessionId), undefined);
  });
});

describe('npm run purge', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const purge = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'server/src/purge-cli.ts', ...args],
      { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 },
    );

  it('prints counts only, deletes nothing in a dry run, and keeps what Checkr is owed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ck-purge-')), 'store.sqlite');
    const secrets = ['Pam Beesly', '203.0.113.7', 'pam@example.com'];
    const store = new SqliteStore(file);
    const consents: Record<string, string> = {};
    for (const [name, createdAt, delivered] of [
      ['old', '2015-03-01T10:00:00.000Z', true],
      ['owed', '2015-03-02T10:00:00.000Z', false],
      ['recent', new Date().toISOString(), true],
    ] as const) {
      const session = newSessionRecord({ candidateId: `cand_${name}`, createdAt });
      await store.createSession(session);
      const consentId = `cs_${name}_${session.id}`;
      consents[name] = consentId;
      await store.commitConsent(
        {
          id: consentId,
          sessionId: session.id,
          evidenceJson: JSON.stringify({ signature_name: secrets[0], ip: secrets[1] }),
          evidenceSha256: 'c'.repeat(64),
          pdf: new Uint8Array([37, 80, 68, 70]),
          createdAt,
        },
        [
          {
            id: `ob_${consentId}_1`,
            kind: 'upload_consent',
            sessionId: session.id,
            attempts: 0,
            nextAttemptAt: createdAt,
            doneAt: null,
            lastError: null,
            resultId: null,
          },
        ],
      );
      if (delivered) await store.completeOutbox(`ob_${consentId}_1`, 'doc_1', createdAt);
    }
    await store.close();
    const env = { DATABASE_URL: `sqlite:${file}` };

    const dry = purge(env, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    const lines = dry.stdout.trim().split('\n');
    assert.match(lines[0]!, /^Consent retention: 1826 days \(CONSENT_RETENTION_DAYS\)/);
    assert.match(lines[1]!, /^Dry run, nothing deleted: 1 consent \(PDF, drawn signature/);
    assert.match(lines[2]!, /^Held: 1 session past the retention still owed to Checkr/);
    const reopened = () => new SqliteStore(file);
    let check = reopened();
    assert.ok(await check.getConsent(consents.old!));
    await check.close();

    const real = purge(env);
    assert.equal(real.status, 0, real.stderr);
    assert.match(
      real.stdout,
      /^Deleted 1 consent \(PDF, drawn signature, typed name, IP address, user agent\) and 1 apply session\.$/m,
    );
    for (const output of [dry.stdout, dry.stderr, real.stdout, real.stderr]) {
      for (const value of [...secrets, ...Object.values(consents), 'cand_']) {
        assert.ok(!output.includes(value), `"${value}" printed`);
      }
    }
    check = reopened();
    assert.equal(await check.getConsent(consents.old!), undefined);
    assert.ok(await check.getConsent(consents.owed!), 'held: its upload is still owed');
    assert.ok(await check.getConsent(consents.recent!));
    await check.close();
  });

  it('refuses a retention that makes no sense with one line, before opening the store', () => {
    for (const [value, message] of [
      ['30', 'CONSENT_RETENTION_DAYS must be at least 365 days'],
      ['five years', 'CONSENT_RETENTION_DAYS must be a whole number of days'],
    ]) {
      const result = purge({ CONSENT_RETENTION_DAYS: value!, DATABASE_URL: 'sqlite::memory:' });
      assert.equal(result.status, 2);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1);
      assert.ok(lines[0]!.startsWith(`Configuration error: ${message}`), lines[0]);
    }
    assert.match(purge({}, '--all').stderr, /^Usage: npm run purge \[-- --dry-run\]/);
  });
});
