import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CheckrClient } from '../clients/checkr.ts';
import { UpstreamError } from '../clients/http.ts';
import type { Logger } from '../logger.ts';
import type { OutboxItem, Store } from '../store/store.ts';

export interface OutboxOptions {
  /** How often to look for due work when nothing kicks the worker. */
  pollMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * How long a claimed item stays this worker's before another replica may take it: longer than
   * one delivery with all its retries (6 attempts of up to 10 s each by default).
   */
  leaseMs?: number;
  now?: () => Date;
}

/**
 * Delivers what the BFF owes Checkr after a consent commit: upload the consent PDF (type
 * `consent`), then order the report. Each item is retried with jittered backoff until Checkr has
 * it, across restarts (the items live in the store). Idempotency keys are the item ids, so a
 * retry after a crash mid-call never uploads twice or orders two reports.
 *
 * Many replicas may run a worker on one store: each claims its items with a lease, so no two
 * work on one item at once, and the items of a replica killed mid-delivery are claimed again by
 * another once the lease has run out.
 */
export class OutboxWorker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly store: Store,
    private readonly checkr: CheckrClient,
    private readonly logger: Logger,
    private readonly options: OutboxOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Run now (after a commit); if a run is under way, run once more after it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.options.pollMs ?? 1000);
        this.timer.unref?.();
      }
    });
  }

  /** Process everything due now; resolves when nothing due is left. For tests and shutdown. */
  async drain(): Promise<void> {
    for (;;) {
      const now = (this.options.now?.() ?? new Date()).toISOString();
      const due = await this.store.claimOutbox(
        now,
        10,
        this.holder,
        this.options.leaseMs ?? 120_000,
      );
      if (due.length === 0 || this.stopped) return;
      let progressed = false;
      for (const item of due) progressed = (await this.process(item)) || progressed;
      if (!progressed) return;
    }
  }

  private async process(item: OutboxItem): Promise<boolean> {
    const session = await this.store.getSession(item.sessionId);
    const consent = await this.store.getConsentBySession(item.sessionId);
    if (!session?.candidateId || !consent) {
      await this.store.releaseOutbox(item.id, this.holder);
      return false;
    }
    try {
      if (item.kind === 'upload_consent') {
        const document = await this.checkr.uploadDocument(
          session.candidateId,
          'consent',
          {
            bytes: consent.pdf,
            filename: `consent-${consent.id}.pdf`,
            contentType: 'application/pdf',
          },
          item.id,
        );
        await this.store.completeOutbox(item.id, document.id, new Date().toISOString());
        this.logger.info('consent uploaded', { session: session.id, document: document.id });
      } else {
        // The report certifies consent was obtained: order it only once Checkr has the consent.
        const uploaded = (await this.store.listOutbox(session.id)).some(
          (o) => o.kind === 'upload_consent' && o.doneAt,
        );
        if (!uploaded) {
          await this.store.releaseOutbox(item.id, this.holder);
          return false;
        }
        const workLocations = session.workLocations.length > 0 ? session.workLocations : undefined;
        const report = await this.checkr.createReport(
          {
            candidate_id: session.candidateId,
            package: session.packageSlug,
            ...(workLocations ? { work_locations: workLocations } : {}),
          },
          item.id,
        );
        await this.store.completeOutbox(item.id, report.id, new Date().toISOString());
        await this.store.updateSession(session.id, {
          reportId: report.id,
          reportStatus: session.reportStatus ?? report.status,
          reportResult: session.reportResult ?? report.result ?? null,
        });
        this.logger.info('report ordered', { session: session.id, report: report.id });
      }
      return true;
    } catch (error) {
      const reason =
        error instanceof UpstreamError ? `${error.service} ${error.status}` : 'network';
      const base = this.options.baseDelayMs ?? 1000;
      const ceiling = Math.min(base * 2 ** item.attempts, this.options.maxDelayMs ?? 5 * 60_000);
      // A 404 means Checkr does not know the candidate (a reset sandbox, a deleted candidate):
      // retrying soon cannot help, so it waits a day and stays visible on the admin page.
      const delay =
        error instanceof UpstreamError && error.status === 404
          ? 24 * 3600_000
          : Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      await this.store.failOutbox(item.id, reason, new Date(Date.now() + delay).toISOString());
      this.logger.warn('outbox item failed, will retry', {
        item: item.id,
        kind: item.kind,
        reason,
        attempt: item.attempts + 1,
      });
      return false;
    }
  }
}
