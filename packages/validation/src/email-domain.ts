import { fail, ok, type ValidationResult } from './result.ts';

/** The part of `node:dns/promises` the check needs, so tests and the server can inject one. */
export interface MailResolver {
  resolveMx(domain: string): Promise<Array<{ exchange: string; priority: number }>>;
  resolve4(domain: string): Promise<string[]>;
  resolve6(domain: string): Promise<string[]>;
}

export interface DomainCheck {
  /** `true` when DNS answered; `false` when DNS could not be asked and the address was let through. */
  verified: boolean;
}

/** Codes of `node:dns` that mean "this name has no such record", as opposed to "DNS failed". */
const NO_SUCH_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

function isNoSuchRecord(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NO_SUCH_RECORD.has(code);
}

class DnsTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DnsTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Server-only: does the domain of an already syntax-checked address accept mail? RFC 5321 §5.1:
 * look for MX records; with none, the domain's own A/AAAA address is the implicit MX. A "null MX"
 * (RFC 7505: one MX whose exchange is ".") says the domain takes no mail at all.
 *
 * When DNS itself cannot answer (timeout, SERVFAIL, no network, or a resolver that says "not
 * found" even for `canary`, a domain known to take mail) the address is let through with
 * `verified: false`. A candidate must never be stuck because of our infrastructure, and Checkr runs
 * the same check when the candidate is created, so a truly dead domain still comes back as an
 * email error on the field, just one step later.
 */
export async function checkEmailDomain(
  email: string,
  resolver: MailResolver,
  { timeoutMs = 3000, canary = 'gmail.com' }: { timeoutMs?: number; canary?: string } = {},
): Promise<ValidationResult<DomainCheck>> {
  const result = await lookUp(email, resolver, timeoutMs);
  if (result.ok || canary === '') return result;
  // A resolver that is cut off can answer "no such domain" for every name. Before telling a
  // candidate their domain takes no mail, make sure DNS can see a domain that certainly does.
  const control = await lookUp(`canary@${canary}`, resolver, timeoutMs);
  return control.ok && control.value.verified ? result : ok({ verified: false });
}

async function lookUp(
  email: string,
  resolver: MailResolver,
  timeoutMs: number,
): Promise<ValidationResult<DomainCheck>> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (!domain) return fail('email_invalid', '/email');
  try {
    const mx = await withTimeout(resolver.resolveMx(domain).catch(noRecordsAsEmpty), timeoutMs);
    if (mx.length > 0) {
      const nullMx = mx.every((record) => record.exchange === '' || record.exchange === '.');
      return nullMx ? fail('email_domain_no_mail', '/email') : ok({ verified: true });
    }
    const [v4, v6] = await withTimeout(
      Promise.all([
        resolver.resolve4(domain).catch(noRecordsAsEmpty),
        resolver.resolve6(domain).catch(noRecordsAsEmpty),
      ]),
      timeoutMs,
    );
    return v4.length + v6.length > 0
      ? ok({ verified: true })
      : fail('email_domain_no_mail', '/email');
  } catch {
    return ok({ verified: false });
  }
}

function noRecordsAsEmpty(error: unknown): never[] {
  if (isNoSuchRecord(error)) return [];
  throw error;
}
