import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  Acknowledgement,
  ApplySession,
  ConsentListRow,
  ConsentRecord,
  OutboxItem,
  Store,
} from './store.ts';
import { assertKnownVersions, MIGRATIONS, migrationSql } from './migrations.ts';

type Row = Record<string, unknown>;

function toSession(row: Row | undefined): ApplySession | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    packageSlug: row.package_slug as string,
    minAge: row.min_age as 16 | 18,
    workLocations: JSON.parse(row.work_locations as string),
    prefill: JSON.parse(row.prefill as string),
    customId: (row.custom_id as string | null) ?? null,
    locale: row.locale as string,
    audience: row.audience as string,
    status: row.status as 'open' | 'closed',
    createdAt: row.created_at as string,
    candidateId: (row.candidate_id as string | null) ?? null,
    candidateHash: (row.candidate_hash as string | null) ?? null,
    residenceState: (row.residence_state as string | null) ?? null,
    nameDigests: JSON.parse((row.name_digests as string) ?? '[]'),
    copyRequested: row.copy_requested === 1,
    reportId: (row.report_id as string | null) ?? null,
    reportStatus: (row.report_status as string | null) ?? null,
    reportResult: (row.report_result as string | null) ?? null,
  };
}

function toOutbox(row: Row): OutboxItem {
  return {
    id: row.id as string,
    kind: row.kind as OutboxItem['kind'],
    sessionId: row.session_id as string,
    attempts: row.attempts as number,
    nextAttemptAt: row.next_attempt_at as string,
    doneAt: (row.done_at as string | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    resultId: (row.result_id as string | null) ?? null,
  };
}

function toConsent(row: Row | undefined): ConsentRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    sessionId: row.session_id as string,
    evidenceJson: row.evidence_json as string,
    evidenceSha256: row.evidence_sha256 as string,
    pdf: new Uint8Array(row.pdf as Buffer),
    createdAt: row.created_at as string,
  };
}

const SESSION_COLUMNS: Record<keyof Omit<ApplySession, 'id'>, string> = {
  packageSlug: 'package_slug',
  minAge: 'min_age',
  workLocations: 'work_locations',
  prefill: 'prefill',
  customId: 'custom_id',
  locale: 'locale',
  audience: 'audience',
  status: 'status',
  createdAt: 'created_at',
  candidateId: 'candidate_id',
  candidateHash: 'candidate_hash',
  residenceState: 'residence_state',
  nameDigests: 'name_digests',
  copyRequested: 'copy_requested',
  reportId: 'report_id',
  reportStatus: 'report_status',
  reportResult: 'report_result',
};

/**
 * The embedded store: one SQLite file, WAL journal with `synchronous = FULL`, so a commit has
 * reached the disk before the call returns (the consent's promise to the candidate).
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
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
    this.db
      .prepare(
        `INSERT INTO apply_sessions (id, package_slug, min_age, work_locations, prefill, custom_id, locale, audience,
           status, created_at, candidate_id, candidate_hash, residence_state, name_digests, copy_requested,
           report_id, report_status, report_result)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.id,
        s.packageSlug,
        s.minAge,
        JSON.stringify(s.workLocations),
        JSON.stringify(s.prefill),
        s.customId,
        s.locale,
        s.audience,
        s.status,
        s.createdAt,
        s.candidateId,
        s.candidateHash,
        s.residenceState,
        JSON.stringify(s.nameDigests),
        s.copyRequested ? 1 : 0,
        s.reportId,
        s.reportStatus,
        s.reportResult,
      );
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
    const values = entries.map(([key, value]) =>
      key === 'workLocations' || key === 'prefill' || key === 'nameDigests'
        ? JSON.stringify(value)
        : typeof value === 'boolean'
          ? Number(value)
          : value,
    );
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
    ).map((row) => ({
      sessionId: row.session_id as string,
      documentId: row.document_id as string,
      version: row.version as string,
      sha256: row.sha256 as string,
      acknowledgedAt: row.acknowledged_at as string,
    }));
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
        .prepare("UPDATE apply_sessions SET status = 'closed' WHERE id = ?")
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
    return (
      this.db
        .prepare(
          `SELECT c.id, c.session_id, c.created_at, s.candidate_id, s.custom_id, s.report_id, s.report_status, s.report_result,
             EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = c.session_id AND o.kind = 'upload_consent' AND o.done_at IS NOT NULL) AS uploaded
           FROM consents c JOIN apply_sessions s ON s.id = c.session_id
           ORDER BY c.created_at DESC LIMIT ?`,
        )
        .all(limit) as Row[]
    ).map((row) => ({
      id: row.id as string,
      sessionId: row.session_id as string,
      createdAt: row.created_at as string,
      candidateId: (row.candidate_id as string | null) ?? null,
      customId: (row.custom_id as string | null) ?? null,
      reportId: (row.report_id as string | null) ?? null,
      reportStatus: (row.report_status as string | null) ?? null,
      reportResult: (row.report_result as string | null) ?? null,
      uploaded: row.uploaded === 1,
    }));
  }

  async dueOutbox(now: string, limit: number): Promise<OutboxItem[]> {
    return (
      this.db
        .prepare(
          'SELECT * FROM outbox WHERE done_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?',
        )
        .all(now, limit) as Row[]
    ).map(toOutbox);
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
        'UPDATE outbox SET done_at = ?, result_id = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?',
      )
      .run(at, resultId, id);
  }

  async failOutbox(id: string, error: string, nextAttemptAt: string): Promise<void> {
    this.db
      .prepare(
        'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?',
      )
      .run(error, nextAttemptAt, id);
  }

  async recordWebhookEvent(
    source: string,
    id: string,
    type: string,
    receivedAt: string,
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        'INSERT INTO webhook_events (source, id, type, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(source, id, type, receivedAt);
    return result.changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
