import { startBff } from './bff.ts';
import { ConfigError } from './config.ts';

/**
 * The BFF on its own, configured from the environment (a customer's deployment). `npm start`
 * runs `@checkr-kit/sandbox` instead, which starts the simulators and this BFF pointed at them.
 */
try {
  const bff = await startBff({ host: process.env.HOST ?? '127.0.0.1' });
  console.log(`\ncheckr-kit BFF (live) on ${bff.url}`);
  console.log(`  Health: ${bff.url}/healthz\n`);
  const stop = () => {
    void bff.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
