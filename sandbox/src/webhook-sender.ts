import { createHmac, randomUUID } from 'node:crypto';

/** How the simulators deliver their events; every knob is also an admin route (README). */
export interface DeliveryOptions {
  /**
   * Checkr's `include_object` setting (F0 L663-671): on, `data.object` is the whole resource;
   * off, only `{id, object, uri}`, and the receiver fetches the resource itself.
   */
  includeObject: boolean;
  /**
   * "does not guarantee the delivery of events in the order in which they are generated" (Checkr
   * F1 L621; Checkr Pay seed 002 L436-446). On, each event is held until the next event about
   * the same object, which is then delivered first (report.completed before report.created).
   */
  outOfOrder: boolean;
  /** How long an event waits for a successor to overtake it (real milliseconds). */
  outOfOrderHoldMs: number;
  /** Extra deliveries of each event, same id and body (duplicates: F1 L644-653, 002 L436). */
  duplicates: number;
  /** Wait before the first try (real milliseconds). */
  delayMs: number;
  /**
   * The documented retry schedule, "every minute for 10 minutes, then every hour for 24 hours"
   * (F1 L617, 002 L434), multiplied by this: 1 is real time; the default 1/600 makes a minute
   * 100 ms and an hour 6 s, so a test sees the schedule's shape in seconds.
   */
  timeScale: number;
}

export const defaultDelivery: DeliveryOptions = {
  includeObject: true,
  outOfOrder: false,
  outOfOrderHoldMs: 5000,
  duplicates: 0,
  delayMs: 0,
  timeScale: 1 / 600,
};

/** Minutes after the first try: 10 retries a minute apart, then 24 an hour apart. */
export const RETRY_SCHEDULE_MINUTES: readonly number[] = [
  ...Array.from({ length: 10 }, () => 1),
  ...Array.from({ length: 24 }, () => 60),
];

export type Flavour = 'checkr' | 'checkr-pay';

/** One try of one event, as the webhook log keeps it. */
export interface SentWebhook {
  id: string;
  type: string;
  attempt: number;
  status: number | 'failed';
}

/** The webhook knobs as the admin routes read and write them. */
export interface WebhookSettings {
  url: string | null;
  include_object: boolean;
  out_of_order: boolean;
  out_of_order_hold_ms: number;
  duplicates: number;
  delay_ms: number;
  time_scale: number;
  delay_ms_by_type: Record<string, number>;
}

interface Outgoing {
  url: string;
  id: string;
  type: string;
  body: string;
  generation: number;
}

interface Held {
  send: () => Promise<void>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Sends signed webhooks the way the real services do: POST JSON with a hex HMAC-SHA256 of the
 * exact body in the signature header (Checkr F1 L630-642, Checkr Pay 002 L426-430). Envelopes
 * differ: Checkr's `{id, object, type, created_at, webhook_url, data: {object}, account_id}`
 * (F0 L663-671), Checkr Pay's `{id, object, type, createdAt, data: {object}}` (002 L393-398).
 * Delivery is fire-and-forget; `sent` records every try.
 */
export class WebhookSender {
  url: string | undefined;
  delivery: DeliveryOptions = { ...defaultDelivery };
  readonly sent: SentWebhook[] = [];
  /** Per event type, how long its events are held back before the first try (real ms). */
  delayMs: Record<string, number> = {};
  /** What `reset()` returns to: the delivery the simulator was started with. */
  private baseline: DeliveryOptions = { ...defaultDelivery };
  /** Bumped by `reset()`: deliveries queued before it are dropped, and never logged. */
  private generation = 0;

  /** Shorthand for `configure({ includeObject })`. */
  get includeObject(): boolean {
    return this.delivery.includeObject;
  }
  set includeObject(value: boolean) {
    this.delivery = { ...this.delivery, includeObject: value };
  }
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly header: string,
    private readonly key: () => string,
    private readonly userAgent: string,
    private readonly flavour: Flavour = 'checkr',
    private readonly accountId = 'acct_sandbox',
  ) {}

  configure(options: Partial<DeliveryOptions>): DeliveryOptions {
    this.delivery = { ...this.delivery, ...options };
    return this.delivery;
  }

  /** The start-up delivery: applied now, and what `reset()` comes back to. */
  configureBaseline(options: Partial<DeliveryOptions>): DeliveryOptions {
    this.baseline = { ...this.baseline, ...options };
    this.delivery = { ...this.baseline };
    return this.delivery;
  }

  /**
   * Back to the start-up delivery, with an empty log and no event waiting (queued, held or
   * between retries). The target URL is wiring, not a knob: it stays.
   */
  reset(): void {
    this.stop();
    this.generation += 1;
    this.delivery = { ...this.baseline };
    this.delayMs = {};
    this.sent.length = 0;
  }

  /** The admin routes' view (README "Sandbox"): the target and every knob, as the flags name them. */
  settings(): WebhookSettings {
    const d = this.delivery;
    return {
      url: this.url ?? null,
      include_object: d.includeObject,
      out_of_order: d.outOfOrder,
      out_of_order_hold_ms: d.outOfOrderHoldMs,
      duplicates: d.duplicates,
      delay_ms: d.delayMs,
      time_scale: d.timeScale,
      delay_ms_by_type: { ...this.delayMs },
    };
  }

