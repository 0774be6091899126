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

/** An upstream answered with an error we do not retry (or retries ran out). No body text leaks out. */
export class UpstreamError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    /** The upstream's own error texts, for mapping to field codes; never sent to a browser as-is. */
    readonly messages: readonly string[],
    readonly errorCode?: string,
  ) {
    super(`${service} answered ${status}`);
    this.name = 'UpstreamError';
  }
}

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
  const url = new URL(request.path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.method === 'POST')
    headers['idempotency-key'] = request.idempotencyKey ?? randomUUID();
  let lastStatus = 0;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch {
      lastStatus = 0; // timeout or connection failure: retry
    }
    if (response) {
      lastStatus = response.status;
      if (response.ok) {
        const body: unknown = await response.json();
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new UpstreamError(service, 502, ['unexpected response shape']);
        return parsed.data;
      }
      // 409 on an idempotent POST means "the first try is still in flight": wait and retry.
      const retryable =
        response.status === 429 ||
        response.status >= 500 ||
        (response.status === 409 &&
          request.idempotencyKey !== undefined &&
          (await peekInFlight(response)));
      if (!retryable) {
        const body: unknown = await response.json().catch(() => undefined);
        const errorCode = (body as { error_code?: unknown } | undefined)?.error_code;
        throw new UpstreamError(
          service,
          response.status,
          upstreamMessages(body),
          typeof errorCode === 'string' ? errorCode : undefined,
        );
      }
      await response.body?.cancel().catch(() => {});
    }
    if (attempt < policy.attempts - 1) await sleep(retryDelay(attempt, policy, response));
  }
  throw new UpstreamError(service, lastStatus || 504, ['retries exhausted']);
}

async function peekInFlight(response: Response): Promise<boolean> {
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  return /idempotency/i.test(text) && /in flight|still being processed|in progress/i.test(text);
}
