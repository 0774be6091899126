import { z } from 'zod';
import { defaultRetryPolicy, requestJson, type RetryPolicy } from './http.ts';

const tatSchema = z.looseObject({ temporaryAuthenticationToken: z.string().min(1) });
const workerSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  metadata: z.string().nullable().optional(),
  backgroundCheckId: z.string().nullable().optional(),
  temporaryAuthenticationToken: z.string().optional(),
});
const workerListSchema = z.looseObject({ data: z.array(workerSchema) });

/** Checkr Pay's customer API: the two key headers on every call. */
export class CheckrPayClient {
  constructor(
    private readonly keys: { accessKey: string; secretKey: string },
    private readonly apiBase: string,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'x-checkr-pay-access-key': this.keys.accessKey,
      'x-checkr-pay-secret-key': this.keys.secretKey,
      ...extra,
    };
  }

  /**
   * A fresh one-time token. `workerSessionId`, when given, must already be an opaque hash of the
   * host's login session; without it Checkr Pay caches nothing (seed 002 L1405).
   */
  async authenticateWorker(workerId: string, workerSessionId?: string): Promise<string> {
    const body = await requestJson(
      'checkr-pay',
      this.apiBase,
      {
        method: 'GET',
        path: `v0/workers/${encodeURIComponent(workerId)}/authenticate`,
        headers: this.headers(
          workerSessionId ? { 'x-checkr-pay-worker-session-id': workerSessionId } : {},
        ),
      },
      tatSchema,
      this.policy,
    );
    return body.temporaryAuthenticationToken;
  }

  createWorker(body: Record<string, unknown>, idempotencyKey: string) {
    return requestJson(
      'checkr-pay',
      this.apiBase,
      {
        method: 'POST',
        path: 'v0/workers',
        headers: this.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        idempotencyKey,
      },
      workerSchema,
      this.policy,
    );
  }

  /** `GET /v0/workers?metadata=` (seed 002 L1198-1245): the worker created for one of our ids. */
  async findWorkerByMetadata(metadata: string) {
    const page = await requestJson(
      'checkr-pay',
      this.apiBase,
      {
        method: 'GET',
        path: `v0/workers?metadata=${encodeURIComponent(metadata)}&per_page=2`,
        headers: this.headers(),
      },
      workerListSchema,
      this.policy,
    );
    return page.data.find((worker) => worker.metadata === metadata);
  }

  /** The read-only call of `npm run doctor`: one page of one worker. */
  async countWorkers(): Promise<number> {
    const page = await requestJson(
      'checkr-pay',
      this.apiBase,
      { method: 'GET', path: 'v0/workers?per_page=1', headers: this.headers() },
      workerListSchema.extend({ count: z.number().optional() }),
      this.policy,
    );
    return page.count ?? page.data.length;
  }

  getWorker(id: string) {
    return requestJson(
      'checkr-pay',
      this.apiBase,
      { method: 'GET', path: `v0/workers/${encodeURIComponent(id)}`, headers: this.headers() },
      workerSchema,
      this.policy,
    );
  }
}
