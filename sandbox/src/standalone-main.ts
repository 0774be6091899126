import { ConfigError, serve, startupText } from '@checkr-kit/server/serve';
import { startStandaloneSandbox, type StandaloneSandbox } from './standalone.ts';

/**
 * `npm run sandbox`: the simulators alone on their own port, for a BFF in another process (a
 * staging BFF in a customer's CI, the live tests). Configured by the environment:
 * PORT (4010; 0 for any free port), HOST, SANDBOX_WEBHOOK_BASE (the BFF whose /v1/webhooks/...
 * receive the events), SANDBOX_REPORT_COMPLETE_AFTER_MS, SANDBOX_WEBHOOKS, SANDBOX_OTHER_DATA,
 * and fixed sandbox keys SANDBOX_CHECKR_API_KEY, SANDBOX_CHECKR_PAY_ACCESS_KEY,
 * SANDBOX_CHECKR_PAY_SECRET_KEY (random when unset). Prints where it listens and the BFF's
 * environment; `--json`, one JSON line `{"url", "env"}`. Spawned with an IPC channel, it also
 * sends `{ ready: { url, env } }` and stops when its parent goes.
 */
function whole(name: string, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}`);
  return value;
}

function announce(sim: StandaloneSandbox): string {
  const ready = { url: sim.url, env: sim.env };
  process.send?.({ ready });
  if (process.argv.includes('--json')) return JSON.stringify(ready);
  const hooks = [sim.checkr.webhooks.url, sim.pay.webhooks.url].filter(Boolean);
  return [
    startupText(
      `checkr-kit sandbox (Checkr, Checkr Pay and Pay embeddable simulators) on ${sim.url}`,
      [
        ['Checkr API', `${sim.env.CHECKR_API_BASE}/v1/`],
        ['Checkr Pay API', `${sim.env.CHECKR_PAY_API_BASE}v0/`],
        ['Pay embeddable', sim.env.CHECKR_PAY_EMBED_BASE],
        [
          'Admin routes (README "Sandbox")',
          `${sim.env.CHECKR_API_BASE}/__sandbox/ and ${sim.env.CHECKR_PAY_API_BASE}__sandbox/`,
        ],
        [
          'Webhooks to',
          hooks.length > 0
            ? hooks.join(' and ')
            : 'nowhere yet: SANDBOX_WEBHOOK_BASE, or POST .../__sandbox/webhooks {"url": ...}',
        ],
        [
          'Reports of non-test data complete',
          `${sim.checkr.otherData}, after ${sim.checkr.completeAfterMs} ms`,
        ],
      ],
    ).trimEnd(),
    "  The BFF's environment (sandbox keys, accepted nowhere else):",
    ...Object.entries(sim.env).map(([name, value]) => `${name}=${value}`),
    '',
  ].join('\n');
}

await serve(async () => {
  const env = process.env;
  return startStandaloneSandbox({
    port: whole('PORT', 65_535) ?? 4010,
    host: env.HOST || undefined,
    webhookBase: env.SANDBOX_WEBHOOK_BASE?.replace(/\/+$/, '') || undefined,
    reportCompleteAfterMs: whole('SANDBOX_REPORT_COMPLETE_AFTER_MS', 3_600_000),
    keys: {
      checkr: env.SANDBOX_CHECKR_API_KEY || undefined,
      pay: {
        accessKey: env.SANDBOX_CHECKR_PAY_ACCESS_KEY || undefined,
        secretKey: env.SANDBOX_CHECKR_PAY_SECRET_KEY || undefined,
      },
    },
  });
}, announce);
