/** Shared by the server tests and the browser tests' BFF (test/bff-plugin.ts). */
export const fastRetries = { attempts: 4, timeoutMs: 2000, baseDelayMs: 5, maxDelayMs: 50 };

/** What every test BFF shares: fast retries and outbox polling, limits no test reaches by accident. */
export const fastBffOptions = {
  retryPolicy: fastRetries,
  outbox: { pollMs: 20, baseDelayMs: 5, maxDelayMs: 50 },
  rateLimits: {
    windowMs: 60_000,
    apply: 10_000,
    token: 10_000,
    adminFailures: 10_000,
    webhookFailures: 10_000,
  },
};
