import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { AppError, errorBody, errorHandler, notFound } from './errors.ts';
import type { Logger } from './logger.ts';
import { openApiDocument } from './openapi.ts';
import { adminRoutes } from './routes/admin.ts';
import { applyRoutes } from './routes/apply.ts';
import { etagOf, kitRoutes, type KitRoutes } from './routes/kit.ts';
import {
  corsAllowList,
  under,
  warnProxyUntrusted,
  type FailureLimit,
} from './routes/middleware.ts';
import { payRoutes, webhookRoutes } from './routes/pay-and-webhooks.ts';
import type { ApplyService } from './services/apply.ts';
import type { HostAuthenticator, PayService } from './services/pay.ts';
import type { SessionTokens } from './services/tokens.ts';
import type { WebhookService } from './services/webhooks.ts';
import type { Store } from './store/store.ts';

export interface RateLimits {
  windowMs: number;
  /** Apply-flow calls per apply session per window. */
  apply: number;
  /** Apply-flow calls per address per window (default ten times `apply`). */
  applyPerAddress?: number;
  /** Pay token mints per client per window. */
  token: number;
  /** Wrong or missing admin keys per address per window before 429 (default 10). */
  adminFailures?: number;
  /** Unsigned, badly signed or malformed webhooks per address per window before 429 (default 30). */
  webhookFailures?: number;
}

export const defaultRateLimits: RateLimits = {
  windowMs: 60_000,
  apply: 120,
  token: 20,
  adminFailures: 10,
  webhookFailures: 30,
};

export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  store: Store;
  tokens: SessionTokens;
  apply: ApplyService;
  webhooks: WebhookService;
  pay?: PayService;
  /** Wakes the outbox worker after an operator retries an item. */
  onOutboxRetry?: () => void;
  /** The customer's login: who is asking for a Pay token. Sandbox mode ships a demo one. */
  authenticate?: HostAuthenticator;
  /** Demo pages (sandbox mode). */
  demo?: Router;
  /** Extra origins the CSP lets the pages frame (the local Pay CDN stand-in). */
  frameOrigins?: string[];
  rateLimits?: RateLimits;
  /** Where the script-tag bundle is served from (`dist/`). */
  kitDir?: string;
  /** The kit's routes, when the composition root shares them (the demo pages name the hashed file). */
  kit?: KitRoutes;
}

/** The API's paths: JSON (and the consent PDF) for programs, never a page. */
const apiPaths = ['/v1', '/healthz', '/openapi.json'];

const defaultKitDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Sandbox mode: the demo site's own origins, as a browser may name the BFF that serves it. Any
 * other page needs ALLOWED_ORIGINS, another localhost port included: ports share a site, so the
 * demo's SameSite=Lax sign-in cookie goes with such a page's requests, and allowing every
 * `localhost:*` let any local page read the signed-in worker's Pay token (issue 15, finding 6).
 */
function demoOrigins(config: Readonly<Config>): string[] {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].map(
    (host) => `http://${host}:${config.port}`,
  );
  return config.publicUrl ? [new URL(config.publicUrl).origin, ...loopback] : loopback;
}

