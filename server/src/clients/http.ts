import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  /** Reused on every retry of this call, so the upstream does the work once. */
  idempotencyKey?: string;
}

export interface RetryPolicy {
  attempts: number;
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 6,
  timeoutMs: 10_000,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
};

/** What an upstream's refusal means for whoever called: the one thing the caller decides on. */
export type UpstreamFailure =
  /** Our key was refused: nothing works until an operator fixes the configuration. */
  | 'auth'
  /** Timeouts, connection failures, 429s and 5xx that outlasted the retries: may work later. */
  | 'unavailable'
  /** The upstream answered and refused this request as sent: retrying it cannot help. */
  | 'refused'
  /** A 2xx whose body is not what the docs describe. */
  | 'shape';

/** One error item of Checkr Pay's `details[]` (seed 002 L962-1008): a field and its texts. */
export interface UpstreamDetail {
  key: string;
  errors: string[];
}

/**
 * An upstream answered with an error we do not retry (or retries ran out). It keeps the upstream's
 * own code, texts and details for mapping and for the operator; services decide what the browser
 * sees, and never pass these texts on as they are.
 */
export class UpstreamError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    /** The upstream's own error texts, for mapping to field codes; never sent to a browser as-is. */
    readonly messages: readonly string[],
    readonly errorCode?: string,
    readonly details: readonly UpstreamDetail[] = [],
    readonly failure: UpstreamFailure = classify(status),
  ) {
    super(`${service} answered ${status}`);
    this.name = 'UpstreamError';
  }

  /** Whether the same call, unchanged, can succeed later without anyone fixing anything. */
  get retryable(): boolean {
    return this.failure === 'unavailable';
  }
}

/** Checkr's documented text after a PII removal (seed 001 L2276-2350): a refusal about one candidate. */
const PII_REMOVED = /requested that their PII be removed/i;

function classify(status: number, messages: readonly string[] = []): UpstreamFailure {
  if (status === 401) return 'auth';
  // Checkr documents no status for a bad key (spec §9.15) and Checkr Pay answers 403 for keys that
  // may not touch a resource (seed 002 L50): both mean the configured keys are wrong, except
  // Checkr's 403 for a candidate whose PII was removed, which is about that candidate only.
  if (status === 403) return messages.some((m) => PII_REMOVED.test(m)) ? 'refused' : 'auth';
  if (status === 0 || status === 429 || status >= 500) return 'unavailable';
  return 'refused';
}

/**
 * Checkr's documented 409 refusals (seed 000 L2004-2006): duplicate geo, more than 3 reports per
 * candidate, more than 2 duplicate candidates, each a "Duplicate ... " text. Any other 409 to a
 * POST that carried an Idempotency-Key is the documented "another request with the same key is
 * still being processed" (seed 000 L1459), whatever its wording.
 */
const DUPLICATE_REFUSAL = /\bduplicate\b/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long to wait before the next try: until `X-Ratelimit-Reset` for a 429 when the upstream says
 * (capped), otherwise exponential backoff with full jitter.
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  response?: Response,
  now = Date.now(),
): number {
  const reset = response?.headers.get('x-ratelimit-reset');
  if (response?.status === 429 && reset) {
    const at = Date.parse(reset);
    const seconds = Number(reset);
    const wait = Number.isFinite(at) ? at - now : Number.isFinite(seconds) ? seconds * 1000 : NaN;
    if (Number.isFinite(wait)) return Math.min(Math.max(wait, 0), policy.maxDelayMs);
  }
  const ceiling = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function upstreamMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const collected: string[] = [];
  for (const key of ['error', 'error_message', 'message']) {
    if (typeof record[key] === 'string') collected.push(record[key] as string);
  }
  if (Array.isArray(record.errors)) {
    for (const item of record.errors) if (typeof item === 'string') collected.push(item);
  }
  return collected;
}

function upstreamDetails(body: unknown): UpstreamDetail[] {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    const { key, errors } = (item ?? {}) as { key?: unknown; errors?: unknown };
    if (typeof key !== 'string') return [];
    const texts = Array.isArray(errors) ? errors.filter((e) => typeof e === 'string') : [];
    return [{ key: key.slice(0, 100), errors: texts.map((t: string) => t.slice(0, 300)) }];
  });
}

/**
 * `fetch` with a timeout per try, retries on 429, 5xx and network failures (never on other 4xx),
 * an `Idempotency-Key` on every POST, and a zod check of the answer.
 */
export async function requestJson<T>(
  service: string,
  base: string,
  request: HttpRequest,
  schema: z.ZodType<T>,
  policy: RetryPolicy = defaultRetryPolicy,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  // A string, which fetch parses once (a URL object it would serialize and parse again). The path
  // is relative, made by the clients with every variable part percent-encoded, so this is the URL
  // `new URL(path, base)` resolves to.
  const url = `${base.endsWith('/') ? base : `${base}/`}${request.path.replace(/^\//, '')}`;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.method === 'POST')
    headers['idempotency-key'] = request.idempotencyKey ?? randomUUID();
  let lastStatus = 0;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    let response: Response | undefined;
    // One timer per try, cleared once the answer is read: `AbortSignal.timeout` would leave every
    // call's timer to fire `timeoutMs` later and abort a finished request (a DOMException and an
    // abort event per call, about 3% of the BFF's CPU under the token bench).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
    try {
      try {
        response = await fetchImpl(url, {
          method: request.method,
          headers,
          body: request.body,
          signal: deadline.signal,
        });
      } catch {
        lastStatus = 0; // timeout or connection failure: retry
      }
      if (response) {
        lastStatus = response.status;
        if (response.ok) {
          const body: unknown = await response.json().catch(() => undefined);
          const parsed = schema.safeParse(body);
          if (!parsed.success)
            throw new UpstreamError(
              service,
              502,
              ['unexpected response shape'],
              undefined,
              [],
              'shape',
            );
          return parsed.data;
        }
        const body: unknown = await response.json().catch(() => undefined);
        const messages = upstreamMessages(body);
        const rawCode = (body as { error_code?: unknown } | undefined)?.error_code;
        const errorCode = typeof rawCode === 'string' ? rawCode : undefined;
        const inFlight =
          response.status === 409 &&
          request.method === 'POST' &&
          !messages.some((m) => DUPLICATE_REFUSAL.test(m));
        // Checkr Pay's 500 `unexpected_error`: "Do not re-attempt the request" (seed 002 L1000).
        const doNotRetry = response.status >= 500 && errorCode === 'unexpected_error';
        const retryable =
          !doNotRetry && (inFlight || classify(response.status, messages) === 'unavailable');
        if (!retryable) {
          throw new UpstreamError(
            service,
            response.status,
            messages,
            errorCode,
            upstreamDetails(body),
            doNotRetry ? 'refused' : classify(response.status, messages),
          );
        }
      }
    } finally {
      clearTimeout(timer);
    }
    if (attempt < policy.attempts - 1) await sleep(retryDelay(attempt, policy, response));
  }
  // Still in flight, rate-limited or failing after every try: the same call may work later.
  throw new UpstreamError(
    service,
    lastStatus || 504,
    ['retries exhausted'],
    undefined,
    [],
    'unavailable',
  );
}
