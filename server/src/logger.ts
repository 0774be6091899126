/**
 * A structured logger that cannot leak: every field is passed through `redact`, which drops the
 * values of keys that hold PII, secrets or tokens, and masks anything shaped like an SSN, an email
 * address or a bearer token inside free text.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SENSITIVE_KEY =
  /ssn|dob|birth|email|phone|first_?name|last_?name|middle_?name|license|licence|zip|token|secret|password|authorization|cookie|key|signature|ip$|^ip|user_?agent|address/i;
const SENSITIVE_TEXT: Array<[RegExp, string]> = [
  [/\b\d{3}-?\d{2}-?\d{4}\b/g, '[redacted-ssn]'],
  [/[^\s@"']+@[^\s@"']+\.[a-z]{2,}/gi, '[redacted-email]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted-jwt]'],
  [/\b(Bearer|Basic)\s+\S+/gi, '$1 [redacted]'],
];

export function redact(value: unknown, key = ''): unknown {
  if (key && SENSITIVE_KEY.test(key)) return '[redacted]';
  if (typeof value === 'string') {
    return SENSITIVE_TEXT.reduce(
      (text, [pattern, replacement]) => text.replace(pattern, replacement),
      value,
    );
  }
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log = (level: string, message: string, fields: Record<string, unknown> = {}) =>
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        message: redact(message),
        ...(redact(fields) as object),
      }),
    );
  return {
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}

/** For tests: keeps lines in memory so a test can scan them for PII. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line)),
    { lines },
  );
}
