import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../server/src/store/migrations.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { newSessionRecord, storeContract } from './store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'ck-store-'));

storeContract('SQLite', async () => new SqliteStore(join(dir, 'contract.sqlite')));

describe('SQLite migrations', () => {
  it('runs every migration once on a new file and records each version', async () => {
    const path = join(dir, 'fresh.sqlite');
    const store = new SqliteStore(path);
    const session = newSessionRecord();
    await store.createSession(session);
    await store.close();

    const reopened = new SqliteStore(path); // nothing left to run; data kept
    assert.equal((await reopened.getSession(session.id))?.id, session.id);
    await reopened.close();
    const db = new Database(path, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    db.close();
    assert.deepEqual(
      versions.map((r) => (r as { version: number }).version),
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('frees the outbox claims of a process that died, on opening the file again', async () => {
    const path = join(dir, 'crash.sqlite');
    const store = new SqliteStore(path);
    const session = newSessionRecord({ candidateId: 'cand_k' });
    await store.createSession(session);
    const consent = {
      id: 'cs_k',
      sessionId: session.id,
      evidenceJson: '{}',
      evidenceSha256: 'c'.repeat(64),
      pdf: new Uint8Array([1]),
      createdAt: '1970-01-02T00:00:00.000Z',
    };
    const item = {
      id: 'ob_k',
      kind: 'upload_consent' as const,
      sessionId: session.id,
      attempts: 0,
      nextAttemptAt: consent.createdAt,
      doneAt: null,
      lastError: null,
      resultId: null,
    };
    await store.commitConsent(consent, [item]);
    assert.equal((await store.claimOutbox(consent.createdAt, 10, 'dead', 600_000)).length, 1);
    await store.close(); // as good as a SIGKILL: the lease is still 10 minutes away
    const reopened = new SqliteStore(path);
    assert.deepEqual(
      (await reopened.claimOutbox(consent.createdAt, 10, 'next', 600_000)).map((o) => o.id),
      ['ob_k'],
    );
    await reopened.close();
  });

  it('numbers migrations 1, 2, 3 ... with nothing skipped or repeated', () => {
    assert.deepEqual(
      MIGRATIONS.map((m) => m.version),
      MIGRATIONS.map((_, i) => i + 1),
    );
  });

  it('refuses a file a newer BFF has migrated, naming both versions', () => {
    const path = join(dir, 'newer.sqlite');
    new SqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
      MIGRATIONS.length + 1,
      new Date().toISOString(),
    );
    db.close();
    assert.throws(
      () => new SqliteStore(path),
      new RegExp(
        `migration ${MIGRATIONS.length + 1} but this BFF knows only up to ${MIGRATIONS.length}`,
      ),
    );
  });
});
