import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import type { CheckrPayClient } from '../clients/checkr-pay.ts';
import { UpstreamError } from '../clients/http.ts';
import { AppError } from '../errors.ts';

/** Turns a request into the signed-in worker, or `undefined`: the customer's own login decides. */
export type HostAuthenticator = (req: Request) => Promise<SignedInWorker | undefined>;

export interface SignedInWorker {
  /** The Checkr Pay worker id. */
  workerId: string;
  /** The host's login session, if known: Checkr Pay then spares the worker repeated 2FA. */
  sessionId?: string | undefined;
}

/**
 * Mints the one-time token for the Pay embeddable. The host's session id is sent only as an
 * HMAC (`x-checkr-pay-worker-session-id`), so Checkr Pay can cache per login session without
 * ever seeing the customer's real session identifier.
 */
export class PayService {
  constructor(
    private readonly client: CheckrPayClient,
    private readonly embedBase: string,
    private readonly secret: string,
  ) {}

  workerSessionId(hostSessionId: string): string {
    return createHmac('sha256', this.secret).update(`pay-session:${hostSessionId}`).digest('hex');
  }

  async token(worker: SignedInWorker): Promise<{ token: string; embed_url: string }> {
    try {
      const token = await this.client.authenticateWorker(
        worker.workerId,
        worker.sessionId === undefined ? undefined : this.workerSessionId(worker.sessionId),
      );
      const url = new URL(this.embedBase);
      url.searchParams.set('tempAuthToken', token);
      return { token, embed_url: url.toString() };
    } catch (error) {
      if (error instanceof UpstreamError) {
        if (error.status === 404)
          throw new AppError(
            404,
            'pay_worker_not_found',
            'No Checkr Pay worker is linked to this account',
          );
        if (error.failure === 'auth') throw error; // logged and answered 502 by the handler
        if (error.status === 429)
          throw new AppError(
            503,
            'pay_rate_limited',
            'Too many requests to Checkr Pay; try again shortly',
          );
      }
      throw new AppError(502, 'upstream_unavailable', 'Checkr Pay could not be reached; try again');
    }
  }
}
