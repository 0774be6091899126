/**
 * The one schema history of both engines. Each migration runs once, in order, in a transaction,
 * and is recorded in `schema_migrations`; a store refuses to start on a database that has a
 * migration it does not know (a newer BFF already ran there).
 *
 * To change the schema: append `{ version: <last + 1>, name, sql }` to MIGRATIONS. `sql` is one
 * string when the statement is the same in SQLite and PostgreSQL (ALTER TABLE ... ADD COLUMN,
 * CREATE INDEX, most CREATE TABLEs), or `{ sqlite, postgres }` when the dialects differ (BLOB vs
 * BYTEA, timestamps, booleans, JSON). Never edit or reorder a migration that has landed: databases
 * in the field have run it. The store contract suite (test/server/store-contract.test.ts) runs
 * every migration on both engines.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string | Record<Dialect, string>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: sessions, acknowledgements, consents, outbox, webhook events',
    sql: {
      sqlite: `CREATE TABLE apply_sessions (
     id TEXT PRIMARY KEY,
     package_slug TEXT NOT NULL,
     min_age INTEGER NOT NULL,
     work_locations TEXT NOT NULL,
     prefill TEXT NOT NULL,
     custom_id TEXT,
     locale TEXT NOT NULL,
     audience TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
     created_at TEXT NOT NULL,
     candidate_id TEXT,
     candidate_hash TEXT,
     residence_state TEXT,
     name_digests TEXT NOT NULL DEFAULT '[]',
     copy_requested INTEGER NOT NULL DEFAULT 0,
     report_id TEXT,
     report_status TEXT,
     report_result TEXT
   );
   CREATE INDEX apply_sessions_candidate ON apply_sessions (candidate_id);
   CREATE INDEX apply_sessions_report ON apply_sessions (report_id);
   CREATE TABLE acknowledgements (
     session_id TEXT NOT NULL REFERENCES apply_sessions (id),
     document_id TEXT NOT NULL,
     version TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     acknowledged_at TEXT NOT NULL,
     PRIMARY KEY (session_id, document_id, version)
   );
   CREATE TABLE consents (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL UNIQUE REFERENCES apply_sessions (id),
     evidence_json TEXT NOT NULL,
     evidence_sha256 TEXT NOT NULL,
     pdf BLOB NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     session_id TEXT NOT NULL REFERENCES apply_sessions (id),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     done_at TEXT,
     last_error TEXT,
     result_id TEXT
   );
   CREATE INDEX outbox_due ON outbox (done_at, next_attempt_at);
   CREATE TABLE webhook_events (
     source TEXT NOT NULL,
     id TEXT NOT NULL,
     type TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (source, id)
   );`,
      // Timestamps stay ISO-8601 text in both engines: the store contract is strings, they sort
      // as time, and a copied database compares equal column for column. JSON is jsonb and the
      // PDF is bytea; copy_requested is a real boolean.
      postgres: `CREATE TABLE apply_sessions (
     id TEXT PRIMARY KEY,
     package_slug TEXT NOT NULL,
     min_age SMALLINT NOT NULL,
     work_locations JSONB NOT NULL,
     prefill JSONB NOT NULL,
     custom_id TEXT,
     locale TEXT NOT NULL,
     audience TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
     created_at TEXT NOT NULL,
     candidate_id TEXT,
     candidate_hash TEXT,
     residence_state TEXT,
     name_digests JSONB NOT NULL DEFAULT '[]',
     copy_requested BOOLEAN NOT NULL DEFAULT FALSE,
     report_id TEXT,
     report_status TEXT,
     report_result TEXT
   );
   CREATE INDEX apply_sessions_candidate ON apply_sessions (candidate_id);
   CREATE INDEX apply_sessions_report ON apply_sessions (report_id);
   CREATE TABLE acknowledgements (
     session_id TEXT NOT NULL REFERENCES apply_sessions (id),
     document_id TEXT NOT NULL,
     version TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     acknowledged_at TEXT NOT NULL,
     PRIMARY KEY (session_id, document_id, version)
   );
   CREATE TABLE consents (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL UNIQUE REFERENCES apply_sessions (id),
     evidence_json TEXT NOT NULL,
     evidence_sha256 TEXT NOT NULL,
     pdf BYTEA NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX consents_created ON consents (created_at);
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     session_id TEXT NOT NULL REFERENCES apply_sessions (id),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     done_at TEXT,
     last_error TEXT,
     result_id TEXT
   );
   CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE done_at IS NULL;
   CREATE INDEX outbox_session ON outbox (session_id);
   CREATE TABLE webhook_events (
     source TEXT NOT NULL,
     id TEXT NOT NULL,
     type TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (source, id)
   );`,
    },
  },
  {
    version: 2,
    name: 'outbox leases; PostgreSQL: named leases and shared rate-limit counters',
    // A SQLite file serves one process, which keeps leases and counters in memory (sqlite.ts);
    // PostgreSQL keeps them in tables so every replica sees them, on the database's clock.
    sql: {
      sqlite: `ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
   ALTER TABLE outbox ADD COLUMN lease_until TEXT;`,
      postgres: `ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
   ALTER TABLE outbox ADD COLUMN lease_until TIMESTAMPTZ;
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE UNLOGGED TABLE rate_limit_hits (
     key TEXT PRIMARY KEY,
     hits INTEGER NOT NULL,
     reset_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX rate_limit_hits_reset ON rate_limit_hits (reset_at);`,
    },
  },
  {
    version: 3,
    name: 'live mode: failed outbox items, idempotency keys, Pay workers, report event order',
    // The same statements in both engines. Outbox items that cannot succeed stop at `failed_at`
    // with Checkr's code and text (never PII); idempotency keys are random per distinct request
    // and kept with a keyed digest of what was sent; `report_event_at` is the `created_at` of the
    // newest report event applied, so an older one never overwrites it.
    sql: `ALTER TABLE outbox ADD COLUMN failed_at TEXT;
   ALTER TABLE outbox ADD COLUMN error_code TEXT;
   ALTER TABLE outbox ADD COLUMN error_text TEXT;
   CREATE INDEX outbox_failed ON outbox (failed_at);
   CREATE TABLE idempotency_keys (
     scope TEXT PRIMARY KEY,
     idempotency_key TEXT NOT NULL,
     request_digest TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE pay_workers (
     customer_id TEXT PRIMARY KEY,
     worker_id TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL,
     background_check_id TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   ALTER TABLE apply_sessions ADD COLUMN node TEXT;
   ALTER TABLE apply_sessions ADD COLUMN report_event_at TEXT;
   ALTER TABLE apply_sessions ADD COLUMN report_checked_at TEXT;
   ALTER TABLE webhook_events ADD COLUMN object_id TEXT;
   ALTER TABLE webhook_events ADD COLUMN created_at TEXT;
   CREATE INDEX webhook_events_object ON webhook_events (object_id);`,
  },
  {
    version: 4,
    name: 'forget the unkeyed candidate hashes',
    // candidate_hash was a plain SHA-256 of the candidate's data, SSN and date of birth included:
    // with the prefill and a known birth date, the SSN fell to a brute force in seconds. It is an
    // HMAC with the server's secret now; the old values are erased (the next submission of an
    // open session then updates the candidate at Checkr once, under its idempotency key).
    sql: 'UPDATE apply_sessions SET candidate_hash = NULL WHERE candidate_hash IS NOT NULL',
  },
  {
    version: 5,
    name: 'index the sessions whose prefill is still kept',
    // The reconciliation sweep erases the prefill of expired sessions every minute on every
    // replica: a partial index holds only the sessions that still have one, so the sweep does
    // not read the whole table (the same statement in both engines).
    sql: "CREATE INDEX apply_sessions_prefilled ON apply_sessions (created_at) WHERE prefill <> '{}'",
  },
  {
    version: 6,
    name: 'the licence state, for the state documents it selects',
    // The Washington MVR release follows the licence state as well as the residence: the consent
    // checks the documents acknowledged against the same facts the candidate step used.
    sql: 'ALTER TABLE apply_sessions ADD COLUMN license_state TEXT',
  },
];

/** The statement text of a migration for one engine. */
export function migrationSql(migration: Migration, dialect: Dialect): string {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql[dialect];
}

/** Thrown when the database has run migrations this build does not have. */
export function assertKnownVersions(applied: Iterable<number>): void {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const unknown = [...applied].filter((v) => v > latest);
  if (unknown.length > 0) {
    throw new Error(
      `The database has schema migration ${Math.max(...unknown)} but this BFF knows only up to ${latest}: run a newer BFF or restore a matching backup`,
    );
  }
}
