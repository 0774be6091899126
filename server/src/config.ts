import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';

/** Checkr Pay's documented bases (seed 002 L855-856, L791-793). */
export const PAY_ENVIRONMENTS = {
  sandbox: {
    apiBase: 'https://api-sandbox.checkrpay.com/customer/',
    embedBase: 'https://cdn-sandbox.checkrpay.com',
  },
  production: {
    apiBase: 'https://api.checkrpay.com/customer/',
    embedBase: 'https://cdn.checkrpay.com',
  },
} as const;

export const CHECKR_API_BASE = 'https://api.checkr.com';

const origin = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if (url.origin !== value.replace(/\/$/, '')) throw new Error('not an origin');
    return url.origin;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an origin like https://careers.example.com`,
    });
    return z.NEVER;
  }
});

/** An IP address or CIDR range, or one of Express's names for the private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const secret = (min: number) => z.string().min(min, `must be at least ${min} characters`);

const schema = z
  .object({
    CHECKR_API_KEY: z.string().min(1).optional(),
    // The docs give the staging host with its version (".../v1", seed 000 L274) and production
    // without; the client adds `/v1/...` itself, so a trailing `/v1` is taken off here.
    CHECKR_API_BASE: z
      .url()
      .default(CHECKR_API_BASE)
      .transform((base) => base.replace(/\/+$/, '').replace(/\/v1$/, '')),
    CHECKR_PAY_ACCESS_KEY: z.string().min(1).optional(),
    CHECKR_PAY_SECRET_KEY: z.string().min(1).optional(),
    CHECKR_PAY_ENV: z.enum(['sandbox', 'production']).default('sandbox'),
    /** Overrides of the documented bases, for pointing at the local sandbox run on its own. */
    CHECKR_PAY_API_BASE: z.url().optional(),
    CHECKR_PAY_EMBED_BASE: z.url().optional(),
    BFF_ADMIN_KEY: secret(24).optional(),
    SESSION_SIGNING_KEY: secret(32).optional(),
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        value
          ? value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(origin)),
    DATABASE_URL: z
      .string()
      .default('sqlite:.data/checkr-kit.sqlite')
      .refine(
        (url) =>
          /^sqlite:(\/\/)?(:memory:|[^:]+)$/.test(url) || /^postgres(ql)?:\/\/[^\s]+$/.test(url),
        {
          message: 'must be sqlite:<path> (one process) or postgres://user:pass@host/db (replicas)',
        },
      ),
    /** PostgreSQL: connections per BFF process (every replica's pool must fit max_connections). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** PostgreSQL: the server cancels any one statement that runs longer (statement_timeout). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === '' || value === 'false') return false;
        if (value === 'true') {
          // Express's `true` takes the left-most X-Forwarded-For, which any client writes: the
          // rate limits and the IP in the consent evidence would be whatever the caller says.
          ctx.addIssue({
            code: 'custom',
            message:
              'must not be true (any client could choose its IP): give the number of proxies in front of the BFF, or their addresses',
          });
          return z.NEVER;
        }
        if (/^\d+$/.test(value)) return Number(value);
        const entries = value.split(',').map((entry) => entry.trim());
        if (entries.every(isProxyAddress)) return entries.join(', ');
        ctx.addIssue({
          code: 'custom',
          message:
            "must be a hop count or the proxies' IP addresses or CIDR ranges, comma-separated",
        });
        return z.NEVER;
      }),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    PUBLIC_URL: z.url().optional(),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(1800).default(900),
    /**
     * `dns`: check that the email domain takes mail before calling Checkr (the candidate hears
     * at once). `off`: leave it to Checkr, which checks too; for hosts without outbound DNS.
     */
    EMAIL_DOMAIN_CHECK: z.enum(['dns', 'off']).default('dns'),
    /**
     * Who the signed-in worker is, from the customer's own short-lived JWT sent by ck-pay-embed:
     * verified with a shared HS256 secret or the customer's JWKS, always against an issuer and an
     * audience, naming the worker in `sub` or the claim named here.
     */
    HOST_JWT_SECRET: secret(32).optional(),
    HOST_JWKS_URL: z.url().optional(),
    HOST_JWT_ISSUER: z.string().min(1).max(500).optional(),
    HOST_JWT_AUDIENCE: z.string().min(1).max(500).optional(),
    HOST_JWT_WORKER_CLAIM: z
      .string()
      .regex(/^[\w.:-]{1,100}$/, 'must be a claim name')
      .default('sub'),
    /** Packages Checkr has enabled for candidates under 18: sessions with min_age 16 need one. */
    CHECKR_MINORS_PACKAGES: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    /**
     * How long the account's node list (GET /v1/nodes) is reused when sessions are created; 0
     * reads it for every session.
     */
    CHECKR_NODES_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
    /** Every outbox failure and missed report is POSTed here as JSON (and logged). */
    ALERT_WEBHOOK_URL: z.url().optional(),
    /** Checkr's required contact for PII removal requests of abandoned sessions (seed 001 L2290). */
    PII_REMOVAL_CONTACT_EMAIL: z.email().optional(),
    /**
     * How long consent evidence is kept before `npm run purge` deletes it. Five years by default:
     * the issue's reading of Checkr's advice (the seeds ask for proof of consent for audits and
     * litigation, seed 000 L195, and for Checkr's annual compliance audits, L1144, but name no
     * period; five years is the FCRA's longest limitation period, 15 U.S.C. 1681p). At least a
     * year, so the proof outlives the next annual audit.
     */
    CONSENT_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a whole number of days, like 1826 (five years)' })
      .int('must be a whole number of days, like 1826 (five years)')
      .min(365, 'must be at least 365 days: Checkr audits consent evidence every year')
      .max(36_525, 'must be at most 36525 days (100 years)')
      .default(1826),
    /** An open session with a candidate and no consent after this long is abandoned. */
    ABANDONED_SESSION_MINUTES: z.coerce.number().int().min(1).max(43_200).default(1440),
    /** A report not yet terminal is fetched again after this long without news. */
    REPORT_RECHECK_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
    /** No report.completed this long after ordering raises an alert. */
    REPORT_COMPLETION_ALERT_DAYS: z.coerce.number().min(0.01).max(90).default(14),
    /** Per-try timeout of calls to Checkr and Checkr Pay. */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /**
     * How long an outbox item stays claimed by the replica delivering it; after that another
     * replica may take it (its holder died). Longer than one delivery with its retries.
     */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
    /** Requests per client address per minute, counted across every replica of the store. */
    RATE_LIMIT_APPLY: z.coerce.number().int().min(1).max(1_000_000).default(120),
    RATE_LIMIT_PAY_TOKEN: z.coerce.number().int().min(1).max(1_000_000).default(20),
  })
  .superRefine((env, ctx) => {
    const pair = (a: keyof typeof env, b: keyof typeof env) => {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        const missing = env[a] ? b : a;
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: `is required with ${missing === a ? b : a}`,
        });
      }
    };
    pair('CHECKR_PAY_ACCESS_KEY', 'CHECKR_PAY_SECRET_KEY');
    if (env.HOST_JWT_SECRET && env.HOST_JWKS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['HOST_JWKS_URL'],
        message: 'and HOST_JWT_SECRET are two ways to verify host tokens: set one',
      });
    if (env.HOST_JWT_SECRET || env.HOST_JWKS_URL) {
      // Without both, a token the customer minted for another of their services would open wallets.
      for (const name of ['HOST_JWT_ISSUER', 'HOST_JWT_AUDIENCE'] as const) {
        if (!env[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required with HOST_JWT_SECRET or HOST_JWKS_URL',
          });
      }
    }
    const live = Boolean(env.CHECKR_API_KEY || env.CHECKR_PAY_ACCESS_KEY);
    if (live) {
      for (const name of ['BFF_ADMIN_KEY', 'SESSION_SIGNING_KEY'] as const) {
        if (!env[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required when real keys are set',
          });
      }
      if (env.ALLOWED_ORIGINS.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['ALLOWED_ORIGINS'],
          message: 'is required when real keys are set',
        });
      }
    }
  });

