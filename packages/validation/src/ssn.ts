import { asText, fail, ok, type ValidationResult } from './result.ts';

/** Digits only, after the dashes and spaces people type; `undefined` if anything else is there. */
function ssnDigits(input: unknown): string | undefined {
  const stripped = asText(input).replace(/[\s-]/g, '');
  return /^\d*$/.test(stripped) ? stripped : undefined;
}

/**
 * Checkr's five SSN controls (exactly 9 digits; not 666; not starting with 9, which Checkr
 * answers "SSN is invalid. TIN was provided."; not one repeated digit; not 123-45-6789) plus the
 * SSA's never-issued blocks: area 000, group 00, serial 0000. Normalized to `XXX-XX-XXXX`.
 */
export function validateSsn(input: unknown): ValidationResult<string> {
  if (asText(input).trim() === '') return fail('ssn_required', '/ssn');
  const digits = ssnDigits(input);
  if (digits === undefined) return fail('ssn_invalid', '/ssn');
  if (digits.length !== 9) return fail('ssn_wrong_length', '/ssn');
  const area = digits.slice(0, 3);
  if (area === '666') return fail('ssn_area_666', '/ssn');
  if (area.startsWith('9')) return fail('ssn_itin', '/ssn');
  if (area === '000') return fail('ssn_area_000', '/ssn');
  if (digits.slice(3, 5) === '00') return fail('ssn_group_00', '/ssn');
  if (digits.slice(5) === '0000') return fail('ssn_serial_0000', '/ssn');
  if (/^(\d)\1{8}$/.test(digits)) return fail('ssn_repeated_digit', '/ssn');
  if (digits === '123456789') return fail('ssn_sequential', '/ssn');
  return ok(formatSsn(digits));
}

/** `123456789` or partial input as typed, with the dashes where they belong: `123-45-6789`. */
export function formatSsn(input: unknown): string {
  const digits = asText(input).replace(/\D/g, '').slice(0, 9);
  if (digits.length <= 3) return digits;
  if (digits.length <= 5) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** The form Checkr returns and the only form safe to show or log: `XXX-XX-1234`. */
export function maskSsn(input: unknown): string {
  const digits = asText(input).replace(/\D/g, '');
  return `XXX-XX-${digits.length >= 4 ? digits.slice(-4) : 'XXXX'}`;
}
