// Child processes for the server benchmarks, so the load generator, the BFF and the simulators
// do not share one event loop: `node … processes.ts sandbox|bff|upstream-bare`. Each prints one
// JSON line (its URL and what the parent needs) once it listens.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startBff } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { sandboxMailResolver } from '@checkr-kit/sandbox';
import { startStandaloneSandbox } from '@checkr-kit/sandbox';

const role = process.argv[2];
process.on('SIGINT', () => process.exit(0));
if (role === 'sandbox') {
  // Throughput, not Checkr's limits: the simulators keep the documented 600 a minute (seed 002
  // L917, 001 L1237), which a load run passes within a second, and the BFF then rightly waits for
  // the window's reset. Lifted here only.
  const sandbox = await startStandaloneSandbox({
    webhookBase: process.env.WEBHOOK_BASE,
    rateLimitPerMinute: Number.MAX_SAFE_INTEGER,
  });
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
    JSON.stringify({
      url: `http://127.0.0.1:${bff.port}`,
      adminKey: bff.config.adminKey,
      pid: process.pid,
    }),
  );
} else if (role === 'upstream-bare') {
  // The smallest Express route that makes the token route's upstream call: the same Checkr Pay
  // request (keys, worker session header) to the same simulator with the same client (fetch),
  // answering the same JSON. What the token route costs beyond it is the BFF's own work.
  const env = JSON.parse(process.env.SANDBOX_ENV!) as Record<string, string>;
  const app = express();
  app.get('/token', async (req, res) => {
    const upstream = await fetch(
      `${env.CHECKR_PAY_API_BASE}v0/workers/${encodeURIComponent(req.get('x-bench-worker')!)}/authenticate`,
      {
        headers: {
          accept: 'application/json',
          'x-checkr-pay-access-key': env.CHECKR_PAY_ACCESS_KEY!,
          'x-checkr-pay-secret-key': env.CHECKR_PAY_SECRET_KEY!,
          // The BFF sends an HMAC of the host session here (64 hex digits): the same length.
          'x-checkr-pay-worker-session-id': 'b'.repeat(64),
        },
      },
    );
    // An upstream refusal is a failed request here too, as it is on the token route.
    if (!upstream.ok) return void res.status(502).json({ upstream: upstream.status });
    const body = (await upstream.json()) as { temporaryAuthenticationToken: string };
    const token = body.temporaryAuthenticationToken;
    res.set('Cache-Control', 'no-store');
    res.json({ token, embed_url: `${env.CHECKR_PAY_EMBED_BASE}?tempAuthToken=${token}` });
  });
  const server = app.listen(0, '127.0.0.1', () =>
    console.log(
      JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
