import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  Acknowledgement,
  ApplySession,
  ConsentListRow,
  ConsentRecord,
  OutboxItem,
  OutboxState,
  PayWorkerRecord,
  PurgeCounts,
  Store,
  WebhookEventRow,
} from './store.ts';
import { assertKnownVersions, MIGRATIONS, migrationSql } from './migrations.ts';
import {
  CONSENT_LIST_SQL,
  OWED_TO_CHECKR_SQL,
  agedSessionsSql,
  SESSION_COLUMNS,
  columnValue,
  sessionValues,
  byDue,
  toAcknowledgement,
  toConsent,
  toConsentListRow,
  toOutbox,
  toPayWorker,
  toSession,
  toWebhookEvent,
  type Row,
} from './rows.ts';

const sqliteBoolean = (value: boolean) => (value ? 1 : 0);

/**
 * The embedded store: one SQLite file, WAL journal with `synchronous = FULL`, so a commit has
 * reached the disk before the call returns (the consent's promise to the candidate).
 *
 * A SQLite file belongs to one BFF process (two replicas on one file on a network disk would
 * corrupt it; many replicas take PostgreSQL). So the leases and rate-limit counters, which must
 * be shared between processes on PostgreSQL, live here in this process's memory: that is the
 * one process there is. Outbox claims are in the file, as on PostgreSQL.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();
  private readonly hits = new Map<string, { hits: number; resetAt: number }>();

  constructor(path: string) {
    if (path !== ':memory:') {
      // Consent evidence and candidates' names: readable by this user only. SQLite gives the
      // -wal and -shm files the main file's mode; an older 0644 file is tightened on opening.
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
    }
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Deleted rows (purged consent evidence) are overwritten with zeros, not left in free pages.
    this.db.pragma('secure_delete = ON');
    try {
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    // The file is this process's alone, so a claim found on opening is a dead process's (a
    // crash mid-delivery): its items are due again at once rather than when the lease runs out.
    this.db.exec(
      'UPDATE outbox SET claimed_by = NULL, lease_until = NULL WHERE claimed_by IS NOT NULL',
    );
  }

  /** `sqlite:.data/x.sqlite`, `sqlite::memory:` or a bare path. */
  static fromUrl(url: string): SqliteStore {
    return new SqliteStore(url.replace(/^sqlite:(\/\/)?/, ''));
  }

  /** Runs the migrations this file has not seen (migrations.ts), each in its own transaction. */
  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (
        this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>
      ).map((r) => r.version),
    );
    assertKnownVersions(applied);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migrationSql(migration, 'sqlite'));
        this.db
          .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
          .run(migration.version, new Date().toISOString());
      })();
    }
  }

  /** `PRAGMA integrity_check` says "ok" for a sound file. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? '';
  }

  async createSession(s: ApplySession): Promise<void> {
    const { columns, values } = sessionValues(s, sqliteBoolean);
    this.db
      .prepare(
        `INSERT INTO apply_sessions (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      .run(...values);
  }

  async getSession(id: string): Promise<ApplySession | undefined> {
    return toSession(
      this.db.prepare('SELECT * FROM apply_sessions WHERE id = ?').get(id) as Row | undefined,
    );
  }

  async updateSession(id: string, fields: Partial<Omit<ApplySession, 'id'>>): Promise<void> {
    const entries = Object.entries(fields) as Array<[keyof typeof SESSION_COLUMNS, unknown]>;
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${SESSION_COLUMNS[key]} = ?`).join(', ');
    const values = entries.map(([key, value]) => columnValue(key, value, sqliteBoolean));
    this.db.prepare(`UPDATE apply_sessions SET ${sets} WHERE id = ?`).run(...values, id);
  }

  async findSessionByCandidate(candidateId: string): Promise<ApplySession | undefined> {
    return toSession(
      this.db.prepare('SELECT * FROM apply_sessions WHERE candidate_id = ?').get(candidateId) as
        Row | undefined,
    );
  }

  async findSessionByReport(reportId: string): Promise<ApplySession | undefined> {
    return toSession(
      this.db.prepare('SELECT * FROM apply_sessions WHERE report_id = ?').get(reportId) as
        Row | undefined,
    );
  }

  async addAcknowledgement(a: Acknowledgement): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO acknowledgements (session_id, document_id, version, sha256, acknowledged_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (session_id, document_id, version) DO NOTHING`,
      )
      .run(a.sessionId, a.documentId, a.version, a.sha256, a.acknowledgedAt);
  }

  async listAcknowledgements(sessionId: string): Promise<Acknowledgement[]> {
    return (
      this.db
        .prepare(
          'SELECT * FROM acknowledgements WHERE session_id = ? ORDER BY acknowledged_at, document_id',
        )
        .all(sessionId) as Row[]
    ).map(toAcknowledgement);
  }

  async commitConsent(consent: ConsentRecord, outbox: OutboxItem[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO consents (id, session_id, evidence_json, evidence_sha256, pdf, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          consent.id,
          consent.sessionId,
          consent.evidenceJson,
          consent.evidenceSha256,
          Buffer.from(consent.pdf),
          consent.createdAt,
        );
      const insert = this.db.prepare(
        'INSERT INTO outbox (id, kind, session_id, attempts, next_attempt_at, done_at, last_error, result_id) VALUES (?, ?, ?, 0, ?, NULL, NULL, NULL)',
      );
      for (const item of outbox) insert.run(item.id, item.kind, item.sessionId, item.nextAttemptAt);
      this.db
        // The prefill (email, phone, names from the customer's backend) is needed no more.
        .prepare("UPDATE apply_sessions SET status = 'closed', prefill = '{}' WHERE id = ?")
        .run(consent.sessionId);
    })();
  }

  async getConsent(id: string): Promise<ConsentRecord | undefined> {
    return toConsent(
      this.db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as Row | undefined,
    );
  }

  async getConsentBySession(sessionId: string): Promise<ConsentRecord | undefined> {
    return toConsent(
      this.db.prepare('SELECT * FROM consents WHERE session_id = ?').get(sessionId) as
        Row | undefined,
    );
  }

  async listConsents(limit: number): Promise<ConsentListRow[]> {
    return (this.db.prepare(`${CONSENT_LIST_SQL} LIMIT ?`).all(limit) as Row[]).map(
      toConsentListRow,
    );
  }

  async claimOutbox(
    now: string,
    limit: number,
    holder: string,
    leaseMs: number,
  ): Promise<OutboxItem[]> {
    const nowMs = Date.now();
    // One statement, so it is atomic against any other writer of the file.
    const rows = this.db
      .prepare(
        `UPDATE outbox SET claimed_by = ?, lease_until = ?
         WHERE id IN (
           SELECT id FROM outbox
           WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY next_attempt_at, id LIMIT ?)
         RETURNING *`,
      )
      .all(
        holder,
        new Date(nowMs + leaseMs).toISOString(),
        now,
        new Date(nowMs).toISOString(),
        limit,
      ) as Row[];
    return rows.map(toOutbox).sort(byDue);
  }

  async releaseOutbox(id: string, holder: string): Promise<void> {
    this.db
      .prepare(
        'UPDATE outbox SET claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?',
      )
      .run(id, holder);
  }

  async listOutbox(sessionId: string): Promise<OutboxItem[]> {
    return (
      this.db
        .prepare('SELECT * FROM outbox WHERE session_id = ? ORDER BY id')
        .all(sessionId) as Row[]
    ).map(toOutbox);
  }

  async completeOutbox(id: string, resultId: string, at: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE outbox SET done_at = ?, result_id = ?, attempts = attempts + 1, last_error = NULL,
           claimed_by = NULL, lease_until = NULL WHERE id = ?`,
      )
      .run(at, resultId, id);
  }

  async failOutbox(id: string, error: string, nextAttemptAt: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
           claimed_by = NULL, lease_until = NULL WHERE id = ?`,
      )
      .run(error, nextAttemptAt, id);
  }

  async recordWebhookEvent(
    source: string,
    id: string,
    type: string,
    receivedAt: string,
    about: { objectId?: string | undefined; createdAt?: string | undefined } = {},
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        'INSERT INTO webhook_events (source, id, type, received_at, object_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(source, id, type, receivedAt, about.objectId ?? null, about.createdAt ?? null);
    return result.changes === 1;
  }

  async tryLease(name: string, holder: string, ms: number): Promise<boolean> {
    const now = Date.now();
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.expiresAt > now) return false;
    this.leases.set(name, { holder, expiresAt: now + ms });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async countRateLimit(
    key: string,
    windowMs: number,
    delta: 1 | 0 | -1,
  ): Promise<{ hits: number; resetAt: Date }> {
    const now = Date.now();
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      // Ended windows go as they are met, and all of them once the map grows.
      if (this.hits.size > 10_000)
        for (const [k, e] of this.hits) if (e.resetAt <= now) this.hits.delete(k);
      entry = { hits: 0, resetAt: now + windowMs };
      this.hits.set(key, entry);
    }
    entry.hits = Math.max(0, entry.hits + delta);
    return { hits: entry.hits, resetAt: new Date(entry.resetAt) };
  }

  async resetRateLimit(key: string): Promise<void> {
    this.hits.delete(key);
  }

  async failOutboxPermanently(
    id: string,
    failure: { code: string; text: string },
    at: string,
  ): Promise<void> {
    this.db
      .prepare(
        'UPDATE outbox SET attempts = attempts + 1, last_error = ?, error_code = ?, error_text = ?, failed_at = ?, claimed_by = NULL, lease_until = NULL WHERE id = ?',
      )
      .run(failure.code, failure.code, failure.text, at, id);
  }

  async listOutboxByState(state: OutboxState, limit: number): Promise<OutboxItem[]> {
    const where =
      state === 'failed'
        ? 'done_at IS NULL AND failed_at IS NOT NULL'
        : 'done_at IS NULL AND failed_at IS NULL AND attempts > 0';
    return (
      this.db
        .prepare(`SELECT * FROM outbox WHERE ${where} ORDER BY next_attempt_at LIMIT ?`)
        .all(limit) as Row[]
    ).map(toOutbox);
  }

  async getOutboxItem(id: string): Promise<OutboxItem | undefined> {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toOutbox(row) : undefined;
  }

  async retryOutbox(id: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare(
        'UPDATE outbox SET failed_at = NULL, next_attempt_at = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? AND done_at IS NULL',
      )
      .run(at, id);
    return result.changes === 1;
  }

  async addOutbox(items: OutboxItem[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO outbox (id, kind, session_id, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.db.transaction(() => {
      for (const item of items) insert.run(item.id, item.kind, item.sessionId, item.nextAttemptAt);
    })();
  }

  async getIdempotencyKey(scope: string): Promise<{ key: string; digest: string } | undefined> {
    const row = this.db
      .prepare('SELECT idempotency_key, request_digest FROM idempotency_keys WHERE scope = ?')
      .get(scope) as Row | undefined;
    return row
      ? { key: row.idempotency_key as string, digest: row.request_digest as string }
      : undefined;
  }

  async putIdempotencyKey(scope: string, key: string, digest: string, at: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO idempotency_keys (scope, idempotency_key, request_digest, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET idempotency_key = excluded.idempotency_key,
           request_digest = excluded.request_digest, created_at = excluded.created_at`,
      )
      .run(scope, key, digest, at);
  }

  async getPayWorker(customerId: string): Promise<PayWorkerRecord | undefined> {
    return toPayWorker(
      this.db.prepare('SELECT * FROM pay_workers WHERE customer_id = ?').get(customerId) as
        Row | undefined,
    );
  }

  async getPayWorkerById(workerId: string): Promise<PayWorkerRecord | undefined> {
    return toPayWorker(
      this.db.prepare('SELECT * FROM pay_workers WHERE worker_id = ?').get(workerId) as
        Row | undefined,
    );
  }

  async putPayWorker(w: PayWorkerRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO pay_workers (customer_id, worker_id, status, background_check_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET worker_id = excluded.worker_id, status = excluded.status,
           background_check_id = excluded.background_check_id, updated_at = excluded.updated_at`,
      )
      .run(w.customerId, w.workerId, w.status, w.backgroundCheckId, w.createdAt, w.updatedAt);
  }

  async updatePayWorkerStatus(workerId: string, status: string, at: string): Promise<void> {
    this.db
      .prepare('UPDATE pay_workers SET status = ?, updated_at = ? WHERE worker_id = ?')
      .run(status, at, workerId);
  }

  async listReportsToReconcile(before: string, limit: number): Promise<ApplySession[]> {
    return (
      this.db
        .prepare(
          `SELECT * FROM apply_sessions WHERE report_id IS NOT NULL
             AND (report_status IS NULL OR report_status NOT IN ('complete', 'canceled'))
             AND COALESCE(report_checked_at, created_at) < ?
           ORDER BY COALESCE(report_checked_at, created_at) LIMIT ?`,
        )
        .all(before, limit) as Row[]
    ).map((row) => toSession(row)!);
  }

  async listAbandonedSessions(before: string, limit: number): Promise<ApplySession[]> {
    return (
      this.db
        .prepare(
          `SELECT * FROM apply_sessions s WHERE s.status = 'open' AND s.candidate_id IS NOT NULL
             AND s.created_at < ?
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = s.id AND o.kind = 'remove_pii')
           ORDER BY s.created_at LIMIT ?`,
        )
        .all(before, limit) as Row[]
    ).map((row) => toSession(row)!);
  }

  async erasePrefillBefore(before: string): Promise<number> {
    return this.db
      .prepare("UPDATE apply_sessions SET prefill = '{}' WHERE created_at < ? AND prefill <> '{}'")
      .run(before).changes;
  }

  async purgeBefore(
    before: string,
    { limit, dryRun = false }: { limit: number; dryRun?: boolean },
  ): Promise<PurgeCounts> {
    const aged = agedSessionsSql('?');
    const held = Number(
      (this.db.prepare(`SELECT COUNT(*) AS n ${aged} AND ${OWED_TO_CHECKR_SQL}`).get(before) as Row)
        .n,
    );
    if (dryRun) {
      const row = this.db
        .prepare(
          `SELECT COUNT(*) AS sessions, COUNT(c.id) AS consents ${aged} AND NOT ${OWED_TO_CHECKR_SQL}`,
        )
        .get(before) as Row;
      return { consents: Number(row.consents), sessions: Number(row.sessions), held };
    }
    const purged = this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT s.id, s.candidate_id, s.report_id, c.id AS consent_id ${aged}
             AND NOT ${OWED_TO_CHECKR_SQL} ORDER BY s.created_at LIMIT ?`,
        )
        .all(before, limit) as Row[];
      const ids = rows.map((r) => r.id as string);
      const objects = rows.flatMap((r) => [r.candidate_id, r.report_id]).filter(Boolean);
      const list = (values: unknown[]) => values.map(() => '?').join(', ');
      if (objects.length > 0)
        this.db
          .prepare(`DELETE FROM webhook_events WHERE object_id IN (${list(objects)})`)
          .run(...objects);
      if (ids.length > 0)
        for (const table of ['acknowledgements', 'consents', 'outbox'])
          this.db.prepare(`DELETE FROM ${table} WHERE session_id IN (${list(ids)})`).run(...ids);
      if (ids.length > 0)
        this.db.prepare(`DELETE FROM apply_sessions WHERE id IN (${list(ids)})`).run(...ids);
      // Keys of requests made years ago: their retries are long over, and their digests are
      // keyed digests of candidates' data.
      this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before);
      return { consents: rows.filter((r) => r.consent_id).length, sessions: rows.length, held };
    })();
    // The old pages leave the write-ahead log too, not only the main file.
    if (purged.sessions > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return purged;
  }

  async listWebhookEvents(objectIds: readonly string[], limit: number): Promise<WebhookEventRow[]> {
    if (objectIds.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT * FROM webhook_events WHERE object_id IN (${objectIds.map(() => '?').join(', ')})
           ORDER BY COALESCE(created_at, received_at) LIMIT ?`,
        )
        .all(...objectIds, limit) as Row[]
    ).map(toWebhookEvent);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
