import express, { Router, type Request, type Response } from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import { FaultInjector } from './faults.ts';
import { adminRoutes } from './admin-routes.ts';
import { WebhookSender } from './webhook-sender.ts';

type Json = Record<string, unknown>;

export interface PayAccount {
  accessKey: string;
  secretKey: string;
}

interface Worker extends Json {
  id: string;
  status: string;
  metadata: string | null;
  profile: Json;
  backgroundCheckId: string | null;
  createdAt: string;
  account: string;
}

interface Tat {
  workerId: string;
  sessionId: string | undefined;
  createdAt: number;
  redeemedAt: number | undefined;
}

const TAT_SESSION_CACHE_MS = 12 * 3600_000;

/**
 * The statuses a worker moves to with an event (002 L492-502 against L1034-1049): `pending`,
 * `require_pii` and `failed` have none, so the admin route does not play them.
 */
const STATUS_EVENTS: Record<string, string> = {
  onboarded: 'worker.onboarded',
  active: 'worker.activated',
  manual_review: 'worker.manual_review',
  denied: 'worker.denied',
  pending_closure: 'worker.pending_closure',
  closed: 'worker.closed',
};

function error(
  res: Response,
  status: number,
  code: string,
  message: string,
  details?: Array<{ key: string; errors: string[] }>,
) {
  res.status(status).json({
    http_code: status,
    error_code: code,
    error_message: message,
    ...(details ? { details } : {}),
  });
}

/**
 * A local Checkr Pay customer API (v0): the two key headers, workers and their statuses,
 * one-time temporary authentication tokens (TATs), sandbox resets, signed webhooks.
 *
 * The docs contradict themselves on TATs: "one-time use" (seed 002 L165, L1389) against "cached
 * for a 12 hour period" when `x-checkr-pay-worker-session-id` is sent (L1405). The simulator
 * takes the reading that never hands out a spent token: with a session id, the same TAT is
 * returned for 12 hours only while it has not been redeemed; once the embeddable redeems it, the
 * next call mints a new one. Without a session id every call mints a new TAT.
 */
export class CheckrPaySimulator {
  readonly workers = new Map<string, Worker>();
  readonly tats = new Map<string, Tat>();
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookSender;
  readonly router: Router;
  private readonly idempotency = new Map<string, { status: number; body: unknown; at: number }>();
  private window = { start: 0, count: 0 };
  /** "600 requests per minute across all endpoints" (seed 002 L917). */
  rateLimitPerMinute = 600;

  constructor(private readonly accounts: PayAccount[]) {
    this.webhooks = new WebhookSender(
      'X-Checkrpay-Signature',
      () => accounts[0]!.secretKey,
      'CheckrPay-Webhook/1.0 (sandbox)',
      'checkr-pay',
    );
    this.router = this.routes();
  }

  /** Empty, as started: no worker, TAT, fault or webhook log; delivery back to start-up. */
  reset(): void {
    this.webhooks.reset();
    this.window = { start: 0, count: 0 };
    this.workers.clear();
    this.tats.clear();
    this.bySession.clear();
    this.idempotency.clear();
    this.faults.clear();
  }

  /** The embeddable's side: a TAT works once. `undefined` for an unknown or spent token. */
  redeem(token: string): Worker | undefined {
    const tat = this.tats.get(token);
    if (!tat || tat.redeemedAt !== undefined) return undefined;
    tat.redeemedAt = Date.now();
    return this.workers.get(tat.workerId);
  }

  /** Seeds a worker directly (the demo's signed-in worker). */
  seedWorker(account: PayAccount, profile: Json, metadata: string): Worker {
    const existing = [...this.workers.values()].find((w) => w.metadata === metadata);
    if (existing) return existing;
    const worker = this.newWorker(account, { profile, metadata, backgroundCheckId: null });
    worker.status = 'active';
    return worker;
  }

