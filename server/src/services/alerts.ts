import type { Logger } from '../logger.ts';

/** What an operator must act on: an item Checkr refused, a report that never completed. */
export interface Alert {
  type: 'outbox_item_failed' | 'report_completion_missed';
  title: string;
  [field: string]: unknown;
}

/**
 * Tells the operator. Every alert is one error log line; with ALERT_WEBHOOK_URL set it is also
 * POSTed there as JSON (Slack-style `text` included), once, with a short timeout: an alert that
 * cannot be delivered is logged and never blocks the work that raised it.
 */
export class Alerter {
  constructor(
    private readonly logger: Logger,
    private readonly webhookUrl: string | undefined,
    private readonly timeoutMs = 5000,
  ) {}

  async raise(alert: Alert): Promise<void> {
    const { type, title, ...fields } = alert;
    this.logger.error(title, { alert: type, ...fields });
    if (!this.webhookUrl) return;
    try {
      const response = await fetch(this.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source: 'checkr-kit',
          ...alert,
          text: `checkr-kit: ${title}`,
          at: new Date().toISOString(),
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) this.logger.warn('alert not accepted', { status: response.status });
    } catch {
      this.logger.warn('alert could not be delivered', { alert: type });
    }
  }
}
