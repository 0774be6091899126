// Child processes for the server benchmarks, so the load generator, the BFF and the simulators
// do not share one event loop: `node … processes.ts sandbox|bff|bare`. Each prints one JSON line
// (its URL and what the parent needs) once it listens.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startBff } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { sandboxMailResolver } from '../../server/src/sandbox/mail-resolver.ts';
import { startStandaloneSandbox } from '../../server/src/sandbox/standalone.ts';

const role = process.argv[2];
process.on('SIGINT', () => process.exit(0));
if (role === 'sandbox') {
  const sandbox = await startStandaloneSandbox({ webhookBase: process.env.WEBHOOK_BASE });
  const worker = sandbox.pay.seedWorker(
    sandbox.payKeys,
    { legalName: 'Pam Beesly', email: 'pam@example.com', phoneNumber: '+15705550142' },
    'bench-worker',
  );
  console.log(JSON.stringify({ url: sandbox.url, env: sandbox.env, workerId: worker.id }));
} else if (role === 'bff') {
  const bff = await startBff({
    port: 0,
    logger: memoryLogger(),
    env: JSON.parse(process.env.BFF_ENV!),
    rateLimits: { windowMs: 60_000, apply: 1_000_000, token: 1_000_000 },
    // Offline: the sandbox's DNS, as in sandbox mode.
    mailResolver: sandboxMailResolver,
    // The bench's stand-in for a customer's login: the worker id in a header.
    authenticate: async (req) => {
      const workerId = req.get('x-bench-worker');
      return workerId ? { workerId, sessionId: 'bench-session' } : undefined;
    },
  });
  console.log(
    JSON.stringify({ url: `http://127.0.0.1:${bff.port}`, adminKey: bff.config.adminKey }),
  );
} else if (role === 'bare') {
  const app = express();
  app.get('/token', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({
      token: 'x'.repeat(24),
      embed_url: `https://cdn.checkrpay.com?tempAuthToken=${'x'.repeat(24)}`,
    });
  });
  const server = app.listen(0, '127.0.0.1', () =>
    console.log(
      JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
