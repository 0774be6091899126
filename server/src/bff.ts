import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promises as dns } from 'node:dns';
import type { Express } from 'express';
import type { MailResolver } from '@checkr-kit/validation/server';
import { createApp, type RateLimits } from './app.ts';
import { CheckrClient } from './clients/checkr.ts';
import { CheckrPayClient } from './clients/checkr-pay.ts';
import { defaultRetryPolicy, type RetryPolicy } from './clients/http.ts';
import { parseConfig, type Config } from './config.ts';
import { demoRouter } from './demo/routes.ts';
import { sampleDocuments } from './documents/samples.ts';
import type { HashedDocument } from './documents/types.ts';
import { createLogger, type Logger } from './logger.ts';
import { CheckrSimulator } from './sandbox/checkr.ts';
import { CheckrPaySimulator } from './sandbox/checkr-pay.ts';
import { embeddableRouter } from './sandbox/embeddable.ts';
import { sandboxMailResolver } from './sandbox/mail-resolver.ts';
import { ApplyService } from './services/apply.ts';
import { Alerter } from './services/alerts.ts';
import { OutboxWorker, type OutboxOptions } from './services/outbox.ts';
import { Reconciler, type ReconcileOptions } from './services/reconcile.ts';
import { PackageCatalog } from './services/packages.ts';
import { hostJwtAuthenticator } from './services/host-auth.ts';
import { PayService, type HostAuthenticator } from './services/pay.ts';
import { SessionTokens } from './services/tokens.ts';
import { WebhookService } from './services/webhooks.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/store.ts';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** 0 for any free port (tests). Defaults to PORT. */
  port?: number;
  host?: string;
  logger?: Logger;
  rateLimits?: RateLimits;
  /** Sandbox: how long reports stay pending before `report.completed`. */
  reportCompleteAfterMs?: number;
  authenticate?: HostAuthenticator;
  documents?: readonly HashedDocument[];
  mailResolver?: MailResolver;
  retryPolicy?: RetryPolicy;
  outbox?: OutboxOptions;
  /** `false`: no server of its own; the app is mounted in the customer's (see library.ts). */
  listen?: boolean;
  /** Overrides of the reconciliation timings (tests); otherwise from the config. */
  reconcile?: Partial<ReconcileOptions>;
}

export interface Bff {
  url: string;
  port: number;
  config: Readonly<Config>;
  server: Server;
  app: Express;
  store: Store;
  outbox: OutboxWorker;
  reconciler: Reconciler;
  sandbox?: {
    checkr: CheckrSimulator;
    pay: CheckrPaySimulator;
    checkrKey: string;
    payKeys: { accessKey: string; secretKey: string };
  };
  close(): Promise<void>;
}

/**
 * Sandbox secrets live in `.data/` so demo sessions and logins survive a restart; they protect
 * nothing real. Real deployments set SESSION_SIGNING_KEY and BFF_ADMIN_KEY themselves.
 */
