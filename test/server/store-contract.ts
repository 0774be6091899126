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
    licenseState: null,
    nameDigests: [],
    copyRequested: false,
    reportId: null,
    reportStatus: null,
    reportResult: null,
    node: null,
    reportEventAt: null,
    reportCheckedAt: null,
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
      // Issue 15: the prefill (email, phone, names) goes when the session closes.
      assert.deepEqual((await store.getSession(session.id))?.prefill, {});
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

    it('leases due outbox items to one holder at a time, and records their attempts', async () => {
      // Dates before every other test's items, so no other test's items are due here.
      const session = newSessionRecord({ candidateId: 'cand_o' });
      await store.createSession(session);
      const consent = consentFor(session.id, '1990-01-01T00:00:00.000Z');
      const [upload, report] = outboxFor(consent);
      await store.commitConsent(consent, [upload!, report!]);
      const mine = async (holder: string, now: string, leaseMs = 60_000, limit = 100) =>
        (await store.claimOutbox(now, limit, holder, leaseMs))
          .filter((o) => o.sessionId === session.id)
          .map((o) => o.id);

      assert.deepEqual(await mine('B', '1989-12-31T23:59:59.999Z'), [], 'not due yet');
      assert.deepEqual(await mine('A', '1990-01-01T00:00:00.000Z'), [upload!.id, report!.id]);
      assert.deepEqual(await mine('B', '1990-01-01T00:00:00.000Z'), [], 'leased to A');
      await store.releaseOutbox(report!.id, 'B'); // not B's to give back
      assert.deepEqual(await mine('B', '1990-01-01T00:00:00.000Z'), []);
      await store.releaseOutbox(report!.id, 'A');
      assert.deepEqual(await mine('B', '1990-01-01T00:00:00.000Z'), [report!.id]);

      await store.failOutbox(upload!.id, 'checkr 500', '1990-01-01T00:00:05.000Z');
      const [failed] = await store.listOutbox(session.id);
      assert.deepEqual(
        [failed!.attempts, failed!.lastError, failed!.nextAttemptAt, failed!.doneAt],
        [1, 'checkr 500', '1990-01-01T00:00:05.000Z', null],
      );
      assert.deepEqual(await mine('C', '1990-01-01T00:00:04.000Z'), [], 'backing off');
      // A holder that dies keeps its items only until its lease runs out.
      assert.deepEqual(await mine('C', '1990-01-01T00:00:05.000Z', 1), [upload!.id]);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.deepEqual(await mine('D', '1990-01-01T00:00:05.000Z'), [upload!.id]);

      await store.completeOutbox(report!.id, 'rep_x', '1990-01-01T00:00:01.000Z');
      const [, done] = await store.listOutbox(session.id);
      assert.deepEqual(
        [done!.attempts, done!.resultId, done!.doneAt, done!.lastError],
        [1, 'rep_x', '1990-01-01T00:00:01.000Z', null],
      );
      await store.completeOutbox(upload!.id, 'doc_x', '1990-01-01T00:00:06.000Z');
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.deepEqual(await mine('E', '1990-01-02T00:00:00.000Z', 1), [], 'done is never due');
    });

    it('gives claimers racing for the same items disjoint sets', async () => {
      const sessions: string[] = [];
      for (let i = 0; i < 8; i++) {
        const session = newSessionRecord({ candidateId: id('cand') });
        await store.createSession(session);
        const consent = consentFor(session.id, '1980-01-01T00:00:00.000Z');
        await store.commitConsent(consent, outboxFor(consent));
        sessions.push(session.id);
      }
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store.claimOutbox('1980-01-01T00:00:00.000Z', 4, `racer-${i}`, 60_000),
        ),
      );
      const ids = claims
        .flat()
        .filter((o) => sessions.includes(o.sessionId))
        .map((o) => o.id);
      assert.ok(
        claims.every((c) => c.length <= 4),
        'limit',
      );
      assert.equal(new Set(ids).size, ids.length, 'no item claimed twice');
      assert.equal(ids.length, 16, 'every item claimed by someone');
    });

    it('grants a named lease to one holder until released or run out', async () => {
      const name = id('session');
      assert.equal(await store.tryLease(name, 'A', 60_000), true);
      assert.equal(await store.tryLease(name, 'B', 60_000), false);
      assert.equal(await store.tryLease(name, 'A', 60_000), true, 'the holder renews');
      await store.releaseLease(name, 'B');
      assert.equal(await store.tryLease(name, 'B', 60_000), false, 'only the holder releases');
      await store.releaseLease(name, 'A');
      assert.equal(await store.tryLease(name, 'B', 1), true);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(await store.tryLease(name, 'C', 60_000), true, 'run out');

      const contested = id('session');
      const taken = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.tryLease(contested, `h${i}`, 60_000)),
      );
      assert.equal(taken.filter(Boolean).length, 1);
    });

    it('counts rate-limit hits in fixed windows, exactly under concurrency', async () => {
      const key = id('limit');
      const first = await store.countRateLimit(key, 60_000, 1);
      assert.equal(first.hits, 1);
      assert.ok(Math.abs(first.resetAt.getTime() - (Date.now() + 60_000)) < 5_000);
      assert.equal((await store.countRateLimit(key, 60_000, 1)).hits, 2);
      const third = await store.countRateLimit(key, 60_000, 1);
      assert.equal(third.hits, 3);
      assert.equal(third.resetAt.getTime(), first.resetAt.getTime(), 'same window');
      assert.equal((await store.countRateLimit(key, 60_000, -1)).hits, 2);
      await store.resetRateLimit(key);
      assert.equal((await store.countRateLimit(key, 60_000, 1)).hits, 1);

      // A window ends at its resetAt (whichever clock, the store's own, decides).
      const short = id('limit');
      const one = await store.countRateLimit(short, 1500, 1);
      const two = await store.countRateLimit(short, 1500, 1);
      assert.equal(two.hits, two.resetAt.getTime() === one.resetAt.getTime() ? 2 : 1);
      await new Promise((resolve) => setTimeout(resolve, two.resetAt.getTime() - Date.now() + 100));
      assert.equal((await store.countRateLimit(short, 1500, 1)).hits, 1, 'a new window');

      const busy = id('limit');
      const counts = await Promise.all(
        Array.from({ length: 20 }, () => store.countRateLimit(busy, 60_000, 1)),
      );
      assert.deepEqual(
        counts.map((c) => c.hits).sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });

    it('stops an outbox item for good until an operator retries it', async () => {
      const session = newSessionRecord({ candidateId: 'cand_f' });
      await store.createSession(session);
      const consent = consentFor(session.id, '1970-01-03T00:00:00.000Z');
      const [upload, report] = outboxFor(consent);
      await store.commitConsent(consent, [upload!, report!]);
      const mine = async (state: 'failed' | 'pending') =>
        (await store.listOutboxByState(state, 1000))
          .filter((o) => o.sessionId === session.id)
          .map((o) => o.id);

      await store.failOutbox(report!.id, 'checkr 500', '1970-01-03T00:00:00.000Z');
      assert.deepEqual(await mine('pending'), [report!.id]);
      await store.failOutboxPermanently(
        upload!.id,
        { code: 'checkr 400', text: 'Package not found' },
        '1970-01-03T00:00:01.000Z',
      );
      const failed = await store.getOutboxItem(upload!.id);
      assert.deepEqual(
        [failed?.failedAt, failed?.errorCode, failed?.errorText, failed?.doneAt],
        ['1970-01-03T00:00:01.000Z', 'checkr 400', 'Package not found', null],
      );
      assert.deepEqual(await mine('failed'), [upload!.id]);
      const claimed = await store.claimOutbox('2100-01-01T00:00:00.000Z', 1000, 'F', 60_000);
      assert.ok(!claimed.some((o) => o.id === upload!.id), 'a failed item is never due by itself');
      for (const o of claimed) await store.releaseOutbox(o.id, 'F');

      assert.equal(await store.retryOutbox(upload!.id, '1970-01-03T00:00:02.000Z'), true);
      assert.deepEqual(await mine('failed'), []);
      assert.equal(
        (await store.getOutboxItem(upload!.id))?.nextAttemptAt,
        '1970-01-03T00:00:02.000Z',
      );
      await store.completeOutbox(report!.id, 'rep_f', '1970-01-03T00:00:03.000Z');
      assert.equal(await store.retryOutbox(report!.id, '1970-01-03T00:00:04.000Z'), false, 'done');
      assert.equal(await store.retryOutbox('ob_missing', '1970-01-03T00:00:04.000Z'), false);
      assert.equal(await store.getOutboxItem('ob_missing'), undefined);

      const removal = {
        ...upload!,
        id: `ob_${session.id}_removal`,
        nextAttemptAt: '1970-01-03T00:00:05.000Z',
      };
      await store.addOutbox([removal]);
      await store.addOutbox([{ ...removal, nextAttemptAt: '1999-01-01T00:00:00.000Z' }]);
      assert.equal(
        (await store.getOutboxItem(removal.id))?.nextAttemptAt,
        removal.nextAttemptAt,
        'kept as it was',
      );
    });

    it('keeps idempotency keys, Pay workers and webhook events as written', async () => {
      const scope = id('scope');
      assert.equal(await store.getIdempotencyKey(scope), undefined);
      await store.putIdempotencyKey(scope, 'key-1', 'digest-1', '2026-11-23T15:00:00.000Z');
      await store.putIdempotencyKey(scope, 'key-2', 'digest-2', '2026-11-23T15:01:00.000Z');
      assert.deepEqual(await store.getIdempotencyKey(scope), { key: 'key-2', digest: 'digest-2' });

      const worker = {
        customerId: id('user'),
        workerId: id('wrk'),
        status: 'pending',
        backgroundCheckId: null,
        createdAt: '2026-11-23T15:00:00.000Z',
        updatedAt: '2026-11-23T15:00:00.000Z',
      };
      await store.putPayWorker(worker);
      assert.deepEqual(await store.getPayWorker(worker.customerId), worker);
      assert.deepEqual(await store.getPayWorkerById(worker.workerId), worker);
      await store.updatePayWorkerStatus(worker.workerId, 'active', '2026-11-23T15:02:00.000Z');
      assert.deepEqual(await store.getPayWorker(worker.customerId), {
        ...worker,
        status: 'active',
        updatedAt: '2026-11-23T15:02:00.000Z',
      });
      assert.equal(await store.getPayWorker('nobody'), undefined);

      const object = id('rep');
      await store.recordWebhookEvent(
        'checkr',
        id('evt'),
        'report.completed',
        '2026-11-23T15:03:00.000Z',
        {
          objectId: object,
          createdAt: '2026-11-23T15:02:59.000Z',
        },
      );
      const events = await store.listWebhookEvents([object], 10);
      assert.deepEqual(
        events.map((e) => [e.source, e.type, e.objectId, e.createdAt, e.receivedAt]),
        [
          [
            'checkr',
            'report.completed',
            object,
            '2026-11-23T15:02:59.000Z',
            '2026-11-23T15:03:00.000Z',
          ],
        ],
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

    it('stops a refused outbox item for good, lists it, and makes it due again on retry', async () => {
      const session = newSessionRecord({ candidateId: 'cand_f' });
      await store.createSession(session);
      const consent = consentFor(session.id, '1980-01-01T00:00:00.000Z');
      const [upload] = outboxFor(consent);
      await store.commitConsent(consent, [upload!]);
      const claimed = async (now: string) =>
        (await store.claimOutbox(now, 100, 'F', 60_000)).filter((o) => o.id === upload!.id);
      assert.equal((await claimed('1980-01-01T00:00:00.000Z')).length, 1);
      await store.failOutboxPermanently(
        upload!.id,
        { code: 'checkr_400', text: 'Package not found' },
        '1980-01-01T00:00:01.000Z',
      );
      assert.equal((await claimed('2100-01-01T00:00:00.000Z')).length, 0, 'never due by itself');
      const failed = (await store.listOutboxByState('failed', 1000)).find(
        (o) => o.id === upload!.id,
      );
      assert.equal(failed?.errorCode, 'checkr_400');
      assert.equal(failed?.errorText, 'Package not found');
      assert.equal(failed?.attempts, 1);
      assert.equal(await store.retryOutbox(upload!.id, '1980-01-02T00:00:00.000Z'), true);
      assert.equal((await claimed('1980-01-02T00:00:00.000Z')).length, 1);
      assert.equal(await store.retryOutbox('ob_missing', '1980-01-02T00:00:00.000Z'), false);
    });

    it('erases the prefill of every session started before a time, and only those', async () => {
      const expired = newSessionRecord({ createdAt: '1961-01-01T00:00:00.000Z' });
      const expiredClosed = newSessionRecord({
        createdAt: '1961-06-01T00:00:00.000Z',
        status: 'closed',
        candidateId: id('cand'),
      });
      const recent = newSessionRecord({ createdAt: '1962-01-01T00:00:00.000Z' });
      for (const session of [expired, expiredClosed, recent]) await store.createSession(session);

      assert.equal(await store.erasePrefillBefore('1962-01-01T00:00:00.000Z'), 2);
      assert.deepEqual((await store.getSession(expired.id))?.prefill, {});
      assert.deepEqual((await store.getSession(expiredClosed.id))?.prefill, {});
      assert.deepEqual((await store.getSession(recent.id))?.prefill, recent.prefill);
      assert.equal((await store.getSession(expired.id))?.status, 'open', 'still usable');
      assert.equal(await store.erasePrefillBefore('1962-01-01T00:00:00.000Z'), 0, 'once');
    });

    it('purges sessions past the retention with their evidence, holding what Checkr is owed', async () => {
      const at = (day: number) => `1950-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      const consented = async (createdAt: string, delivered: 'all' | 'none' | 'failed') => {
        const session = newSessionRecord({
          candidateId: id('cand'),
          reportId: id('rep'),
          createdAt,
        });
        await store.createSession(session);
        await store.addAcknowledgement({
          sessionId: session.id,
          documentId: 'fcra-disclosure',
          version: '1',
          sha256: 'b'.repeat(64),
          acknowledgedAt: createdAt,
        });
        const consent = consentFor(session.id, createdAt);
        const [upload, report] = outboxFor(consent);
        await store.commitConsent(consent, [upload!, report!]);
        if (delivered !== 'none') await store.completeOutbox(upload!.id, 'doc', createdAt);
        if (delivered === 'all')
          await store.completeOutbox(report!.id, session.reportId!, createdAt);
        if (delivered === 'failed')
          await store.failOutboxPermanently(
            report!.id,
            { code: 'checkr_400', text: 'x' },
            createdAt,
          );
        return { session, consent, report: report! };
      };
      const old = await consented(at(1), 'all');
      const owed = await consented(at(2), 'none');
      const failed = await consented(at(3), 'failed');
      const recent = await consented(at(20), 'all');
      const unsigned = newSessionRecord({ createdAt: at(4) });
      const abandoned = newSessionRecord({ createdAt: at(5), candidateId: id('cand') });
      for (const session of [unsigned, abandoned]) await store.createSession(session);
      await store.recordWebhookEvent('checkr', id('evt'), 'report.completed', at(6), {
        objectId: old.session.reportId!,
        createdAt: at(6),
      });
      await store.putIdempotencyKey(`candidate-create:${old.session.id}`, 'k', 'd', at(1));

      const before = at(10);
      const dry = await store.purgeBefore(before, { limit: 1, dryRun: true });
      assert.deepEqual(dry, { consents: 1, sessions: 2, held: 3 }, 'counts every batch');
      assert.ok(await store.getConsent(old.consent.id), 'a dry run deletes nothing');

      const first = await store.purgeBefore(before, { limit: 1 });
      const second = await store.purgeBefore(before, { limit: 1 });
      const third = await store.purgeBefore(before, { limit: 1 });
      assert.deepEqual(
        [first, second, third],
        [
          { consents: 1, sessions: 1, held: 3 },
          { consents: 0, sessions: 1, held: 3 },
          { consents: 0, sessions: 0, held: 3 },
        ],
      );
      assert.equal(await store.getConsent(old.consent.id), undefined);
      assert.equal(await store.getConsentBySession(old.session.id), undefined);
      assert.equal(await store.getSession(old.session.id), undefined);
      assert.deepEqual(await store.listAcknowledgements(old.session.id), []);
      assert.deepEqual(await store.listOutbox(old.session.id), []);
      assert.deepEqual(await store.listWebhookEvents([old.session.reportId!], 10), []);
      assert.equal(await store.getIdempotencyKey(`candidate-create:${old.session.id}`), undefined);
      assert.equal(await store.getSession(unsigned.id), undefined);

      // Held: evidence Checkr has not received, a report order an operator must look at, a PII
      // removal not yet queued; and evidence still inside the retention.
      for (const kept of [owed, failed, recent]) {
        assert.deepEqual((await store.getConsent(kept.consent.id))?.pdf, kept.consent.pdf);
        assert.equal((await store.listAcknowledgements(kept.session.id)).length, 1);
      }
      assert.ok(await store.getSession(abandoned.id));

      await store.retryOutbox(failed.report.id, at(11));
      await store.completeOutbox(failed.report.id, failed.session.reportId!, at(11));
      assert.deepEqual(await store.purgeBefore(before, { limit: 10 }), {
        consents: 1,
        sessions: 1,
        held: 2,
      });
      assert.equal(await store.getConsent(failed.consent.id), undefined);
    });

    it('keeps idempotency keys per scope, Pay workers per customer id, abandoned sessions, events by object', async () => {
      const scope = id('scope');
      assert.equal(await store.getIdempotencyKey(scope), undefined);
      await store.putIdempotencyKey(scope, 'k1', 'd1', '2026-11-23T15:00:00.000Z');
      await store.putIdempotencyKey(scope, 'k2', 'd2', '2026-11-23T15:00:01.000Z');
      assert.deepEqual(await store.getIdempotencyKey(scope), { key: 'k2', digest: 'd2' });

      const customerId = id('user');
      const workerId = randomUUID();
      await store.putPayWorker({
        customerId,
        workerId,
        status: 'pending',
        backgroundCheckId: 'cand_w',
        createdAt: '2026-11-23T15:00:00.000Z',
        updatedAt: '2026-11-23T15:00:00.000Z',
      });
      await store.updatePayWorkerStatus(workerId, 'onboarded', '2026-11-23T15:01:00.000Z');
      assert.equal((await store.getPayWorker(customerId))?.status, 'onboarded');
      assert.equal((await store.getPayWorkerById(workerId))?.customerId, customerId);

      const abandoned = newSessionRecord({
        candidateId: id('cand'),
        createdAt: '1970-01-02T00:00:00.000Z',
      });
      await store.createSession(abandoned);
      const listed = async () =>
        (await store.listAbandonedSessions('1970-01-03T00:00:00.000Z', 1000)).map((s) => s.id);
      assert.ok((await listed()).includes(abandoned.id));
      await store.addOutbox([
        {
          id: `ob_${abandoned.id}_pii`,
          kind: 'remove_pii',
          sessionId: abandoned.id,
          attempts: 0,
          nextAttemptAt: '1970-01-03T00:00:00.000Z',
          doneAt: null,
          lastError: null,
          resultId: null,
        },
      ]);
      assert.ok(!(await listed()).includes(abandoned.id), 'owed once');

      const objectId = id('rep');
      await store.recordWebhookEvent(
        'checkr',
        id('evt'),
        'report.completed',
        '2026-11-23T15:02:00.000Z',
        {
          objectId,
          createdAt: '2026-11-23T15:01:00.000Z',
        },
      );
      const events = await store.listWebhookEvents([objectId], 10);
      assert.deepEqual(
        events.map((e) => [e.type, e.createdAt]),
        [['report.completed', '2026-11-23T15:01:00.000Z']],
      );
    });
  });
}
