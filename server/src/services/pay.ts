import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CheckrPayClient } from '../clients/checkr-pay.ts';
import { UpstreamError } from '../clients/http.ts';
import { AppError } from '../errors.ts';
import type { PayWorkerRecord, Store } from '../store/store.ts';
import { keyedDigest } from './keyed-digest.ts';

export interface NewWorker {
  /** The customer's own id for this person: unique, kept as the worker's `metadata`. */
  customerId: string;
  /** A consent whose Checkr candidate becomes the worker's `backgroundCheckId`. */
  consentId?: string | undefined;
  profile: Record<string, unknown>;
}

/** Turns a request into the signed-in worker, or `undefined`: the customer's own login decides. */
export type HostAuthenticator = (req: Request) => Promise<SignedInWorker | undefined>;

export interface SignedInWorker {
  /** The Checkr Pay worker id. */
  workerId: string;
  /** The host's login session, if known: Checkr Pay then spares the worker repeated 2FA. */
  sessionId?: string | undefined;
}

/**
 * The embeddable's URL for a token: `embedBase` with `tempAuthToken` set in its query (seed 002
 * L779), as `URLSearchParams` writes it. The base is parsed once, not per token.
 */
export function embedUrlOf(embedBase: string): (token: string) => string {
  const url = new URL(embedBase);
  url.searchParams.delete('tempAuthToken');
  const fragment = url.hash;
  url.hash = '';
  const head = `${url.href}${url.search ? '&' : '?'}tempAuthToken=`;
  // The token's value is written by URLSearchParams itself, so it is encoded exactly as before.
  return (token) => `${head}${new URLSearchParams([['t', token]]).toString().slice(2)}${fragment}`;
}

/**
 * Mints the one-time token for the Pay embeddable. The host's session id is sent only as an
 * HMAC (`x-checkr-pay-worker-session-id`), so Checkr Pay can cache per login session without
 * ever seeing the customer's real session identifier.
 */
export class PayService {
  private readonly digest: (message: string) => string;
  private readonly embedUrl: (token: string) => string;

  constructor(
    private readonly client: CheckrPayClient,
    embedBase: string,
    secret: string,
    private readonly store?: Store,
  ) {
    this.digest = keyedDigest(secret);
    this.embedUrl = embedUrlOf(embedBase);
  }

  /**
   * One Checkr Pay worker per customer id, however often this is called: the stored mapping, else
   * the worker Checkr Pay already has with that `metadata` (a call whose answer was lost, another
   * replica), else a new one (seed 002 L1117-1196). With a consent, `backgroundCheckId` is that
   * consent's Checkr candidate (seed 002 L1123-1125), so the person goes from background check to
   * wallet without typing anything again.
   */
  async ensureWorker(input: NewWorker): Promise<{ worker: PayWorkerRecord; created: boolean }> {
    const store = this.store!;
    const stored = await store.getPayWorker(input.customerId);
    if (stored) return { worker: stored, created: false };
    let backgroundCheckId: string | null = null;
    if (input.consentId) {
      const consent = await store.getConsent(input.consentId);
      const session = consent && (await store.getSession(consent.sessionId));
      if (!session?.candidateId)
        throw new AppError(404, 'consent_not_found', 'No such consent', '/consent_id');
      backgroundCheckId = session.candidateId;
    }
    const now = new Date().toISOString();
    try {
      let worker = await this.client.findWorkerByMetadata(input.customerId);
      let created = false;
      if (!worker) {
        const body = { profile: input.profile, metadata: input.customerId, backgroundCheckId };
        // A fresh key per distinct request; a retry of the same body reuses its key.
        const scope = `pay-worker:${input.customerId}`;
        const digest = this.digest(JSON.stringify(body));
        const previous = await store.getIdempotencyKey(scope);
        const key = previous?.digest === digest ? previous.key : randomUUID();
        if (key !== previous?.key) await store.putIdempotencyKey(scope, key, digest, now);
        worker = await this.client.createWorker(body, key);
        created = true;
      }
      const record: PayWorkerRecord = {
        customerId: input.customerId,
        workerId: worker.id,
        status: worker.status,
        backgroundCheckId: worker.backgroundCheckId ?? backgroundCheckId,
        createdAt: now,
        updatedAt: now,
      };
      await store.putPayWorker(record);
      return { worker: record, created };
    } catch (error) {
      if (error instanceof UpstreamError && error.failure === 'refused' && error.status === 400) {
        // Checkr Pay's details[] name the fields (seed 002 L962-1008): each becomes a pointer.
        const [first, ...rest] = error.details.map((d) => ({
          code: 'pay_worker_invalid',
          title: `${d.key} ${d.errors.join(', ')}`.slice(0, 200),
          pointer: `/${d.key.replace(/\./g, '/')}`,
        }));
        throw first
          ? new AppError(422, first.code, first.title, first.pointer, rest)
          : new AppError(422, 'pay_worker_invalid', 'Checkr Pay refused the worker');
      }
      throw error;
    }
  }

  /** The Checkr Pay worker of a customer id named in a host JWT, or the id itself. */
  async resolveWorker(claim: string): Promise<string> {
    return (await this.store?.getPayWorker(claim))?.workerId ?? claim;
  }

  workerSessionId(hostSessionId: string): string {
    return this.digest(`pay-session:${hostSessionId}`);
  }

  async token(worker: SignedInWorker): Promise<{ token: string; embed_url: string }> {
    try {
      const token = await this.client.authenticateWorker(
        worker.workerId,
        worker.sessionId === undefined ? undefined : this.workerSessionId(worker.sessionId),
      );
      return { token, embed_url: this.embedUrl(token) };
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
