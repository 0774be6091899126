import express, { Router, type Request, type Response } from 'express';
import type { FaultInjector, FaultKind } from './faults.ts';
import type { WebhookSender } from './webhook-sender.ts';

/**
 * The knobs and inspections every simulator shares, under its `__sandbox/` prefix (README
 * "Sandbox"), so Checkr's and Checkr Pay's read alike: faults, webhook delivery and its log, a
 * reset. None of it exists at the real services; it is here for tests and a customer's CI.
 * The caller mounts the router behind its own key check; these routes are not counted in the
 * simulated rate limit, so a test polling them never starves the client under test.
 */
export interface AdminRoutesOptions {
  faults: FaultInjector;
  /** The fault kinds this service can play. */
  faultKinds: readonly FaultKind[];
  webhooks: WebhookSender;
  reset(): void;
  /** Answers a refused request in the service's own error shape. */
  refuse(res: Response, status: number, message: string): void;
}

export function adminRoutes(options: AdminRoutesOptions): Router {
  const { faults, faultKinds, webhooks, refuse } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  // Faults for the next N calls of a route, named like `POST /v1/candidates`.
  router.get('/faults', (_req, res) => {
    res.json({ data: faults.list() });
  });
  router.post('/faults', (req: Request, res) => {
    const { route, kind, count = 1, delay_ms: delayMs, message } = req.body ?? {};
    if (typeof route !== 'string' || !faultKinds.includes(kind)) {
      return refuse(res, 400, `route and kind (${faultKinds.join(', ')}) are required`);
    }
    const remaining = Number(count);
    if (!Number.isInteger(remaining) || remaining < 1 || remaining > 1000)
      return refuse(res, 400, 'count must be a whole number from 1 to 1000');
    faults.add(route, {
      kind,
      remaining,
      delayMs: Number(delayMs) || undefined,
      message: typeof message === 'string' ? message : undefined,
    });
    res.status(204).end();
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  // Delivery knobs (include_object, out_of_order, duplicates, delay_ms, time_scale, ...), the
  // target URL and per-type delays; then the log of every try.
  router.get('/webhooks', (_req, res) => {
    res.json(webhooks.settings());
  });
  router.post('/webhooks', (req, res) => {
    try {
      res.json(webhooks.apply((req.body ?? {}) as Record<string, unknown>));
    } catch (problem) {
      refuse(res, 400, (problem as Error).message);
    }
  });
  router.get('/webhooks/sent', (_req, res) => {
    res.json({ data: webhooks.sent });
  });

  router.post('/reset', (_req, res) => {
    options.reset();
    res.status(204).end();
  });
  return router;
}
