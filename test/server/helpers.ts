import { after } from 'node:test';
import { startBff, type Bff, type StartOptions } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';

export const fastRetries = { attempts: 4, timeoutMs: 2000, baseDelayMs: 5, maxDelayMs: 50 };

/** A whole sandbox BFF on a free loopback port, in memory, closed after the test file. */
export async function startSandbox(options: StartOptions = {}): Promise<Bff & { logs: string[] }> {
  const logger = memoryLogger();
  const bff = await startBff({
    port: 0,
    logger,
    reportCompleteAfterMs: 50,
    retryPolicy: fastRetries,
    outbox: { pollMs: 20, baseDelayMs: 5, maxDelayMs: 50 },
    rateLimits: { windowMs: 60_000, apply: 10_000, token: 10_000 },
    ...options,
    env: { DATABASE_URL: 'sqlite::memory:', ...options.env },
  });
  after(() => bff.close());
  return Object.assign(bff, { logs: logger.lines });
}

export function json(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function auth(token: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  };
}

export const michael = {
  first_name: 'Michael',
  middle_name: 'Gary',
  no_middle_name: false,
  last_name: 'Scott',
  email: 'michael.scott@dundermifflin.com',
  phone: '2035408926',
  zipcode: '06831',
  dob: '1964-03-15',
  ssn: '111-11-2001',
  driver_license_number: 'F1112001',
  driver_license_state: 'CA',
  residence_state: 'PA',
};

export { until } from '../support/until.ts';
