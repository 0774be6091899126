import { after } from 'node:test';
import { startBff, type Bff, type StartOptions } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import {
  startStandaloneSandbox,
  type StandaloneSandbox,
} from '../../server/src/sandbox/standalone.ts';
import { fastRetries } from './helpers.ts';

export const ADMIN_KEY = 'admin-key-for-live-tests-0123456789';
export const ORIGIN = 'https://careers.example.com';

/**
 * A BFF in live configuration, as a customer runs it: keys set, every base pointed at the
 * simulators on their own server, nothing of the sandbox passed in code.
 */
export async function startLive(
  options: StartOptions & { sandbox?: StandaloneSandbox } = {},
): Promise<{ bff: Bff; logs: string[]; sim: StandaloneSandbox; admin: Record<string, string> }> {
  const sim = options.sandbox ?? (await startStandaloneSandbox({ reportCompleteAfterMs: 50 }));
  const logger = memoryLogger();
  const bff = await startBff({
    port: 0,
    logger,
    retryPolicy: fastRetries,
    outbox: { pollMs: 20, baseDelayMs: 5, maxDelayMs: 50 },
    rateLimits: { windowMs: 60_000, apply: 10_000, token: 10_000 },
    ...options,
    env: {
      DATABASE_URL: 'sqlite::memory:',
      BFF_ADMIN_KEY: ADMIN_KEY,
      SESSION_SIGNING_KEY: 'live-test-signing-key-0123456789abcdef',
      ALLOWED_ORIGINS: ORIGIN,
      EMAIL_DOMAIN_CHECK: 'off',
      ...sim.env,
      ...options.env,
    },
  });
  const webhookBase = `http://127.0.0.1:${bff.port}`;
  sim.checkr.webhooks.url = `${webhookBase}/v1/webhooks/checkr`;
  sim.pay.webhooks.url = `${webhookBase}/v1/webhooks/checkr-pay`;
  after(async () => {
    await bff.close();
    if (!options.sandbox) await sim.close();
  });
  return {
    bff,
    logs: logger.lines,
    sim,
    admin: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
  };
}

/** Log lines at `error` level, parsed. */
export function errorLines(logs: string[]): Array<Record<string, unknown>> {
  return logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.level === 'error');
}
