import { ConfigError } from '@checkr-kit/server/config';
import { startSandbox } from './start.ts';

/** `npm start`: the simulators, a BFF pointed at them, and the demo pages. No keys needed. */
try {
  // The demo completes any candidate's report (clear) so a visitor sees the whole lifecycle;
  // SANDBOX_OTHER_DATA=pending gives staging's behaviour (only the test data completes).
  const otherData = process.env.SANDBOX_OTHER_DATA ? undefined : 'clear';
  const bff = await startSandbox({ host: process.env.HOST ?? '127.0.0.1', otherData });
  const base = bff.url;
  console.log(`\ncheckr-kit BFF (sandbox: no keys, everything offline) on ${base}`);
  console.log(`  Careers page (apply flow, script tag):  ${base}/demo/careers`);
  console.log(`  Worker wallet (Pay embed, demo login):  ${base}/demo/wallet`);
  console.log(`  Admin (consents, PDFs, report status):  ${base}/demo/admin`);
  console.log(`  React Native WebView host simulator:   ${base}/demo/rn-host`);
  console.log(`  Simulators (Checkr, Checkr Pay, CDN):  ${bff.sandbox.url}/sandbox/`);
  console.log(
    `  Reports of non-test data complete: ${bff.sandbox.checkr.otherData} (SANDBOX_OTHER_DATA); webhooks: ${JSON.stringify(bff.sandbox.checkr.webhooks.delivery)}`,
  );
  console.log(
    `  Data: ${bff.config.databaseUrl.replace(/^sqlite:/, '')} (reset: stop, then npm run reset)`,
  );
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
