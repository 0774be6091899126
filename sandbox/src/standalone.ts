import express from 'express';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CheckrSimulator } from './checkr.ts';
import { SandboxControl, type SandboxEnv } from './control.ts';
import { CheckrPaySimulator, type PayAccount } from './checkr-pay.ts';
import { embeddableRouter } from './embeddable.ts';
import { OUTCOMES, type Outcome } from './rules/checkr-rules.ts';
import { hierarchyVariable, type HierarchyNode } from './rules/hierarchy.ts';
import { parseDeliveryVariable, type DeliveryOptions } from './webhook-sender.ts';

export interface StandaloneSandbox {
  url: string;
  checkrKey: string;
  payKeys: PayAccount;
  checkr: CheckrSimulator;
  pay: CheckrPaySimulator;
  /** The environment a BFF needs to use this sandbox as if it were the real services. */
  env: SandboxEnv & Record<string, string>;
  /** The admin routes' client, as a test in another process would use it. */
  control: SandboxControl;
  server: Server;
  close(): Promise<void>;
}

/**
 * The simulators on their own server, for a BFF in another process (load tests, crash tests):
 * `/sandbox/checkr`, `/sandbox/checkr-pay/customer`, `/sandbox/pay-cdn`.
 */
export interface StandaloneOptions {
  port?: number;
  /** The interface to listen on; loopback unless said otherwise. */
  host?: string;
  /**
   * Fixed keys, so a staging BFF can be configured before the sandbox starts (CI). Random
   * ones otherwise. Sandbox keys only: the simulators accept nothing else.
   */
  keys?: { checkr?: string; pay?: Partial<PayAccount> };
  /** The BFF's base: webhooks go to its /v1/webhooks/checkr and /v1/webhooks/checkr-pay. */
  webhookBase?: string;
  reportCompleteAfterMs?: number;
  /**
   * Delivery knobs for both simulators' webhooks (include_object, out of order, ...). Defaults
   * to SANDBOX_WEBHOOKS (`include_object=off,out_of_order=on,duplicates=1`), so a whole test
   * suite can run under them.
   */
  delivery?: Partial<DeliveryOptions>;
  /** How data other than the documented test data completes; SANDBOX_OTHER_DATA, else `pending`. */
  otherData?: Outcome;
  /**
   * The Checkr account's hierarchy (nodes and the packages assigned to them); SANDBOX_HIERARCHY
   * (`example` or a JSON array), else none, as an account without hierarchy enabled.
   */
  hierarchy?: readonly HierarchyNode[];
  /**
   * Both simulators' requests per minute; the documented 600 unless a load test lifts it (a
   * benchmark measures the BFF, not how it waits for a window's reset).
   */
  rateLimitPerMinute?: number;
}

function otherDataVariable(value: string | undefined): Outcome | undefined {
  if (!value) return undefined;
  if (!(OUTCOMES as readonly string[]).includes(value))
    throw new Error('SANDBOX_OTHER_DATA must be pending, clear or consider');
  return value as Outcome;
}

export async function startStandaloneSandbox(
  options: StandaloneOptions = {},
): Promise<StandaloneSandbox> {
  const checkrKey = options.keys?.checkr ?? `sk_sandbox_${randomBytes(12).toString('hex')}`;
  const payKeys = {
    accessKey: options.keys?.pay?.accessKey ?? `ak_sandbox_${randomBytes(8).toString('hex')}`,
    secretKey: options.keys?.pay?.secretKey ?? `sk_pay_sandbox_${randomBytes(16).toString('hex')}`,
  };
  const checkr = new CheckrSimulator({
    apiKey: checkrKey,
    completeAfterMs: options.reportCompleteAfterMs ?? 500,
    otherData: options.otherData ?? otherDataVariable(process.env.SANDBOX_OTHER_DATA),
    hierarchy: options.hierarchy ?? hierarchyVariable(process.env.SANDBOX_HIERARCHY),
    rateLimitPerMinute: options.rateLimitPerMinute,
  });
  const pay = new CheckrPaySimulator([payKeys]);
  if (options.rateLimitPerMinute !== undefined) pay.rateLimitPerMinute = options.rateLimitPerMinute;
  const delivery = options.delivery ?? parseDeliveryVariable(process.env.SANDBOX_WEBHOOKS);
  checkr.webhooks.configureBaseline(delivery);
  pay.webhooks.configureBaseline(delivery);
  if (options.webhookBase) {
    checkr.webhooks.url = `${options.webhookBase}/v1/webhooks/checkr`;
    pay.webhooks.url = `${options.webhookBase}/v1/webhooks/checkr-pay`;
  }
  const app = express();
  app.disable('x-powered-by');
  app.use('/sandbox/checkr', checkr.router);
  app.use('/sandbox/checkr-pay/customer', pay.router);
  app.use('/sandbox/pay-cdn', embeddableRouter(pay));
  const host = options.host ?? '127.0.0.1';
  const server = app.listen(options.port ?? 0, host);
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${(server.address() as AddressInfo).port}`;
  const env = {
    CHECKR_API_KEY: checkrKey,
    CHECKR_API_BASE: `${url}/sandbox/checkr`,
    CHECKR_PAY_ACCESS_KEY: payKeys.accessKey,
    CHECKR_PAY_SECRET_KEY: payKeys.secretKey,
    CHECKR_PAY_API_BASE: `${url}/sandbox/checkr-pay/customer/`,
    CHECKR_PAY_EMBED_BASE: `${url}/sandbox/pay-cdn/`,
  };
  return {
    url,
    checkrKey,
    payKeys,
    checkr,
    pay,
    server,
    env,
    control: new SandboxControl(env),
    async close() {
      checkr.stop();
      pay.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
