import { validateDob } from './dob.ts';
import { validateDriverLicense, type DriverLicense } from './driver-license.ts';
import { validateEmail } from './email.ts';
import { validatePhone, validateZipcode } from './contact.ts';
import { validateFirstName, validateLastName, validateMiddleName } from './names.ts';
import type { ValidationIssue, ValidationResult } from './result.ts';
import { validateSsn } from './ssn.ts';
import type { UsState } from './states.ts';

/** What the candidate typed, under Checkr's own field names. Anything may be missing or wrong. */
export interface CandidateInput {
  first_name?: unknown;
  middle_name?: unknown;
  no_middle_name?: unknown;
  last_name?: unknown;
  email?: unknown;
  phone?: unknown;
  zipcode?: unknown;
  dob?: unknown;
  ssn?: unknown;
  driver_license_number?: unknown;
  driver_license_state?: unknown;
}

/** What the package needs, from the BFF's config. */
export interface CandidateRules {
  minAge: 16 | 18;
  /** Criminal screenings need the SSN and, with it, the zip code (Checkr §2.1). */
  requireSsn: boolean;
  /** MVR screenings need the licence number and its state. */
  requireDriverLicense: boolean;
  /** `YYYY-MM-DD` to compute ages against; defaults to today. */
  today?: string;
}

/** The normalized candidate, ready for Checkr's `POST /v1/candidates`. */
export interface Candidate {
  first_name: string;
  middle_name?: string;
  no_middle_name: boolean;
  last_name: string;
  email: string;
  phone?: string;
  zipcode?: string;
  dob: string;
  ssn?: string;
  driver_license_number?: string;
  driver_license_state?: UsState;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Every rule at once: `{ ok: false, errors }` lists every failing field, so a form can mark them
 * all in one pass. Optional fields that are blank are left out of the value; optional fields that
 * are filled must still be valid (a wrong SSN is never silently dropped).
 */
export function validateCandidate(
  input: CandidateInput | null | undefined,
  rules: CandidateRules,
): ValidationResult<Candidate> {
  const source: CandidateInput = input && typeof input === 'object' ? input : {};
  const errors: ValidationIssue[] = [];
  const take = <T>(result: ValidationResult<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.push(...result.errors);
    return undefined;
  };

  const noMiddleName = source.no_middle_name === true;
  const first = take(validateFirstName(source.first_name));
  const middle = take(validateMiddleName(source.middle_name, noMiddleName));
  const last = take(validateLastName(source.last_name));
  const email = take(validateEmail(source.email));
  const phone = take(validatePhone(source.phone));
  const dob = take(validateDob(source.dob, { minAge: rules.minAge, today: rules.today }));

  const wantsZip = rules.requireSsn || !isBlank(source.zipcode);
  const zipcode = wantsZip ? take(validateZipcode(source.zipcode)) : undefined;
  const wantsSsn = rules.requireSsn || !isBlank(source.ssn);
  const ssn = wantsSsn ? take(validateSsn(source.ssn)) : undefined;

  const wantsLicense =
    rules.requireDriverLicense ||
    !isBlank(source.driver_license_number) ||
    !isBlank(source.driver_license_state);
  let license: DriverLicense | undefined;
  if (wantsLicense)
    license = take(
      validateDriverLicense(source.driver_license_number, source.driver_license_state),
    );

  if (errors.length > 0) return { ok: false, errors };
  const value: Candidate = {
    first_name: first!,
    no_middle_name: noMiddleName,
    last_name: last!,
    email: email!,
    dob: dob!,
  };
  if (middle) value.middle_name = middle;
  if (phone) value.phone = phone;
  if (zipcode) value.zipcode = zipcode;
  if (ssn) value.ssn = ssn;
  if (license) Object.assign(value, license);
  return { ok: true, value };
}
