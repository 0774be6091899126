import { createApp } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { createLogger } from './logger.ts';

/** The composition root: config, then the app; nothing else runs at import time anywhere. */
async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp({ config, logger });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = `http://localhost:${port}`;
    console.log(
      `\ncheckr-kit BFF (${config.sandbox ? 'sandbox: no keys, everything offline' : 'live'}) on ${base}`,
    );
    if (config.sandbox) console.log(`  Careers page (apply flow):  ${base}/demo/careers`);
    console.log(`  Health:                     ${base}/healthz\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
