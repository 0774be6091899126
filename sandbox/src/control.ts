import type { FaultKind } from './faults.ts';
import type { Outcome } from './rules/checkr-rules.ts';
import type { HierarchyNode } from './rules/hierarchy.ts';
import type { SentWebhook, WebhookSettings } from './webhook-sender.ts';

/** The environment a BFF is given to use the sandbox (`StandaloneSandbox.env`). */
export interface SandboxEnv {
  CHECKR_API_KEY: string;
  CHECKR_API_BASE: string;
  CHECKR_PAY_ACCESS_KEY: string;
  CHECKR_PAY_SECRET_KEY: string;
  CHECKR_PAY_API_BASE: string;
  CHECKR_PAY_EMBED_BASE: string;
}

/** A fault for the next `count` calls of `route` (`POST /v1/candidates`, `:id` placeholders). */
export interface FaultRequest {
  route: string;
  kind: FaultKind;
  count?: number;
  /** For `slow`. */
  delay_ms?: number;
  /** For Checkr's `400`: the refusal's text. */
  message?: string;
}

export type QueuedFault = Required<Pick<FaultRequest, 'route' | 'kind'>> & {
  remaining: number;
  delay_ms?: number;
  message?: string;
};

/** What the webhook route takes: any of its settings; `url: null` sends nothing. */
export type WebhookFlags = Partial<WebhookSettings>;

/** A record the simulator holds, as its API shows it. */
export type Held = Record<string, unknown> & { id: string };

export interface Report extends Held {
  candidate_id: string;
  status: string;
  result: string | null;
}

export interface CheckrRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** A refused control call: the status and the simulator's own answer. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body}`);
    this.name = 'SandboxControlError';
  }
}

/** The part every simulator shares: faults, webhooks and their log, reset. */
class SimulatorControl {
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  protected async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}__sandbox/${path}`, {
      method,
      headers: {
        ...this.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new SandboxControlError(response.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  protected async list<T>(path: string): Promise<T[]> {
    return (await this.call<{ data: T[] }>('GET', path)).data;
  }

  addFault(fault: FaultRequest): Promise<void> {
    return this.call('POST', 'faults', fault);
  }

  faults(): Promise<QueuedFault[]> {
    return this.list('faults');
  }

  /** How many calls of `route` the queued faults will still answer. */
  async faultsRemaining(route: string): Promise<number> {
    return (await this.faults())
      .filter((fault) => fault.route === route)
      .reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clearFaults(): Promise<void> {
    return this.call('DELETE', 'faults');
  }

  webhooks(): Promise<WebhookSettings> {
    return this.call('GET', 'webhooks');
  }

  configureWebhooks(flags: WebhookFlags): Promise<WebhookSettings> {
    return this.call('POST', 'webhooks', flags);
  }

  /** Every try of every event since start or reset, in order. */
  sentWebhooks(): Promise<SentWebhook[]> {
    return this.list('webhooks/sent');
  }

  reset(): Promise<void> {
    return this.call('POST', 'reset');
  }
}

/** `/sandbox/checkr/__sandbox/...`, with the Checkr key. */
export class CheckrControl extends SimulatorControl {
  constructor(env: Pick<SandboxEnv, 'CHECKR_API_BASE' | 'CHECKR_API_KEY'>) {
    super(`${env.CHECKR_API_BASE.replace(/\/+$/, '')}/`, {
      authorization: `Basic ${Buffer.from(`${env.CHECKR_API_KEY}:`).toString('base64')}`,
    });
  }

  candidates(): Promise<Held[]> {
    return this.list('candidates');
  }

  reports(): Promise<Report[]> {
    return this.list('reports');
  }

  /** Uploaded documents. */
  documents(): Promise<Array<Held & { candidate_id: string; type: string }>> {
    return this.list('documents');
  }

  piiRemovals(): Promise<
    Array<{ candidate_id: string; deletion_contact_email_address: string; created_at: string }>
  > {
    return this.list('pii-removals');
  }

  /** Every Checkr API request received since start or reset (method, path, query, body). */
  requests(): Promise<CheckrRequest[]> {
    return this.list('requests');
  }

  /** The account hierarchy; `[]` is an account without one. */
  async hierarchy(): Promise<HierarchyNode[]> {
    return (await this.call<{ nodes: HierarchyNode[] }>('GET', 'hierarchy')).nodes;
  }

  async setHierarchy(nodes: readonly HierarchyNode[]): Promise<HierarchyNode[]> {
    return (await this.call<{ nodes: HierarchyNode[] }>('POST', 'hierarchy', { nodes })).nodes;
  }

  testData(
    settings: { other_data?: Outcome; complete_after_ms?: number } = {},
  ): Promise<{ other_data: Outcome; complete_after_ms: number }> {
    return Object.keys(settings).length === 0
      ? this.call('GET', 'test-data')
      : this.call('POST', 'test-data', settings);
  }
}

/** `/sandbox/checkr-pay/customer/__sandbox/...`, with the Pay keys. */
export class PayControl extends SimulatorControl {
  constructor(
    env: Pick<
      SandboxEnv,
      'CHECKR_PAY_API_BASE' | 'CHECKR_PAY_ACCESS_KEY' | 'CHECKR_PAY_SECRET_KEY'
    >,
  ) {
    super(`${env.CHECKR_PAY_API_BASE.replace(/\/+$/, '')}/`, {
      'x-checkr-pay-access-key': env.CHECKR_PAY_ACCESS_KEY,
      'x-checkr-pay-secret-key': env.CHECKR_PAY_SECRET_KEY,
    });
  }

  workers(): Promise<Array<Held & { status: string; metadata: string | null }>> {
    return this.list('workers');
  }

  /** Moves a worker to a status and sends its event (`onboarded` sends `worker.onboarded`). */
  setWorkerStatus(workerId: string, status: string): Promise<Held & { status: string }> {
    return this.call('POST', `workers/${encodeURIComponent(workerId)}/status`, { status });
  }

  token(token: string): Promise<{ worker_id: string; redeemed: boolean }> {
    return this.call('GET', `tokens/${encodeURIComponent(token)}`);
  }
}

/**
 * A typed client for the sandbox's admin routes (README "Sandbox"), as a customer's CI uses them
 * against a sandbox in another process: `new SandboxControl(env)` with the environment the
 * sandbox printed.
 */
export class SandboxControl {
  readonly checkr: CheckrControl;
  readonly pay: PayControl;

  constructor(env: SandboxEnv) {
    this.checkr = new CheckrControl(env);
    this.pay = new PayControl(env);
  }

  /** Both simulators empty, their knobs back to start-up; webhook targets stay. */
  async reset(): Promise<void> {
    await Promise.all([this.checkr.reset(), this.pay.reset()]);
  }

  /** Where both simulators send their events: a BFF's base (its /v1/webhooks/...), or none. */
  async sendWebhooksTo(bffBase: string | null): Promise<void> {
    await Promise.all([
      this.checkr.configureWebhooks({ url: bffBase && `${bffBase}/v1/webhooks/checkr` }),
      this.pay.configureWebhooks({ url: bffBase && `${bffBase}/v1/webhooks/checkr-pay` }),
    ]);
  }
}
