import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AppError } from '../errors.ts';
import type { ApplyService } from '../services/apply.ts';
import type { ConsentListRow, OutboxItem, Store } from '../store/store.ts';
import { json, responses, tooManyFailures } from './describe.ts';
import { noStore, requireAdmin, under, type FailureLimit } from './middleware.ts';

/** The customer's back office: consent records and their PDFs, behind the admin key. */
export function adminRoutes({
  store,
  apply,
  adminKey,
  adminFailures,
  onRetry,
}: {
  store: Store;
  apply: ApplyService;
  adminKey: string;
  /** Failed admin keys per address before 429. */
  adminFailures?: FailureLimit;
  /** Wakes the outbox worker after an item is made due again. */
  onRetry?: () => void;
}): RequestHandler {
  const router = Router();
  router.use('/v1/consents', noStore, requireAdmin(adminKey, adminFailures));
  router.use('/v1/outbox', noStore, requireAdmin(adminKey, adminFailures));

  // What the BFF still owes Checkr and could not deliver: `failed` items stopped on a refusal,
  // `pending` ones are being retried (network, 429, 5xx) and have failed at least once.
  router.get('/v1/outbox', async (req, res) => {
    const state = z.enum(['failed', 'pending']).default('failed').safeParse(req.query.state);
    if (!state.success)
      throw new AppError(400, 'invalid_request', 'state must be failed or pending', '/state');
    res.json({ data: (await store.listOutboxByState(state.data, 200)).map(outboxRow) });
  });

  // After a fix (a package enabled, a key replaced): the item is due again now.
  router.post('/v1/outbox/:id/retry', async (req, res) => {
    const id = String(req.params.id);
    if (!(await store.retryOutbox(id, new Date().toISOString())))
      throw new AppError(404, 'outbox_item_not_found', 'No undelivered outbox item with that id');
    onRetry?.();
    res.status(202).json(outboxRow((await store.getOutboxItem(id))!));
  });

  router.get('/v1/consents', async (_req, res) => {
    res.json({ data: (await store.listConsents(100)).map(consentRow) });
  });

  router.get('/v1/consents/:id', async (req, res) => {
    const consent = await store.getConsent(String(req.params.id));
    if (!consent) throw new AppError(404, 'consent_not_found', 'No such consent');
    const session = await store.getSession(consent.sessionId);
    res.json({
      id: consent.id,
      created_at: consent.createdAt,
      evidence_sha256: consent.evidenceSha256,
      evidence: JSON.parse(consent.evidenceJson),
      report: session
        ? { id: session.reportId, status: session.reportStatus, result: session.reportResult }
        : null,
      outbox: (await store.listOutbox(consent.sessionId)).map(outboxRow),
      events: (
        await store.listWebhookEvents(
          [session?.candidateId, session?.reportId].filter((id): id is string => Boolean(id)),
          200,
        )
      ).map((e) => ({
        id: e.id,
        type: e.type,
        created_at: e.createdAt,
        received_at: e.receivedAt,
      })),
    });
  });

  // Regenerated on demand from the stored evidence (Checkr's option B); the header says whether
  // the bytes equal the PDF stored at signing time.
  router.get('/v1/consents/:id/pdf', async (req, res) => {
    const { pdf, identical } = await apply.regeneratePdf(String(req.params.id));
    res.set('Content-Type', 'application/pdf');
    res.set(
      'Content-Disposition',
      `inline; filename="consent-${String(req.params.id).replace(/[^\w-]/g, '')}.pdf"`,
    );
    res.set('X-Consent-Pdf-Matches-Stored', identical ? 'true' : 'false');
    res.send(Buffer.from(pdf));
  });
  return under(['/v1/consents', '/v1/outbox'], router);
}

export function consentRow(row: ConsentListRow) {
  return {
    id: row.id,
    session_id: row.sessionId,
    created_at: row.createdAt,
    candidate_id: row.candidateId,
    custom_id: row.customId,
    uploaded_to_checkr: row.uploaded,
    report: { id: row.reportId, status: row.reportStatus, result: row.reportResult },
  };
}

