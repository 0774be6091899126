import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';

const ISSUER = 'checkr-kit-bff';
const SCOPE = 'apply';

export interface SessionClaims {
  sessionId: string;
  audience: string;
}

/**
 * Apply session tokens: HS256 JWTs (jose), bound to one apply session (`sub`) and to the origin
 * the session was started for (`aud`), short-lived. Each refusal has its own code so the
 * component knows whether fetching a new token can help (`session_expired`) or not.
 */
export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(
    signingKey: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = new TextEncoder().encode(signingKey);
  }

  async mint({
    sessionId,
    audience,
  }: SessionClaims): Promise<{ token: string; expiresAt: string }> {
    const issuedAt = Math.floor(this.now() / 1000);
    const expires = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(sessionId)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** `origin`: the request's Origin header, when a browser sent one; it must be the audience. */
  async verify(token: string, origin: string | undefined): Promise<SessionClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
        // A token signed with the key but with no expiry, or a ten-year one, is not one this
        // BFF minted: exp and iat are required and no token outlives SESSION_TTL_SECONDS.
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: this.ttlSeconds,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new AppError(
          401,
          'session_expired',
          'The apply session token has expired; fetch a new one',
        );
      }
      throw new AppError(401, 'session_invalid', 'The apply session token is not valid');
    }
    if (
      payload.exp! - payload.iat! > this.ttlSeconds ||
      payload.scope !== SCOPE ||
      typeof payload.sub !== 'string' ||
      typeof payload.aud !== 'string'
    ) {
      throw new AppError(401, 'session_invalid', 'The apply session token is not valid');
    }
    if (origin !== undefined && origin !== payload.aud) {
      throw new AppError(
        401,
        'session_wrong_audience',
        'The apply session token was issued for another origin',
      );
    }
    return { sessionId: payload.sub, audience: payload.aud };
  }
}
