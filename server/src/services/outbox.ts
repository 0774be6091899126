import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CheckrClient } from '../clients/checkr.ts';
import { UpstreamError } from '../clients/http.ts';
import { maskText, type Logger } from '../logger.ts';
import type { OutboxItem, Store } from '../store/store.ts';
import type { Alerter } from './alerts.ts';

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
  /** Checkr's required contact for a PII removal request (PII_REMOVAL_CONTACT_EMAIL). */
  piiContactEmail?: string | undefined;
}

/**
 * Delivers what the BFF owes Checkr: after a consent commit, upload the consent PDF (type
 * `consent`), then order the report; for an abandoned session, the PII removal. What can succeed
 * later (network, 429, 5xx, an in-flight 409) is retried with jittered backoff across restarts
 * (the items live in the store); anything Checkr refused as sent fails at once, visibly, with an
 * alert. Idempotency keys are the item ids, so a retry after a crash mid-call never uploads twice
 * or orders two reports.
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
    private readonly alerts?: Alerter,
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
    if (!session?.candidateId) {
      await this.store.releaseOutbox(item.id, this.holder);
      return false;
    }
    try {
      if (item.kind === 'remove_pii') return await this.removePii(item, session.candidateId);
      const consent = await this.store.getConsentBySession(item.sessionId);
      if (!consent) {
        await this.store.releaseOutbox(item.id, this.holder);
        return false;
      }
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
        await this.store.completeOutbox(item.id, document.id, this.now().toISOString());
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
            ...(session.node ? { node: session.node } : {}),
            ...(workLocations ? { work_locations: workLocations } : {}),
          },
          item.id,
        );
        await this.store.completeOutbox(item.id, report.id, this.now().toISOString());
        const fresh = await this.store.getSession(session.id);
        await this.store.updateSession(session.id, {
          reportId: report.id,
          reportStatus: fresh?.reportStatus ?? report.status,
          reportResult: fresh?.reportResult ?? report.result ?? null,
        });
        this.logger.info('report ordered', { session: session.id, report: report.id });
      }
      return true;
    } catch (error) {
      if (error instanceof UpstreamError && !error.retryable) {
        await this.fail(item, error);
        return true; // settled: the next due item may go on
      }
      const reason =
        error instanceof UpstreamError ? `${error.service} ${error.status}` : 'network';
      const base = this.options.baseDelayMs ?? 1000;
      const ceiling = Math.min(base * 2 ** item.attempts, this.options.maxDelayMs ?? 5 * 60_000);
      const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      await this.store.failOutbox(
        item.id,
        reason,
        new Date(this.now().getTime() + delay).toISOString(),
      );
      this.logger.warn('outbox item not delivered yet, will retry', {
        item: item.id,
        kind: item.kind,
        reason,
        attempt: item.attempts + 1,
      });
      return false;
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * Seed 001 L2276: PII removal for a candidate who never consented (an abandoned session). Asking
   * twice is an error at Checkr, so "already removed" counts as done.
   */
  private async removePii(item: OutboxItem, candidateId: string): Promise<boolean> {
    if (!this.options.piiContactEmail) {
      await this.fail(item, {
        code: 'pii_contact_missing',
        text: 'Set PII_REMOVAL_CONTACT_EMAIL: Checkr requires a contact for PII removal',
      });
      return true;
    }
    try {
      await this.checkr.removeCandidatePii(candidateId, this.options.piiContactEmail, item.id);
    } catch (error) {
      const alreadyRemoved =
        error instanceof UpstreamError &&
        error.failure === 'refused' &&
        error.messages.some((m) => /already|removed/i.test(m));
      if (!alreadyRemoved) throw error;
    }
    await this.store.completeOutbox(item.id, candidateId, this.now().toISOString());
    this.logger.info('candidate PII removal requested', { session: item.sessionId });
    return true;
  }

  /**
   * Checkr refused the item as sent, so waiting cannot help: it stops, keeping Checkr's code and
   * text (masked by the logger's rules, so no PII leaks through an echoed value), and the
   * operator is told once. `POST /v1/outbox/{id}/retry` starts it again after a fix.
   */
  private async fail(
    item: OutboxItem,
    error: UpstreamError | { code: string; text: string },
  ): Promise<void> {
    const code =
      error instanceof UpstreamError
        ? `${error.service}_${error.status}${error.errorCode ? `_${error.errorCode}` : ''}`
        : error.code;
    const rawText =
      error instanceof UpstreamError
        ? [...error.messages, ...error.details.map((d) => `${d.key}: ${d.errors.join(', ')}`)].join(
            '; ',
          ) || `${error.service} answered ${error.status}`
        : error.text;
    const text = maskText(String(rawText)).slice(0, 500);
    await this.store.failOutboxPermanently(item.id, { code, text }, this.now().toISOString());
    await this.alerts?.raise({
      type: 'outbox_item_failed',
      title: `Outbox item ${item.id} (${item.kind}) failed: ${code}`,
      item: item.id,
      kind: item.kind,
      session: item.sessionId,
      error_code: code,
      error_text: text,
    });
  }
}
