import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { CheckrClient, CheckrReport } from '../clients/checkr.ts';
import type { Store } from '../store/store.ts';

/** Hex HMAC-SHA256 of the raw body, as `openssl dgst -sha256 -hmac KEY` prints it. */
export function signBody(key: string, body: Uint8Array | string): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

/** Constant-time comparison; a missing, odd-length or non-hex header simply fails. */
export function verifySignature(
  key: string,
  body: Uint8Array,
  header: string | undefined,
): boolean {
  if (!header || !/^[0-9a-f]{64}$/i.test(header.trim())) return false;
  const expected = Buffer.from(signBody(key, body), 'hex');
  const given = Buffer.from(header.trim().toLowerCase(), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const checkrEvent = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  created_at: z.unknown().optional(),
  data: z.looseObject({
    object: z.looseObject({ id: z.string().optional(), object: z.string().optional() }),
  }),
});
const payEvent = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  createdAt: z.unknown().optional(),
  created_at: z.unknown().optional(),
  data: z.looseObject({ object: z.looseObject({}).optional() }).optional(),
});

/** An ISO 8601 time normalized so times compare as strings; `undefined` for anything else. */
function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = new Date(typeof value === 'number' && value < 1e12 ? value * 1000 : value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** What an event is about, so the admin routes can list it with its consent. */
function subjectOf(type: string, object: Record<string, unknown>): string | undefined {
  const id = (key: string) =>
    typeof object[key] === 'string' ? (object[key] as string) : undefined;
  if (type.startsWith('verification.')) return id('report_id') ?? id('id');
  if (type.startsWith('invitation.')) return id('candidate_id') ?? id('id');
  return id('id');
}

/**
 * Webhook receipt: verify, record the event id once, update report status. Checkr does not
 * guarantee order, so a late `report.created` never overwrites a `complete` status.
 */
export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly keys: { checkr: string | undefined; checkrPay: string | undefined },
    /** To fetch a report when an event carries none (include_object off). */
    private readonly checkr?: CheckrClient,
  ) {}

  private parse<T>(schema: z.ZodType<T>, raw: Uint8Array): T {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      throw new AppError(400, 'webhook_invalid', 'Webhook body is not JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AppError(400, 'webhook_invalid', 'Webhook body is not an event');
    return parsed.data;
  }

  async receiveCheckr(
    raw: Uint8Array,
    signature: string | undefined,
  ): Promise<{ duplicate: boolean }> {
    if (!this.keys.checkr || !verifySignature(this.keys.checkr, raw, signature)) {
      throw new AppError(401, 'webhook_signature_invalid', 'X-Checkr-Signature does not match');
    }
    const event = this.parse(checkrEvent, raw);
    const object = event.data.object as Record<string, unknown>;
    const createdAt = isoTime(event.created_at);
    const fresh = await this.store.recordWebhookEvent(
      'checkr',
      event.id,
      event.type,
      new Date().toISOString(),
      { objectId: subjectOf(event.type, object), createdAt },
    );
    if (!fresh) return { duplicate: true };
    if (event.type.startsWith('report.') && typeof object.id === 'string') {
      await this.reportEvent(object as { id: string }, createdAt);
    }
    // candidate.id_required, verification.*, invitation.* and the rest are kept with the object
    // they are about, and listed with the consent on the admin routes.
    this.logger.info('checkr webhook', { event: event.id, type: event.type });
    return { duplicate: false };
  }

  /**
   * With `include_object` off (seed 000 L663-671) an event carries only `{id, object, uri}`, and
   * its type is no status ("report.engaged" follows "report.completed"): the report is fetched, and
   * what Checkr says now is applied as of now. A fetch that fails leaves the report to the
   * reconciler, which fetches every report not yet terminal.
   */
  private async reportEvent(object: { id: string } & Record<string, unknown>, at?: string) {
    if (typeof object.status === 'string' && typeof object.candidate_id === 'string') {
      await this.applyReport(object as CheckrReport, at ?? new Date().toISOString());
      return;
    }
    if (!this.checkr) return;
    try {
      const report = await this.checkr.getReport(object.id);
      await this.applyReport(report, new Date().toISOString(), { fetched: true });
    } catch {
      this.logger.warn('report fetch after a webhook failed; reconciliation will fetch it', {
        report: object.id,
      });
    }
  }

  /**
   * Applies a report's state as of `at` (an event's `created_at`, or the time it was fetched):
   * Checkr does not deliver in order (seed 000 L688-698), so a state older than the newest one
   * applied is ignored. `fetched` also records when the report was last read from Checkr.
   */
  async applyReport(
    report: CheckrReport,
    at: string,
    { fetched = false }: { fetched?: boolean } = {},
  ): Promise<void> {
    const session =
      (await this.store.findSessionByReport(report.id)) ??
      (await this.store.findSessionByCandidate(report.candidate_id));
    if (!session) return;
    const when = isoTime(at) ?? new Date().toISOString();
    if (session.reportEventAt && when < session.reportEventAt) {
      this.logger.info('older report state ignored', { report: report.id, status: report.status });
      if (fetched) await this.store.updateSession(session.id, { reportCheckedAt: when });
      return;
    }
    await this.store.updateSession(session.id, {
      reportId: report.id,
      reportStatus: report.status,
      reportResult: report.result === undefined ? session.reportResult : (report.result ?? null),
      reportEventAt: when,
      ...(fetched ? { reportCheckedAt: when } : {}),
    });
  }

  async receiveCheckrPay(
    raw: Uint8Array,
    signature: string | undefined,
  ): Promise<{ duplicate: boolean }> {
    if (!this.keys.checkrPay || !verifySignature(this.keys.checkrPay, raw, signature)) {
      throw new AppError(401, 'webhook_signature_invalid', 'X-Checkrpay-Signature does not match');
    }
    const event = this.parse(payEvent, raw);
    const object = (event.data as { object?: Record<string, unknown> } | undefined)?.object ?? {};
    const fresh = await this.store.recordWebhookEvent(
      'checkr-pay',
      event.id,
      event.type,
      new Date().toISOString(),
      {
        objectId: typeof object.id === 'string' ? object.id : undefined,
        createdAt: isoTime(event.createdAt ?? event.created_at),
      },
    );
    // Worker status changes (seed 002 L492-502) keep the stored mapping current.
    if (
      fresh &&
      event.type.startsWith('worker.') &&
      typeof object.id === 'string' &&
      typeof object.status === 'string'
    ) {
      await this.store.updatePayWorkerStatus(object.id, object.status, new Date().toISOString());
    }
    this.logger.info('checkr pay webhook', {
      event: event.id,
      type: event.type,
      duplicate: !fresh,
    });
    return { duplicate: !fresh };
  }
}