  private newWorker(account: PayAccount, body: Json): Worker {
    const worker: Worker = {
      id: randomUUID(),
      object: 'worker',
      status: 'pending',
      metadata: typeof body.metadata === 'string' ? body.metadata : null,
      // The response sample has an address although its request has none (002 L82-124):
      // an address not given is returned as null, never left out.
      profile: { address: null, ...(body.profile as Json) },
      backgroundCheckId: typeof body.backgroundCheckId === 'string' ? body.backgroundCheckId : null,
      createdAt: new Date().toISOString(),
      account: account.accessKey,
      payoutMethods: { available: ['CheckrPayBankAccount', 'ACHDirectDeposit'], selected: null },
    };
    const profile = worker.profile;
    const address = profile.address as Json | undefined;
    const complete = Boolean(
      profile.email &&
      profile.phoneNumber &&
      address?.street &&
      address?.city &&
      address?.state &&
      address?.postalCode,
    );
    worker.status = complete ? 'pending' : 'require_pii';
    this.workers.set(worker.id, worker);
    return worker;
  }

  /** Unredeemed TATs by worker and login session, for the 12-hour reuse. */
  private readonly bySession = new Map<string, string>();

  private mint(workerId: string, sessionId?: string): string {
    const key = sessionId ? `${workerId}:${sessionId}` : undefined;
    const cached = key ? this.bySession.get(key) : undefined;
    const tat = cached ? this.tats.get(cached) : undefined;
    if (
      cached &&
      tat &&
      tat.redeemedAt === undefined &&
      Date.now() - tat.createdAt < TAT_SESSION_CACHE_MS
    )
      return cached;
    const token = randomBytes(18).toString('base64url');
    this.tats.set(token, { workerId, sessionId, createdAt: Date.now(), redeemedAt: undefined });
    if (key) this.bySession.set(key, token);
    return token;
  }

  private publicWorker(worker: Worker): Json {
    const { account: _account, ...rest } = worker;
    return rest;
  }

  stop(): void {
    this.webhooks.stop();
  }

