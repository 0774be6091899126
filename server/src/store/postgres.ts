import pg from 'pg';
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

export interface PostgresOptions {
  /** Connections per BFF process; the database's max_connections must cover every replica. */
  poolMax?: number;
  /** Any one statement longer than this is cancelled by the server (statement_timeout). */
  statementTimeoutMs?: number;
  /** Waiting longer than this for a free connection fails the request instead of queueing. */
  connectTimeoutMs?: number;
  onError?: (error: Error) => void;
}

/** Any constant: the key of the advisory lock that lets one replica at a time migrate. */
const MIGRATION_LOCK = 7_406_117_016;

const keep = (value: boolean) => value;

/**
 * The store for many BFF replicas: PostgreSQL through node-postgres (`pg`) and its pool. Every
 * piece of state replicas must agree on is here, not in a process: sessions and consent
 * evidence, outbox claims (FOR UPDATE SKIP LOCKED with a lease), named leases that serialize a
 * session's candidate submissions, rate-limit counters (an UNLOGGED table: fast, and losing the
 * counts in a database crash is acceptable), webhook events seen (primary key = de-duplication).
 * Leases and rate-limit windows run on the database's clock, so replicas' clocks need not agree.
 */
export class PostgresStore implements Store {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs ?? 5_000,
      // A transaction left open by a bug must not hold row locks for ever.
      idle_in_transaction_session_timeout: 10_000,
      application_name: 'checkr-kit-bff',
    });
    // An idle connection the server closes (restart, failover) must not crash the process; the
    // pool replaces it on the next checkout.
    pool.on('error', (error) => options.onError?.(error));
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  /**
   * Pending migrations in one transaction under an advisory lock: replicas starting together
   * wait for the first, then find nothing left to do.
   */
  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      // A migration may build an index on a large table: the per-request statement timeout
      // does not apply to it (nor to waiting for another replica's migration).
      await client.query('SET LOCAL statement_timeout = 0');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const applied = new Set(rows.map((r) => r.version));
      assertKnownVersions(applied);
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migrationSql(migration, 'postgres'));
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          migration.version,
          new Date().toISOString(),
        ]);
      }
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async rows(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, values)).rows as Row[];
  }

  private async row(sql: string, values: unknown[] = []): Promise<Row | undefined> {
    return (await this.rows(sql, values))[0];
  }

  async createSession(s: ApplySession): Promise<void> {
    const { columns, values } = sessionValues(s, keep);
    await this.pool.query(
      `INSERT INTO apply_sessions (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      values,
    );
  }

  async getSession(id: string): Promise<ApplySession | undefined> {
    return toSession(await this.row('SELECT * FROM apply_sessions WHERE id = $1', [id]));
  }

  async updateSession(id: string, fields: Partial<Omit<ApplySession, 'id'>>): Promise<void> {
    const entries = Object.entries(fields) as Array<[keyof typeof SESSION_COLUMNS, unknown]>;
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${SESSION_COLUMNS[key]} = $${i + 1}`).join(', ');
    const values = entries.map(([key, value]) => columnValue(key, value, keep));
    await this.pool.query(`UPDATE apply_sessions SET ${sets} WHERE id = $${entries.length + 1}`, [
      ...values,
      id,
    ]);
  }

  async findSessionByCandidate(candidateId: string): Promise<ApplySession | undefined> {
    return toSession(
      await this.row('SELECT * FROM apply_sessions WHERE candidate_id = $1 LIMIT 1', [candidateId]),
    );
  }

  async findSessionByReport(reportId: string): Promise<ApplySession | undefined> {
    return toSession(
      await this.row('SELECT * FROM apply_sessions WHERE report_id = $1 LIMIT 1', [reportId]),
    );
  }

  async addAcknowledgement(a: Acknowledgement): Promise<void> {
    await this.pool.query(
      `INSERT INTO acknowledgements (session_id, document_id, version, sha256, acknowledged_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, document_id, version) DO NOTHING`,
      [a.sessionId, a.documentId, a.version, a.sha256, a.acknowledgedAt],
    );
  }

  async listAcknowledgements(sessionId: string): Promise<Acknowledgement[]> {
    return (
      await this.rows(
        'SELECT * FROM acknowledgements WHERE session_id = $1 ORDER BY acknowledged_at, document_id',
        [sessionId],
      )
    ).map(toAcknowledgement);
  }

  async commitConsent(consent: ConsentRecord, outbox: OutboxItem[]): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO consents (id, session_id, evidence_json, evidence_sha256, pdf, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          consent.id,
          consent.sessionId,
          consent.evidenceJson,
          consent.evidenceSha256,
          Buffer.from(consent.pdf),
          consent.createdAt,
        ],
      );
      for (const item of outbox) {
        await client.query(
          'INSERT INTO outbox (id, kind, session_id, attempts, next_attempt_at) VALUES ($1, $2, $3, 0, $4)',
          [item.id, item.kind, item.sessionId, item.nextAttemptAt],
        );
      }
      // The prefill (email, phone, names from the customer's backend) is needed no more.
      await client.query(
        "UPDATE apply_sessions SET status = 'closed', prefill = '{}'::jsonb WHERE id = $1",
        [consent.sessionId],
      );
    });
  }

  async getConsent(id: string): Promise<ConsentRecord | undefined> {
    return toConsent(await this.row('SELECT * FROM consents WHERE id = $1', [id]));
  }

  async getConsentBySession(sessionId: string): Promise<ConsentRecord | undefined> {
    return toConsent(await this.row('SELECT * FROM consents WHERE session_id = $1', [sessionId]));
  }

  async listConsents(limit: number): Promise<ConsentListRow[]> {
    return (await this.rows(`${CONSENT_LIST_SQL} LIMIT $1`, [limit])).map(toConsentListRow);
  }

  async claimOutbox(
    now: string,
    limit: number,
    holder: string,
    leaseMs: number,
  ): Promise<OutboxItem[]> {
    // SKIP LOCKED: a replica claiming at the same moment passes over the rows this statement
    // holds instead of waiting for them, so the replicas get disjoint items.
    const rows = await this.rows(
      `UPDATE outbox SET claimed_by = $1, lease_until = clock_timestamp() + $2 * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM outbox
         WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
           AND (lease_until IS NULL OR lease_until <= clock_timestamp())
         ORDER BY next_attempt_at, id LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [holder, leaseMs, now, limit],
    );
    return rows.map(toOutbox).sort(byDue);
  }

  async releaseOutbox(id: string, holder: string): Promise<void> {
    await this.pool.query(
      'UPDATE outbox SET claimed_by = NULL, lease_until = NULL WHERE id = $1 AND claimed_by = $2',
      [id, holder],
    );
  }

  async listOutbox(sessionId: string): Promise<OutboxItem[]> {
    return (
      await this.rows('SELECT * FROM outbox WHERE session_id = $1 ORDER BY id', [sessionId])
    ).map(toOutbox);
  }

  async completeOutbox(id: string, resultId: string, at: string): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET done_at = $1, result_id = $2, attempts = attempts + 1, last_error = NULL,
         claimed_by = NULL, lease_until = NULL WHERE id = $3`,
      [at, resultId, id],
    );
  }

  async failOutbox(id: string, error: string, nextAttemptAt: string): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2,
         claimed_by = NULL, lease_until = NULL WHERE id = $3`,
      [error, nextAttemptAt, id],
    );
  }

  async recordWebhookEvent(
    source: string,
    id: string,
    type: string,
    receivedAt: string,
    about: { objectId?: string | undefined; createdAt?: string | undefined } = {},
  ): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO webhook_events (source, id, type, received_at, object_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [source, id, type, receivedAt, about.objectId ?? null, about.createdAt ?? null],
    );
    return result.rowCount === 1;
  }

  async failOutboxPermanently(
    id: string,
    failure: { code: string; text: string },
    at: string,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $1, error_code = $1, error_text = $2,
         failed_at = $3, claimed_by = NULL, lease_until = NULL WHERE id = $4`,
      [failure.code, failure.text, at, id],
    );
  }

  async listOutboxByState(state: OutboxState, limit: number): Promise<OutboxItem[]> {
    const where =
      state === 'failed'
        ? 'done_at IS NULL AND failed_at IS NOT NULL'
        : 'done_at IS NULL AND failed_at IS NULL AND attempts > 0';
    return (
      await this.rows(`SELECT * FROM outbox WHERE ${where} ORDER BY next_attempt_at LIMIT $1`, [
        limit,
      ])
    ).map(toOutbox);
  }

  async getOutboxItem(id: string): Promise<OutboxItem | undefined> {
    const row = await this.row('SELECT * FROM outbox WHERE id = $1', [id]);
    return row ? toOutbox(row) : undefined;
  }

  async retryOutbox(id: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE outbox SET failed_at = NULL, next_attempt_at = $1, claimed_by = NULL, lease_until = NULL WHERE id = $2 AND done_at IS NULL',
      [at, id],
    );
    return result.rowCount === 1;
  }

  async addOutbox(items: OutboxItem[]): Promise<void> {
    for (const item of items)
      await this.pool.query(
        'INSERT INTO outbox (id, kind, session_id, attempts, next_attempt_at) VALUES ($1, $2, $3, 0, $4) ON CONFLICT (id) DO NOTHING',
        [item.id, item.kind, item.sessionId, item.nextAttemptAt],
      );
  }

  async getIdempotencyKey(scope: string): Promise<{ key: string; digest: string } | undefined> {
    const row = await this.row(
      'SELECT idempotency_key, request_digest FROM idempotency_keys WHERE scope = $1',
      [scope],
    );
    return row
      ? { key: row.idempotency_key as string, digest: row.request_digest as string }
      : undefined;
  }

  async putIdempotencyKey(scope: string, key: string, digest: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO idempotency_keys (scope, idempotency_key, request_digest, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope) DO UPDATE SET idempotency_key = excluded.idempotency_key,
         request_digest = excluded.request_digest, created_at = excluded.created_at`,
      [scope, key, digest, at],
    );
  }

  async getPayWorker(customerId: string): Promise<PayWorkerRecord | undefined> {
    return toPayWorker(
      await this.row('SELECT * FROM pay_workers WHERE customer_id = $1', [customerId]),
    );
  }

  async getPayWorkerById(workerId: string): Promise<PayWorkerRecord | undefined> {
    return toPayWorker(
      await this.row('SELECT * FROM pay_workers WHERE worker_id = $1', [workerId]),
    );
  }

  async putPayWorker(w: PayWorkerRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO pay_workers (customer_id, worker_id, status, background_check_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (customer_id) DO UPDATE SET worker_id = excluded.worker_id, status = excluded.status,
         background_check_id = excluded.background_check_id, updated_at = excluded.updated_at`,
      [w.customerId, w.workerId, w.status, w.backgroundCheckId, w.createdAt, w.updatedAt],
    );
  }

  async updatePayWorkerStatus(workerId: string, status: string, at: string): Promise<void> {
    await this.pool.query(
      'UPDATE pay_workers SET status = $1, updated_at = $2 WHERE worker_id = $3',
      [status, at, workerId],
    );
  }

  async listReportsToReconcile(before: string, limit: number): Promise<ApplySession[]> {
    return (
      await this.rows(
        `SELECT * FROM apply_sessions WHERE report_id IS NOT NULL
           AND (report_status IS NULL OR report_status NOT IN ('complete', 'canceled'))
           AND COALESCE(report_checked_at, created_at) < $1
         ORDER BY COALESCE(report_checked_at, created_at) LIMIT $2`,
        [before, limit],
      )
    ).map((row) => toSession(row)!);
  }

  async listAbandonedSessions(before: string, limit: number): Promise<ApplySession[]> {
    return (
      await this.rows(
        `SELECT * FROM apply_sessions s WHERE s.status = 'open' AND s.candidate_id IS NOT NULL
           AND s.created_at < $1
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = s.id AND o.kind = 'remove_pii')
         ORDER BY s.created_at LIMIT $2`,
        [before, limit],
      )
    ).map((row) => toSession(row)!);
  }

  async erasePrefillBefore(before: string): Promise<number> {
    const result = await this.pool.query(
      "UPDATE apply_sessions SET prefill = '{}'::jsonb WHERE created_at < $1 AND prefill <> '{}'::jsonb",
      [before],
    );
    return result.rowCount ?? 0;
  }

  async purgeBefore(
    before: string,
    { limit, dryRun = false }: { limit: number; dryRun?: boolean },
  ): Promise<PurgeCounts> {
    const aged = agedSessionsSql('$1');
    const held = Number(
      (await this.row(`SELECT COUNT(*) AS n ${aged} AND ${OWED_TO_CHECKR_SQL}`, [before]))!.n,
    );
    if (dryRun) {
      const row = await this.row(
        `SELECT COUNT(*) AS sessions, COUNT(c.id) AS consents ${aged} AND NOT ${OWED_TO_CHECKR_SQL}`,
        [before],
      );
      return { consents: Number(row!.consents), sessions: Number(row!.sessions), held };
    }
    return this.transaction(async (client) => {
      // Locked, so two purges at once (or an outbox retry) never work on the same sessions.
      const { rows } = await client.query<Row>(
        `SELECT s.id, s.candidate_id, s.report_id, c.id AS consent_id ${aged}
           AND NOT ${OWED_TO_CHECKR_SQL} ORDER BY s.created_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
        [before, limit],
      );
      const ids = rows.map((r) => r.id as string);
      const objects = rows.flatMap((r) => [r.candidate_id, r.report_id]).filter(Boolean);
      await client.query('DELETE FROM webhook_events WHERE object_id = ANY($1)', [objects]);
      for (const table of ['acknowledgements', 'consents', 'outbox'])
        await client.query(`DELETE FROM ${table} WHERE session_id = ANY($1)`, [ids]);
      await client.query('DELETE FROM apply_sessions WHERE id = ANY($1)', [ids]);
      // Keys of requests made years ago: their retries are long over, and their digests are
      // keyed digests of candidates' data.
      await client.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
      return { consents: rows.filter((r) => r.consent_id).length, sessions: rows.length, held };
    });
  }

  async listWebhookEvents(objectIds: readonly string[], limit: number): Promise<WebhookEventRow[]> {
    if (objectIds.length === 0) return [];
    return (
      await this.rows(
        `SELECT * FROM webhook_events WHERE object_id = ANY($1)
         ORDER BY COALESCE(created_at, received_at) LIMIT $2`,
        [objectIds, limit],
      )
    ).map(toWebhookEvent);
  }

  async tryLease(name: string, holder: string, ms: number): Promise<boolean> {
    // Taken when absent, run out, or already ours; the row lock of the upsert decides races.
    const row = await this.row(
      `INSERT INTO leases (name, holder, expires_at)
       VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= clock_timestamp()
       RETURNING holder`,
      [name, holder, ms],
    );
    return row?.holder === holder;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async countRateLimit(
    key: string,
    windowMs: number,
    delta: 1 | 0 | -1,
  ): Promise<{ hits: number; resetAt: Date }> {
    const row = await this.row(
      `INSERT INTO rate_limit_hits (key, hits, reset_at)
       VALUES ($1, GREATEST($3, 0), clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_hits.reset_at <= clock_timestamp() THEN GREATEST($3, 0)
                     ELSE GREATEST(rate_limit_hits.hits + $3, 0) END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= clock_timestamp() THEN EXCLUDED.reset_at
                         ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
      [key, windowMs, delta],
    );
    // Ended windows are swept now and then rather than on every hit.
    if (Math.random() < 0.01) {
      void this.pool
        .query('DELETE FROM rate_limit_hits WHERE reset_at < clock_timestamp()')
        .catch(() => undefined);
    }
    return { hits: Number(row!.hits), resetAt: row!.reset_at as Date };
  }

  async resetRateLimit(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_hits WHERE key = $1', [key]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
