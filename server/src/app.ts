import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { errorHandler, notFound } from './errors.ts';
import type { Logger } from './logger.ts';
import { demoRouter } from './demo/routes.ts';

export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  /** Where the script-tag bundle is served from (`dist/`), for the demo pages. */
  kitDir?: string;
}

const defaultKitDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * The BFF as an Express app, from its dependencies and nothing global, so tests build one per
 * case against the sandbox or small fakes.
 */
export function createApp({ config, logger, kitDir = defaultKitDir }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameSrc: ["'self'", ...(config.pay ? [config.pay.embedBase] : [])],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: config.sandbox ? 'sandbox' : 'live' });
  });

  if (existsSync(kitDir)) {
    app.use('/kit', express.static(kitDir, { fallthrough: true, maxAge: 0 }));
  }
  if (config.sandbox) app.use(demoRouter());

  app.use(notFound);
  app.use(errorHandler(logger));
  logger.info('app created', { mode: config.sandbox ? 'sandbox' : 'live' });
  return app;
}