export interface Config {
  /** No key at all: Checkr and Checkr Pay are the in-process simulators. */
  sandbox: boolean;
  checkr: { apiKey: string; apiBase: string } | undefined;
  pay:
    | {
        accessKey: string;
        secretKey: string;
        apiBase: string;
        embedBase: string;
        env: 'sandbox' | 'production';
      }
    | undefined;
  adminKey: string;
  sessionSigningKey: string;
  sessionTtlSeconds: number;
  upstreamTimeoutMs: number;
  outboxLeaseMs: number;
  rateLimits: { windowMs: number; apply: number; token: number };
  minorsPackages: readonly string[];
  nodesCacheMs: number;
  alertWebhookUrl: string | undefined;
  piiRemovalContactEmail: string | undefined;
  reconcile: { abandonAfterMs: number; recheckAfterMs: number; completionAlertAfterMs: number };
  /** Consent evidence older than this is deleted by `npm run purge`. */
  consentRetentionDays: number;
  /** Host sign-in by JWT, when configured. */
  hostJwt:
    | {
        secret?: string;
        jwksUrl?: string;
        issuer: string;
        audience: string;
        workerClaim: string;
      }
    | undefined;
  emailDomainCheck: 'dns' | 'off';
  allowedOrigins: readonly string[];
  databaseUrl: string;
  databasePoolMax: number;
  databaseStatementTimeoutMs: number;
  /** Express `trust proxy`: a hop count, or the proxies' addresses (never `true`). */
  trustProxy: false | number | string;
  port: number;
  publicUrl: string | undefined;
}

