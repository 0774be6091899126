import { startBff } from './bff.ts';
import { serve, startupText } from './serve.ts';

/**
 * The BFF on its own, configured from the environment (a customer's deployment). `npm start`
 * runs `@checkr-kit/sandbox` instead, which starts the simulators and this BFF pointed at them.
 */
await serve(
  () => startBff({ host: process.env.HOST ?? '127.0.0.1' }),
  (bff) => startupText(`checkr-kit BFF (live) on ${bff.url}`, [['Health', `${bff.url}/healthz`]]),
);
