import type { CheckrClient } from '../clients/checkr.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { Alerter } from './alerts.ts';
import type { WebhookService } from './webhooks.ts';

export interface ReconcileOptions {
  /** A report not yet terminal is fetched again once this long has passed since the last look. */
  recheckAfterMs: number;
  /** No `report.completed` this long after ordering: the operator is alerted (seed 000 L716-725). */
  completionAlertAfterMs: number;
  /** An open session this old with a candidate at Checkr and no consent is abandoned. */
  abandonAfterMs: number;
  pollMs?: number;
  now?: () => Date;
}

/**
 * What webhooks alone cannot promise: reports whose events were missed or arrived without their
 * object are fetched again until terminal, a report that never completes raises one alert, and a
 * session abandoned after the PII step owes Checkr a PII removal (seed 001 L2276), through the
 * outbox, and the prefill of every expired session is erased. Every step is idempotent, so replicas sweeping at once do no harm.
 */
export class Reconciler {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly checkr: CheckrClient,
    private readonly webhooks: WebhookService,
    private readonly alerts: Alerter,
    private readonly logger: Logger,
    private readonly options: ReconcileOptions,
    /** Wakes the outbox after a PII removal is queued. */
    private readonly onQueued: () => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.pollMs ?? 60_000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): Promise<void> {
    this.running ??= this.sweep()
      .catch(() => this.logger.warn('reconciliation sweep failed; next sweep will try again'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async sweep(): Promise<void> {
    await this.refetchReports();
    await this.removeAbandoned();
    await this.erasePrefillOfExpired();
  }

  private async refetchReports(): Promise<void> {
    const now = this.now();
    const before = new Date(now.getTime() - this.options.recheckAfterMs).toISOString();
    for (const session of await this.store.listReportsToReconcile(before, 50)) {
      try {
        const report = await this.checkr.getReport(session.reportId!);
        await this.webhooks.applyReport(report, this.now().toISOString(), { fetched: true });
        if (report.status === 'complete' || report.status === 'canceled') continue;
      } catch {
        this.logger.warn('report fetch failed; will try again', { report: session.reportId });
        await this.store.updateSession(session.id, { reportCheckedAt: now.toISOString() });
      }
      const ordered = (await this.store.listOutbox(session.id)).find(
        (o) => o.kind === 'create_report' && o.doneAt,
      )?.doneAt;
      if (!ordered) continue;
      if (now.getTime() - Date.parse(ordered) < this.options.completionAlertAfterMs) continue;
      // Recorded as an event of our own, so the alert is raised once, by one replica.
      const first = await this.store.recordWebhookEvent(
        'checkr-kit',
        `report-completion-missed:${session.reportId}`,
        'report.completion_missed',
        now.toISOString(),
        { objectId: session.reportId!, createdAt: now.toISOString() },
      );
      if (first) {
        await this.alerts.raise({
          type: 'report_completion_missed',
          title: `Report ${session.reportId} has not completed since ${ordered}`,
          session: session.id,
          report: session.reportId,
          status: session.reportStatus,
        });
      }
    }
  }

  private async removeAbandoned(): Promise<void> {
    const now = this.now().toISOString();
    const before = new Date(this.now().getTime() - this.options.abandonAfterMs).toISOString();
    const abandoned = await this.store.listAbandonedSessions(before, 50);
    for (const session of abandoned) {
      // Closed, and its prefill (email, phone, names) erased with it.
      await this.store.updateSession(session.id, { status: 'closed', prefill: {} });
      await this.store.addOutbox([
        {
          id: `ob_${session.id}_pii`,
          kind: 'remove_pii',
          sessionId: session.id,
          attempts: 0,
          nextAttemptAt: now,
          doneAt: null,
          lastError: null,
          resultId: null,
        },
      ]);
      this.logger.info('abandoned session: PII removal queued', { session: session.id });
    }
    if (abandoned.length > 0) this.onQueued();
  }

  /**
   * The prefill of a session older than `abandonAfterMs`, whether or not its candidate reached
   * Checkr: one that expired before the PII step is never closed or swept as abandoned, and
   * its email, phone and names would otherwise stay for ever. The session itself stays usable.
   */
  private async erasePrefillOfExpired(): Promise<void> {
    const before = new Date(this.now().getTime() - this.options.abandonAfterMs).toISOString();
    const erased = await this.store.erasePrefillBefore(before);
    if (erased > 0) this.logger.info('expired sessions: prefill erased', { sessions: erased });
  }
}
