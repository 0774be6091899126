/** What the BFF keeps. One interface; SQLite is the embedded default (DESIGN.md, "Storage"). */

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
  /** HMACs of the candidate's normalized names, to check the typed signature without keeping them. */
  nameDigests: string[];
  copyRequested: boolean;
  reportId: string | null;
  reportStatus: string | null;
  reportResult: string | null;
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

export type OutboxKind = 'upload_consent' | 'create_report';

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

export interface Store {
  createSession(session: ApplySession): void;
  getSession(id: string): ApplySession | undefined;
  updateSession(id: string, fields: Partial<Omit<ApplySession, 'id'>>): void;
  findSessionByCandidate(candidateId: string): ApplySession | undefined;
  findSessionByReport(reportId: string): ApplySession | undefined;

  addAcknowledgement(ack: Acknowledgement): void;
  listAcknowledgements(sessionId: string): Acknowledgement[];

  /**
   * In one transaction: the consent evidence and PDF, the outbox items that will upload it and
   * order the report, and the session's closing. Either all of it is durable or none is.
   */
  commitConsent(consent: ConsentRecord, outbox: OutboxItem[]): void;
  getConsent(id: string): ConsentRecord | undefined;
  getConsentBySession(sessionId: string): ConsentRecord | undefined;
  listConsents(limit: number): ConsentListRow[];

  dueOutbox(now: string, limit: number): OutboxItem[];
  listOutbox(sessionId: string): OutboxItem[];
  completeOutbox(id: string, resultId: string, at: string): void;
  failOutbox(id: string, error: string, nextAttemptAt: string): void;

  /** `true` the first time an event id is seen, `false` for a duplicate. */
  recordWebhookEvent(source: string, id: string, type: string, receivedAt: string): boolean;

  close(): void;
}
