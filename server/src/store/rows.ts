/**
 * Rows to records, shared by both engines. SQLite hands back JSON as text, booleans as 0/1 and
 * BLOBs as Buffers; PostgreSQL hands back jsonb parsed, real booleans and bytea as Buffers.
 */
import type {
  Acknowledgement,
  ApplySession,
  ConsentListRow,
  ConsentRecord,
  OutboxItem,
  PayWorkerRecord,
  WebhookEventRow,
} from './store.ts';

export type Row = Record<string, unknown>;

const json = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined
    ? fallback
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n;
const text = (value: unknown): string | null => (value as string | null | undefined) ?? null;

export function toSession(row: Row | undefined): ApplySession | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    packageSlug: row.package_slug as string,
    minAge: Number(row.min_age) as 16 | 18,
    workLocations: json(row.work_locations, []),
    prefill: json(row.prefill, {}),
    customId: text(row.custom_id),
    locale: row.locale as string,
    audience: row.audience as string,
    status: row.status as 'open' | 'closed',
    createdAt: row.created_at as string,
    candidateId: text(row.candidate_id),
    candidateHash: text(row.candidate_hash),
    residenceState: text(row.residence_state),
    licenseState: text(row.license_state),
    nameDigests: json(row.name_digests, []),
    copyRequested: bool(row.copy_requested),
    reportId: text(row.report_id),
    reportStatus: text(row.report_status),
    reportResult: text(row.report_result),
    node: text(row.node),
    reportEventAt: text(row.report_event_at),
    reportCheckedAt: text(row.report_checked_at),
  };
}

export function toPayWorker(row: Row | undefined): PayWorkerRecord | undefined {
  if (!row) return undefined;
  return {
    customerId: row.customer_id as string,
    workerId: row.worker_id as string,
    status: row.status as string,
    backgroundCheckId: text(row.background_check_id),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}

export function toWebhookEvent(row: Row): WebhookEventRow {
  return {
    source: row.source as string,
    id: row.id as string,
    type: row.type as string,
    objectId: text(row.object_id),
    createdAt: text(row.created_at),
    receivedAt: row.received_at as string,
  };
}

export function toOutbox(row: Row): OutboxItem {
  return {
    id: row.id as string,
    kind: row.kind as OutboxItem['kind'],
    sessionId: row.session_id as string,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at as string,
    doneAt: text(row.done_at),
    lastError: text(row.last_error),
    resultId: text(row.result_id),
    failedAt: text(row.failed_at),
    errorCode: text(row.error_code),
    errorText: text(row.error_text),
  };
}

export function toConsent(row: Row | undefined): ConsentRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    sessionId: row.session_id as string,
    evidenceJson: row.evidence_json as string,
    evidenceSha256: row.evidence_sha256 as string,
    pdf: new Uint8Array(row.pdf as Buffer),
    createdAt: row.created_at as string,
  };
}

export function toConsentListRow(row: Row): ConsentListRow {
  return {
    id: row.id as string,
    sessionId: row.session_id as string,
    createdAt: row.created_at as string,
    candidateId: text(row.candidate_id),
    customId: text(row.custom_id),
    reportId: text(row.report_id),
    reportStatus: text(row.report_status),
    reportResult: text(row.report_result),
    uploaded: bool(row.uploaded),
  };
}

export const SESSION_COLUMNS: Record<keyof Omit<ApplySession, 'id'>, string> = {
  packageSlug: 'package_slug',
  minAge: 'min_age',
  workLocations: 'work_locations',
  prefill: 'prefill',
  customId: 'custom_id',
  locale: 'locale',
  audience: 'audience',
  status: 'status',
  createdAt: 'created_at',
  candidateId: 'candidate_id',
  candidateHash: 'candidate_hash',
  residenceState: 'residence_state',
  licenseState: 'license_state',
  nameDigests: 'name_digests',
  copyRequested: 'copy_requested',
  reportId: 'report_id',
  reportStatus: 'report_status',
  reportResult: 'report_result',
  node: 'node',
  reportEventAt: 'report_event_at',
  reportCheckedAt: 'report_checked_at',
};

/** Every column of apply_sessions in insert order, with the record's value for each. */
export function sessionValues(
  s: ApplySession,
  booleans: (value: boolean) => unknown,
): { columns: string[]; values: unknown[] } {
  const entries = Object.entries(SESSION_COLUMNS) as Array<[keyof typeof SESSION_COLUMNS, string]>;
  return {
    columns: ['id', ...entries.map(([, column]) => column)],
    values: [s.id, ...entries.map(([key]) => columnValue(key, s[key], booleans))],
  };
}

/** JSON fields as JSON text (both engines accept it; jsonb parses it), booleans per engine. */
export function columnValue(
  key: keyof typeof SESSION_COLUMNS,
  value: unknown,
  booleans: (value: boolean) => unknown,
): unknown {
  if (key === 'workLocations' || key === 'prefill' || key === 'nameDigests')
    return JSON.stringify(value);
  if (typeof value === 'boolean') return booleans(value);
  return value;
}

export const CONSENT_LIST_SQL = `SELECT c.id, c.session_id, c.created_at, s.candidate_id, s.custom_id, s.report_id, s.report_status, s.report_result,
     EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = c.session_id AND o.kind = 'upload_consent' AND o.done_at IS NOT NULL) AS uploaded
   FROM consents c JOIN apply_sessions s ON s.id = c.session_id
   ORDER BY c.created_at DESC`;

/**
 * Sessions past the retention (store.ts, `purgeBefore`), `before` being the engine's placeholder:
 * the consent signed before it or, with none, the session started before it.
 */
export const agedSessionsSql = (before: string) =>
  `FROM apply_sessions s LEFT JOIN consents c ON c.session_id = s.id
   WHERE COALESCE(c.created_at, s.created_at) < ${before}`;

/** Something is still owed to Checkr for session `s`: an undelivered item, or a PII removal. */
export const OWED_TO_CHECKR_SQL = `(EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = s.id AND o.done_at IS NULL)
     OR (s.status = 'open' AND s.candidate_id IS NOT NULL))`;

export function toAcknowledgement(row: Row): Acknowledgement {
  return {
    sessionId: row.session_id as string,
    documentId: row.document_id as string,
    version: row.version as string,
    sha256: row.sha256 as string,
    acknowledgedAt: row.acknowledged_at as string,
  };
}

/** Outbox items in the order they fell due (claims come back from UPDATE ... RETURNING unordered). */
export const byDue = (a: OutboxItem, b: OutboxItem): number =>
  a.nextAttemptAt < b.nextAttemptAt
    ? -1
    : a.nextAttemptAt > b.nextAttemptAt
      ? 1
      : a.id < b.id
        ? -1
        : 1;
