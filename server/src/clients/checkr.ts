import { z } from 'zod';
import { defaultRetryPolicy, requestJson, UpstreamError, type RetryPolicy } from './http.ts';

const candidateSchema = z.looseObject({ id: z.string(), object: z.literal('candidate') });
const documentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('document'),
  type: z.string(),
});
const reportSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  status: z.string(),
  result: z.string().nullable().optional(),
  candidate_id: z.string(),
});
const packageSchema = z.looseObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  screenings: z.array(
    z.looseObject({ type: z.string(), subtype: z.string().nullable().optional() }),
  ),
});
const accountSchema = z.looseObject({
  id: z.string(),
  object: z.literal('account'),
  name: z.string().optional(),
  api_authorized: z.boolean().optional(),
  authorized: z.boolean().optional(),
});
const packagesSchema = z.looseObject({ data: z.array(packageSchema) });
/**
 * A node of the account hierarchy (seed 001 L1664-1726; the list sample's items are collapsed,
 * so the fields are those of POST /v1/hierarchy's nodes, L1574). `packages` is there only with
 * `include=packages`: the slugs assigned to the node or its ancestors (L1668, L1679).
 */
const nodeSchema = z.looseObject({
  custom_id: z.string().min(1),
  name: z.string().nullable().optional(),
  tier: z.string().nullable().optional(),
  parent_custom_id: z.string().nullable().optional(),
  packages: z.array(z.string()).optional(),
});
/** The paginated list (seed 000 L1381-1398): `next_href` is null on the last page. */
const nodePageSchema = z.looseObject({
  data: z.array(nodeSchema),
  next_href: z.string().nullable().optional(),
  count: z.number().optional(),
});

/** 100 nodes a page (the documented maximum `per_page`, seed 000 L1392), at most this many pages. */
const MAX_NODE_PAGES = 500;

export type CheckrPackage = z.infer<typeof packageSchema>;
export type CheckrReport = z.infer<typeof reportSchema>;
export type CheckrNode = z.infer<typeof nodeSchema>;

export interface WorkLocation {
  country: string;
  state?: string;
  city?: string;
}

/** The Checkr API, with Basic auth (the key as username, empty password), JSON bodies. */
export class CheckrClient {
  private readonly auth: string;

  constructor(
    apiKey: string,
    private readonly apiBase: string,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
  ) {
    this.auth = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  }

  private call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    return requestJson(
      'checkr',
      this.apiBase,
      {
        method,
        path,
        headers: {
          authorization: this.auth,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        idempotencyKey,
      },
      schema,
      this.policy,
    );
  }

  createCandidate(fields: Record<string, unknown>, idempotencyKey: string) {
    return this.call('POST', '/v1/candidates', candidateSchema, fields, idempotencyKey);
  }

  updateCandidate(id: string, fields: Record<string, unknown>, idempotencyKey: string) {
    return this.call(
      'POST',
      `/v1/candidates/${encodeURIComponent(id)}`,
      candidateSchema,
      fields,
      idempotencyKey,
    );
  }

  /** Multipart, as the Documents endpoint requires: `type` and `file`. */
  uploadDocument(
    candidateId: string,
    type: string,
    file: { bytes: Uint8Array; filename: string; contentType: string },
    idempotencyKey: string,
  ) {
    const form = new FormData();
    form.set('type', type);
    form.set(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.contentType }),
      file.filename,
    );
    return requestJson(
      'checkr',
      this.apiBase,
      {
        method: 'POST',
        path: `/v1/candidates/${encodeURIComponent(candidateId)}/documents`,
        headers: { authorization: this.auth },
        body: form,
        idempotencyKey,
      },
      documentSchema,
      this.policy,
    );
  }

  createReport(
    body: {
      candidate_id: string;
      package: string;
      node?: string;
      work_locations?: WorkLocation[];
    },
    idempotencyKey: string,
  ) {
    return this.call('POST', '/v1/reports', reportSchema, body, idempotencyKey);
  }

  getReport(id: string) {
    return this.call('GET', `/v1/reports/${encodeURIComponent(id)}`, reportSchema);
  }

  /**
   * PII removal (seed 001 L2276-2350). The seeds give the body but not the path or method; the
   * SDK names it `candidates.pii delete` (seed 000 L2131-2133), read here as
   * `DELETE /v1/candidates/{id}/pii` with the JSON body.
   */
  removeCandidatePii(candidateId: string, contactEmail: string, idempotencyKey: string) {
    return this.call(
      'DELETE',
      `/v1/candidates/${encodeURIComponent(candidateId)}/pii`,
      candidateSchema,
      { deletion_contact_email_address: contactEmail },
      idempotencyKey,
    );
  }

  /** The read-only call of `npm run doctor` (seed 001 L1405-1445). */
  getAccount() {
    return this.call('GET', '/v1/account', accountSchema);
  }

  /**
   * Every node of the account hierarchy with its packages (GET /v1/nodes?include=packages, seed
   * 001 L1664-1726), page by page until `next_href` is null. The pages are asked for by number on
   * the configured base, never by following `next_href`, so the key only goes where it is
   * configured to. A list that does not end within MAX_NODE_PAGES is an upstream fault.
   */
  async listNodes(): Promise<CheckrNode[]> {
    const nodes: CheckrNode[] = [];
    for (let page = 1; page <= MAX_NODE_PAGES; page++) {
      const list = await this.call(
        'GET',
        `/v1/nodes?include=packages&page=${page}&per_page=100`,
        nodePageSchema,
      );
      nodes.push(...list.data);
      if (!list.next_href || list.data.length === 0) return nodes;
    }
    throw new UpstreamError(
      'checkr',
      502,
      [`GET /v1/nodes listed more than ${MAX_NODE_PAGES} pages`],
      undefined,
      [],
      'shape',
    );
  }

  async listPackages(): Promise<CheckrPackage[]> {
    const page = await this.call('GET', '/v1/packages?per_page=100', packagesSchema);
    return page.data;
  }
}