  /**
   * Rate-limit headers "for any requests" (002 L919-924), for the current minute; the reset is
   * the end of that minute (L917), written like the example "2018-02-02T16:39:00Z" (L915).
   */
  private rateLimit(res: Response): boolean {
    const now = Date.now();
    if (now - this.window.start >= 60_000) this.window = { start: now - (now % 60_000), count: 0 };
    this.window.count += 1;
    res.set('X-Ratelimit-Limit', String(this.rateLimitPerMinute));
    res.set(
      'X-Ratelimit-Remaining',
      String(Math.max(this.rateLimitPerMinute - this.window.count, 0)),
    );
    res.set(
      'X-Ratelimit-Reset',
      new Date(this.window.start + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    return this.window.count <= this.rateLimitPerMinute;
  }

  private accountOf(req: Request): PayAccount | undefined {
    const access = req.get('x-checkr-pay-access-key');
    const secret = req.get('x-checkr-pay-secret-key');
    return this.accounts.find((a) => a.accessKey === access && a.secretKey === secret);
  }

  private unauthorized(res: Response): void {
    error(res, 401, 'unauthorized', 'Missing or invalid API credentials');
  }

  /**
   * `/__sandbox/...`: the shared knobs (faults, webhooks and their log, reset), whether a TAT
   * was redeemed, every worker, and a worker moved to a status with its event, as onboarding in
   * the embeddable or Checkr Pay's review would move it.
   */
  private adminRoutes(): Router {
    const router = adminRoutes({
      faults: this.faults,
      faultKinds: ['429', '500', 'slow', 'drop'],
      webhooks: this.webhooks,
      reset: () => this.reset(),
      refuse: (res, status, message) => error(res, status, 'input_validation_error', message),
    });
    router.get('/tokens/:token', (req, res) => {
      const tat = this.tats.get(String(req.params.token));
      if (!tat) return void error(res, 404, 'resource_not_found', 'Token not found');
      res.json({ worker_id: tat.workerId, redeemed: tat.redeemedAt !== undefined });
    });
    router.get('/workers', (_req, res) => {
      res.json({ data: [...this.workers.values()].map((w) => this.publicWorker(w)) });
    });
    router.post('/workers/:id/status', (req, res) => {
      const worker = this.workers.get(String(req.params.id));
      if (!worker) return void error(res, 404, 'resource_not_found', 'Worker not found');
      const status = (req.body ?? {}).status;
      const event =
        typeof status === 'string' && Object.hasOwn(STATUS_EVENTS, status)
          ? STATUS_EVENTS[status]
          : undefined;
      if (!event)
        return error(
          res,
          400,
          'input_validation_error',
          `status must be one of ${Object.keys(STATUS_EVENTS).join(', ')}`,
        );
      worker.status = status;
      void this.webhooks.send(event, this.publicWorker(worker));
      res.json(this.publicWorker(worker));
    });
    router.use((_req, res) => error(res, 404, 'resource_not_found', 'Not found'));
    return router;
  }

  private routes(): Router {
    const router = Router();
    // The sandbox's own knobs and inspections (README "Sandbox"), behind the account's keys,
    // outside Checkr Pay's API and its rate limit.
    router.use(
      '/__sandbox',
      (req, res, next) => (this.accountOf(req) ? next() : this.unauthorized(res)),
      this.adminRoutes(),
    );
    /**
     * 429: "HTTP 429 'Too Many Requests'" (002 L917) in the standard error structure (L968),
     * which every non-2xx answer uses. The error_code table (L995-1000) has no code for 429, so
     * none is invented: a client must read the status.
     */
    const answer429 = (res: Response) => {
      res.set('X-Ratelimit-Remaining', '0');
      res.status(429).json({ http_code: 429, error_message: 'Too Many Requests' });
    };
    router.use((_req, res, next) => (this.rateLimit(res) ? next() : answer429(res)));
    router.use(express.json({ limit: '256kb' }));
    const account = (req: Request, res: Response): PayAccount | undefined => {
      const found = this.accountOf(req);
      if (!found) this.unauthorized(res);
      return found;
    };
    const owned = (req: Request, res: Response, acct: PayAccount): Worker | undefined => {
      const worker = this.workers.get(String(req.params.id));
      if (!worker) return void error(res, 404, 'resource_not_found', 'Worker not found');
      if (worker.account !== acct.accessKey)
        return void error(res, 403, 'forbidden', 'This worker belongs to another account');
      return worker;
    };
    // L1000: "An unexpected error occurred. Please contact Checkr Pay support ..."
    const answer500 = (res: Response) =>
      error(
        res,
        500,
        'unexpected_error',
        'An unexpected error occurred. Please contact Checkr Pay support for more information.',
      );
    const fault = (route: string) => this.faults.middleware(route, answer429, answer500);

    router.post('/v0/workers', fault('POST /v0/workers'), (req, res) => {
      const acct = account(req, res);
      if (!acct) return;
      const key = req.get('idempotency-key');
      const replay = key ? this.idempotency.get(`${acct.accessKey}:${key}`) : undefined;
      if (replay && Date.now() - replay.at < 24 * 3600_000)
        return void res.status(replay.status).json(replay.body);
      const body = (req.body ?? {}) as Json;
      const details: Array<{ key: string; errors: string[] }> = [];
      const profile = body.profile as Json | undefined;
      if (!profile || typeof profile !== 'object')
        details.push({ key: 'profile', errors: ['is required'] });
      if (
        body.metadata !== undefined &&
        (typeof body.metadata !== 'string' || body.metadata.length > 50)
      ) {
        details.push({ key: 'metadata', errors: ['must be a string of at most 50 characters'] });
      }
      const others = [...this.workers.values()];
      if (profile?.email && others.some((w) => w.profile.email === profile.email))
        details.push({ key: 'profile.email', errors: ['has already been taken'] });
      if (
        profile?.phoneNumber &&
        others.some((w) => w.profile.phoneNumber === profile.phoneNumber)
      ) {
        details.push({ key: 'profile.phoneNumber', errors: ['has already been taken'] });
      }
      if (body.metadata && others.some((w) => w.metadata === body.metadata))
        details.push({ key: 'metadata', errors: ['has already been taken'] });
      if (details.length > 0)
        return error(res, 400, 'input_validation_error', 'Invalid input', details);
      const worker = this.newWorker(acct, body);
      const answer = {
        ...this.publicWorker(worker),
        temporaryAuthenticationToken: this.mint(worker.id),
      };
      if (key)
        this.idempotency.set(`${acct.accessKey}:${key}`, {
          status: 201,
          body: answer,
          at: Date.now(),
        });
      void this.webhooks.send('worker.created', this.publicWorker(worker));
      res.status(201).json(answer);
    });

    router.get('/v0/workers', (req, res) => {
      const acct = account(req, res);
      if (!acct) return;
      const page = Math.max(1, Number(req.query.page) || 1);
      const perPage = Math.min(100, Math.max(1, Number(req.query.per_page) || 50));
      const all = [...this.workers.values()].filter(
        (w) =>
          w.account === acct.accessKey &&
          (!req.query.metadata || w.metadata === req.query.metadata),
      );
      const data = all.slice((page - 1) * perPage, page * perPage).map((w) => this.publicWorker(w));
      const href = (p: number) => `/v0/workers?page=${p}&per_page=${perPage}`;
      res.json({
        object: 'list',
        count: all.length,
        data,
        next_href: page * perPage < all.length ? href(page + 1) : null,
        previous_href: page > 1 ? href(page - 1) : null,
      });
    });

    router.get('/v0/workers/:id', (req, res) => {
      const acct = account(req, res);
      const worker = acct && owned(req, res, acct);
      if (worker) res.json(this.publicWorker(worker));
    });

    router.put('/v0/workers/:id', (req, res) => {
      const acct = account(req, res);
      const worker = acct && owned(req, res, acct);
      if (!worker) return;
      const body = (req.body ?? {}) as Json;
      const others = Object.keys(body).filter((k) => k !== 'metadata');
      if (others.length > 0) {
        return error(
          res,
          400,
          'input_validation_error',
          'Only metadata can be updated',
          others.map((key) => ({ key, errors: ['cannot be updated'] })),
        );
      }
      if (typeof body.metadata !== 'string' || body.metadata.length > 50) {
        return error(res, 400, 'input_validation_error', 'Invalid input', [
          { key: 'metadata', errors: ['must be a string of at most 50 characters'] },
        ]);
      }
      worker.metadata = body.metadata;
      void this.webhooks.send('worker.updated', this.publicWorker(worker));
      res.json(this.publicWorker(worker));
    });

    router.delete('/v0/workers/:id', (req, res) => {
      const acct = account(req, res);
      const worker = acct && owned(req, res, acct);
      if (!worker) return;
      worker.status = worker.status === 'active' ? 'pending_closure' : 'closed';
      void this.webhooks.send(`worker.${worker.status}`, this.publicWorker(worker));
      res.json(this.publicWorker(worker));
    });

    router.get(
      '/v0/workers/:id/authenticate',
      fault('GET /v0/workers/:id/authenticate'),
      (req, res) => {
        const acct = account(req, res);
        const worker = acct && owned(req, res, acct);
        if (!worker) return;
        const sessionId = req.get('x-checkr-pay-worker-session-id') || undefined;
        res.set('Cache-Control', 'no-store');
        res.json({ temporaryAuthenticationToken: this.mint(worker.id, sessionId) });
      },
    );

    router.post('/v0/sandbox/workers/reset/:id', (req, res) => {
      const acct = account(req, res);
      const worker = acct && owned(req, res, acct);
      if (!worker) return;
      this.workers.delete(worker.id);
      res.type('text/plain').send('OK');
    });
    router.post('/v0/sandbox/workers/reset_all', (req, res) => {
      const acct = account(req, res);
      if (!acct) return;
      for (const worker of [...this.workers.values()])
        if (worker.account === acct.accessKey) this.workers.delete(worker.id);
      res.type('text/plain').send('OK');
    });

    router.use((_req, res) => error(res, 404, 'resource_not_found', 'Not found'));
    return router;
  }
}
