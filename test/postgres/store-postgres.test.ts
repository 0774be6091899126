import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { MIGRATIONS } from '../../server/src/store/migrations.ts';
import { PostgresStore } from '../../server/src/store/postgres.ts';
import { newSessionRecord, storeContract } from '../server/store-contract.ts';
import { freshDatabaseUrl } from './database.ts';

storeContract('PostgreSQL', async () => PostgresStore.connect(await freshDatabaseUrl('contract')));

describe('PostgreSQL migrations and pool', () => {
  it('lets replicas starting together migrate once, and keeps data on reopening', async () => {
    const url = await freshDatabaseUrl('migrate');
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.connect(url)));
    const session = newSessionRecord();
    await stores[0]!.createSession(session);
    assert.equal((await stores[2]!.getSession(session.id))?.id, session.id);
    await Promise.all(stores.map((s) => s.close()));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    assert.deepEqual(
      rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('refuses a database a newer BFF has migrated', async () => {
    const url = await freshDatabaseUrl('newer');
    await (await PostgresStore.connect(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
      MIGRATIONS.length + 1,
      new Date().toISOString(),
    ]);
    await client.end();
    await assert.rejects(
      PostgresStore.connect(url),
      new RegExp(`migration ${MIGRATIONS.length + 1} but this BFF knows only up to`),
    );
  });

  it('cancels a statement that runs past the statement timeout', async () => {
    const url = await freshDatabaseUrl('timeout');
    const store = await PostgresStore.connect(url, { statementTimeoutMs: 100 });
    // The lease table is the store's; a lock held elsewhere makes the store's statement wait.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE leases IN ACCESS EXCLUSIVE MODE');
    await assert.rejects(store.tryLease('x', 'A', 1000), /statement timeout/);
    await blocker.query('ROLLBACK');
    await blocker.end();
    assert.equal(await store.tryLease('x', 'A', 1000), true, 'the pool recovers');
    await store.close();
  });
});
