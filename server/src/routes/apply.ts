import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { hasUnsafeCharacters } from '@checkr-kit/validation';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AppError } from '../errors.ts';
import type { ApplyService } from '../services/apply.ts';
import type { SessionTokens } from '../services/tokens.ts';
import { json, responses, tooManyFailures } from './describe.ts';
import {
  clientIp,
  limit,
  noStore,
  requireAdmin,
  requireSessionToken,
  under,
  type FailureLimit,
  type RateLimitCounter,
} from './middleware.ts';

/** zod's first problem, as one error in our shape with a JSON pointer into the body. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const pointer = `/${issue.path.map(String).join('/')}`;
  throw new AppError(
    400,
    'invalid_request',
    `Invalid request body at ${pointer}: ${issue.message}`,
    pointer,
  );
}

/** Caller-written text: control and bidirectional-override characters are refused outright. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasUnsafeCharacters(value), {
      message: 'control and bidirectional-override characters are not allowed',
    });

const state = z.string().regex(/^[A-Z]{2}$/);
const newSession = z.strictObject({
  package: text(100).min(1),
  min_age: z.union([z.literal(16), z.literal(18)]).default(18),
  work_locations: z
    .array(
      z.strictObject({
        country: z.string().length(2).default('US').meta({
          description:
            'ISO 3166-1 alpha-2. Only `US` is accepted (Checkr orders international checks through invitations, not reports): any other country is refused with 400 `work_location_country_unsupported`.',
        }),
        state: state.optional().meta({
          description:
            'A US state code (CA, DC, PR ...); required, as Checkr requires it for US work locations: without it, 400 `work_location_state_required`.',
        }),
        city: text(100).optional(),
      }),
    )
    .max(20)
    .default([]),
  prefill: z
    .partialRecord(
      z.enum(['first_name', 'middle_name', 'last_name', 'email', 'phone', 'zipcode']),
      text(255),
    )
    .default({}),
  custom_id: text(255).optional(),
  node: text(100).min(1).optional().meta({
    description:
      "The `custom_id` of the Checkr account hierarchy node the report is ordered for (seed 001 L357, L2382-2387), checked against Checkr's GET /v1/nodes when the session is created: required when the account has nodes (400 `node_required`), refused when it names no node of the account (400 `node_unknown`) or when the package is not assigned to that node or its ancestors (400 `package_not_available_at_node`, pointer `/package`). When the node list cannot be read the session is refused with 502 `node_lookup_failed`.",
  }),
  locale: z.enum(['en', 'es']).default('en'),
  origin: text(255).optional(),
});

const candidateBody = z
  .looseObject({
    first_name: z.unknown(),
    residence_state: z.string().max(5).optional(),
    copy_requested: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length <= 20, 'too many fields')
  .superRefine((body, ctx) => {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && hasUnsafeCharacters(value))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'control and bidirectional-override characters are not allowed',
        });
    }
  })
  .meta({
    description:
      "The candidate as Checkr's POST /v1/candidates takes it (first_name, middle_name, no_middle_name, last_name, email, phone, zipcode, dob, ssn, driver_license_number, driver_license_state), validated field by field by @checkr-kit/validation; plus residence_state and copy_requested.",
  });

const acknowledgementBody = z.strictObject({
  document_id: text(100).min(1),
  version: text(50).min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const consentBody = z.strictObject({
  signature_name: text(300).min(1),
  esign_consent: z.literal(true),
  drawn_signature: z.string().max(420_000).optional(),
  time_zone: text(64).optional(),
  authorization: acknowledgementBody.transform(({ document_id, version, sha256 }) => ({
    id: document_id,
    version,
    sha256,
  })),
});

const isoTime = z.iso.datetime();
const sessionToken = z.object({
  session_token: z
    .string()
    .meta({ description: 'Give it to `<ck-apply-flow>`; never put it in a URL.' }),
  expires_at: isoTime,
});
const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
]);
const applyConfig = z
  .object({
    session: z.object({ id: z.string(), locale: z.enum(['en', 'es']) }),
    requirements: z.object({
      min_age: z.union([z.literal(16), z.literal(18)]),
      ssn: z.boolean(),
      zipcode: z.boolean(),
      driver_license: z.boolean(),
      residence_state: z.boolean().meta({
        description:
          'The state of residence selects documents for this session (a state document lists residence states and is not already shown for a work location): POST /v1/apply/candidate then refuses a candidate without `residence_state` (422 `residence_state_required`). When given, it must match the ZIP code (422 `residence_state_zip_mismatch`).',
      }),
    }),
    work_states: z.array(z.string()),
    prefill: z.record(z.string(), z.string()),
    documents: z.array(
      z.object({
        id: z.string(),
        version: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        kind: z.enum(['summary_of_rights', 'disclosure', 'state_disclosure', 'authorization']),
        locale: z.string(),
        title: z.string(),
        body: z.array(block).meta({ description: 'Structured text, never HTML.' }),
        applies_to: z
          .object({
            residence: z.array(z.string()).optional(),
            work: z.array(z.string()).optional(),
            license: z.array(z.string()).optional(),
            mvr: z.boolean().optional(),
          })
          .meta({
            description:
              'When a state document applies: the state of residence, any work location or the state that issued the driver’s licence is listed; `mvr: true` only when the package has a motor vehicle record. Read by `stateDocumentApplies` of @checkr-kit/validation.',
          })
          .nullable(),
        offers_copy: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ApplyConfig' });
const sessionSecurity = [{ sessionToken: [] }];
const adminSecurity = [{ adminKey: [] }];

/** What these routes are, for the OpenAPI document; the bodies are the schemas parsed above. */
export const applyPaths: ZodOpenApiPathsObject = {
  '/v1/apply-sessions': {
    post: {
      operationId: 'createApplySession',
      summary: 'Open an apply session for one candidate (your backend, with the admin key)',
      tags: ['Apply sessions'],
      security: adminSecurity,
      requestBody: { required: true, content: { 'application/json': { schema: newSession } } },
      responses: responses({
        ...tooManyFailures,
        '201': json(
          'Created',
          sessionToken.extend({ session_id: z.string() }).meta({ id: 'ApplySessionCreated' }),
        ),
      }),
    },
  },
  '/v1/apply-sessions/{id}/token': {
    post: {
      operationId: 'refreshApplySessionToken',
      summary: 'A new token for a session still open (what `fetchSessionToken` gets)',
      tags: ['Apply sessions'],
      security: adminSecurity,
      requestParams: { path: z.object({ id: z.string() }) },
      responses: responses({
        ...tooManyFailures,
        '201': json('A fresh token', sessionToken),
      }),
    },
  },
  '/v1/apply/config': {
    get: {
      operationId: 'getApplyConfig',
      summary: "The session's requirements, prefill and documents in its language",
      tags: ['Apply flow'],
      security: sessionSecurity,
      responses: responses({ '200': json('The configuration', applyConfig) }),
    },
  },
  '/v1/apply/candidate': {
    post: {
      operationId: 'submitCandidate',
      summary: "Validate the candidate's details again and create the Checkr candidate",
      tags: ['Apply flow'],
      security: sessionSecurity,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: candidateBody } },
      },
      responses: responses({
        '201': json(
          'Created',
          z.object({
            candidate_id: z.string(),
            documents: z.array(z.string()).meta({ description: 'Ids of the documents to present' }),
          }),
        ),
      }),
    },
  },
  '/v1/apply/acknowledgements': {
    post: {
      operationId: 'acknowledgeDocument',
      summary: 'Record that a document was shown and acknowledged (server-timestamped)',
      tags: ['Apply flow'],
      security: sessionSecurity,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: acknowledgementBody } },
      },
      responses: responses({
        '201': json('Recorded', z.object({ document_id: z.string(), acknowledged_at: isoTime })),
      }),
    },
  },
  '/v1/apply/consent': {
    post: {
      operationId: 'signConsent',
      summary: 'Sign the authorization: evidence and PDF stored before this answers',
      tags: ['Apply flow'],
      security: sessionSecurity,
      requestBody: { required: true, content: { 'application/json': { schema: consentBody } } },
      responses: responses({
        '201': json(
          'Signed and stored',
          z.object({
            consent_id: z.string(),
            signed_at: isoTime,
            evidence_sha256: z.string().regex(/^[0-9a-f]{64}$/),
          }),
        ),
      }),
    },
  },
};

