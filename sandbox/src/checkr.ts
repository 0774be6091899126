import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import {
  candidateErrors,
  DOCUMENT_MIME_TYPES,
  DOCUMENT_TYPES,
  reportCandidateErrors,
  OUTCOMES,
  reportOutcome,
  screeningOutcome,
  TEXT,
  workLocationErrors,
  type Outcome,
} from './rules/checkr-rules.ts';
import { FaultInjector } from './faults.ts';
import { nodeErrors, nodePackages, parseHierarchy, type HierarchyNode } from './rules/hierarchy.ts';
import { sandboxMailResolver } from './mail-resolver.ts';
import { adminRoutes } from './admin-routes.ts';
import { WebhookSender } from './webhook-sender.ts';

export interface SandboxPackage {
  id: string;
  slug: string;
  name: string;
  screenings: Array<{ type: string; subtype: string | null }>;
}

export const SANDBOX_PACKAGES: SandboxPackage[] = [
  {
    id: 'pkg_tasker_standard',
    slug: 'tasker_standard',
    name: 'Tasker Standard',
    screenings: [
      { type: 'ssn_trace', subtype: null },
      { type: 'sex_offender_search', subtype: null },
      { type: 'national_criminal_search', subtype: 'standard' },
      { type: 'county_criminal_search', subtype: '7years' },
    ],
  },
  {
    id: 'pkg_driver_pro',
    slug: 'driver_pro',
    name: 'Driver Pro',
    screenings: [
      { type: 'ssn_trace', subtype: null },
      { type: 'national_criminal_search', subtype: 'standard' },
      { type: 'county_criminal_search', subtype: '7years' },
      { type: 'motor_vehicle_report', subtype: null },
    ],
  },
  {
    id: 'pkg_mvr_only',
    slug: 'mvr_only',
    name: 'MVR only',
    screenings: [{ type: 'motor_vehicle_report', subtype: null }],
  },
];

type Json = Record<string, unknown>;

/** What a PII removal clears (the personal fields of seed 001 L1776-1875). */
const PII_FIELDS = [
  'first_name',
  'middle_name',
  'last_name',
  'mother_maiden_name',
  'email',
  'phone',
  'zipcode',
  'dob',
  'ssn',
  'driver_license_number',
  'driver_license_state',
  'previous_driver_license_number',
  'previous_driver_license_state',
];

interface IdempotencyEntry {
  state: 'in_flight' | 'done';
  status?: number;
  body?: unknown;
  at: number;
}

export interface CheckrSimulatorOptions {
  apiKey: string;
  /** Where to send signed webhooks; can be set later (`simulator.webhooks.url`). */
  webhookUrl?: string;
  /** How long a report stays pending before `report.completed`. */
  completeAfterMs?: number;
  /**
   * F1 L1237 says 600 per minute, F0 L1415 says 1200. The simulator takes 600: a client that
   * stays under it is safe under either reading, and one that does not is caught here first.
   */
  rateLimitPerMinute?: number;
  /**
   * How data other than the documented test data completes (F1 L1096-1117): staging leaves it
   * `pending` indefinitely (F0 L278), the default; `clear` or `consider` complete it.
   */
  otherData?: Outcome;
  /**
   * The account hierarchy (sandbox/src/rules/hierarchy.ts): none by default, as an account
   * without hierarchy enabled; then every `node` on an order is refused.
   */
  hierarchy?: readonly HierarchyNode[];
}

/**
 * A local Checkr: the endpoints the BFF uses, the documented validation texts, idempotency keys,
 * duplicate guards, rate-limit headers, signed webhooks and a report lifecycle driven by the
 * legacy test SSNs (111-11-2001 clear, 111-11-2002 consider, 111-11-2010 stays pending).
 * Mount it at the root of its own base URL (it serves `/v1/...`).
 */
export class CheckrSimulator {
  readonly candidates = new Map<string, Json>();
  readonly documents = new Map<
    string,
    Json & { candidate_id: string; bytes: number; sha256?: string }
  >();
  readonly reports = new Map<string, Json>();
  /** Every API request as received (method, path, query, parsed body): contract tests read it. */
  readonly received: Array<{
    method: string;
    path: string;
    query: Record<string, unknown>;
    body: Record<string, unknown>;
  }> = [];
  /** Every PII removal done, in order (no PII: the candidate, the contact given, when). */
  readonly piiRemovals: Array<{
    candidate_id: string;
    deletion_contact_email_address: string;
    created_at: string;
  }> = [];
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookSender;
  readonly router: Router;
  private readonly idempotency = new Map<string, IdempotencyEntry>();
  private readonly duplicateLog = new Map<string, number[]>();
  private readonly reportLog = new Map<string, number[]>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private window = { start: 0, count: 0 };
  completeAfterMs: number;
  otherData: Outcome;
  /** The account's nodes; `reset()` puts back the ones it started with. */
  hierarchy: HierarchyNode[];

