/**
 * The store contract: what every engine behind `Store` must do, run against SQLite
 * (store-sqlite.test.ts) and a real PostgreSQL server (test/postgres/). A new store method gets
 * its test here, so both engines are held to it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ApplySession,
  ConsentRecord,
  OutboxItem,
  Store,
} from '../../server/src/store/store.ts';

const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;

export function newSessionRecord(fields: Partial<ApplySession> = {}): ApplySession {
  return {
    id: id('as'),
    packageSlug: 'driver_pro',
    minAge: 18,
    workLocations: [{ country: 'US', state: 'PA', city: 'Scranton' }],
    prefill: { first_name: 'Zoë', email: 'z@example.com' },
    customId: null,
    locale: 'es',
    audience: 'https://careers.example.com',
    status: 'open',
    createdAt: '2026-11-23T15:00:00.000Z',
    candidateId: null,
    candidateHash: null,
    residenceState: null,
    nameDigests: [],
    copyRequested: false,
    reportId: null,
    reportStatus: null,
    reportResult: null,
    ...fields,
  };
}

function consentFor(sessionId: string, createdAt = '2026-11-23T15:05:00.000Z'): ConsentRecord {
  // Every byte value, so an engine that treats the PDF as text or trims it fails.
  const pdf = new Uint8Array(512);
  for (let i = 0; i < pdf.length; i++) pdf[i] = i % 256;
  return {
    id: id('cs'),
    sessionId,
    evidenceJson: '{"consent":"ñ ✓"}',
    evidenceSha256: 'a'.repeat(64),
    pdf,
    createdAt,
  };
}

function outboxFor(consent: ConsentRecord): OutboxItem[] {
  return (['upload_consent', 'create_report'] as const).map((kind, i) => ({
    id: `ob_${consent.id}_${i + 1}`,
    kind,
    sessionId: consent.sessionId,
    attempts: 0,
    nextAttemptAt: consent.createdAt,
    doneAt: null,
    lastError: null,
    resultId: null,
  }));
}

/** Runs the whole contract against a fresh, empty store from `open`. */
export function storeContract(engine: string, open: () => Promise<Store>): void {
  describe(`store contract: ${engine}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it('keeps a session field for field, JSON, booleans and nulls included', async () => {
      const session = newSessionRecord({ customId: 'cust-1' });
      await store.createSession(session);
      assert.deepEqual(await store.getSession(session.id), session);
      assert.equal(await store.getSession('as_missing'), undefined);

      await store.updateSession(session.id, {
        candidateId: 'cand_1',
        candidateHash: 'h1',
        nameDigests: ['d1', 'd2'],
        copyRequested: true,
        workLocations: [{ country: 'US', state: 'CA' }],
      });
      await store.updateSession(session.id, {}); // nothing to change is not an error
      const updated = await store.getSession(session.id);
      assert.deepEqual(updated, {
        ...session,
        candidateId: 'cand_1',
        candidateHash: 'h1',
        nameDigests: ['d1', 'd2'],
        copyRequested: true,
        workLocations: [{ country: 'US', state: 'CA' }],
      });
      assert.equal((await store.findSessionByCandidate('cand_1'))?.id, session.id);
      assert.equal(await store.findSessionByCandidate('cand_none'), undefined);

      await store.updateSession(session.id, { reportId: 'rep_1', reportStatus: 'pending' });
      assert.equal((await store.findSessionByReport('rep_1'))?.reportStatus, 'pending');
      await store.updateSession(session.id, { copyRequested: false, customId: null });
      const back = await store.getSession(session.id);
      assert.equal(back?.copyRequested, false);
      assert.equal(back?.customId, null);
    });

    it('records an acknowledgement once, in the order given', async () => {
      const session = newSessionRecord();
      await store.createSession(session);
      const ack = (documentId: string, at: string) => ({
        sessionId: session.id,
        documentId,
        version: '1',
        sha256: 'b'.repeat(64),
        acknowledgedAt: at,
      });
      await store.addAcknowledgement(ack('fcra', '2026-11-23T15:01:00.000Z'));
      await store.addAcknowledgement(ack('ca', '2026-11-23T15:02:00.000Z'));
      await store.addAcknowledgement(ack('fcra', '2026-11-23T15:03:00.000Z')); // a double click
      assert.deepEqual(await store.listAcknowledgements(session.id), [
        ack('fcra', '2026-11-23T15:01:00.000Z'),
        ack('ca', '2026-11-23T15:02:00.000Z'),
      ]);
      assert.deepEqual(await store.listAcknowledgements('as_other'), []);
    });

    it('commits consent, outbox and the closing together, PDF bytes exact', async () => {
      const session = newSessionRecord({ candidateId: 'cand_c' });
      await store.createSession(session);
      const consent = consentFor(session.id);
      await store.commitConsent(consent, outboxFor(consent));

      const stored = await store.getConsent(consent.id);
      assert.deepEqual(stored, consent);
      assert.ok(stored!.pdf instanceof Uint8Array);
      assert.deepEqual(await store.getConsentBySession(session.id), consent);
      assert.equal((await store.getSession(session.id))?.status, 'closed');
      assert.deepEqual(
        (await store.listOutbox(session.id)).map((o) => [o.kind, o.attempts, o.doneAt]),
        [
          ['upload_consent', 0, null],
          ['create_report', 0, null],
        ],
      );
      assert.equal(await store.getConsent('cs_missing'), undefined);
    });

    it('commits nothing when any part of the consent transaction fails', async () => {
      const session = newSessionRecord({ candidateId: 'cand_d' });
      await store.createSession(session);
      const first = consentFor(session.id);
      await store.commitConsent(first, outboxFor(first));
      // A second consent for the same session breaks the one-consent-per-session rule ...
      const second = consentFor(session.id);
      await assert.rejects(store.commitConsent(second, outboxFor(second)));
      assert.equal(await store.getConsent(second.id), undefined);
      assert.equal((await store.listOutbox(session.id)).length, 2);

      // ... and an outbox row that cannot be written takes the consent and the closing with it.
      const other = newSessionRecord({ candidateId: 'cand_e' });
      await store.createSession(other);
      const third = consentFor(other.id);
      const clash = outboxFor(third);
      clash[1]!.id = clash[0]!.id;
      await assert.rejects(store.commitConsent(third, clash));
      assert.equal(await store.getConsent(third.id), undefined);
      assert.equal((await store.getSession(other.id))?.status, 'open');
      assert.deepEqual(await store.listOutbox(other.id), []);
    });

    it('hands out due outbox items and records their attempts', async () => {
      const session = newSessionRecord({ candidateId: 'cand_o' });
      await store.createSession(session);
      const consent = consentFor(session.id, '2000-01-01T00:00:00.000Z');
      const [upload, report] = outboxFor(consent);
      await store.commitConsent(consent, [upload!, report!]);

      const due = (await store.dueOutbox('2000-01-01T00:00:00.000Z', 100)).filter(
        (o) => o.sessionId === session.id,
      );
      assert.deepEqual(
        due.map((o) => o.id),
        [upload!.id, report!.id],
      );
      assert.equal(
        (await store.dueOutbox('1999-12-31T23:59:59.999Z', 100)).some(
          (o) => o.sessionId === session.id,
        ),
        false,
        'not due before next_attempt_at',
      );
      assert.ok((await store.dueOutbox('2100-01-01T00:00:00.000Z', 1)).length <= 1, 'limit');

      await store.failOutbox(upload!.id, 'checkr 500', '2000-01-01T00:00:05.000Z');
      await store.completeOutbox(report!.id, 'rep_x', '2000-01-01T00:00:01.000Z');
      const [failed, done] = await store.listOutbox(session.id);
      assert.deepEqual(
        [failed!.attempts, failed!.lastError, failed!.nextAttemptAt, failed!.doneAt],
        [1, 'checkr 500', '2000-01-01T00:00:05.000Z', null],
      );
      assert.deepEqual(
        [done!.attempts, done!.resultId, done!.doneAt, done!.lastError],
        [1, 'rep_x', '2000-01-01T00:00:01.000Z', null],
      );
      const stillDue = (await store.dueOutbox('2000-01-01T00:00:10.000Z', 100)).filter(
        (o) => o.sessionId === session.id,
      );
      assert.deepEqual(
        stillDue.map((o) => o.id),
        [upload!.id],
        'a done item is never due again',
      );
    });

    it('lists consents newest first with their upload state', async () => {
      const ids: string[] = [];
      for (const at of ['2030-01-01T00:00:01.000Z', '2030-01-01T00:00:02.000Z']) {
        const session = newSessionRecord({ candidateId: id('cand'), customId: at });
        await store.createSession(session);
        const consent = consentFor(session.id, at);
        await store.commitConsent(consent, outboxFor(consent));
        ids.push(consent.id);
      }
      await store.completeOutbox(`ob_${ids[0]}_1`, 'doc_1', '2030-01-01T00:00:03.000Z');
      const rows = await store.listConsents(2);
      assert.deepEqual(
        rows.map((r) => [r.id, r.uploaded, r.customId]),
        [
          [ids[1], false, '2030-01-01T00:00:02.000Z'],
          [ids[0], true, '2030-01-01T00:00:01.000Z'],
        ],
      );
    });

    it('recognises a webhook event the second time, per source', async () => {
      const eventId = id('evt');
      const at = '2026-11-23T15:10:00.000Z';
      assert.equal(await store.recordWebhookEvent('checkr', eventId, 'report.completed', at), true);
      assert.equal(
        await store.recordWebhookEvent('checkr', eventId, 'report.completed', at),
        false,
      );
      assert.equal(await store.recordWebhookEvent('checkr-pay', eventId, 'x', at), true);
    });
  });
}
