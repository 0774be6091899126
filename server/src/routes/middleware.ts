import type { Request, RequestHandler, Response } from 'express';
import { isIP, isIPv6 } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import { AppError, errorBody } from '../errors.ts';
import type { Logger } from '../logger.ts';
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
  return `${limit.name}:${addressKey(clientIp(req))}`;
}

/** Answers 429 in the error shape (and says true) once the address has failed too often. */
async function refused(failures: FailureLimit, req: Request, res: Response): Promise<boolean> {
  const { hits, resetAt } = await failures.counter.countRateLimit(
    failureKey(failures, req),
    failures.windowMs,
    0,
  );
  if (hits < failures.max) return false;
  res.set('Retry-After', String(Math.max(1, secondsUntil(resetAt))));
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

/**
 * The caller's IP address: the one TRUST_PROXY's hops or addresses point to when that is an IP
 * address, else the socket's. A forwarded header may hold any text; what the evidence records
 * and the rate limits count is always an address.
 */
export function clientIp(req: Request): string {
  // With no proxy trusted, `req.ip` is the socket's address, found the long way (parsing
  // X-Forwarded-For to discard it); every rate-limited request asks.
  if (req.app.get('trust proxy') !== false && req.ip && isIP(req.ip)) return req.ip;
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The 16-bit groups of an IPv6 address (as `isIPv6` accepts it: `::`, a zone, a dotted IPv4
 * tail), and whether it was written with that dotted tail.
 */
function ipv6Groups(address: string): { groups: number[]; dotted: boolean } {
  let text = address.replace(/%.*$/, '');
  const tail: number[] = [];
  const dotted = text.includes('.');
  if (dotted) {
    const colon = text.lastIndexOf(':');
    const [a, b, c, d] = text
      .slice(colon + 1)
      .split('.')
      .map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    text = text.endsWith('::', colon + 1) ? text.slice(0, colon + 1) : text.slice(0, colon);
  }
  const hex = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [head = '', rest] = text.split('::');
  const left = hex(head);
  const right = rest === undefined ? [] : hex(rest);
  const gap = 8 - tail.length - left.length - right.length;
  return { groups: [...left, ...Array<number>(gap).fill(0), ...right, ...tail], dotted };
}

/**
 * What a per-client limit counts an address under: an IPv4 address as it is; an IPv4-mapped
 * address (`::ffff:203.0.113.4`, in any spelling) or one in the old IPv4-compatible notation
 * (`::203.0.113.4`) as its IPv4 address; any other IPv6 address as its /56 network
 * (`2001:db8:1234:5600::/56`), since one subscriber usually holds a whole /56 or /48 and could
 * otherwise take a fresh address for every request. These are the keys express-rate-limit's
 * `ipKeyGenerator` made, which the BFF used before: counters in a store outlive a deploy.
 */
export function addressKey(address: string): string {
  if (!address.includes(':') || !isIPv6(address)) return address;
  const { groups, dotted } = ipv6Groups(address);
  const zeros = (end: number) => groups.slice(0, end).every((group) => group === 0);
  if ((zeros(5) && groups[5] === 0xffff) || (dotted && zeros(6)))
    return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  // The /56 network, written as RFC 5952 writes it: the zeros from the fourth group's low byte on
  // are always the longest run, so `::` stands for them and every earlier group is written out.
  const network = [...groups.slice(0, 3), groups[3]! & 0xff00];
  while (network.length > 0 && network.at(-1) === 0) network.pop();
  return `${network.map((group) => group.toString(16)).join(':')}::/56`;
}

/** Whole seconds until `resetAt`. */
function secondsUntil(resetAt: Date): number {
  return Math.ceil((resetAt.getTime() - Date.now()) / 1000);
}

/**
 * Per-client limits in the error shape; the key is the client IP (honouring TRUST_PROXY), or
 * what `keyOf` returns (an apply session). Hits are counted in the store under the limit's name,
 * so a limit of N holds across every replica rather than N per replica. Every answer carries the
 * draft-7 `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers-07),
 * a 429 also `Retry-After`: the headers express-rate-limit sent, in one await instead of its
 * chain of them on the token route's every request.
 */
export function limit(
  windowMs: number,
  max: number,
  code: string,
  shared: { counter: RateLimitCounter; name: string },
  keyOf?: (req: Request, res: Response) => string,
): RequestHandler {
  const prefix = `${shared.name}:`;
  const policy = `${max};w=${Math.ceil(windowMs / 1000)}`;
  return async (req, res, next) => {
    const key = keyOf?.(req, res) ?? addressKey(clientIp(req));
    const { hits, resetAt } = await shared.counter.countRateLimit(prefix + key, windowMs, 1);
    const reset = Math.max(0, secondsUntil(resetAt));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader(
      'RateLimit',
      `limit=${max}, remaining=${Math.max(max - hits, 0)}, reset=${reset}`,
    );
    if (hits <= max) return next();
    res.setHeader('Retry-After', String(reset));
    res
      .status(429)
      .json(errorBody([{ code, title: 'Too many requests; slow down and try again shortly' }]));
  };
}

/**
 * With TRUST_PROXY unset, the first request that names a proxy (X-Forwarded-For or Forwarded)
 * is logged once: if a proxy is in front of the BFF, every client is the proxy's address, so
 * all of them share each rate limit and the consent evidence records the proxy. (express-rate-
 * limit, which the BFF used before, has this check in the key generator the BFF replaced, so
 * it never ran here; TRUST_PROXY=true, its other check, is refused by the config.)
 */
export function warnProxyUntrusted(logger: Logger): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && (req.headers['x-forwarded-for'] ?? req.headers.forwarded) !== undefined) {
      warned = true;
      logger.warn(
        'a request came through a proxy (X-Forwarded-For or Forwarded) but TRUST_PROXY is not set: if a proxy is in front of the BFF, set TRUST_PROXY, or every client counts as the proxy in the rate limits and the consent evidence',
      );
    }
    next();
  };
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
 * segments; `otherwise`, if given, for every other path. Mounted without a path, a router is
 * entered by every request and walks its every route; mounted with one, Express rewrites and
 * restores `req.url` around it. A router's `stack` stays visible, so whatever lists the app's
 * routes (the OpenAPI test) still finds them.
 */
export function under(
  prefixes: readonly string[],
  handler: RequestHandler,
  otherwise?: RequestHandler,
): RequestHandler {
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const concerns = new RegExp(`^(?:${escaped.join('|')})(?:/|$)`, 'i');
  const gate: RequestHandler = (req, res, next) =>
    concerns.test(req.path)
      ? handler(req, res, next)
      : otherwise
        ? otherwise(req, res, next)
        : next();
  return Object.assign(gate, { stack: (handler as { stack?: unknown }).stack });
}