function sandboxSecrets(databaseUrl: string): { signing: string; admin: string } {
  const path = databaseUrl.includes(':memory:')
    ? undefined
    : databaseUrl.startsWith('sqlite:')
      ? `${dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, ''))}/sandbox-secrets.json`
      : '.data/sandbox-secrets.json';
  if (path && existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  const secrets = {
    signing: randomBytes(32).toString('base64url'),
    admin: randomBytes(24).toString('base64url'),
  };
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}

const nodeResolver: MailResolver = {
  resolveMx: (domain) => dns.resolveMx(domain),
  resolve4: (domain) => dns.resolve4(domain),
  resolve6: (domain) => dns.resolve6(domain),
};

/** EMAIL_DOMAIN_CHECK=off: every lookup "fails", and a failed lookup lets the address through. */
const noResolver: MailResolver = {
  resolveMx: () =>
    Promise.reject(Object.assign(new Error('email domain check is off'), { code: 'EDISABLED' })),
  resolve4: () =>
    Promise.reject(Object.assign(new Error('email domain check is off'), { code: 'EDISABLED' })),
  resolve6: () =>
    Promise.reject(Object.assign(new Error('email domain check is off'), { code: 'EDISABLED' })),
};

/** The composition root: config, clients, services, app, server. Used by index.ts and the tests. */
export async function startBff(options: StartOptions = {}): Promise<Bff> {
  const env = { ...(options.env ?? process.env) };
  const logger = options.logger ?? createLogger();
  const preliminary = parseConfig(env);
  if (preliminary.sandbox) {
    const secrets = sandboxSecrets(preliminary.databaseUrl);
    env.SESSION_SIGNING_KEY ??= secrets.signing;
    env.BFF_ADMIN_KEY ??= secrets.admin;
  }
  const server = createServer();
  const requestedPort = options.port ?? preliminary.port;
  if (options.listen !== false)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(requestedPort, options.host ?? '127.0.0.1', () => resolve());
    });
  const port = (server.address() as AddressInfo | null)?.port ?? requestedPort;
  const config = parseConfig({ ...env, PORT: String(port) });
  const url = config.publicUrl ? config.publicUrl.replace(/\/$/, '') : `http://localhost:${port}`;
  const internal = `http://127.0.0.1:${port}`;
  const retryPolicy = options.retryPolicy ?? {
    ...defaultRetryPolicy,
    timeoutMs: config.upstreamTimeoutMs,
  };

  let checkr: CheckrClient;
  let payClient: CheckrPayClient | undefined;
  let embedBase: string | undefined;
  let webhookKeys: { checkr: string | undefined; checkrPay: string | undefined };
  let sandbox: Bff['sandbox'];
  const sandboxRouters = [];
  if (config.sandbox) {
    const checkrKey = `sk_sandbox_${randomBytes(12).toString('hex')}`;
    const payKeys = {
      accessKey: `ak_sandbox_${randomBytes(8).toString('hex')}`,
      secretKey: `sk_pay_sandbox_${randomBytes(16).toString('hex')}`,
    };
    const checkrSim = new CheckrSimulator({
      apiKey: checkrKey,
      webhookUrl: `${internal}/v1/webhooks/checkr`,
      completeAfterMs: options.reportCompleteAfterMs ?? 4000,
    });
    const paySim = new CheckrPaySimulator([payKeys]);
    paySim.webhooks.url = `${internal}/v1/webhooks/checkr-pay`;
    sandbox = { checkr: checkrSim, pay: paySim, checkrKey, payKeys };
    checkr = new CheckrClient(checkrKey, `${internal}/sandbox/checkr`, retryPolicy);
    payClient = new CheckrPayClient(
      payKeys,
      `${internal}/sandbox/checkr-pay/customer/`,
      retryPolicy,
    );
    // A different origin from the demo pages (127.0.0.1 vs localhost), as the real CDN is.
    embedBase = `${internal}/sandbox/pay-cdn/`;
    webhookKeys = { checkr: checkrKey, checkrPay: payKeys.secretKey };
    sandboxRouters.push(
      { path: '/sandbox/checkr', router: checkrSim.router },
      { path: '/sandbox/checkr-pay/customer', router: paySim.router },
      { path: '/sandbox/pay-cdn', router: embeddableRouter(paySim) },
    );
  } else {
    checkr = new CheckrClient(config.checkr!.apiKey, config.checkr!.apiBase, retryPolicy);
    if (config.pay) {
      payClient = new CheckrPayClient(config.pay, config.pay.apiBase, retryPolicy);
      embedBase = config.pay.embedBase;
    }
    // Checkr signs with the API key; for Checkr Pay the docs say "your API key" without naming
    // which: the secret key is the safer reading (the access key is an identifier).
    webhookKeys = { checkr: config.checkr?.apiKey, checkrPay: config.pay?.secretKey };
  }

  const store = await openStore(config, logger).catch((error: unknown) => {
    server.close();
    throw error;
  });
  const tokens = new SessionTokens(config.sessionSigningKey, config.sessionTtlSeconds);
  const alerts = new Alerter(logger, config.alertWebhookUrl);
  const outbox = new OutboxWorker(
    store,
    checkr,
    logger,
    {
      leaseMs: config.outboxLeaseMs,
      piiContactEmail: config.piiRemovalContactEmail,
      ...options.outbox,
    },
    alerts,
  );
  const webhooks = new WebhookService(store, logger, webhookKeys, checkr);
  const reconciler = new Reconciler(
    store,
    checkr,
    webhooks,
    alerts,
    logger,
    { ...config.reconcile, ...options.reconcile },
    () => outbox.kick(),
  );
  const apply = new ApplyService({
    store,
    checkr,
    packages: new PackageCatalog(checkr),
    tokens,
    documents: options.documents ?? sampleDocuments,
    mailResolver:
      options.mailResolver ??
      (config.sandbox
        ? sandboxMailResolver
        : config.emailDomainCheck === 'off'
          ? noResolver
          : nodeResolver),
    secret: config.sessionSigningKey,
    logger,
    minorsPackages: config.sandbox ? undefined : config.minorsPackages,
    onConsentCommitted: () => outbox.kick(),
  });
  const pay =
    payClient && embedBase
      ? new PayService(payClient, embedBase, config.sessionSigningKey, store)
      : undefined;
  const demo = config.sandbox
    ? demoRouter({
        apply,
        store,
        secret: config.sessionSigningKey,
        pay: sandbox!.pay,
        payKeys: sandbox!.payKeys,
        audience: url,
      })
    : undefined;
  const authenticate =
    options.authenticate ??
    (config.hostJwt
      ? hostJwtAuthenticator(config.hostJwt, async (claim) => pay?.resolveWorker(claim) ?? claim)
      : demo?.authenticate);
  if (pay && !authenticate) {
    logger.warn(
      'Checkr Pay keys are set but no worker sign-in is configured: GET /v1/pay/token answers 503 until HOST_JWT_SECRET or HOST_JWKS_URL is set (or authenticate is passed); POST /v1/pay/workers/{id}/token works with the admin key',
    );
  }
  const app = createApp({
    config,
    logger,
    store,
    tokens,
    apply,
    webhooks,
    onOutboxRetry: () => outbox.kick(),
    pay,
    authenticate,
    sandboxRouters,
    demo: demo?.router,
    frameOrigins: config.sandbox ? [internal] : [],
    rateLimits: options.rateLimits ?? config.rateLimits,
  });
  server.on('request', app);
  outbox.start();
  reconciler.start();
  logger.info('bff started', { mode: config.sandbox ? 'sandbox' : 'live', port });

  return {
    url,
    port,
    config,
    server,
    app,
    store,
    outbox,
    reconciler,
    sandbox,
    async close() {
      await reconciler.stop();
      await outbox.stop();
      sandbox?.checkr.stop();
      if (server.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await store.close();
    },
  };
}
