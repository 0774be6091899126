import { randomUUID } from 'node:crypto';
import {
  normalizeSignatureName,
  normalizeState,
  residenceStateNeeded,
  validateCandidate,
  validateZipcode,
  type Candidate,
  type CandidateInput,
  type ValidationIssue,
} from '@checkr-kit/validation';
import {
  checkEmailDomain,
  issuesFromCheckrMessage,
  validateResidenceState,
  type MailResolver,
} from '@checkr-kit/validation/server';
import { UpstreamError } from '../clients/http.ts';
import type { CheckrClient } from '../clients/checkr.ts';
import {
  applicableDocuments,
  canonicalJson,
  documentsInLanguage,
  documentText,
  sha256Hex,
  type HashedDocument,
} from '../documents/types.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { renderConsentPdf, type ConsentEvidence } from '../pdf/consent-pdf.ts';
import { SignaturePngError, normalizeSignaturePng } from '../pdf/signature-png.ts';
import type { ApplySession, Store } from '../store/store.ts';
import { keyedDigest } from './keyed-digest.ts';
import type { NodeDirectory } from './nodes.ts';
import type { PackageCatalog, PackageNeeds } from './packages.ts';
import type { SessionTokens } from './tokens.ts';

export interface ApplyServiceDeps {
  store: Store;
  checkr: CheckrClient;
  packages: PackageCatalog;
  /** The account hierarchy, for `node` (GET /v1/nodes, cached). */
  nodes: NodeDirectory;
  tokens: SessionTokens;
  documents: readonly HashedDocument[];
  mailResolver: MailResolver;
  /** Secret for the deterministic idempotency keys and name digests; never leaves the server. */
  secret: string;
  logger: Logger;
  /** Packages Checkr has configured for candidates under 18 (CHECKR_MINORS_PACKAGES). */
  minorsPackages?: readonly string[];
  /** Called after a consent commit so uploads start at once rather than on the next tick. */
  onConsentCommitted?: () => void;
  /** How long one candidate submission may hold its session's lease (default 2 minutes). */
  sessionLeaseMs?: number;
  now?: () => Date;
}

/** What the customer's backend decides when it starts a session. */
export type NewSession = Pick<
  ApplySession,
  'packageSlug' | 'minAge' | 'workLocations' | 'prefill' | 'customId' | 'locale' | 'audience'
> & { node?: string | null };

const MAX_SIGNATURE_PNG_BYTES = 300_000;

/**
 * The browser's time zone as the evidence records it: a real IANA zone, or nothing. The value comes from the candidate's browser, so anything else is dropped.
 */
function ianaTimeZone(zone: string | undefined): string | null {
  if (!zone || !/^[A-Za-z]+(?:[/_-][A-Za-z0-9+-]+)*$/.test(zone)) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }); // throws RangeError for an unknown zone
    return zone; // as the browser named it (ICU would say Asia/Calcutta for Asia/Kolkata)
  } catch {
    return null;
  }
}

/** A header as reported: printable ASCII kept, anything else shown as "?". */
function printable(header: string): string {
  return header.replace(/[^\x20-\x7e]/g, '?');
}

function signatureImageInvalid(reason: string): AppError {
  return new AppError(
    422,
    'signature_image_invalid',
    `The drawn signature was refused: ${reason}`,
    '/drawn_signature',
  );
}

function toFieldErrors(issues: readonly ValidationIssue[]): AppError {
  const [first, ...rest] = issues.map((issue) => ({
    code: issue.code,
    title: `Invalid value at ${issue.pointer}`,
    pointer: issue.pointer,
  }));
  return new AppError(422, first!.code, first!.title, first!.pointer, rest);
}

function workStatesOf(session: ApplySession): string[] {
  return session.workLocations.map((w) => w.state).filter((s): s is string => Boolean(s));
}

/** The apply flow's domain rules: sessions, candidate, acknowledgements, consent. */
export class ApplyService {
  private readonly digest: (message: string) => string;

