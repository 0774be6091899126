/**
 * What the BFF keeps. One interface; SQLite is the embedded default (DESIGN.md, "Storage").
 * Every method returns a promise: a PostgreSQL client answers over the network.
 */

export interface WorkLocationRecord {
  country: string;
  state?: string;
  city?: string;
}

export interface ApplySession {
  id: string;
  packageSlug: string;
  minAge: 16 | 18;
  workLocations: WorkLocationRecord[];
  prefill: Record<string, string>;
  customId: string | null;
  locale: string;
  audience: string;
  status: 'open' | 'closed';
  createdAt: string;
  candidateId: string | null;
  /** Hash of the last candidate payload sent, so an unchanged resubmission is not sent again. */
  candidateHash: string | null;
  residenceState: string | null;
  /** The state that issued the candidate's driver's licence: state documents can follow it. */
  licenseState: string | null;
  /** HMACs of the candidate's normalized names, to check the typed signature without keeping them. */
  nameDigests: string[];
  copyRequested: boolean;
  reportId: string | null;
  reportStatus: string | null;
  reportResult: string | null;
  /** The account hierarchy node the report is ordered for (`node`, seed 001 L357). */
  node: string | null;
  /** `created_at` of the newest report event applied: an older event never overwrites it. */
  reportEventAt: string | null;
  /** When the report was last fetched from Checkr (reconciliation). */
  reportCheckedAt: string | null;
}

export interface Acknowledgement {
  sessionId: string;
  documentId: string;
  version: string;
  sha256: string;
  acknowledgedAt: string;
}

export interface ConsentRecord {
  id: string;
  sessionId: string;
  /** Canonical JSON of the evidence; the PDF is regenerated from exactly this. */
  evidenceJson: string;
  evidenceSha256: string;
  pdf: Uint8Array;
  createdAt: string;
}

export type OutboxKind = 'upload_consent' | 'create_report' | 'remove_pii';

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  sessionId: string;
  attempts: number;
  nextAttemptAt: string;
  doneAt: string | null;
  lastError: string | null;
  /** Set by the upstream's answer: the document or report id. */
  resultId: string | null;
  /** Set when the item cannot succeed by waiting: an operator must look (and may retry). */
  failedAt?: string | null;
  /** The upstream's error code and text (`checkr 400`, "Package not found"): no PII, no key. */
  errorCode?: string | null;
  errorText?: string | null;
}

export type OutboxState = 'failed' | 'pending';

/** A Checkr Pay worker created for one of the customer's own user ids. */
export interface PayWorkerRecord {
  customerId: string;
  workerId: string;
  status: string;
  backgroundCheckId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A webhook event as surfaced on the admin routes. */
export interface WebhookEventRow {
  source: string;
  id: string;
  type: string;
  objectId: string | null;
  createdAt: string | null;
  receivedAt: string;
}

export interface ConsentListRow {
  id: string;
  sessionId: string;
  createdAt: string;
  candidateId: string | null;
  customId: string | null;
  reportId: string | null;
  reportStatus: string | null;
  reportResult: string | null;
  uploaded: boolean;
}

/** What a purge of evidence past the retention removed (or, in a dry run, would remove). */
export interface PurgeCounts {
  /** Consents whose evidence went: PDF, drawn signature, typed name, IP, user agent, time zone. */
  consents: number;
  /** Sessions removed with them (and those that never reached consent): ids, digests, acks. */
  sessions: number;
  /** Sessions past the retention kept because Checkr is still owed something for them. */
  held: number;
}

export interface Store {
  createSession(session: ApplySession): Promise<void>;
  getSession(id: string): Promise<ApplySession | undefined>;
  updateSession(id: string, fields: Partial<Omit<ApplySession, 'id'>>): Promise<void>;
  findSessionByCandidate(candidateId: string): Promise<ApplySession | undefined>;
  findSessionByReport(reportId: string): Promise<ApplySession | undefined>;

  addAcknowledgement(ack: Acknowledgement): Promise<void>;
  listAcknowledgements(sessionId: string): Promise<Acknowledgement[]>;

  /**
   * In one transaction: the consent evidence and PDF, the outbox items that will upload it and
   * order the report, and the session's closing. Either all of it is durable or none is.
   */
  commitConsent(consent: ConsentRecord, outbox: OutboxItem[]): Promise<void>;
  getConsent(id: string): Promise<ConsentRecord | undefined>;
  getConsentBySession(sessionId: string): Promise<ConsentRecord | undefined>;
  listConsents(limit: number): Promise<ConsentListRow[]>;

