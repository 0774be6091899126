import express, {
  Router,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AppError } from '../errors.ts';
import type { HostAuthenticator, PayService } from '../services/pay.ts';
import type { WebhookService } from '../services/webhooks.ts';
import { parseBody } from './apply.ts';
import { json, responses, tooManyFailures } from './describe.ts';
import {
  countFailure,
  limit,
  noStore,
  refuseAfterFailures,
  requireAdmin,
  under,
  type FailureLimit,
  type RateLimitCounter,
} from './middleware.ts';

const workerTokenBody = z.strictObject({
  /** The worker's login session in the customer's app, so Checkr Pay spares repeated 2FA. */
  session_id: z.string().min(1).max(200).optional(),
});

const newWorkerBody = z.strictObject({
  /** Your id for this person; Checkr Pay keeps it as the worker's metadata (max 50, seed 002 L1016). */
  customer_id: z.string().regex(/^[\w.:@-]{1,50}$/),
  consent_id: z.string().min(1).max(100).optional(),
  /** Seed 002 L1147-1179: the login email and phone (2FA codes go there), and the address. */
  profile: z.strictObject({
    email: z.email().max(255),
    phoneNumber: z.string().regex(/^\+?[0-9]{10,15}$/),
    address: z
      .strictObject({
        street: z.string().min(1).max(200),
        street2: z.string().max(200).nullable().optional(),
        city: z.string().min(1).max(100),
        state: z.string().regex(/^[A-Z]{2}$/),
        postalCode: z.string().regex(/^\d{5}(-\d{4})?$/),
        country: z.literal('US').default('US'),
      })
      .optional(),
  }),
});

export function payRoutes({
  pay,
  authenticate,
  adminKey,
  adminFailures,
  limits,
}: {
  pay: PayService | undefined;
  authenticate: HostAuthenticator | undefined;
  adminKey: string;
  /** Failed admin keys per address before 429. */
  adminFailures?: FailureLimit;
  limits: { windowMs: number; token: number; counter: RateLimitCounter };
}): RequestHandler {
  const router = Router();
  const requirePay = (): PayService => {
    if (!pay)
      throw new AppError(503, 'pay_not_configured', 'Checkr Pay is not configured on this BFF');
    return pay;
  };
  // The customer's backend creates (or finds) the wallet of one of its people.
  router.post(
    '/v1/pay/workers',
    noStore,
    requireAdmin(adminKey, adminFailures),
    express.json({ limit: '8kb' }),
    async (req, res) => {
      const body = parseBody(newWorkerBody, req.body);
      const { worker, created } = await requirePay().ensureWorker({
        customerId: body.customer_id,
        consentId: body.consent_id,
        profile: body.profile,
      });
      res.status(created ? 201 : 200).json({
        worker_id: worker.workerId,
        customer_id: worker.customerId,
        status: worker.status,
        background_check_id: worker.backgroundCheckId,
      });
    },
  );

  // Server to server: the customer's backend, which knows who is signed in, asks for the token and
  // stands behind ck-pay-embed's token-url itself.
  router.post(
    '/v1/pay/workers/:worker_id/token',
    noStore,
    requireAdmin(adminKey, adminFailures),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const body = parseBody(workerTokenBody, req.body);
      const workerId = z
        .string()
        .regex(/^[\w-]{1,100}$/)
        .safeParse(req.params.worker_id);
      if (!workerId.success)
        throw new AppError(404, 'pay_worker_not_found', 'No such Checkr Pay worker');
      res
        .status(201)
        .json(await requirePay().token({ workerId: workerId.data, sessionId: body.session_id }));
    },
  );
  // The token is one-time and secret: never cached, never logged, minted per request.
  router.get(
    '/v1/pay/token',
    noStore,
    limit(limits.windowMs, limits.token, 'rate_limited', {
      counter: limits.counter,
      name: 'pay-token',
    }),
    async (req, res) => {
      const service = requirePay();
      if (!authenticate)
        throw new AppError(503, 'pay_authenticator_missing', 'No host authenticator is configured');
      const worker = await authenticate(req);
      if (!worker) throw new AppError(401, 'host_session_required', 'Sign in to see your wallet');
      res.json(await service.token(worker));
    },
  );
  return under(['/v1/pay'], router);
}