  /**
   * An admin route's body: the delivery flags of `deliveryFromFlags`, plus `url` (the target, or
   * null for none: every event missed) and `delay_ms_by_type` (`{"report.created": 400}`, which
   * replaces the previous map). Nothing changes unless the whole body is valid.
   */
  apply(flags: Record<string, unknown>): WebhookSettings {
    const { url, delay_ms_by_type: byType, ...delivery } = flags;
    const options = deliveryFromFlags(delivery);
    if (url !== undefined && url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
      throw new Error('url must be an http(s) URL or null');
    let delays: Record<string, number> | undefined;
    if (byType !== undefined) {
      if (!byType || typeof byType !== 'object' || Array.isArray(byType))
        throw new Error('delay_ms_by_type must be an object of event type to milliseconds');
      delays = {};
      for (const [type, ms] of Object.entries(byType)) {
        const n = Number(ms);
        if (!Number.isFinite(n) || n < 0 || n > 600_000)
          throw new Error('delay_ms_by_type values must be numbers from 0 to 600000');
        delays[type] = n;
      }
    }
    this.configure(options);
    if (url !== undefined) this.url = (url as string | null) ?? undefined;
    if (delays) this.delayMs = delays;
    return this.settings();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const held of this.held.values()) clearTimeout(held.timer);
    this.held.clear();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      timer.unref?.();
      this.timers.add(timer);
    });
  }

  /** Queues one event; returns at once (the real services do not wait on the receiver). */
  send(type: string, object: Record<string, unknown>): Promise<void> {
    const url = this.url;
    if (!url) return Promise.resolve();
    const options = this.delivery;
    const id = randomUUID().replace(/-/g, '');
    const data = options.includeObject
      ? object
      : { id: object.id, object: object.object, ...(object.uri ? { uri: object.uri } : {}) };
    const now = new Date().toISOString();
    const body = JSON.stringify(
      this.flavour === 'checkr'
        ? {
            id,
            object: 'event',
            type,
            created_at: now,
            webhook_url: url,
            data: { object: data },
            account_id: this.accountId,
          }
        : { id, object: 'event', type, createdAt: now, data: { object: data } },
    );
    const generation = this.generation;
    const deliver = () =>
      generation === this.generation ? this.deliver(url, id, type, body) : Promise.resolve();
    if (!options.outOfOrder || typeof object.id !== 'string') return deliver();
    const subject = `${object.object}:${object.id}`;
    const previous = this.held.get(subject);
    if (previous) {
      // The newer event overtakes the held one.
      clearTimeout(previous.timer);
      this.held.delete(subject);
      return deliver().then(previous.send);
    }
    const timer = setTimeout(() => {
      this.held.delete(subject);
      void deliver();
    }, options.outOfOrderHoldMs);
    timer.unref?.();
    this.held.set(subject, { send: deliver, timer });
    return Promise.resolve();
  }

  private async deliver(url: string, id: string, type: string, body: string): Promise<void> {
    const event = { url, id, type, body, generation: this.generation };
    const options = this.delivery;
    const delay = options.delayMs + (this.delayMs[type] ?? 0);
    if (delay > 0) await this.sleep(delay);
    const delivered = await this.withRetries(event);
    if (!delivered) return;
    for (let copy = 0; copy < options.duplicates; copy++) await this.post(event, 0);
  }

  private async withRetries(event: Outgoing) {
    const scale = this.delivery.timeScale;
    for (let attempt = 0; attempt <= RETRY_SCHEDULE_MINUTES.length; attempt++) {
      if (attempt > 0) await this.sleep(RETRY_SCHEDULE_MINUTES[attempt - 1]! * 60_000 * scale);
      if (await this.post(event, attempt)) return true;
    }
    return false;
  }

  /** One try; true when done (delivered, or dropped by a reset since the event was queued). */
  private async post(event: Outgoing, attempt: number): Promise<boolean> {
    const { url, id, type, body, generation } = event;
    if (generation !== this.generation) return true;
    const log = (status: number | 'failed') => {
      if (generation === this.generation) this.sent.push({ id, type, attempt, status });
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': this.userAgent,
          [this.header]: createHmac('sha256', this.key()).update(body).digest('hex'),
        },
        body,
        signal: AbortSignal.timeout(5000),
      });
      log(response.status);
      // "Any response other than 2xx" is a failure to retry (F1 L615).
      return response.ok;
    } catch {
      log('failed');
      return false;
    }
  }
}

/** Parses the admin route's body or the SANDBOX_WEBHOOKS variable (`include_object=off,...`). */
export function deliveryFromFlags(flags: Record<string, unknown>): Partial<DeliveryOptions> {
  const out: Partial<DeliveryOptions> = {};
  const bool = (value: unknown, name: string) => {
    if (value === true || value === 'on' || value === 'true') return true;
    if (value === false || value === 'off' || value === 'false') return false;
    throw new Error(`${name} must be on or off`);
  };
  const number = (value: unknown, name: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`${name} must be a number from ${min} to ${max}`);
    return n;
  };
  for (const [name, value] of Object.entries(flags)) {
    if (name === 'include_object') out.includeObject = bool(value, name);
    else if (name === 'out_of_order') out.outOfOrder = bool(value, name);
    else if (name === 'out_of_order_hold_ms')
      out.outOfOrderHoldMs = number(value, name, 0, 600_000);
    else if (name === 'duplicates') out.duplicates = number(value, name, 0, 10);
    else if (name === 'delay_ms') out.delayMs = number(value, name, 0, 600_000);
    else if (name === 'time_scale') out.timeScale = number(value, name, 0, 1);
    else throw new Error(`unknown webhook knob ${name}`);
  }
  return out;
}

export function parseDeliveryVariable(value: string | undefined): Partial<DeliveryOptions> {
  if (!value) return {};
  const flags: Record<string, string> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, raw = 'on'] = part.split('=');
    flags[name!.trim()] = raw.trim();
  }
  return deliveryFromFlags(flags);
}
