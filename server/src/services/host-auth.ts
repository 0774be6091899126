import { createHash } from 'node:crypto';
import type { Request } from 'express';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../errors.ts';
import type { HostAuthenticator } from './pay.ts';

export interface HostJwtConfig {
  /** HS256 shared secret (HOST_JWT_SECRET), or */
  secret?: string;
  /** the customer's JWKS (HOST_JWKS_URL), for RS256 / ES256 tokens. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** The claim naming the worker: `sub` unless HOST_JWT_WORKER_CLAIM says otherwise. */
  workerClaim: string;
}

/**
 * Turns the worker named in a verified host JWT into a Checkr Pay worker id. The default takes the
 * claim as that id; the BFF passes one that first looks the name up among the workers it created
 * for the customer's own ids (POST /v1/pay/workers).
 */
export type WorkerResolver = (claim: string) => Promise<string | undefined>;

const clockToleranceSeconds = 30;

function bearer(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
}

/**
 * The customer's own short-lived sign-in token, verified with jose: HS256 with a shared secret or
 * RS256/ES256 against their JWKS (cached and refreshed by jose), always with issuer and audience,
 * so a token minted for another service of theirs is refused. No token: not signed in. A bad or
 * expired token: refused with its own code, never treated as signed out in silence.
 */
export function hostJwtAuthenticator(
  config: HostJwtConfig,
  resolveWorker: WorkerResolver = async (claim) => claim,
): HostAuthenticator {
  const key: Uint8Array | JWTVerifyGetKey = config.secret
    ? new TextEncoder().encode(config.secret)
    : createRemoteJWKSet(new URL(config.jwksUrl!));
  const algorithms = config.secret ? ['HS256'] : ['RS256', 'ES256'];
  return async (req) => {
    const token = bearer(req);
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw new AppError(401, 'host_session_expired', 'Your sign-in has expired; sign in again');
      throw new AppError(401, 'host_session_invalid', 'The sign-in token is not valid');
    }
    const claim = payload[config.workerClaim];
    if (typeof claim !== 'string' || claim.length === 0 || claim.length > 200)
      throw new AppError(
        401,
        'host_session_invalid',
        `The sign-in token names no worker (claim ${config.workerClaim})`,
      );
    const workerId = await resolveWorker(claim);
    if (!workerId)
      throw new AppError(
        404,
        'pay_worker_not_found',
        'No Checkr Pay worker is linked to this account',
      );
    // The login session Checkr Pay caches a token for: the customer's `sid`, else this token.
    const session =
      typeof payload.sid === 'string'
        ? payload.sid
        : createHash('sha256').update(token).digest('base64url');
    return { workerId, sessionId: `${config.issuer}:${session}` };
  };
}
