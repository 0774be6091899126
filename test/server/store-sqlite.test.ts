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