  constructor(private readonly options: CheckrSimulatorOptions) {
    this.completeAfterMs = options.completeAfterMs ?? 3000;
    this.otherData = options.otherData ?? 'pending';
    this.hierarchy = parseHierarchy(options.hierarchy ?? []);
    this.webhooks = new WebhookSender(
      'X-Checkr-Signature',
      () => options.apiKey,
      'Checkr-Webhook/1.0 (sandbox)',
      'checkr',
    );
    this.webhooks.url = options.webhookUrl;
    this.router = this.routes();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.webhooks.stop();
  }

  /**
   * Empty, as started: no candidate, document, report, fault or log; webhook delivery, test
   * data and the hierarchy back to their start-up settings (the webhook target stays).
   */
  reset(): void {
    this.stop();
    this.webhooks.reset();
    this.completeAfterMs = this.options.completeAfterMs ?? 3000;
    this.otherData = this.options.otherData ?? 'pending';
    this.window = { start: 0, count: 0 };
    this.piiRemovals.length = 0;
    this.candidates.clear();
    this.documents.clear();
    this.reports.clear();
    this.idempotency.clear();
    this.duplicateLog.clear();
    this.reportLog.clear();
    this.faults.clear();
    this.received.length = 0;
    // A test that changed the hierarchy leaves the next one the account it started with.
    this.hierarchy = parseHierarchy(this.options.hierarchy ?? []);
  }