export function webhookRoutes(webhooks: WebhookService, failures?: FailureLimit): RequestHandler {
  const router = Router();
  // An address that sent too many unsigned, badly signed or malformed posts is refused before
  // its body (up to 1 MB) is read; only those failures count, never a verified delivery.
  const guard: RequestHandler = failures
    ? refuseAfterFailures(failures)
    : (_req, _res, next) => next();
  // Raw bodies: the signature is over the exact bytes, so no JSON parser may run first.
  const raw = express.raw({ type: () => true, limit: '1mb' });
  router.post('/v1/webhooks/checkr', guard, raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { duplicate } = await webhooks.receiveCheckr(body, req.get('x-checkr-signature'));
    res.status(200).json({ received: true, duplicate });
  });
  router.post('/v1/webhooks/checkr-pay', guard, raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { duplicate } = await webhooks.receiveCheckrPay(body, req.get('x-checkrpay-signature'));
    res.status(200).json({ received: true, duplicate });
  });
  // Every refusal counts: a bad or missing signature, a body that is not an event, one over 1 MB.
  router.use(
    ['/v1/webhooks/checkr', '/v1/webhooks/checkr-pay'],
    async (error: unknown, req: Request, _res: Response, next: NextFunction) => {
      const status = (error as { status?: unknown })?.status;
      if (failures && typeof status === 'number' && status >= 400 && status < 500)
        await countFailure(failures, req).catch(() => undefined);
      next(error);
    },
  );
  return under(['/v1/webhooks'], router);
}

const payToken = z
  .object({
    token: z.string().meta({ description: 'One-time; spent by the first load' }),
    embed_url: z.url(),
  })
  .meta({ id: 'PayToken' });

const worker = z.object({
  worker_id: z.string(),
  customer_id: z.string(),
  status: z.string(),
  background_check_id: z.string().nullable(),
});

export const payPaths: ZodOpenApiPathsObject = {
  '/v1/pay/workers': {
    post: {
      operationId: 'ensurePayWorker',
      summary: 'Create (or find) the Checkr Pay worker for one of your people, by your id',
      tags: ['Pay'],
      security: [{ adminKey: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: newWorkerBody } } },
      responses: responses({
        ...tooManyFailures,
        '201': json('Created', worker),
        '200': json('Already there', worker),
      }),
    },
  },
  '/v1/pay/workers/{worker_id}/token': {
    post: {
      operationId: 'createPayWorkerToken',
      summary: 'A Pay token for a worker your backend vouches for (behind your own token-url)',
      tags: ['Pay'],
      security: [{ adminKey: [] }],
      requestParams: { path: z.object({ worker_id: z.string().regex(/^[\w-]{1,100}$/) }) },
      requestBody: { content: { 'application/json': { schema: workerTokenBody } } },
      responses: responses({
        ...tooManyFailures,
        '201': json('Token and URL', payToken),
      }),
    },
  },
  '/v1/pay/token': {
    get: {
      operationId: 'getPayToken',
      summary: 'A fresh one-time Checkr Pay token and the embed URL for the signed-in worker',
      description:
        "Who the worker is comes from your app's own signed-in session, checked by the authenticator you give the BFF. Never cached (Cache-Control: no-store), never logged.",
      tags: ['Pay'],
      responses: responses({
        '200': json('Token and URL', payToken),
      }),
    },
  },
};

const received = json(
  'Received (a duplicate event id is recorded once)',
  z.object({ received: z.literal(true), duplicate: z.boolean() }),
);
const rawBody = {
  required: true,
  content: {
    'application/json': {
      schema: z.record(z.string(), z.unknown()).meta({
        description: 'The event, exactly as sent: the signature is over these bytes',
      }),
    },
  },
};

export const webhookPaths: ZodOpenApiPathsObject = {
  '/v1/webhooks/checkr': {
    post: {
      operationId: 'receiveCheckrWebhook',
      summary: 'A Checkr webhook, verified by X-Checkr-Signature (HMAC-SHA256 of the raw body)',
      tags: ['Webhooks'],
      requestParams: { header: z.object({ 'x-checkr-signature': z.string() }) },
      requestBody: rawBody,
      responses: responses({ '200': received, ...tooManyFailures }),
    },
  },
  '/v1/webhooks/checkr-pay': {
    post: {
      operationId: 'receiveCheckrPayWebhook',
      summary: 'A Checkr Pay webhook, verified by X-CheckrPay-Signature',
      tags: ['Webhooks'],
      requestParams: { header: z.object({ 'x-checkrpay-signature': z.string() }) },
      requestBody: rawBody,
      responses: responses({ '200': received, ...tooManyFailures }),
    },
  },
};
