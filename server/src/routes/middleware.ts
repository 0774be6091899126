import type { Request, RequestHandler, Response } from 'express';
import { isIP } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import {
  ipKeyGenerator,
  rateLimit,
  type Options,
  type Store as RateLimitStore,
} from 'express-rate-limit';
import { AppError, errorBody } from '../errors.ts';
import type { SessionTokens } from '../services/tokens.ts';
import type { Store } from '../store/store.ts';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Failed attempts per client address, counted on the store's shared counter: before anything
 * else is read, an address that has failed `max` times in the window is refused with 429 (even
 * with a right key: it could be a lucky guess); only failures are counted, so a caller with the
 * right key or signature is never slowed by its own successes, however many run at once.
 */
export interface FailureLimit {
  windowMs: number;
  max: number;
  counter: RateLimitCounter;
  /** The counter's name in the store. */
  name: string;
}

function failureKey(limit: FailureLimit, req: Request): string {
  return `${limit.name}:${ipKeyGenerator(clientIp(req))}`;
}

/** Answers 429 in the error shape (and says true) once the address has failed too often. */
async function refused(failures: FailureLimit, req: Request, res: Response): Promise<boolean> {
  const { hits, resetAt } = await failures.counter.countRateLimit(
    failureKey(failures, req),
    failures.windowMs,
    0,
  );
  if (hits < failures.max) return false;
  res.set('Retry-After', String(Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000))));
  // The body (up to 1 MB on webhooks) is never read: close rather than drain it.
  res.set('Connection', 'close');
  res
    .status(429)
    .json(
      errorBody([
        { code: 'too_many_failures', title: 'Too many failed attempts; try again later' },
      ]),
    );
  return true;
}

/** Refuses, before any body is read, an address that has failed too often. */
export function refuseAfterFailures(failures: FailureLimit): RequestHandler {
  return async (req, res, next) => {
    if (!(await refused(failures, req, res))) next();
  };
}

/** Counts one failure of the request's address. */
export async function countFailure(failures: FailureLimit, req: Request): Promise<void> {
  await failures.counter.countRateLimit(failureKey(failures, req), failures.windowMs, 1);
}

/** Server-to-server calls from the customer's backend: `Authorization: Bearer <BFF_ADMIN_KEY>`. */
export function requireAdmin(adminKey: string, failures?: FailureLimit): RequestHandler {
  return async (req, res, next) => {
    if (failures && (await refused(failures, req, res))) return;
    const given = bearer(req.get('authorization'));
    if (!given || !sameSecret(given, adminKey)) {
      if (failures) await countFailure(failures, req);
      throw new AppError(401, 'admin_key_invalid', 'A valid admin key is required');
    }
    next();
  };
}

declare module 'express-serve-static-core' {
  interface Locals {
    sessionId?: string;
  }
}

/** Browser calls of the apply flow: `Authorization: Bearer <apply session token>`. */
export function requireSessionToken(tokens: SessionTokens): RequestHandler {
  return async (req, res, next) => {
    const token = bearer(req.get('authorization'));
    if (!token) throw new AppError(401, 'session_missing', 'An apply session token is required');
    const claims = await tokens.verify(token, req.get('origin'));
    res.locals.sessionId = claims.sessionId;
    next();
  };
}

/** Responses carrying tokens or PII must never be stored by a browser or a proxy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  next();
};

/** Where rate-limit hits are counted: the BFF's store, so every replica counts together. */
export type RateLimitCounter = Pick<Store, 'countRateLimit' | 'resetRateLimit'>;

/** express-rate-limit's store interface over the BFF store's counters. */
class SharedHits implements RateLimitStore {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly counter: RateLimitCounter,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    const { hits, resetAt } = await this.counter.countRateLimit(
      this.prefix + key,
      this.windowMs,
      1,
    );
    return { totalHits: hits, resetTime: resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.counter.countRateLimit(this.prefix + key, this.windowMs, -1);
  }

  async resetKey(key: string): Promise<void> {
    await this.counter.resetRateLimit(this.prefix + key);
  }
}

/**
 * The caller's IP address: the one TRUST_PROXY's hops or addresses point to when that is an IP
 * address, else the socket's. A forwarded header may hold any text; what the evidence records
 * and the rate limits count is always an address.
 */
export function clientIp(req: Request): string {
  if (req.ip && isIP(req.ip)) return req.ip;
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Per-client limits in the error shape; the key is the client IP (honouring TRUST_PROXY), or
 * what `keyOf` returns (an apply session). With `shared`, hits are counted in the store under
 * the limit's name, so a limit of N holds across every replica rather than N per replica.
 */
export function limit(
  windowMs: number,
  max: number,
  code: string,
  shared?: { counter: RateLimitCounter; name: string },
  keyOf?: (req: Request, res: Response) => string,
): RequestHandler {
  return rateLimit({
    windowMs,
    limit: max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => keyOf?.(req, res) ?? ipKeyGenerator(clientIp(req)),
    ...(shared ? { store: new SharedHits(shared.counter, `${shared.name}:`) } : {}),
    handler: (_req, res) => {
      res
        .status(429)
        .json(errorBody([{ code, title: 'Too many requests; slow down and try again shortly' }]));
    },
  });
}

/**
 * CORS with an allow-list. A browser request from an origin not on the list is refused outright
 * (403 in the error shape), not merely left without CORS headers.
 */
export function corsAllowList(isAllowed: (origin: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    // A request another site's page made without CORS (an <img>, a form, a no-cors fetch)
    // carries the sign-in cookie but no Origin; the browser still names where it came from.
    const site = req.get('sec-fetch-site');
    if (!origin && site !== 'same-site' && site !== 'cross-site') return next();
    if (!origin || !isAllowed(origin)) {
      res
        .status(403)
        .json(
          errorBody([{ code: 'origin_not_allowed', title: 'This origin may not call the BFF' }]),
        );
      return;
    }
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
    res.append('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'authorization, content-type');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * `handler` (a router whose routes keep their full paths, or a middleware) runs only for paths
 * under one of `prefixes`, matched as Express matches a mount path: case-insensitively, whole
 * segments. Mounted without a path, a router is entered by every request and walks its every
 * route; mounted with one, Express rewrites and restores `req.url` around it. A router's `stack`
 * stays visible, so whatever lists the app's routes (the OpenAPI test) still finds them.
 */
export function under(prefixes: readonly string[], handler: RequestHandler): RequestHandler {
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const concerns = new RegExp(`^(?:${escaped.join('|')})(?:/|$)`, 'i');
  const gate: RequestHandler = (req, res, next) =>
    concerns.test(req.path) ? handler(req, res, next) : next();
  return Object.assign(gate, { stack: (handler as { stack?: unknown }).stack });
}
