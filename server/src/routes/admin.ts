import { Router } from 'express';
import { AppError } from '../errors.ts';
import type { ApplyService } from '../services/apply.ts';
import type { ConsentListRow, Store } from '../store/store.ts';
import { noStore, requireAdmin } from './middleware.ts';

/** The customer's back office: consent records and their PDFs, behind the admin key. */
export function adminRoutes({
  store,
  apply,
  adminKey,
}: {
  store: Store;
  apply: ApplyService;
  adminKey: string;
}): Router {
  const router = Router();
  router.use('/v1/consents', noStore, requireAdmin(adminKey));

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
      outbox: (await store.listOutbox(consent.sessionId)).map((o) => ({
        kind: o.kind,
        done_at: o.doneAt,
        attempts: o.attempts,
        result_id: o.resultId,
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
  return router;
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