export interface ApplyRouteOptions {
  apply: ApplyService;
  tokens: SessionTokens;
  adminKey: string;
  /** Failed admin keys per address before 429. */
  adminFailures?: FailureLimit;
  /** Which origin a session is bound to when the customer backend names none. */
  resolveAudience: (requested: string | undefined) => string;
  limits: {
    windowMs: number;
    apply: number;
    applyPerAddress?: number | undefined;
    counter: RateLimitCounter;
  };
}

export function applyRoutes({
  apply,
  tokens,
  adminKey,
  adminFailures,
  resolveAudience,
  limits,
}: ApplyRouteOptions): RequestHandler {
  const router = Router();
  const small = express.json({ limit: '16kb' });
  const admin = requireAdmin(adminKey, adminFailures);
  const session = requireSessionToken(tokens);
  // Two limits: per address before the token is read (a flood of bad tokens), generous, since
  // candidates behind one proxy or carrier NAT share an address; then per apply session, so one
  // busy candidate never locks out the others.
  const addressLimit = limit(
    limits.windowMs,
    limits.applyPerAddress ?? limits.apply * 10,
    'rate_limited',
    { counter: limits.counter, name: 'apply' },
  );
  const sessionLimit = limit(
    limits.windowMs,
    limits.apply,
    'rate_limited',
    { counter: limits.counter, name: 'apply-session' },
    (_req, res) => res.locals.sessionId!,
  );
  const applyLimit = Router().use(addressLimit, session, sessionLimit);

  router.post('/v1/apply-sessions', noStore, admin, small, async (req, res) => {
    const body = parseBody(newSession, req.body);
    const created = await apply.createSession({
      packageSlug: body.package,
      minAge: body.min_age,
      workLocations: body.work_locations,
      prefill: body.prefill,
      customId: body.custom_id ?? null,
      node: body.node ?? null,
      locale: body.locale,
      audience: resolveAudience(body.origin),
    });
    res.status(201).json({
      session_id: created.sessionId,
      session_token: created.token,
      expires_at: created.expiresAt,
    });
  });

  router.post('/v1/apply-sessions/:id/token', noStore, admin, async (req, res) => {
    const { token, expiresAt } = await apply.refreshToken(String(req.params.id));
    res.status(201).json({ session_token: token, expires_at: expiresAt });
  });

  router.get('/v1/apply/config', noStore, applyLimit, async (_req, res) => {
    res.json(await apply.config(res.locals.sessionId!));
  });

  router.post('/v1/apply/candidate', noStore, applyLimit, small, async (req, res) => {
    const body = parseBody(candidateBody, req.body);
    res.status(201).json(await apply.submitCandidate(res.locals.sessionId!, body));
  });

  router.post('/v1/apply/acknowledgements', noStore, applyLimit, small, async (req, res) => {
    const body = parseBody(acknowledgementBody, req.body);
    res.status(201).json(await apply.acknowledge(res.locals.sessionId!, body));
  });

  router.post(
    '/v1/apply/consent',
    noStore,
    applyLimit,
    express.json({ limit: '512kb' }),
    async (req, res) => {
      const body = parseBody(consentBody, req.body);
      const result = await apply.consent(res.locals.sessionId!, body, {
        ip: clientIp(req),
        userAgent: req.get('user-agent') ?? '',
      });
      res.status(201).json(result);
    },
  );

  return under(['/v1/apply-sessions', '/v1/apply'], router);
}