  /**
   * Up to `limit` items due at `now` that no live lease holds, leased to `holder` for `leaseMs`.
   * Replicas claiming at once get disjoint items; an item whose holder died (lease run out) is
   * claimed again. Delivery is idempotent by item id, so a re-claim never delivers twice.
   */
  claimOutbox(now: string, limit: number, holder: string, leaseMs: number): Promise<OutboxItem[]>;
  /** Give a claimed item back without an attempt (it waits on another item). */
  releaseOutbox(id: string, holder: string): Promise<void>;
  listOutbox(sessionId: string): Promise<OutboxItem[]>;
  completeOutbox(id: string, resultId: string, at: string): Promise<void>;
  failOutbox(id: string, error: string, nextAttemptAt: string): Promise<void>;
  /** Stops an item for good (until `retryOutbox`): it is never due again by itself. */
  failOutboxPermanently(
    id: string,
    failure: { code: string; text: string },
    at: string,
  ): Promise<void>;
  /** `failed`: stopped items; `pending`: items not yet delivered that have failed at least once. */
  listOutboxByState(state: OutboxState, limit: number): Promise<OutboxItem[]>;
  getOutboxItem(id: string): Promise<OutboxItem | undefined>;
  /** Makes an undelivered item due at `at` again; `false` when there is no such item or it is done. */
  retryOutbox(id: string, at: string): Promise<boolean>;
  /** Adds items (a PII removal); an id already there is left as it is. */
  addOutbox(items: OutboxItem[]): Promise<void>;

  /** The key last used for one logical request, and a keyed digest of what it sent. */
  getIdempotencyKey(scope: string): Promise<{ key: string; digest: string } | undefined>;
  putIdempotencyKey(scope: string, key: string, digest: string, at: string): Promise<void>;

  getPayWorker(customerId: string): Promise<PayWorkerRecord | undefined>;
  getPayWorkerById(workerId: string): Promise<PayWorkerRecord | undefined>;
  putPayWorker(worker: PayWorkerRecord): Promise<void>;
  updatePayWorkerStatus(workerId: string, status: string, at: string): Promise<void>;

  /** Sessions with a report not yet terminal, last fetched before `before` (or never). */
  listReportsToReconcile(before: string, limit: number): Promise<ApplySession[]>;
  /**
   * Open sessions started before `before` whose candidate exists at Checkr, with no consent and no
   * PII removal owed yet: abandoned after the PII step.
   */
  listAbandonedSessions(before: string, limit: number): Promise<ApplySession[]>;
  /**
   * Erases the prefill (email, phone, names from the customer's backend) of every session started
   * before `before`, open or closed, candidate or not; returns how many were erased. A session
   * that expires before its candidate reaches Checkr is never closed, so nothing else erases it.
   */
  erasePrefillBefore(before: string): Promise<number>;
  /**
   * Deletes, in one transaction, up to `limit` sessions past the retention with everything kept
   * for them: the consent (evidence and PDF), acknowledgements, delivered outbox items, webhook
   * events about their candidate or report, and the session row. Past the retention means the
   * consent was signed before `before`, or, with no consent, the session started before it.
   * A session with an outbox item not yet delivered (pending or failed: still owed to Checkr) or
   * open with a candidate (its PII removal not yet queued) is held, never deleted. `dryRun`
   * counts what a full purge would delete, every batch together, and deletes nothing.
   */
  purgeBefore(before: string, options: { limit: number; dryRun?: boolean }): Promise<PurgeCounts>;
  listWebhookEvents(objectIds: readonly string[], limit: number): Promise<WebhookEventRow[]>;

  /** `true` the first time an event id is seen, `false` for a duplicate. */
  recordWebhookEvent(
    source: string,
    id: string,
    type: string,
    receivedAt: string,
    about?: { objectId?: string | undefined; createdAt?: string | undefined },
  ): Promise<boolean>;

  /**
   * Take the named lease for `ms` unless another holder has it unexpired; `true` when taken.
   * Serializes work (one candidate submission per session) across every process on the store.
   */
  tryLease(name: string, holder: string, ms: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;

  /**
   * Rate-limit counter: adds `delta` to the key's hits in its fixed window (a new window of
   * `windowMs` starts when the last has ended) and returns the count and when the window ends.
   */
  countRateLimit(
    key: string,
    windowMs: number,
    delta: 1 | 0 | -1,
  ): Promise<{ hits: number; resetAt: Date }>;
  resetRateLimit(key: string): Promise<void>;

  close(): Promise<void>;
}
