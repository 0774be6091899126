import { asText, fail, ok, type ValidationResult } from './result.ts';

/** Checkr: "The string length must be <=255". */
export const EMAIL_MAX_LENGTH = 255;
/** RFC 5321 §4.5.3.1.1: a local part is at most 64 octets. */
const LOCAL_PART_MAX_LENGTH = 64;

// RFC 5322 §3.2.3 atext, as a dot-atom: atoms separated by single dots.
const DOT_ATOM_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A host name: LDH labels of 1 to 63 characters, no hyphen at either end (RFC 1035, RFC 5321).
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A plausible top-level domain: letters only, or an IDN A-label (xn--).
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Syntax of an RFC 5322 addr-spec, with one deliberate policy on top:
 *
 * - Quoted local parts (`"john doe"@example.com`) and domain literals (`john@[192.0.2.1]`) are
 *   valid RFC 5322 but refused with `email_unsupported_format`. No consumer mailbox needs them,
 *   Checkr must be able to email the candidate about exceptions, and a domain literal cannot pass
 *   the "configured to accept email" check that Checkr runs on the domain.
 * - Non-ASCII addresses (RFC 6531) are refused for the same reason: RFC 5322 is ASCII.
 * - Comments and folding white space are not accepted; the address is trimmed, and the domain
 *   lower-cased (domains are case-insensitive; local parts may not be, so they are kept).
 */
export function validateEmail(input: unknown): ValidationResult<string> {
  const raw = asText(input).trim();
  if (raw === '') return fail('email_required', '/email');
  if (raw.length > EMAIL_MAX_LENGTH) {
    return fail('email_too_long', '/email', { max: EMAIL_MAX_LENGTH });
  }
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1) return fail('email_invalid', '/email');
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1).toLowerCase();
  if (local.startsWith('"') || domain.startsWith('[')) {
    return fail('email_unsupported_format', '/email');
  }
  if (local.length > LOCAL_PART_MAX_LENGTH || !DOT_ATOM_LOCAL.test(local)) {
    return fail('email_invalid', '/email');
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return fail('email_invalid', '/email');
  }
  if (!TLD.test(labels[labels.length - 1] ?? '')) return fail('email_domain_invalid', '/email');
  return ok(`${local}@${domain}`);
}

/** Domains people mean when they mistype; also the ones never to "correct" (mail.com is real). */
const KNOWN_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'comcast.net',
  'att.net',
  'sbcglobal.net',
  'verizon.net',
  'cox.net',
  'charter.net',
  'bellsouth.net',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'zoho.com',
  'yahoo.es',
  'hotmail.es',
  'outlook.es',
];
const KNOWN_TLDS = ['com', 'net', 'org', 'edu', 'gov', 'us', 'me', 'io', 'es', 'mx', 'co'];

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), capped. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current.push(value);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

function closest(word: string, candidates: readonly string[], cap: number): string | undefined {
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, cap);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * "Did you mean …?" for common provider typos: `ana@gmeil.con` gives `ana@gmail.com`. Not an
 * error: the candidate may really use that domain, so the field offers the suggestion and keeps
 * what they typed until they accept it. Returns `undefined` when there is nothing to suggest.
 */
export function suggestEmail(input: unknown): string | undefined {
  const raw = asText(input).trim();
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1) return undefined;
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1).toLowerCase();
  if (KNOWN_DOMAINS.includes(domain)) return undefined;
  const provider = closest(domain, KNOWN_DOMAINS, domain.length > 6 ? 2 : 1);
  if (provider) return `${local}@${provider}`;
  const dot = domain.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const tld = domain.slice(dot + 1);
  if (KNOWN_TLDS.includes(tld)) return undefined;
  const fixedTld = closest(tld, KNOWN_TLDS, 1);
  return fixedTld ? `${local}@${domain.slice(0, dot + 1)}${fixedTld}` : undefined;
}
