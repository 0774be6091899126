import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
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
  data: z.looseObject({
    object: z.looseObject({ id: z.string().optional(), object: z.string().optional() }),
  }),
});
const payEvent = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
});

/**
 * Webhook receipt: verify, record the event id once, update report status. Checkr does not
 * guarantee order, so a late `report.created` never overwrites a `complete` status.
 */
export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly keys: { checkr: string | undefined; checkrPay: string | undefined },
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
    const fresh = await this.store.recordWebhookEvent(
      'checkr',
      event.id,
      event.type,
      new Date().toISOString(),
    );
    if (!fresh) return { duplicate: true };
    const object = event.data.object as Record<string, unknown>;
    if (event.type.startsWith('report.') && typeof object.id === 'string') {
      const session =
        (await this.store.findSessionByReport(object.id)) ??
        (typeof object.candidate_id === 'string'
          ? await this.store.findSessionByCandidate(object.candidate_id)
          : undefined);
      if (session) {
        const status =
          typeof object.status === 'string' ? object.status : event.type.replace('report.', '');
        const terminal = session.reportStatus === 'complete' || session.reportStatus === 'canceled';
        const incomingTerminal = status === 'complete' || status === 'canceled';
        if (!terminal || incomingTerminal) {
          await this.store.updateSession(session.id, {
            reportId: object.id,
            reportStatus: status,
            reportResult: typeof object.result === 'string' ? object.result : session.reportResult,
          });
        }
      }
    }
    this.logger.info('checkr webhook', { event: event.id, type: event.type });
    return { duplicate: false };
  }

  async receiveCheckrPay(
    raw: Uint8Array,
    signature: string | undefined,
  ): Promise<{ duplicate: boolean }> {
    if (!this.keys.checkrPay || !verifySignature(this.keys.checkrPay, raw, signature)) {
      throw new AppError(401, 'webhook_signature_invalid', 'X-Checkrpay-Signature does not match');
    }
    const event = this.parse(payEvent, raw);
    const fresh = await this.store.recordWebhookEvent(
      'checkr-pay',
      event.id,
      event.type,
      new Date().toISOString(),
    );
    this.logger.info('checkr pay webhook', {
      event: event.id,
      type: event.type,
      duplicate: !fresh,
    });
    return { duplicate: !fresh };
  }
}