export function outboxRow(item: OutboxItem) {
  return {
    id: item.id,
    kind: item.kind,
    session_id: item.sessionId,
    state: item.doneAt ? 'done' : item.failedAt ? 'failed' : 'pending',
    attempts: item.attempts,
    next_attempt_at: item.failedAt || item.doneAt ? null : item.nextAttemptAt,
    done_at: item.doneAt,
    failed_at: item.failedAt ?? null,
    result_id: item.resultId,
    error: item.failedAt
      ? { code: item.errorCode ?? null, text: item.errorText ?? null }
      : item.lastError
        ? { code: item.lastError, text: null }
        : null,
  };
}

const nullable = z.string().nullable();
const report = z.object({ id: nullable, status: nullable, result: nullable });
const consentId = { path: z.object({ id: z.string() }) };
const outboxItem = z
  .object({
    id: z.string(),
    kind: z.string(),
    session_id: z.string(),
    state: z.enum(['done', 'failed', 'pending']),
    attempts: z.number().int(),
    next_attempt_at: nullable,
    done_at: nullable,
    failed_at: nullable,
    result_id: nullable,
    error: z.object({ code: nullable, text: nullable }).nullable(),
  })
  .meta({ id: 'OutboxItem' });

export const adminPaths: ZodOpenApiPathsObject = {
  '/v1/outbox': {
    get: {
      operationId: 'listOutbox',
      summary: 'What the BFF still owes Checkr and could not deliver (failed, or pending retries)',
      tags: ['Consents'],
      security: [{ adminKey: [] }],
      requestParams: { query: z.object({ state: z.enum(['failed', 'pending']).optional() }) },
      responses: responses({
        ...tooManyFailures,
        '200': json('Up to 200 items', z.object({ data: z.array(outboxItem) })),
      }),
    },
  },
  '/v1/outbox/{id}/retry': {
    post: {
      operationId: 'retryOutboxItem',
      summary: 'Make an undelivered item due again now (after a fix)',
      tags: ['Consents'],
      security: [{ adminKey: [] }],
      requestParams: consentId,
      responses: responses({
        ...tooManyFailures,
        '202': json('Due again', outboxItem),
      }),
    },
  },
  '/v1/consents': {
    get: {
      operationId: 'listConsents',
      summary: 'The latest 100 consent records',
      tags: ['Consents'],
      security: [{ adminKey: [] }],
      responses: responses({
        ...tooManyFailures,
        '200': json(
          'Consent records, newest first',
          z.object({
            data: z.array(
              z.object({
                id: z.string(),
                session_id: z.string(),
                created_at: z.iso.datetime(),
                candidate_id: nullable,
                custom_id: nullable,
                uploaded_to_checkr: z.boolean(),
                report,
              }),
            ),
          }),
        ),
      }),
    },
  },
  '/v1/consents/{id}': {
    get: {
      operationId: 'getConsent',
      summary: 'One consent: its evidence, report status and what is still owed to Checkr',
      tags: ['Consents'],
      security: [{ adminKey: [] }],
      requestParams: consentId,
      responses: responses({
        ...tooManyFailures,
        '200': json(
          'The consent',
          z.object({
            id: z.string(),
            created_at: z.iso.datetime(),
            evidence_sha256: z.string(),
            evidence: z.record(z.string(), z.unknown()).meta({
              description: "What was signed, when, from where, and each document's hash",
            }),
            report: report.nullable(),
            outbox: z.array(outboxItem),
            events: z.array(
              z.object({
                id: z.string(),
                type: z.string(),
                created_at: nullable,
                received_at: z.string(),
              }),
            ),
          }),
        ),
      }),
    },
  },
  '/v1/consents/{id}/pdf': {
    get: {
      operationId: 'getConsentPdf',
      summary: 'The consent PDF, regenerated from the stored evidence',
      tags: ['Consents'],
      security: [{ adminKey: [] }],
      requestParams: consentId,
      responses: responses({
        ...tooManyFailures,
        '200': {
          description: 'The PDF',
          headers: {
            'X-Consent-Pdf-Matches-Stored': {
              description: 'Whether the bytes equal the PDF stored at signing time',
              schema: { type: 'string', enum: ['true', 'false'] },
            },
          },
          content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
        },
      }),
    },
  },
};
