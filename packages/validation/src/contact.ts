import { asText, fail, ok, type ValidationResult } from './result.ts';

/**
 * Checkr wants a "5-digit zip code". ZIP+4 (`12345-6789` or `123456789`) is accepted and reduced
 * to its first five digits, which is what a candidate who knows their ZIP+4 means. 00000 is no
 * ZIP code.
 */
export function validateZipcode(input: unknown): ValidationResult<string> {
  const text = asText(input).trim();
  if (text === '') return fail('zipcode_required', '/zipcode');
  const match = /^(\d{5})(?:[\s-]?\d{4})?$/.exec(text);
  if (!match || match[1] === '00000') return fail('zipcode_invalid', '/zipcode');
  return ok(match[1]!);
}

/**
 * A US (NANP) number: 10 digits after removing spaces, dots, dashes and parentheses, with an
 * optional leading `+1` or `1`; area code and exchange cannot start with 0 or 1. Normalized to
 * the 10 digits, as in Checkr's examples (`2035408926`). Optional on the candidate: empty is ok.
 */
export function validatePhone(input: unknown): ValidationResult<string> {
  const text = asText(input).trim();
  if (text === '') return ok('');
  if (!/^\+?[\d\s().-]+$/.test(text)) return fail('phone_invalid', '/phone');
  let digits = text.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  else if (text.startsWith('+')) return fail('phone_invalid', '/phone');
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return fail('phone_invalid', '/phone');
  return ok(digits);
}