  private id(prefix: string): string {
    return `${prefix}${randomBytes(12).toString('hex')}`;
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  /**
   * "the headers related to rate limiting that our API returns for any requests" (F1 L1241-1246):
   * on every response, 401 and 429 included, for a one-minute window (L1244: "per minute"); the
   * reset is the end of that window (L1239: "when the rate limit count will reset").
   */
  private rateLimit(res: Response): boolean {
    const limit = this.options.rateLimitPerMinute ?? 600;
    const now = Date.now();
    if (now - this.window.start >= 60_000) this.window = { start: now - (now % 60_000), count: 0 };
    this.window.count += 1;
    this.rateHeaders(res, limit);
    return this.window.count <= limit;
  }

  private rateHeaders(res: Response, limit: number): void {
    res.set('X-Ratelimit-Limit', String(limit));
    res.set('X-Ratelimit-Remaining', String(Math.max(limit - this.window.count, 0)));
    // Written like the docs' example, "2018-02-02T16:39:00Z" (F1 L1235).
    res.set(
      'X-Ratelimit-Reset',
      new Date(this.window.start + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
  }

  /** `HTTP 429 "Too Many Requests"` (F1 L1239); an injected 429 looks the same. */
  private answer429 = (res: Response) => {
    res.set('X-Ratelimit-Remaining', '0');
    res.status(429).json({ error: 'Too Many Requests' });
  };

  private authorized(req: Request): boolean {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const user =
      scheme === 'Basic' && encoded
        ? Buffer.from(encoded, 'base64').toString('utf8').split(':')[0]
        : undefined;
    return user === this.options.apiKey;
  }

  private routes(): Router {
    const router = Router();
    // The sandbox's own knobs and inspections (README "Sandbox"), behind the same key, outside
    // Checkr's API and its rate limit.
    router.use(
      '/__sandbox',
      (req, res, next) =>
        this.authorized(req)
          ? next()
          : void res.status(401).json({ error: 'Bad authentication error' }),
      this.adminRoutes(),
    );
    router.use((req, res, next) => {
      const withinLimit = this.rateLimit(res);
      if (!this.authorized(req)) {
        res.status(401).json({ error: 'Bad authentication error' });
        return;
      }
      if (!withinLimit) return this.answer429(res);
      next();
    });
    router.use(
      express.json({ limit: '1mb' }),
      express.urlencoded({ extended: true, limit: '1mb' }),
    );
    router.use((req, res, next) => {
      const path = req.path;
      res.once('finish', () =>
        this.received.push({
          method: req.method,
          path,
          query: { ...(req.query as Record<string, unknown>) },
          body: (res.locals.formFields ?? req.body ?? {}) as Record<string, unknown>,
        }),
      );
      next();
    });

    const fault = (route: string) => this.faults.middleware(route, this.answer429);
    // Idempotency-Key (Checkr §5): a key is claimed before any work (or injected fault), so a
    // second call while the first is still in flight gets 409; a 2xx is saved and replayed for
    // 24 hours; anything else releases the key so a retry runs again.
    const claim: RequestHandler = (req, res, next) => {
      const key = req.get('idempotency-key');
      if (!key) return next();
      const scoped = `${req.method} ${req.baseUrl}${req.path} ${key}`;
      const seen = this.idempotency.get(scoped);
      if (seen && Date.now() - seen.at < 24 * 3600_000) {
        if (seen.state === 'in_flight') {
          res.status(409).json({
            error:
              'Another request with the same idempotency key is still being processed (in flight)',
          });
          return;
        }
        res.status(seen.status!).json(seen.body);
        return;
      }
      const entry: IdempotencyEntry = { state: 'in_flight', at: Date.now() };
      this.idempotency.set(scoped, entry);
      const release = () => {
        if (this.idempotency.get(scoped) === entry) this.idempotency.delete(scoped);
      };
      // Answered without a 2xx (an error, or an injected 429/500): a retry may run again. A client
      // that hangs up does not stop the work, as with the real API: the key stays in flight until
      // the work ends, then holds its answer.
      res.once('finish', release);
      res.locals.releaseIdempotency = release;
      res.locals.idempotencyKey = scoped;
      next();
    };
    const idempotent =
      (
        handler: (
          req: Request,
        ) => Promise<{ status: number; body: unknown }> | { status: number; body: unknown },
      ) =>
      async (req: Request, res: Response) => {
        const { status, body } = await handler(req);
        const scoped = res.locals.idempotencyKey as string | undefined;
        if (scoped && status < 300) {
          this.idempotency.set(scoped, { state: 'done', status, body, at: Date.now() });
        }
        res.status(status).json(body);
      };

    router.get('/v1/packages', fault('GET /v1/packages'), (_req, res) => {
      res.json({
        object: 'list',
        // The package object of F0 L1004-1039 (F1's list sample is an empty `{}`, L2811).
        data: SANDBOX_PACKAGES.map((p) => ({
          ...p,
          object: 'package',
          uri: `/v1/packages/${p.id}`,
          apply_url: `https://apply.checkr.com/apply/checkr-kit-sandbox/${p.id}`,
          created_at: '2026-01-01T00:00:00Z',
          deleted_at: null,
          price: null,
        })),
        count: SANDBOX_PACKAGES.length,
        next_href: null,
        previous_href: null,
      });
    });

    // List existing Nodes (F1 L1664-1726), paginated as F0 L1381-1398 describes: `page` from 1,
    // `per_page` 0 to 100 (default 25, F1 L1689), `order_by` custom_id or created_at (default),
    // `order` asc (default) or desc; `include=packages` adds each node's packages, its own and
    // its ancestors' (L1668). An account without hierarchy has no nodes: an empty list.
    router.get('/v1/nodes', fault('GET /v1/nodes'), (req, res) => {
      const query = req.query as Record<string, unknown>;
      const whole = (value: unknown, fallback: number) =>
        value === undefined ? fallback : /^\d+$/.test(String(value)) ? Number(value) : NaN;
      const page = whole(query.page, 1);
      const perPage = whole(query.per_page, 25);
      const orderBy = query.order_by ?? 'created_at';
      const order = query.order ?? 'asc';
      if (
        !(page >= 1) ||
        !(perPage >= 0 && perPage <= 100) ||
        !['custom_id', 'created_at'].includes(String(orderBy)) ||
        !['asc', 'desc'].includes(String(order)) ||
        (query.include !== undefined && query.include !== 'packages')
      )
        return void res.status(400).json({ error: TEXT.listParametersInvalid });
      // Nodes are "created" in the order the hierarchy lists them.
      const sorted = this.hierarchy
        .map((node, index) => ({ node, createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)) }))
        .sort((a, b) =>
          orderBy === 'custom_id'
            ? a.node.custom_id.localeCompare(b.node.custom_id)
            : a.createdAt.getTime() - b.createdAt.getTime(),
        );
      if (order === 'desc') sorted.reverse();
      const slice = sorted.slice((page - 1) * perPage, page * perPage);
      const href = (to: number) => {
        const params = new URLSearchParams(query as Record<string, string>);
        params.set('page', String(to));
        params.set('per_page', String(perPage));
        return `${req.protocol}://${req.get('host')}${req.baseUrl}${req.path}?${params}`;
      };
      res.json({
        object: 'list',
        next_href: page * perPage < sorted.length ? href(page + 1) : null,
        previous_href: page > 1 ? href(page - 1) : null,
        count: sorted.length,
        data: slice.map(({ node, createdAt }) => ({
          custom_id: node.custom_id,
          name: node.name,
          tier: node.tier,
          parent_custom_id: node.parent_custom_id ?? null,
          created_at: createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          ...(query.include === 'packages'
            ? { packages: nodePackages(this.hierarchy, node.custom_id) }
            : {}),
        })),
      });
    });

    router.post(
      '/v1/candidates',
      claim,
      fault('POST /v1/candidates'),
      idempotent((req) => this.createCandidate(req.body ?? {})),
    );
    router.post(
      '/v1/candidates/:id',
      claim,
      fault('POST /v1/candidates/:id'),
      idempotent((req) => this.updateCandidate(String(req.params.id), req.body ?? {})),
    );
    router.get('/v1/candidates', (req, res) => {
      const data = [...this.candidates.values()].filter(
        (c) => !req.query.custom_id || c.custom_id === req.query.custom_id,
      );
      res.json({
        object: 'list',
        data: data.map((c) => this.redacted(c)),
        count: data.length,
        next_href: null,
        previous_href: null,
      });
    });
    router.get('/v1/candidates/:id', (req, res) => {
      const candidate = this.candidates.get(String(req.params.id));
      if (!candidate) return void res.status(404).json({ error: 'Not found' });
      res.json(this.redacted(candidate));
    });
    // Seed 001 L2276-2350 gives the body, not the path; the SDK's `candidates.pii delete`
    // (seed 000 L2131-2133) reads as DELETE /v1/candidates/{id}/pii.
    router.delete('/v1/candidates/:id/pii', (req, res) => {
      const candidate = this.candidates.get(String(req.params.id));
      if (!candidate) return void res.status(404).json({ error: 'Not found' });
      const contact = (req.body ?? {}).deletion_contact_email_address;
      if (typeof contact !== 'string' || !contact.includes('@'))
        return void res.status(400).json({ error: 'Deletion contact email address is required' });
      // "Requesting the removal of PII from a candidate who has already had PII removed will
      // result in an error."
      if (candidate.pii_removed)
        return void res.status(400).json({ error: 'PII has already been removed' });
      for (const field of PII_FIELDS) candidate[field] = null;
      candidate.pii_removed = true;
      this.piiRemovals.push({
        candidate_id: candidate.id as string,
        deletion_contact_email_address: contact,
        created_at: new Date().toISOString(),
      });
      res.json(this.redacted(candidate));
    });
    // Seed 001 L1405-1445: the authenticated account.
    router.get('/v1/account', (_req, res) => {
      res.json({
        id: 'e44aa283528e6fde7d542194',
        object: 'account',
        api_authorized: true,
        authorized: true,
        created_at: '2020-01-07T00:26:49Z',
        default_compliance_state: 'CA',
        geos_required: false,
        name: 'checkr-kit sandbox',
        purpose: 'employment',
        uri: '/v1/accounts/e44aa283528e6fde7d542194',
      });
    });
    router.get('/v1/candidates/:id/documents', (req, res) => {
      const data = [...this.documents.values()].filter((d) => d.candidate_id === req.params.id);
      res.json({ object: 'list', data, count: data.length, next_href: null, previous_href: null });
    });

    router.post(
      '/v1/candidates/:id/documents',
      // The whole upload is received before the key is claimed: a request cut off mid-body never
      // started, and must not hold its key.
      express.raw({ type: 'multipart/form-data', limit: '20mb' }),
      claim,
      fault('POST /v1/candidates/:id/documents'),
      idempotent(async (req) => this.uploadDocument(req)),
    );

    router.post(
      '/v1/reports',
      claim,
      fault('POST /v1/reports'),
      idempotent((req) => this.createReport(req.body ?? {})),
    );
    router.get('/v1/reports/:id', (req, res) => {
      const report = this.reports.get(String(req.params.id));
      if (!report) return void res.status(404).json({ error: 'Not found' });
      res.json(report);
    });
    router.get('/v1/documents/:id', (req, res) => {
      const document = this.documents.get(String(req.params.id));
      if (!document) return void res.status(404).json({ error: 'Not found' });
      res.json(document);
    });

    router.use((_req, res) => void res.status(404).json({ error: 'Not found' }));
    return router;
  }

  /**
   * `/__sandbox/...`: the shared knobs (faults, webhooks and their log, reset), how test data
   * completes, the account hierarchy, what the account holds as Checkr's own API would show it,
   * and the requests received.
   */
  private adminRoutes(): Router {
    const router = adminRoutes({
      faults: this.faults,
      faultKinds: ['429', '500', '400', 'slow', 'drop'],
      webhooks: this.webhooks,
      reset: () => this.reset(),
      refuse: (res, status, message) => void res.status(status).json({ error: message }),
    });
    router.get('/state', (_req, res) => res.json(this.summary()));
    // How non-test data completes: other_data pending (staging, F0 L278), clear or consider;
    // complete_after_ms, how long a report that completes stays pending first.
    router.get('/test-data', (_req, res) => res.json(this.testData()));
    router.post('/test-data', (req, res) => {
      const { other_data: otherData, complete_after_ms: completeAfter } = req.body ?? {};
      if (otherData !== undefined && !(OUTCOMES as readonly string[]).includes(otherData)) {
        res.status(400).json({ error: 'other_data must be pending, clear or consider' });
        return;
      }
      const ms = Number(completeAfter);
      if (completeAfter !== undefined && (!Number.isFinite(ms) || ms < 0 || ms > 3_600_000)) {
        res.status(400).json({ error: 'complete_after_ms must be a number from 0 to 3600000' });
        return;
      }
      if (otherData !== undefined) this.otherData = otherData;
      if (completeAfter !== undefined) this.completeAfterMs = ms;
      res.json(this.testData());
    });
    // The account hierarchy: `{"nodes": [...]}` (see rules/hierarchy.ts); `[]` for none.
    router.get('/hierarchy', (_req, res) => res.json({ nodes: this.hierarchy }));
    router.post('/hierarchy', (req, res) => {
      try {
        this.hierarchy = parseHierarchy((req.body ?? {}).nodes);
        res.json({ nodes: this.hierarchy });
      } catch (problem) {
        res.status(400).json({ error: (problem as Error).message });
      }
    });
    // What the account holds: candidates (SSN masked as the API masks it), reports, uploaded
    // documents, PII removals in the order asked.
    router.get('/candidates', (_req, res) => {
      res.json({ data: [...this.candidates.values()].map((c) => this.redacted(c)) });
    });
    router.get('/reports', (_req, res) => res.json({ data: [...this.reports.values()] }));
    router.get('/documents', (_req, res) => {
      res.json({ data: [...this.documents.values()] });
    });
    router.get('/pii-removals', (_req, res) => res.json({ data: this.piiRemovals }));
    // Every API request as received (method, path, query, body), for tests of what a client sent.
    router.get('/requests', (_req, res) => res.json({ data: this.received }));
    router.use((_req, res) => void res.status(404).json({ error: 'Not found' }));
    return router;
  }

  private testData() {
    return { other_data: this.otherData, complete_after_ms: this.completeAfterMs };
  }

  summary() {
    return {
      candidates: this.candidates.size,
      documents: [...this.documents.values()].map((d) => ({
        id: d.id,
        candidate_id: d.candidate_id,
        type: d.type,
        filesize: d.filesize,
      })),
      reports: [...this.reports.values()].map((r) => ({
        id: r.id,
        candidate_id: r.candidate_id,
        status: r.status,
        result: r.result,
      })),
      webhooks: this.webhooks.sent,
    };
  }

  private redacted(candidate: Json): Json {
    const ssn = typeof candidate.ssn === 'string' ? `XXX-XX-${candidate.ssn.slice(-4)}` : null;
    return { ...candidate, ssn };
  }

  private validateFields(body: Json): Promise<string[]> {
    return candidateErrors(body, sandboxMailResolver);
  }

  private async createCandidate(body: Json): Promise<{ status: number; body: unknown }> {
    const errors = await this.validateFields(body);
    if (errors.length > 0) return { status: 400, body: { error: errors.join(', ') } };
    const ssnDigits = typeof body.ssn === 'string' ? body.ssn.replace(/\D/g, '') : '';
    const duplicateKey = [
      // The docs never define a duplicate (extract §9.23); the simulator's reading: the same
      // names (case and surrounding spaces aside), date of birth and SSN digits.
      String(body.first_name ?? '')
        .trim()
        .toLowerCase(),
      String(body.last_name ?? '')
        .trim()
        .toLowerCase(),
      body.dob,
      ssnDigits,
    ].join('|');
    const now = Date.now();
    const recent = (this.duplicateLog.get(duplicateKey) ?? []).filter(
      (at) => now - at < 24 * 3600_000,
    );
    if (recent.length >= 3) {
      return {
        status: 409,
        body: {
          error: TEXT.duplicateCandidate,
        },
      };
    }
    recent.push(now);
    this.duplicateLog.set(duplicateKey, recent);
    const id = this.id('');
    const candidate: Json = {
      id,
      object: 'candidate',
      uri: `/v1/candidates/${id}`,
      created_at: new Date().toISOString(),
      first_name: body.first_name,
      middle_name: body.middle_name ?? null,
      no_middle_name: body.no_middle_name === true || body.no_middle_name === 'true',
      last_name: body.last_name,
      mother_maiden_name: body.mother_maiden_name ?? null,
      email: body.email,
      phone: body.phone ?? null,
      zipcode: body.zipcode ?? null,
      dob: body.dob ?? null,
      ssn: typeof body.ssn === 'string' ? body.ssn : null,
      driver_license_number: body.driver_license_number ?? null,
      driver_license_state: body.driver_license_state ?? null,
      previous_driver_license_number: body.previous_driver_license_number ?? null,
      previous_driver_license_state: body.previous_driver_license_state ?? null,
      copy_requested: body.copy_requested === true || body.copy_requested === 'true',
      custom_id: body.custom_id ?? null,
      report_ids: [],
      geo_ids: [],
      adjudication: null,
      metadata: {},
    };
    this.candidates.set(id, candidate);
    void this.webhooks.send('candidate.created', { id, object: 'candidate', uri: candidate.uri });
    return { status: 201, body: this.redacted(candidate) };
  }

  private async updateCandidate(
    id: string,
    body: Json,
  ): Promise<{ status: number; body: unknown }> {
    const candidate = this.candidates.get(id);
    if (!candidate) return { status: 404, body: { error: 'Not found' } };
    const merged = { ...candidate, ...body };
    const errors = await this.validateFields(merged);
    if (errors.length > 0) return { status: 400, body: { error: errors.join(', ') } };
    if ((candidate.report_ids as string[]).length > 0 && body.ssn && body.ssn !== candidate.ssn) {
      return {
        status: 400,
        body: { error: TEXT.ssnLocked },
      };
    }
    this.candidates.set(id, merged);
    void this.webhooks.send('candidate.updated', { id, object: 'candidate', uri: candidate.uri });
    return { status: 200, body: this.redacted(merged) };
  }

  private async uploadDocument(req: Request): Promise<{ status: number; body: unknown }> {
    const candidateId = String(req.params.id);
    if (!this.candidates.has(candidateId)) return { status: 404, body: { error: 'Not found' } };
    if (!Buffer.isBuffer(req.body))
      return { status: 400, body: { error: 'Content-Type must be multipart/form-data' } };
    let form: FormData;
    try {
      form = await new Request('http://sandbox.local/', {
        method: 'POST',
        headers: { 'content-type': req.get('content-type') ?? '' },
        body: new Uint8Array(req.body),
      }).formData();
    } catch {
      return { status: 400, body: { error: 'Malformed multipart body' } };
    }
    const type = form.get('type');
    const file = form.get('file');
    req.res!.locals.formFields = Object.fromEntries(
      [...form.keys()].map((key) => [key, key === 'file' ? '(file)' : String(form.get(key))]),
    );
    if (typeof type !== 'string' || !(DOCUMENT_TYPES as readonly string[]).includes(type))
      return { status: 400, body: { error: 'Type is invalid' } };
    if (!(file instanceof Blob)) return { status: 400, body: { error: 'File is required' } };
    if (!(DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type))
      return { status: 400, body: { error: 'File content type is invalid' } };
    const id = this.id('');
    const name = (file as File).name || 'document';
    const document = {
      id,
      object: 'document',
      type,
      created_at: new Date().toISOString(),
      filesize: file.size,
      filename: `${Math.floor(Date.now() / 1000)}_${name}`,
      content_type: file.type,
      candidate_id: candidateId,
      bytes: file.size,
    };
    this.documents.set(id, document);
    return { status: 201, body: document };
  }

  private createReport(body: Json): { status: number; body: unknown } {
    const candidate =
      typeof body.candidate_id === 'string' ? this.candidates.get(body.candidate_id) : undefined;
    if (!candidate) return { status: 404, body: { error: 'Candidate not found' } };
    const pkg = SANDBOX_PACKAGES.find((p) => p.slug === body.package);
    if (!pkg) return { status: 400, body: { error: TEXT.packageNotFound } };
    const missing = [
      ...nodeErrors(this.hierarchy, body.node, pkg.slug),
      ...workLocationErrors(body.work_locations),
      ...reportCandidateErrors(candidate, pkg),
    ];
    if (missing.length > 0) return { status: 400, body: { error: missing.join(', ') } };
    const now = Date.now();
    const log = (this.reportLog.get(candidate.id as string) ?? []).filter(
      (at) => now - at < 24 * 3600_000,
    );
    if (log.length >= 3) {
      return {
        status: 409,
        body: {
          error: TEXT.duplicateReport,
        },
      };
    }
    log.push(now);
    this.reportLog.set(candidate.id as string, log);
    const id = this.id('');
    // The fields of F1's report sample (L2421-2482); "Screenings that are not in the package are
    // returned as null" (extract §4.2), so every screening id field is there, null or an id.
    const screening = (type: string, many = false) => {
      if (!pkg.screenings.some((s) => s.type === type)) return null;
      return many ? [this.id('')] : this.id('');
    };
    const report: Json = {
      id,
      object: 'report',
      uri: `/v1/reports/${id}`,
      status: 'pending',
      result: null,
      includes_canceled: false,
      created_at: new Date().toISOString(),
      completed_at: null,
      revised_at: null,
      upgraded_at: null,
      turnaround_time: null,
      package: pkg.slug,
      adjudication: null,
      assessment: null,
      source: 'api',
      segment_stamps: [],
      work_locations: body.work_locations ?? [],
      estimated_completion_time: null,
      candidate_story_ids: [],
      candidate_id: candidate.id,
      drug_screening: null,
      ssn_trace_id: screening('ssn_trace'),
      arrest_search_id: null,
      drug_screening_id: null,
      facis_search_id: null,
      federal_criminal_search_id: null,
      federal_district_criminal_search_id: null,
      federal_civil_search_id: null,
      federal_district_civil_search_id: null,
      global_watchlist_search_id: screening('global_watchlist_search'),
      sex_offender_search_id: screening('sex_offender_search'),
      national_criminal_search_id: screening('national_criminal_search'),
      county_criminal_search_ids: screening('county_criminal_search', true),
      personal_reference_verification_ids: null,
      professional_reference_verification_ids: null,
      motor_vehicle_report_id: screening('motor_vehicle_report'),
      professional_license_verification_ids: null,
      state_criminal_searches: null,
      international_criminal_searches_v2_ids: null,
      international_adverse_media_search_ids: null,
      international_global_watchlist_search_id: null,
      international_education_verification_id: null,
      international_employment_verification_id: null,
      international_identity_document_validation_id: null,
      document_ids: [...this.documents.values()]
        .filter((d) => d.candidate_id === candidate.id)
        .map((d) => d.id),
      geo_ids: [],
      program_id: null,
    };
    this.reports.set(id, report);
    (candidate.report_ids as string[]).push(id);
    void this.webhooks.send('report.created', report);
    const outcome = reportOutcome(
      pkg.screenings.map((screening) =>
        screeningOutcome(screening.type, candidate, this.otherData),
      ),
    );
    if (outcome !== 'pending') {
      this.later(this.completeAfterMs, () => {
        const done = {
          ...report,
          status: 'complete',
          result: outcome,
          completed_at: new Date().toISOString(),
          turnaround_time: Math.round(
            (Date.now() - Date.parse(report.created_at as string)) / 1000,
          ),
        };
        this.reports.set(id, done);
        void this.webhooks.send('report.completed', done);
      });
    }
    return { status: 201, body: report };
  }
}
