import { startBff } from './bff.ts';
import { ConfigError } from './config.ts';

/** `npm start`: the BFF, and in sandbox mode the simulators and the demo pages, in one process. */
try {
  const bff = await startBff({ host: process.env.HOST ?? '127.0.0.1' });
  const base = bff.url;
  console.log(
    `\ncheckr-kit BFF (${bff.config.sandbox ? 'sandbox: no keys, everything offline' : 'live'}) on ${base}`,
  );
  if (bff.config.sandbox) {
    console.log(`  Careers page (apply flow, script tag):  ${base}/demo/careers`);
    console.log(`  Worker wallet (Pay embed, demo login):  ${base}/demo/wallet`);
    console.log(`  Admin (consents, PDFs, report status):  ${base}/demo/admin`);
    console.log(`  React Native WebView host simulator:   ${base}/demo/rn-host`);
    console.log(
      `  Data: ${bff.config.databaseUrl.replace(/^sqlite:/, '')} (reset: stop, then npm run reset)`,
    );
  }
  console.log(`  Health: ${base}/healthz\n`);
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
