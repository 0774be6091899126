import type { PurgeCounts, Store } from '../store/store.ts';

export interface PurgeOptions {
  /** CONSENT_RETENTION_DAYS: evidence older than this many days goes. */
  retentionDays: number;
  dryRun: boolean;
  now?: Date;
  /** Sessions per transaction, so no statement runs long on a large store. */
  batch?: number;
}

export interface PurgeResult extends PurgeCounts {
  /** Consents signed (sessions started, without one) before this are past the retention. */
  before: string;
  dryRun: boolean;
}

/**
 * Deletes the consent evidence past the retention, and everything kept with it, in batches.
 * Evidence of a consent still owed to Checkr (upload or report order pending or failed) or of a
 * session whose PII removal is not queued yet is held: deleting it would leave nothing to
 * deliver, and nothing to prove the consent Checkr acts on.
 */
export async function purgeExpiredEvidence(
  store: Store,
  { retentionDays, dryRun, now = new Date(), batch = 500 }: PurgeOptions,
): Promise<PurgeResult> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  if (dryRun)
    return { before, dryRun, ...(await store.purgeBefore(before, { limit: batch, dryRun })) };
  const total: PurgeCounts = { consents: 0, sessions: 0, held: 0 };
  for (;;) {
    const step = await store.purgeBefore(before, { limit: batch });
    total.consents += step.consents;
    total.sessions += step.sessions;
    total.held = step.held;
    if (step.sessions < batch) break;
  }
  return { before, dryRun, ...total };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `npm run purge` prints: the cut-off and counts only, never an id, a name or an address. */
export function describePurge(result: PurgeResult, retentionDays: number): string[] {
  const what = `${plural(result.consents, 'consent')} (PDF, drawn signature, typed name, IP address, user agent) and ${plural(result.sessions, 'apply session')}`;
  return [
    `Consent retention: ${retentionDays} days (CONSENT_RETENTION_DAYS); evidence signed before ${result.before} is past it.`,
    result.dryRun ? `Dry run, nothing deleted: ${what} would be deleted.` : `Deleted ${what}.`,
    ...(result.held > 0
      ? [
          `Held: ${plural(result.held, 'session')} past the retention still owed to Checkr (a consent upload or report order not delivered, or a PII removal not queued) ${result.held === 1 ? 'is' : 'are'} kept until delivered; failed items: GET /v1/outbox?state=failed.`,
        ]
      : []),
  ];
}
