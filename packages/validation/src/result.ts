/**
 * One issue with one field. `code` is the stable key that catalogs translate; `pointer` is a JSON
 * pointer (RFC 6901) into the candidate object, such as `/ssn`.
 */
export interface ValidationIssue {
  code: ErrorCode;
  pointer: string;
  params?: Record<string, string | number>;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** Every code a validator in this package can produce, plus the ones the BFF maps from Checkr. */
export type ErrorCode =
  | 'first_name_required'
  | 'first_name_invalid_characters'
  | 'first_name_too_long'
  | 'middle_name_required'
  | 'middle_name_not_allowed'
  | 'middle_name_invalid_characters'
  | 'middle_name_too_long'
  | 'no_middle_name_locked'
  | 'last_name_required'
  | 'last_name_invalid_characters'
  | 'last_name_too_long'
  | 'email_required'
  | 'email_invalid'
  | 'email_too_long'
  | 'email_unsupported_format'
  | 'email_domain_invalid'
  | 'email_domain_no_mail'
  | 'phone_invalid'
  | 'zipcode_required'
  | 'zipcode_invalid'
  | 'dob_required'
  | 'dob_invalid'
  | 'dob_in_future'
  | 'dob_too_young'
  | 'dob_too_old'
  | 'ssn_required'
  | 'ssn_invalid'
  | 'ssn_wrong_length'
  | 'ssn_itin'
  | 'ssn_area_666'
  | 'ssn_area_000'
  | 'ssn_group_00'
  | 'ssn_serial_0000'
  | 'ssn_repeated_digit'
  | 'ssn_sequential'
  | 'ssn_taken'
  | 'driver_license_required'
  | 'driver_license_number_required'
  | 'driver_license_number_invalid'
  | 'driver_license_number_invalid_characters'
  | 'driver_license_state_required'
  | 'driver_license_state_invalid'
  | 'driver_license_state_not_supported'
  | 'residence_state_required'
  | 'residence_state_invalid'
  | 'residence_state_zip_mismatch';

export function ok<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  pointer: string,
  params?: ValidationIssue['params'],
): ValidationResult<T> {
  return { ok: false, errors: [params ? { code, pointer, params } : { code, pointer }] };
}

/** Anything a caller may pass from a form or JSON body; validators never throw on it. */
export function asText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return '';
}