export { ConfigError };

/**
 * Parses the environment once. The first problem stops start-up with one line naming the
 * variable; the message never echoes a value, since values may be secrets.
 */
export function parseConfig(environment: NodeJS.ProcessEnv): Readonly<Config> {
  const parsed = schema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `Configuration error: ${issue.path.join('.') || 'environment'} ${issue.message}`,
    );
  }
  const env = parsed.data;
  const sandbox = !env.CHECKR_API_KEY && !env.CHECKR_PAY_ACCESS_KEY;
  // Sandbox mode invents its secrets per process: nothing real to protect, nothing to configure.
  const invent = () => randomBytes(32).toString('base64url');
  return Object.freeze({
    sandbox,
    checkr: env.CHECKR_API_KEY
      ? { apiKey: env.CHECKR_API_KEY, apiBase: env.CHECKR_API_BASE }
      : undefined,
    pay: env.CHECKR_PAY_ACCESS_KEY
      ? {
          accessKey: env.CHECKR_PAY_ACCESS_KEY,
          secretKey: env.CHECKR_PAY_SECRET_KEY!,
          env: env.CHECKR_PAY_ENV,
          apiBase: env.CHECKR_PAY_API_BASE ?? PAY_ENVIRONMENTS[env.CHECKR_PAY_ENV].apiBase,
          embedBase: env.CHECKR_PAY_EMBED_BASE ?? PAY_ENVIRONMENTS[env.CHECKR_PAY_ENV].embedBase,
        }
      : undefined,
    adminKey: env.BFF_ADMIN_KEY ?? invent(),
    sessionSigningKey: env.SESSION_SIGNING_KEY ?? invent(),
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    outboxLeaseMs: env.OUTBOX_LEASE_MS,
    rateLimits: { windowMs: 60_000, apply: env.RATE_LIMIT_APPLY, token: env.RATE_LIMIT_PAY_TOKEN },
    minorsPackages: Object.freeze([...env.CHECKR_MINORS_PACKAGES]),
    nodesCacheMs: env.CHECKR_NODES_CACHE_SECONDS * 1000,
    alertWebhookUrl: env.ALERT_WEBHOOK_URL,
    piiRemovalContactEmail: env.PII_REMOVAL_CONTACT_EMAIL,
    reconcile: {
      abandonAfterMs: env.ABANDONED_SESSION_MINUTES * 60_000,
      recheckAfterMs: env.REPORT_RECHECK_MINUTES * 60_000,
      completionAlertAfterMs: env.REPORT_COMPLETION_ALERT_DAYS * 86_400_000,
    },
    consentRetentionDays: env.CONSENT_RETENTION_DAYS,
    hostJwt:
      env.HOST_JWT_SECRET || env.HOST_JWKS_URL
        ? {
            ...(env.HOST_JWT_SECRET ? { secret: env.HOST_JWT_SECRET } : {}),
            ...(env.HOST_JWKS_URL ? { jwksUrl: env.HOST_JWKS_URL } : {}),
            issuer: env.HOST_JWT_ISSUER!,
            audience: env.HOST_JWT_AUDIENCE!,
            workerClaim: env.HOST_JWT_WORKER_CLAIM,
          }
        : undefined,
    emailDomainCheck: env.EMAIL_DOMAIN_CHECK,
    allowedOrigins: Object.freeze([...env.ALLOWED_ORIGINS]),
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    databaseStatementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
  });
}
