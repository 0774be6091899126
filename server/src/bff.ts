import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promises as dns } from 'node:dns';
import type { Express, Router } from 'express';
import type { MailResolver } from '@checkr-kit/validation/server';
import { createApp, type RateLimits } from './app.ts';
import { CheckrClient } from './clients/checkr.ts';
import { CheckrPayClient } from './clients/checkr-pay.ts';
import { defaultRetryPolicy, type RetryPolicy } from './clients/http.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { sampleDocuments } from './documents/samples.ts';
import type { HashedDocument } from './documents/types.ts';
import { createLogger, type Logger } from './logger.ts';
import { ApplyService } from './services/apply.ts';
import { Alerter } from './services/alerts.ts';
import { OutboxWorker, type OutboxOptions } from './services/outbox.ts';
import { Reconciler, type ReconcileOptions } from './services/reconcile.ts';
import { NodeDirectory } from './services/nodes.ts';
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
  /**
   * Sandbox mode (no key in the environment): where "Checkr" and "Checkr Pay" are, with the keys
   * they accept. `@checkr-kit/sandbox` passes its simulators' bases here; the BFF knows nothing
   * else about them.
   */
  upstreams?: Upstreams;
  /** Pages served beside the BFF under its security headers (the sandbox's demo site). */
  pages?: Router;
  /** Extra origins the pages may frame (the sandbox's stand-in for the Pay CDN). */
  frameOrigins?: string[];
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

export interface Upstreams {
  checkr: { apiKey: string; apiBase: string };
  pay?: { accessKey: string; secretKey: string; apiBase: string; embedBase: string };
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
  if (preliminary.sandbox && !options.upstreams) {
    throw new ConfigError(
      'Configuration error: CHECKR_API_KEY is required (to run offline, start the sandbox: npm start)',
    );
  }
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
  const retryPolicy = options.retryPolicy ?? {
    ...defaultRetryPolicy,
    timeoutMs: config.upstreamTimeoutMs,
  };

  // Sandbox mode is the same code as live mode, against the upstreams it is handed in code
  // instead of the environment's keys.
  const upstreams: Upstreams | undefined = config.sandbox
    ? options.upstreams
    : {
        checkr: config.checkr!,
        pay: config.pay && {
          accessKey: config.pay.accessKey,
          secretKey: config.pay.secretKey,
          apiBase: config.pay.apiBase,
          embedBase: config.pay.embedBase,
        },
      };
  if (!upstreams) throw new Error('unreachable: checked before listening');
  const checkr = new CheckrClient(upstreams.checkr.apiKey, upstreams.checkr.apiBase, retryPolicy);
  const payClient = upstreams.pay
    ? new CheckrPayClient(upstreams.pay, upstreams.pay.apiBase, retryPolicy)
    : undefined;
  const embedBase = upstreams.pay?.embedBase;
  // Checkr signs with the API key; for Checkr Pay the docs say "your API key" without naming
  // which: the secret key is the safer reading (the access key is an identifier).
  const webhookKeys = { checkr: upstreams.checkr.apiKey, checkrPay: upstreams.pay?.secretKey };

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
    nodes: new NodeDirectory(checkr, logger, config.nodesCacheMs),
    tokens,
    documents: options.documents ?? sampleDocuments,
    mailResolver:
      options.mailResolver ?? (config.emailDomainCheck === 'off' ? noResolver : nodeResolver),
    secret: config.sessionSigningKey,
    logger,
    minorsPackages: config.sandbox ? undefined : config.minorsPackages,
    onConsentCommitted: () => outbox.kick(),
  });
  const pay =
    payClient && embedBase
      ? new PayService(payClient, embedBase, config.sessionSigningKey, store)
      : undefined;
  const authenticate =
    options.authenticate ??
    (config.hostJwt
      ? hostJwtAuthenticator(config.hostJwt, async (claim) => pay?.resolveWorker(claim) ?? claim)
      : undefined);
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
    demo: options.pages,
    frameOrigins: options.frameOrigins ?? [],
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
    async close() {
      await reconciler.stop();
      await outbox.stop();
      if (server.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await store.close();
    },
  };
}
