import { serve, startupText } from '@checkr-kit/server/serve';
import { startSandbox } from './start.ts';

/** `npm start`: the simulators, a BFF pointed at them, and the demo pages. No keys needed. */
await serve(
  // The demo completes any candidate's report (clear) so a visitor sees the whole lifecycle;
  // SANDBOX_OTHER_DATA=pending gives staging's behaviour (only the test data completes).
  () =>
    startSandbox({
      host: process.env.HOST ?? '127.0.0.1',
      otherData: process.env.SANDBOX_OTHER_DATA ? undefined : 'clear',
    }),
  (bff) =>
    startupText(`checkr-kit BFF (sandbox: no keys, everything offline) on ${bff.url}`, [
      ['Careers page (apply flow, script tag)', `${bff.url}/demo/careers`],
      ['Worker wallet (Pay embed, demo login)', `${bff.url}/demo/wallet`],
      ['Admin (consents, PDFs, report status)', `${bff.url}/demo/admin`],
      ['React Native WebView host simulator', `${bff.url}/demo/rn-host`],
      ['Simulators (Checkr, Checkr Pay, CDN)', `${bff.sandbox.url}/sandbox/`],
      [
        'Reports of non-test data complete',
        `${bff.sandbox.checkr.otherData} (SANDBOX_OTHER_DATA); webhooks: ${JSON.stringify(bff.sandbox.checkr.webhooks.settings())}`,
      ],
      [
        'Data',
        `${bff.config.databaseUrl.replace(/^sqlite:/, '')} (reset: stop, then npm run reset)`,
      ],
      [
        'Other pages allowed to call it (CORS)',
        bff.config.allowedOrigins.join(', ') || 'none (ALLOWED_ORIGINS)',
      ],
      ['Health', `${bff.url}/healthz`],
    ]),
);