  constructor(private readonly deps: ApplyServiceDeps) {
    this.digest = keyedDigest(deps.secret);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private hmac(purpose: string, value: string): string {
    return this.digest(`${purpose}:${value}`);
  }

  /**
   * Honest idempotency keys (seed 000 L1434-1459): a fresh UUID v4 for each distinct request, kept
   * with a keyed digest of what it sent; only a retry of that same request reuses it. A key bound
   * to the content would come back for A -> B -> A -> B, and Checkr would replay its saved answer
   * to the old B and keep A. `sticky` (the create) reuses its key whatever the body, because two
   * candidates for one person is the worse failure; the caller then updates with the new body.
   */
  private async keyFor(
    scope: string,
    digest: string,
    sticky = false,
  ): Promise<{ key: string; replayOf?: string }> {
    const previous = await this.deps.store.getIdempotencyKey(scope);
    if (previous && (previous.digest === digest || sticky))
      return {
        key: previous.key,
        ...(previous.digest !== digest ? { replayOf: previous.digest } : {}),
      };
    const key = randomUUID();
    await this.deps.store.putIdempotencyKey(scope, key, digest, this.now().toISOString());
    return { key };
  }

  async createSession(
    input: NewSession,
  ): Promise<{ sessionId: string; token: string; expiresAt: string }> {
    await this.deps.packages.get(input.packageSlug); // refuse an unknown package now, not at the end
    this.refuseKnownReportRefusals(input);
    // Last, as it may ask Checkr: an unknown node, a missing one, a package the node lacks.
    await this.deps.nodes.refuseUnorderable(input.node ?? null, input.packageSlug);
    const session: ApplySession = {
      id: `as_${randomUUID().replace(/-/g, '')}`,
      ...input,
      status: 'open',
      createdAt: this.now().toISOString(),
      candidateId: null,
      candidateHash: null,
      residenceState: null,
      licenseState: null,
      nameDigests: [],
      copyRequested: false,
      reportId: null,
      reportStatus: null,
      reportResult: null,
      node: input.node ?? null,
      reportEventAt: null,
      reportCheckedAt: null,
    };
    await this.deps.store.createSession(session);
    const { token, expiresAt } = await this.deps.tokens.mint({
      sessionId: session.id,
      audience: input.audience,
    });
    return { sessionId: session.id, token, expiresAt };
  }

  /**
   * What Checkr would refuse when the report is ordered, known now: refused before a candidate
   * signs anything, never after. The kit orders with POST /v1/reports, which "does not support the
   * creation of reports which include international Packages. Use the /invitations API" (seed 001
   * L2365), while its WorkLocation says "Country is required for non-US candidates" (L2401, also
   * L1875). The seeds contradict themselves there; the safer reading is taken: a work location
   * outside the US is refused now, since ordering it would fail only after the candidate signed.
   * "When country is not specified defaults to US. State is required for US candidates" (L2401):
   * a US location needs a state that is a US jurisdiction. A package Checkr has not configured for
   * minors cancels candidates under 18 (seed 000 L2026, `minors_package_not_enabled`), and only
   * the account owner knows which packages are, so CHECKR_MINORS_PACKAGES lists them.
   */
  private refuseKnownReportRefusals(input: NewSession): void {
    input.workLocations.forEach((location, index) => {
      if ((location.country ?? 'US') !== 'US')
        throw new AppError(
          400,
          'work_location_country_unsupported',
          'Only US work locations can be ordered through Checkr /v1/reports; international checks need Checkr invitations',
          `/work_locations/${index}/country`,
        );
      if (!location.state || normalizeState(location.state) !== location.state)
        throw new AppError(
          400,
          'work_location_state_required',
          'A US work location needs its state, a US state code such as CA',
          `/work_locations/${index}/state`,
        );
    });
    const minors = this.deps.minorsPackages;
    if (input.minAge < 18 && minors && !minors.includes(input.packageSlug))
      throw new AppError(
        400,
        'package_minors_not_enabled',
        'This package is not configured for candidates under 18 (CHECKR_MINORS_PACKAGES)',
        '/min_age',
      );
  }

  /** A new token for a session still open: what `fetchSessionToken` gets from the customer backend. */
  async refreshToken(sessionId: string): Promise<{ token: string; expiresAt: string }> {
    const session = await this.requireOpen(sessionId);
    return this.deps.tokens.mint({ sessionId: session.id, audience: session.audience });
  }

  /** The session named by a verified token, refused once the consent has closed it. */
  async requireOpen(sessionId: string): Promise<ApplySession> {
    const session = await this.deps.store.getSession(sessionId);
    if (!session) throw new AppError(401, 'session_invalid', 'The apply session does not exist');
    if (session.status !== 'open') {
      throw new AppError(
        401,
        'session_closed',
        'The apply session is closed: the consent was already submitted',
      );
    }
    return session;
  }

  async config(sessionId: string) {
    const session = await this.requireOpen(sessionId);
    const needs = await this.deps.packages.get(session.packageSlug);
    const workStates = workStatesOf(session);
    // Every document in the session's language that can apply to this package; state documents
    // carry `applies_to` so the component can pick them as soon as the candidate says where
    // they live and which state issued their licence.
    const documents = documentsInLanguage(this.deps.documents, session.locale)
      .filter((d) => !d.appliesTo?.mvr || needs.driverLicense)
      .map((d) => ({
        id: d.id,
        version: d.version,
        sha256: d.sha256,
        kind: d.kind,
        locale: d.locale,
        title: d.title,
        body: d.body,
        applies_to: d.appliesTo ?? null,
        offers_copy: d.offersCopy ?? false,
      }));
    return {
      session: { id: session.id, locale: session.locale },
      requirements: {
        min_age: session.minAge,
        ssn: needs.ssn,
        zipcode: needs.ssn,
        driver_license: needs.driverLicense,
        residence_state: this.residenceStateNeeded(session, needs),
      },
      work_states: workStates,
      prefill: session.prefill,
      documents,
    };
  }

  private async needs(session: ApplySession): Promise<PackageNeeds> {
    return this.deps.packages.get(session.packageSlug);
  }

  /** Whether this session's documents depend on where the candidate lives. */
  private residenceStateNeeded(session: ApplySession, needs: PackageNeeds): boolean {
    return residenceStateNeeded(
      documentsInLanguage(this.deps.documents, session.locale).map((d) => d.appliesTo),
      { work: workStatesOf(session), mvr: needs.driverLicense },
    );
  }

  /** Submissions waiting in this process, queued here so they need not poll the lease. */
  private readonly queued = new Map<string, Promise<unknown>>();

  /**
   * One candidate submission at a time per session, whichever replica receives it: a double
   * submit waits for the first. Correctness comes from the lease in the store (PostgreSQL: a
   * row every replica sees), which outlives one submission with all its Checkr retries and is
   * freed when it runs out if its replica dies; the local queue only spares this process's own
   * waiters the polling.
   */
  async submitCandidate(
    sessionId: string,
    body: CandidateInput & { residence_state?: unknown; copy_requested?: unknown },
  ): Promise<{ candidate_id: string; documents: string[] }> {
    const previous = this.queued.get(sessionId) ?? Promise.resolve();
    const current = previous
      .catch(() => undefined)
      .then(() =>
        this.underSessionLease(sessionId, () => this.submitCandidateNow(sessionId, body)),
      );
    this.queued.set(sessionId, current);
    try {
      return await current;
    } finally {
      if (this.queued.get(sessionId) === current) this.queued.delete(sessionId);
    }
  }

  private async underSessionLease<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const lease = `candidate:${sessionId}`;
    const holder = randomUUID();
    const leaseMs = this.deps.sessionLeaseMs ?? 120_000;
    const giveUpAt = Date.now() + leaseMs;
    let pause = 20;
    while (!(await this.deps.store.tryLease(lease, holder, leaseMs))) {
      if (Date.now() > giveUpAt) {
        throw new AppError(
          409,
          'candidate_in_progress',
          'These details are still being submitted; try again shortly',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 200);
    }
    try {
      return await work();
    } finally {
      await this.deps.store.releaseLease(lease, holder);
    }
  }

  private async submitCandidateNow(
    sessionId: string,
    body: CandidateInput & { residence_state?: unknown; copy_requested?: unknown },
  ) {
    const session = await this.requireOpen(sessionId);
    const needs = await this.needs(session);
    const result = validateCandidate(body, {
      minAge: session.minAge,
      requireSsn: needs.ssn,
      requireDriverLicense: needs.driverLicense,
    });
    // Required when the documents depend on it, and checked against the ZIP code, so that no
    // state's forms can be skipped by leaving the state out or choosing another one.
    const zipcode = validateZipcode(body.zipcode);
    const residenceResult = validateResidenceState(body.residence_state, {
      required: this.residenceStateNeeded(session, needs),
      zipcode: zipcode.ok ? zipcode.value : undefined,
    });
    const residence = residenceResult.ok ? residenceResult.value : null;
    const issues: ValidationIssue[] = result.ok ? [] : [...result.errors];
    if (!residenceResult.ok) issues.push(...residenceResult.errors);
    if (result.ok) {
      const domain = await checkEmailDomain(result.value.email, this.deps.mailResolver, {
        timeoutMs: 2000,
      });
      if (!domain.ok) issues.push(...domain.errors);
    }
    if (issues.length > 0 || !result.ok) throw toFieldErrors(issues);

    const candidate: Candidate = result.value;
    const licenseState = candidate.driver_license_state ?? null;
    const copyRequested = body.copy_requested === true;
    const payload: Record<string, unknown> = { ...candidate, copy_requested: copyRequested };
    if (session.customId) payload.custom_id = session.customId;
    // Keyed: SSN, date of birth and licence are in the payload, and an unkeyed digest of them
    // in the database could be reversed by guessing (one billion SSNs take minutes).
    const hash = this.hmac('candidate', canonicalJson(payload));

    let candidateId = session.candidateId;
    if (!candidateId || hash !== session.candidateHash) {
      const digest = this.hmac('candidate-request', canonicalJson(payload));
      try {
        if (!candidateId) {
          const create = await this.keyFor(`candidate-create:${session.id}`, digest, true);
          candidateId = (await this.deps.checkr.createCandidate(payload, create.key)).id;
          // The create's key came back with another body: Checkr may have replayed the first
          // create, so the candidate is brought up to this body.
          if (create.replayOf) {
            const update = await this.keyFor(`candidate-update:${session.id}`, digest);
            await this.deps.checkr.updateCandidate(candidateId, payload, update.key);
          }
        } else {
          const update = await this.keyFor(`candidate-update:${session.id}`, digest);
          candidateId = (await this.deps.checkr.updateCandidate(candidateId, payload, update.key))
            .id;
        }
      } catch (error) {
        throw this.upstreamToAppError(error);
      }
    }
    const names = [
      `${candidate.first_name} ${candidate.last_name}`,
      ...(candidate.middle_name
        ? [`${candidate.first_name} ${candidate.middle_name} ${candidate.last_name}`]
        : []),
    ];
    await this.deps.store.updateSession(session.id, {
      candidateId,
      candidateHash: hash,
      residenceState: residence,
      licenseState,
      nameDigests: names.map((n) => this.hmac('name', normalizeSignatureName(n))),
      copyRequested,
    });
    this.deps.logger.info('candidate stored', { session: session.id, candidate: candidateId });
    return {
      candidate_id: candidateId,
      documents: this.requiredDocuments(
        { ...session, residenceState: residence, licenseState },
        needs,
      ).map((d) => d.id),
    };
  }

  private upstreamToAppError(error: unknown): AppError {
    const unavailable = () =>
      new AppError(502, 'upstream_unavailable', 'Checkr could not be reached; try again');
    // A refused key is the operator's problem: the error handler logs it and answers 502.
    if (error instanceof UpstreamError && error.failure === 'auth') throw error;
    // No answer from Checkr, or still in flight, rate-limited or failing after every try: the same
    // call may work later. A 409 that stayed "in flight" (seed 000 L1459) is no duplicate, and
    // the candidate must not be told their application was already received.
    if (!(error instanceof UpstreamError) || error.retryable) return unavailable();
    if (error.status === 400 || error.status === 422) {
      const issues = error.messages.flatMap(issuesFromCheckrMessage);
      if (issues.length > 0) return toFieldErrors(issues);
      return new AppError(422, 'candidate_rejected', 'Checkr refused the candidate');
    }
    // "No more than 2 duplicate candidates can be created within a 24 hour period" (seed 000
    // L2006): the only 409 that is a refusal on candidate creation.
    if (error.status === 409)
      return new AppError(409, 'candidate_duplicate', 'Checkr refused a duplicate candidate');
    if (error.status === 403)
      return new AppError(403, 'candidate_forbidden', 'Checkr refused this candidate');
    return unavailable();
  }

  /** The documents this candidate must acknowledge before signing, in the order they are shown. */
  requiredDocuments(session: ApplySession, needs: PackageNeeds): HashedDocument[] {
    return applicableDocuments(this.deps.documents, session.locale, {
      residence: session.residenceState,
      work: workStatesOf(session),
      license: session.licenseState,
      mvr: needs.driverLicense,
    }).filter((d) => d.kind !== 'authorization');
  }

  async acknowledge(
    sessionId: string,
    input: { document_id: string; version: string; sha256: string },
  ) {
    const session = await this.requireOpen(sessionId);
    const document = this.deps.documents.find(
      (d) => d.id === input.document_id && d.version === input.version && d.sha256 === input.sha256,
    );
    if (!document) {
      throw new AppError(
        409,
        'document_changed',
        'That document version is not the one in force; reload it',
        '/document_id',
      );
    }
    const acknowledgedAt = this.now().toISOString();
    await this.deps.store.addAcknowledgement({
      sessionId: session.id,
      documentId: document.id,
      version: document.version,
      sha256: document.sha256,
      acknowledgedAt,
    });
    return { document_id: document.id, acknowledged_at: acknowledgedAt };
  }

  async consent(
    sessionId: string,
    input: {
      signature_name: string;
      esign_consent: true;
      drawn_signature?: string | undefined;
      time_zone?: string | undefined;
      authorization: { id: string; version: string; sha256: string };
    },
    client: { ip: string; userAgent: string },
  ) {
    // A retry of a submission that was committed (the answer lost to a crash or the network)
    // learns the consent it made, rather than hearing that its session is closed.
    const committed = await this.deps.store.getConsentBySession(sessionId);
    if (committed) {
      return {
        consent_id: committed.id,
        signed_at: committed.createdAt,
        evidence_sha256: committed.evidenceSha256,
      };
    }
    const session = await this.requireOpen(sessionId);
    if (!session.candidateId)
      throw new AppError(409, 'candidate_missing', 'Submit the candidate details before signing');

    const acknowledged = await this.deps.store.listAcknowledgements(session.id);
    const missing = this.requiredDocuments(session, await this.needs(session)).filter(
      (d) => !acknowledged.some((a) => a.documentId === d.id && a.sha256 === d.sha256),
    );
    if (missing.length > 0) {
      throw new AppError(
        409,
        'acknowledgements_missing',
        `Documents not yet acknowledged: ${missing.map((d) => d.id).join(', ')}`,
      );
    }
    const authorization = this.deps.documents.find(
      (d) =>
        d.kind === 'authorization' &&
        d.id === input.authorization.id &&
        d.version === input.authorization.version &&
        d.sha256 === input.authorization.sha256,
    );
    if (!authorization) {
      throw new AppError(
        409,
        'document_changed',
        'The authorization shown is not the one in force; reload it',
        '/authorization',
      );
    }
    const typed = normalizeSignatureName(input.signature_name);
    if (!typed || !session.nameDigests.includes(this.hmac('name', typed))) {
      throw new AppError(
        422,
        'signature_name_mismatch',
        'The typed name must match the first and last name given',
        '/signature_name',
      );
    }
    let drawn: string | undefined;
    if (input.drawn_signature) {
      const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(input.drawn_signature);
      const bytes = match ? Buffer.from(match[1]!, 'base64') : undefined;
      if (!bytes || bytes.length > MAX_SIGNATURE_PNG_BYTES)
        throw signatureImageInvalid('must be a PNG under 300 KB');
      try {
        drawn = (await normalizeSignaturePng(bytes)).toString('base64');
      } catch (error) {
        if (error instanceof SignaturePngError) throw signatureImageInvalid(error.message);
        throw error;
      }
    }

    const consentId = `cs_${randomUUID().replace(/-/g, '')}`;
    const signedAt = this.now().toISOString();
    const evidence: ConsentEvidence = {
      consent_id: consentId,
      apply_session_id: session.id,
      candidate_id: session.candidateId,
      locale: session.locale,
      signed_at: signedAt,
      client_time_zone: ianaTimeZone(input.time_zone),
      ip: client.ip,
      user_agent: printable(client.userAgent).slice(0, 512),
      signer: {
        typed_name: input.signature_name.normalize('NFC').replace(/\s+/g, ' ').trim(),
        esign_consent: true,
        ...(drawn ? { drawn_signature_png_base64: drawn } : {}),
      },
      authorization: {
        id: authorization.id,
        version: authorization.version,
        sha256: authorization.sha256,
        title: authorization.title,
        text: documentText(authorization),
      },
      acknowledgements: acknowledged.map((a) => {
        const document = this.deps.documents.find(
          (d) => d.id === a.documentId && d.sha256 === a.sha256,
        );
        return {
          id: a.documentId,
          version: a.version,
          sha256: a.sha256,
          title: document?.title ?? a.documentId,
          acknowledged_at: a.acknowledgedAt,
        };
      }),
      copy_requested: session.copyRequested,
    };
    const evidenceJson = canonicalJson(evidence);
    const evidenceSha256 = sha256Hex(evidenceJson);
    const pdf = await renderConsentPdf(evidence, evidenceSha256);
    await this.deps.store.commitConsent(
      {
        id: consentId,
        sessionId: session.id,
        evidenceJson,
        evidenceSha256,
        pdf,
        createdAt: signedAt,
      },
      [
        {
          id: `ob_${consentId}_1_upload`,
          kind: 'upload_consent',
          sessionId: session.id,
          attempts: 0,
          nextAttemptAt: signedAt,
          doneAt: null,
          lastError: null,
          resultId: null,
        },
        {
          id: `ob_${consentId}_2_report`,
          kind: 'create_report',
          sessionId: session.id,
          attempts: 0,
          nextAttemptAt: signedAt,
          doneAt: null,
          lastError: null,
          resultId: null,
        },
      ],
    );
    this.deps.logger.info('consent committed', { session: session.id, consent: consentId });
    this.deps.onConsentCommitted?.();
    return { consent_id: consentId, signed_at: signedAt, evidence_sha256: evidenceSha256 };
  }

  /** The PDF rebuilt from stored evidence, and whether it equals the stored bytes. */
  async regeneratePdf(consentId: string): Promise<{ pdf: Uint8Array; identical: boolean }> {
    const consent = await this.deps.store.getConsent(consentId);
    if (!consent) throw new AppError(404, 'consent_not_found', 'No such consent');
    const pdf = await renderConsentPdf(
      JSON.parse(consent.evidenceJson) as ConsentEvidence,
      consent.evidenceSha256,
    );
    return { pdf, identical: Buffer.from(pdf).equals(Buffer.from(consent.pdf)) };
  }
}
