import type { Express } from 'express';
import { startBff, type StartOptions } from './bff.ts';
import type { HostAuthenticator } from './services/pay.ts';

export type { HostAuthenticator, SignedInWorker } from './services/pay.ts';

export interface CheckrKit {
  /** The whole BFF as an Express app: mount it in yours, `app.use('/checkr', kit.router)`. */
  router: Express;
  /** Stops the outbox and reconciliation, closes the store. */
  close(): Promise<void>;
}

/**
 * The BFF as a library, inside the customer's own Express app: the same routes, outbox and
 * reconciliation, configured from the environment as ever, with the customer's login deciding
 * who the signed-in worker is. `authenticate(req)` sees the request after the customer's own
 * middleware (session, cookies), and returns the worker's Checkr Pay id or `undefined`.
 */
export async function createCheckrKit(
  options: Omit<StartOptions, 'listen' | 'port' | 'host' | 'authenticate'> & {
    authenticate: HostAuthenticator;
  },
): Promise<CheckrKit> {
  const bff = await startBff({ ...options, listen: false });
  return { router: bff.app, close: () => bff.close() };
}
