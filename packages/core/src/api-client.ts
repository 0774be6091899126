import type { StateDocumentRule } from '@checkr-kit/validation';

/** The BFF's one error shape (DESIGN.md); `code` is what the components translate. */
export interface BffErrorItem {
  code: string;
  title: string;
  source?: { pointer: string };
}

/** A failed BFF call. `status` 0 means the network failed: the request can be retried as is. */
export class BffError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly BffErrorItem[],
  ) {
    super(errors[0]?.code ?? `status ${status}`);
    this.name = 'BffError';
  }
  get code(): string {
    return this.errors[0]?.code ?? 'unknown_error';
  }
  /** Errors that belong to a field of the candidate, by JSON pointer. */
  get fieldErrors(): BffErrorItem[] {
    return this.errors.filter((e) => e.source?.pointer && e.source.pointer !== '/');
  }
}

export type DocumentBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

export interface ApplyDocument {
  id: string;
  version: string;
  sha256: string;
  kind: 'summary_of_rights' | 'disclosure' | 'state_disclosure' | 'authorization';
  locale: string;
  title: string;
  body: DocumentBlock[];
  applies_to: StateDocumentRule | null;
  offers_copy: boolean;
}

export interface ApplyConfig {
  session: { id: string; locale: string };
  requirements: {
    min_age: 16 | 18;
    ssn: boolean;
    zipcode: boolean;
    driver_license: boolean;
    /**
     * The documents depend on the state of residence: the BFF refuses a candidate without it.
     * Absent from a BFF older than the rule: the form then asks for it and requires it.
     */
    residence_state?: boolean;
  };
  work_states: string[];
  prefill: Record<string, string>;
  documents: ApplyDocument[];
}

export interface DocumentRef {
  document_id: string;
  version: string;
  sha256: string;
}

export interface ConsentRequest {
  signature_name: string;
  esign_consent: true;
  drawn_signature?: string;
  time_zone?: string;
  authorization: DocumentRef;
}

/** What the apply flow needs from a backend. The BFF client implements it; stories mock it. */
export interface ApplyApi {
  config(): Promise<ApplyConfig>;
  submitCandidate(
    candidate: Record<string, unknown>,
  ): Promise<{ candidate_id: string; documents: string[] }>;
  acknowledge(document: DocumentRef): Promise<{ document_id: string; acknowledged_at: string }>;
  consent(request: ConsentRequest): Promise<{ consent_id: string; signed_at: string }>;
}

export interface BffClientOptions {
  /** Base URL of the BFF, such as `https://bff.example.com/` or `/`. */
  apiBase: string;
  /** The current session token. */
  getToken: () => string | Promise<string>;
  /** Called once when the BFF says `session_expired`; returns a fresh token (Stripe's pattern). */
  refreshToken?: () => Promise<string>;
  fetch?: typeof fetch;
}

/**
 * The browser side of the BFF contract: the session token on each call, one refresh through
 * `refreshToken` on `session_expired`, the error shape parsed into a `BffError`.
 */
export class BffClient implements ApplyApi {
  constructor(private readonly options: BffClientOptions) {}

  private url(path: string): string {
    const base = this.options.apiBase.endsWith('/')
      ? this.options.apiBase
      : `${this.options.apiBase}/`;
    return new URL(path.replace(/^\//, ''), new URL(base, document.baseURI)).toString();
  }

  private async send(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<Response> {
    const fetchImpl = this.options.fetch ?? fetch;
    try {
      return await fetchImpl(this.url(path), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new BffError(0, [{ code: 'network_error', title: 'The network request failed' }]);
    }
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response = await this.send(method, path, await this.options.getToken(), body);
    let errors = response.ok ? [] : await readErrors(response);
    if (
      response.status === 401 &&
      errors[0]?.code === 'session_expired' &&
      this.options.refreshToken
    ) {
      response = await this.send(method, path, await this.options.refreshToken(), body);
      errors = response.ok ? [] : await readErrors(response);
    }
    if (!response.ok) throw new BffError(response.status, errors);
    return (await response.json()) as T;
  }

  config(): Promise<ApplyConfig> {
    return this.request('GET', 'v1/apply/config');
  }
  submitCandidate(candidate: Record<string, unknown>) {
    return this.request<{ candidate_id: string; documents: string[] }>(
      'POST',
      'v1/apply/candidate',
      candidate,
    );
  }
  acknowledge(document: DocumentRef) {
    return this.request<{ document_id: string; acknowledged_at: string }>(
      'POST',
      'v1/apply/acknowledgements',
      document,
    );
  }
  consent(request: ConsentRequest) {
    return this.request<{ consent_id: string; signed_at: string }>(
      'POST',
      'v1/apply/consent',
      request,
    );
  }
}

async function readErrors(response: Response): Promise<BffErrorItem[]> {
  try {
    const body = (await response.json()) as { errors?: unknown };
    if (Array.isArray(body.errors)) {
      return body.errors.filter(
        (e): e is BffErrorItem => typeof e?.code === 'string' && typeof e?.title === 'string',
      );
    }
  } catch {
    // not our shape
  }
  return [{ code: `http_${response.status}`, title: response.statusText || 'Request failed' }];
}
