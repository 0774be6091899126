import express, { Router } from 'express';
import { AppError } from '../errors.ts';
import type { HostAuthenticator, PayService } from '../services/pay.ts';
import type { WebhookService } from '../services/webhooks.ts';
import { limit, noStore } from './middleware.ts';

export function payRoutes({
  pay,
  authenticate,
  limits,
}: {
  pay: PayService | undefined;
  authenticate: HostAuthenticator | undefined;
  limits: { windowMs: number; token: number };
}): Router {
  const router = Router();
  // The token is one-time and secret: never cached, never logged, minted per request.
  router.get(
    '/v1/pay/token',
    noStore,
    limit(limits.windowMs, limits.token, 'rate_limited'),
    async (req, res) => {
      if (!pay)
        throw new AppError(503, 'pay_not_configured', 'Checkr Pay is not configured on this BFF');
      if (!authenticate)
        throw new AppError(503, 'pay_authenticator_missing', 'No host authenticator is configured');
      const worker = await authenticate(req);
      if (!worker) throw new AppError(401, 'host_session_required', 'Sign in to see your wallet');
      res.json(await pay.token(worker));
    },
  );
  return router;
}

export function webhookRoutes(webhooks: WebhookService): Router {
  const router = Router();
  // Raw bodies: the signature is over the exact bytes, so no JSON parser may run first.
  const raw = express.raw({ type: () => true, limit: '1mb' });
  router.post('/v1/webhooks/checkr', raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { duplicate } = await webhooks.receiveCheckr(body, req.get('x-checkr-signature'));
    res.status(200).json({ received: true, duplicate });
  });
  router.post('/v1/webhooks/checkr-pay', raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { duplicate } = await webhooks.receiveCheckrPay(body, req.get('x-checkrpay-signature'));
    res.status(200).json({ received: true, duplicate });
  });
  return router;
}
