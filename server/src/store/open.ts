import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { PostgresStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

/** The engine DATABASE_URL names: a SQLite file for one process, PostgreSQL for replicas. */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'databasePoolMax' | 'databaseStatementTimeoutMs'>,
  logger?: Logger,
): Promise<Store> {
  if (/^postgres(ql)?:/.test(config.databaseUrl)) {
    return PostgresStore.connect(config.databaseUrl, {
      poolMax: config.databasePoolMax,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      // The error's message only: a connection error may carry the host, never the password.
      onError: (error) => logger?.warn('database connection lost', { reason: error.message }),
    });
  }
  return SqliteStore.fromUrl(config.databaseUrl);
}
