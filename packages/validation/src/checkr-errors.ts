import type { ErrorCode, ValidationIssue } from './result.ts';

/**
 * Checkr's candidate-field 400 texts, verbatim from its error table (spec §3.6), and the codes
 * they mean. The sandbox answers with these texts; the BFF maps them back onto fields. Where
 * Checkr joins several messages in one string, each is found separately.
 */
export const CHECKR_CANDIDATE_ERRORS: ReadonlyArray<{
  text: string;
  issues: ReadonlyArray<{ code: ErrorCode; pointer: string; params?: ValidationIssue['params'] }>;
}> = [
  { text: 'SSN is invalid. TIN was provided.', issues: [{ code: 'ssn_itin', pointer: '/ssn' }] },
  { text: 'SSN has already been taken', issues: [{ code: 'ssn_taken', pointer: '/ssn' }] },
  { text: 'SSN is invalid', issues: [{ code: 'ssn_invalid', pointer: '/ssn' }] },
  { text: 'Zipcode is invalid', issues: [{ code: 'zipcode_invalid', pointer: '/zipcode' }] },
  {
    text: 'Email is not a valid email address',
    issues: [{ code: 'email_invalid', pointer: '/email' }],
  },
  {
    text: 'First name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas',
    issues: [{ code: 'first_name_invalid_characters', pointer: '/first_name' }],
  },
  {
    text: 'Last name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas',
    issues: [{ code: 'last_name_invalid_characters', pointer: '/last_name' }],
  },
  {
    text: 'Middle name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas.',
    issues: [{ code: 'middle_name_invalid_characters', pointer: '/middle_name' }],
  },
  {
    text: 'Candidate must have a driver license number and a driver license state for the package mvr',
    issues: [{ code: 'driver_license_required', pointer: '/driver_license_number' }],
  },
  {
    text: 'Candidate must_not have middle name when no_middle_name flag is set to true for the candidate report_id=',
    issues: [{ code: 'middle_name_not_allowed', pointer: '/middle_name' }],
  },
  {
    text: 'Candidate must have middle name when no_middle_name flag is set for the candidate report_id=',
    issues: [{ code: 'middle_name_required', pointer: '/middle_name' }],
  },
  {
    text: 'Report driver license state not supported or not enabled for account',
    issues: [{ code: 'driver_license_state_not_supported', pointer: '/driver_license_state' }],
  },
  {
    text: 'Candidate must be at least 16 years old',
    issues: [{ code: 'dob_too_young', pointer: '/dob', params: { minAge: 16 } }],
  },
  {
    text: 'Candidate must be at least 18 years old',
    issues: [{ code: 'dob_too_young', pointer: '/dob', params: { minAge: 18 } }],
  },
  {
    text: 'Candidate must have SSN for the package driver_premium',
    issues: [{ code: 'ssn_required', pointer: '/ssn' }],
  },
  {
    text: 'Number Driver license number must only contain letters, numbers, spaces, hyphens, and asterisks',
    issues: [
      { code: 'driver_license_number_invalid_characters', pointer: '/driver_license_number' },
    ],
  },
  {
    text: "Number can't be blank",
    issues: [{ code: 'driver_license_number_required', pointer: '/driver_license_number' }],
  },
  {
    text: "State can't be blank",
    issues: [{ code: 'driver_license_state_required', pointer: '/driver_license_state' }],
  },
  {
    text: 'State is not a valid US state',
    issues: [{ code: 'driver_license_state_invalid', pointer: '/driver_license_state' }],
  },
  {
    text: 'No middle name can not be updated, No middle name must have middle name when no_middle_name flag is set to false for the candidate candidate_id=',
    issues: [
      { code: 'no_middle_name_locked', pointer: '/no_middle_name' },
      { code: 'middle_name_required', pointer: '/middle_name' },
    ],
  },
];

/**
 * Field issues in a Checkr error message, or `[]` when it names none. Longer texts are matched
 * first and cut out, so "SSN is invalid" is not found again inside "SSN is invalid. TIN was
 * provided.", and the `report_id=…` / `candidate_id=…` suffixes Checkr appends do not matter.
 */
export function issuesFromCheckrMessage(message: string): ValidationIssue[] {
  let rest = message;
  const found: ValidationIssue[] = [];
  const byLength = [...CHECKR_CANDIDATE_ERRORS].sort((x, y) => y.text.length - x.text.length);
  for (const entry of byLength) {
    if (!rest.includes(entry.text)) continue;
    rest = rest.split(entry.text).join('\u0000');
    for (const issue of entry.issues) {
      found.push(issue.params ? { ...issue, params: { ...issue.params } } : { ...issue });
    }
  }
  return found;
}

/** The Checkr text for a code, for the sandbox to answer with; `undefined` for kit-only codes. */
export function checkrMessageFor(issue: ValidationIssue): string | undefined {
  if (issue.code === 'dob_too_young') {
    return `Candidate must be at least ${issue.params?.minAge === 16 ? 16 : 18} years old`;
  }
  const direct = CHECKR_CANDIDATE_ERRORS.find(
    (entry) => entry.issues.length === 1 && entry.issues[0]!.code === issue.code,
  );
  return direct?.text;
}
