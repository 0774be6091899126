import { pino, type DestinationStream, type Logger as Pino } from 'pino';

/**
 * The BFF's structured logger: pino (JSON lines, the de-facto Node standard operators' log
 * pipelines already parse, and the fastest), with two layers so no call site has to remember:
 * - redaction paths: every field that can hold PII, a secret or a token is censored by name,
 *   at the top level and two levels down, whoever logs it;
 * - free text: anything shaped like an SSN, an email address, a JWT or a bearer credential is
 *   masked inside messages and string values (for text that came from elsewhere, like an error).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Field names whose values never reach a log line: the candidate's PII, keys, tokens, headers. */
export const REDACTED_FIELDS = [
  // The candidate (Checkr's candidate fields, and our camelCase of them)
  'first_name',
  'middle_name',
  'last_name',
  'firstName',
  'middleName',
  'lastName',
  'name',
  'email',
  'phone',
  'zipcode',
  'dob',
  'ssn',
  'driver_license_number',
  'driverLicenseNumber',
  'signature_name',
  'signatureName',
  'drawn_signature',
  'drawnSignature',
  'prefill',
  'address',
  'street',
  'street2',
  'postalCode',
  'phoneNumber',
  'profile',
  'ip',
  'userAgent',
  'user_agent',
  // Keys and secrets
  'apiKey',
  'accessKey',
  'secretKey',
  'adminKey',
  'sessionSigningKey',
  'password',
  'secret',
  // Tokens and credentials in transit
  'token',
  'session_token',
  'sessionToken',
  'tempAuthToken',
  'embed_url',
  'authorization',
  'cookie',
  'set-cookie',
  'x-checkr-signature',
  'x-checkrpay-signature',
] as const;

const CENSOR = '[redacted]';
const key = (field: string) => (/^\w+$/.test(field) ? `.${field}` : `["${field}"]`);
const redactPaths = REDACTED_FIELDS.flatMap((field) => [
  key(field).replace(/^\./, ''),
  `*${key(field)}`,
  `*.*${key(field)}`,
]);

const SENSITIVE_TEXT: Array<[RegExp, string]> = [
  [/\b\d{3}-?\d{2}-?\d{4}\b/g, '[redacted-ssn]'],
  [/[^\s@"']+@[^\s@"']+\.[a-z]{2,}/gi, '[redacted-email]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted-jwt]'],
  [/\b(Bearer|Basic)\s+\S+/gi, '$1 [redacted]'],
];

/** Masks PII- and token-shaped text inside a string. */
export function maskText(text: string): string {
  return SENSITIVE_TEXT.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
}

function maskStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 4 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, depth + 1)]));
}

function wrap(logger: Pino): Logger {
  return {
    info: (message, fields = {}) => logger.info(fields, message),
    warn: (message, fields = {}) => logger.warn(fields, message),
    error: (message, fields = {}) => logger.error(fields, message),
  };
}

/** A pino logger writing JSON lines to `destination` (stdout by default). */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: CENSOR },
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object: Record<string, unknown>) => maskStrings(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(this: Pino, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskText(arg) : arg)),
        );
      },
    },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

/** For tests: keeps lines in memory so a test can scan them for PII. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({ write: (line: string) => lines.push(line.trimEnd()) }), {
    lines,
  });
}
