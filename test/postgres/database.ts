/**
 * A fresh database on the suite's PostgreSQL server (pg_virtualenv sets PGHOST, PGPORT, PGUSER,
 * PGPASSWORD), so each test file starts empty and files can run side by side.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function freshDatabaseUrl(label: string): Promise<string> {
  if (!process.env.PGHOST) {
    throw new Error(
      'No PostgreSQL server: run this through `npm test -- postgres` (pg_virtualenv)',
    );
  }
  const name = `ck_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const user = encodeURIComponent(process.env.PGUSER ?? 'postgres');
  const password = encodeURIComponent(process.env.PGPASSWORD ?? '');
  const port = process.env.PGPORT ?? '5432';
  return `postgres://${user}:${password}@${process.env.PGHOST}:${port}/${name}`;
}
