import { ConfigError, parseConfig } from './config.ts';
import { describePurge, purgeExpiredEvidence } from './services/retention.ts';
import { openStore } from './store/open.ts';

/**
 * `npm run purge [-- --dry-run]`, with the environment the BFF runs with (DATABASE_URL,
 * CONSENT_RETENTION_DAYS): deletes consent evidence past the retention. Meant for a daily cron
 * job; the BFF never purges by itself (services/retention.ts).
 */
const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--dry-run')) {
  console.error('Usage: npm run purge [-- --dry-run]');
  process.exit(2);
}
let config;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const store = await openStore(config);
try {
  const result = await purgeExpiredEvidence(store, {
    retentionDays: config.consentRetentionDays,
    dryRun: args.includes('--dry-run'),
  });
  for (const line of describePurge(result, config.consentRetentionDays)) console.log(line);
} catch (error) {
  // The message only: never the URL, which may carry the password.
  console.error(`purge failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
