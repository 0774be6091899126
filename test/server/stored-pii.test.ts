import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { validateCandidate } from '@checkr-kit/validation';
import { canonicalJson } from '../../server/src/documents/types.ts';
import { MIGRATIONS, migrationSql } from '../../server/src/store/migrations.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { auth, json, michael, startSandbox } from './helpers.ts';
import { newSessionRecord } from './store-contract.ts';

/** Finding 2 (the SSN recoverable from the database) and the database files' mode. */
const dir = mkdtempSync(join(tmpdir(), 'ck-stored-pii-'));

describe('what the database keeps about a candidate', () => {
  it('no stored column is an unkeyed digest of the candidate data (SSN, date of birth, licence)', async () => {
    const bff = await startSandbox();
    const created = await fetch(
      `${bff.url}/v1/apply-sessions`,
      auth(bff.config.adminKey, json({ package: 'driver_pro' })),
    );
    const { session_id, session_token } = await created.json();
    const { residence_state: _residence, ...candidate } = michael;
    const submitted = await fetch(
      `${bff.url}/v1/apply/candidate`,
      auth(session_token, json(michael)),
    );
    assert.equal(submitted.status, 201);
    // What an attacker holding the database would hash for each guess of the SSN.
    const checked = validateCandidate(candidate, {
      minAge: 18,
      requireSsn: true,
      requireDriverLicense: true,
    });
    assert.ok(checked.ok);
    const guess = createHash('sha256')
      .update(canonicalJson({ ...checked.value, copy_requested: false }))
      .digest('hex');
    const row = JSON.stringify(await bff.store.getSession(session_id));
    assert.match(row, /"candidateHash":"[0-9a-f]{64}"/);
    assert.ok(!row.includes(guess), 'the change-detection hash is keyed');
    for (const value of [
      candidate.ssn,
      candidate.dob,
      candidate.driver_license_number,
      '111112001',
    ])
      assert.ok(!row.includes(value), `${value} is not stored`);
  });

  it('a migration erases the plain hashes an older BFF stored', async () => {
    const forgetHashes = MIGRATIONS.find(
      (m) => m.name === 'forget the unkeyed candidate hashes',
    )!.version;
    const path = join(dir, 'old.sqlite');
    const db = new Database(path);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version < forgetHashes)) {
      db.exec(migrationSql(migration, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 'then');
    }
    db.prepare(
      `INSERT INTO apply_sessions (id, package_slug, min_age, work_locations, prefill, locale,
         audience, status, created_at, candidate_id, candidate_hash)
       VALUES ('as_old', 'driver_pro', 18, '[]', '{}', 'en', 'https://a.example', 'open',
         '2026-01-01T00:00:00.000Z', 'cand_1', ?)`,
    ).run('a'.repeat(64));
    db.close();
    const store = new SqliteStore(path);
    const session = await store.getSession('as_old');
    await store.close();
    assert.equal(session?.candidateId, 'cand_1');
    assert.equal(session?.candidateHash, null);
  });

  it('creates the database file 0600 and tightens an older 0644 one', async () => {
    const fresh = join(dir, 'sub', 'fresh.sqlite');
    const store = new SqliteStore(fresh);
    await store.createSession(newSessionRecord());
    assert.equal(statSync(fresh).mode & 0o777, 0o600);
    assert.equal(statSync(`${fresh}-wal`).mode & 0o777, 0o600);
    await store.close();
    const old = join(dir, 'old-mode.sqlite');
    writeFileSync(old, '');
    chmodSync(old, 0o644);
    await new SqliteStore(old).close();
    assert.equal(statSync(old).mode & 0o777, 0o600);
  });
});