/**
 * The BFF as an Express app, from its dependencies and nothing global, so tests build one per
 * case against the sandbox or small fakes.
 */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const limits = deps.rateLimits ?? defaultRateLimits;
  const app = express();
  app.disable('x-powered-by');
  // No weak ETag (a SHA-1 of every body) by default: the API's answers are one-time tokens and
  // states behind no-store or read once, never revalidated. What is revalidated sets its own:
  // the kit's files and manifest, the OpenAPI document; the demo pages keep Express's (below).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  if (config.trustProxy === false) app.use(warnProxyUntrusted(logger));

  // Security headers sized to what each response is. Pages, kit assets and anything else a
  // browser may load as a document keep helmet's page set. The API's responses (JSON, the
  // consent PDF) carry the set OWASP's REST Security Cheat Sheet ("Security Headers") gives
  // every API response: nothing loadable, never framed (stricter than the pages'
  // 'self'), no sniffing, HTTPS only, no Referer, read by no other site's no-cors request;
  // without the headers only a document reads (opener and agent-cluster isolation, DNS
  // prefetch, IE's download and XSS-filter switches, Flash and Acrobat policy files).
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: [
          "'self'",
          ...(config.pay ? [config.pay.embedBase] : []),
          ...(deps.frameOrigins ?? []),
        ],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const apiHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  app.use(under(apiPaths, apiHeaders, pageHeaders));

  const ownOrigins = config.sandbox ? demoOrigins(config) : [];
  const allowed = (origin: string) =>
    config.allowedOrigins.includes(origin) || ownOrigins.includes(origin);
  app.use(under(['/v1/apply', '/v1/pay'], corsAllowList(allowed)));

  // Express answers HEAD with the GET handler: on these routes that would mint a Pay token
  // (one-time, upstream) or read a session for a response nobody sees.
  app.head(['/v1/pay/token', '/v1/apply/config'], (_req, res) => {
    res
      .set('Allow', 'GET')
      .status(405)
      .json(errorBody([{ code: 'method_not_allowed', title: 'Use GET on this route' }]));
  });

  const openApi = JSON.stringify(openApiDocument());
  const openApiTag = etagOf(openApi);
  app.get('/openapi.json', (_req, res) => {
    res.set('ETag', openApiTag).type('application/json').send(openApi);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: config.sandbox ? 'sandbox' : 'live' });
  });

  // Failures only, per address, on the store's counter (shared by every replica).
  const adminFailures: FailureLimit = {
    windowMs: limits.windowMs,
    max: limits.adminFailures ?? defaultRateLimits.adminFailures!,
    counter: deps.store,
    name: 'admin-failures',
  };
  app.use(
    webhookRoutes(deps.webhooks, {
      windowMs: limits.windowMs,
      max: limits.webhookFailures ?? defaultRateLimits.webhookFailures!,
      counter: deps.store,
      name: 'webhook-failures',
    }),
  );
  app.use(
    applyRoutes({
      apply: deps.apply,
      tokens: deps.tokens,
      adminKey: config.adminKey,
      adminFailures,
      limits: {
        windowMs: limits.windowMs,
        apply: limits.apply,
        applyPerAddress: limits.applyPerAddress,
        counter: deps.store,
      },
      resolveAudience: (requested) => {
        if (requested !== undefined) {
          if (!allowed(requested))
            throw new AppError(
              400,
              'origin_not_allowed',
              'That origin is not in ALLOWED_ORIGINS',
              '/origin',
            );
          return requested;
        }
        if (config.allowedOrigins.length === 1) return config.allowedOrigins[0]!;
        if (config.sandbox)
          return config.publicUrl
            ? new URL(config.publicUrl).origin
            : `http://localhost:${config.port}`;
        throw new AppError(
          400,
          'origin_required',
          'Name the origin the apply flow runs on',
          '/origin',
        );
      },
    }),
  );
  app.use(
    adminRoutes({
      store: deps.store,
      apply: deps.apply,
      adminKey: config.adminKey,
      adminFailures,
      onRetry: deps.onOutboxRetry,
    }),
  );
  app.use(
    payRoutes({
      pay: deps.pay,
      authenticate: deps.authenticate,
      adminKey: config.adminKey,
      adminFailures,
      limits: { windowMs: limits.windowMs, token: limits.token, counter: deps.store },
    }),
  );

  app.use(
    '/kit',
    (deps.kit ?? kitRoutes(deps.kitDir ?? defaultKitDir, '/kit', { sourceMaps: config.sandbox }))
      .router,
  );
  if (deps.demo) {
    // Express's ETags, which res.sendFile only sends when its app makes them: /demo/wallet
    // sends login.html, then wallet.html after sign-in, at one URL, and by Last-Modified alone
    // a browser revalidating it is told 304 and shows the login page again.
    const pages = express();
    pages.disable('x-powered-by');
    pages.use(deps.demo);
    app.use(pages);
  }

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
