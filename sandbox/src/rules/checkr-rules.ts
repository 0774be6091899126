/**
 * Checkr's rules as the simulator enforces them, transcribed from the documents on their own
 * (never from the kit: the sandbox may not import @checkr-kit/validation, a lint rule checks).
 * `F1 Lnnn` is a line of ../shared/seeds/001_9e5f53c0d3977134.txt ("Checkr.com API Docs (v1)"),
 * `F0 Lnnn` of 000_1460b6f0a3753370.txt (the Python SDK docs). Where the two or a table and its
 * text disagree, the comment says which reading the simulator takes and why. Texts marked
 * "undocumented" have no wording in the docs; they are the simulator's own and say so.
 */

/** A DNS look-up the email rule needs (F1 L1353: "configured to accept email"). */
export interface MailDns {
  resolveMx(domain: string): Promise<Array<{ exchange: string; priority: number }>>;
}

/** The error texts of F1's table (L1370-1399), each with its line. */
export const TEXT = {
  ssnInvalid: 'SSN is invalid', // F1 L1372
  zipcodeInvalid: 'Zipcode is invalid', // F1 L1373
  emailInvalid: 'Email is not a valid email address', // F1 L1374
  firstNameChars:
    'First name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas', // F1 L1375
  lastNameChars:
    'Last name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas', // F1 L1376
  mvrMissing: (pkg: string) =>
    `Candidate must have a driver license number and a driver license state for the package ${pkg}`, // F1 L1378 ("mvr" there is the package)
  ssnTin: 'SSN is invalid. TIN was provided.', // F1 L1380
  middleNameForbidden:
    'Candidate must_not have middle name when no_middle_name flag is set to true for the candidate report_id=', // F1 L1383
  tooYoung16: 'Candidate must be at least 16 years old', // F1 L1385
  ssnMissing: (pkg: string) => `Candidate must have SSN for the package ${pkg}`, // F1 L1387
  middleNameChars:
    'Middle name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas.', // F1 L1389 (its own final period)
  licenceChars:
    'Number Driver license number must only contain letters, numbers, spaces, hyphens, and asterisks', // F1 L1390
  middleNameRequired:
    'Candidate must have middle name when no_middle_name flag is set for the candidate report_id=', // F1 L1391
  licenceStateInvalid: 'State is not a valid US state', // F1 L1392
  duplicateReport:
    'Duplicate report detected. No more than 3 reports per candidate can be created within a 24 hour period', // F1 L1398
  duplicateCandidate:
    'Duplicate candidate detected. No more than 2 duplicate candidates can be created within a 24 hour period', // F1 L1399
  packageNotFound: 'Package not found', // F1 L3741
  ssnLocked: 'Candidate SSN can not be updated because it has reports', // F1 L2044
  // Undocumented wordings, in the style of the table (Rails "X can't be blank", L1392):
  firstNameBlank: "First name can't be blank",
  lastNameBlank: "Last name can't be blank",
  emailBlank: "Email can't be blank",
  dobInvalid: 'Dob is not a valid date (undocumented text)',
  licenceNumberForState: (state: string) =>
    `Number is not a valid driver license number for ${state} (undocumented text)`,
  missingForPackage: (field: string, pkg: string) =>
    `Candidate must have ${field} for the package ${pkg}`, // pattern of L1387
  workLocationState: 'Work locations state is required for US candidates (undocumented text)',
  workLocationCountry:
    'Work locations country is not supported by /v1/reports; order international checks with /v1/invitations (undocumented text)',
  nodeNotFound: 'Node not found (undocumented text)',
  nodeRequired: 'Node is required when nodes exist on the account (undocumented text)', // F1 L357
  listParametersInvalid:
    'page must be 1 or more, per_page 0 to 100, order_by custom_id or created_at, order asc or desc (undocumented text)', // F0 L1390-1392, F1 L1689-1705
  packageNotAtNode: 'Package is not assigned to the node or its ancestors (undocumented text)', // F1 L1679
} as const;

/**
 * F1 L1278: "[a-zA-Z0-9ªµºÀ-ÖØ-öø-ÿ\-'., ]". The per-field schema pattern "[a-zA-Z0-9 -'.,]*"
 * (L1778) has an unescaped range " -'" (space to apostrophe, so !"#$%&) and no accents; the
 * supported-characters section is the one written as a rule, and it is what the simulator
 * enforces. Õ is inside À-Ö although the table (L1284) shows "{" in its place: the range wins.
 * No maximum length is documented, so none is enforced.
 */
const NAME_CHARACTERS = /^[a-zA-Z0-9ªµºÀ-ÖØ-öø-ÿ\-'., ]*$/;

/**
 * F1 L1295-1349, each row as printed (Ruby: \A start, \z end, alternatives joined by " OR ").
 * MA (L1316) is printed without its / delimiters and MT (L1321-1323) with a stray "\ " before
 * its last alternative; both read as the typos they are.
 */
const LICENCE_TABLE: Record<string, string> = {
  AL: '/\\A\\d{7,8}\\z/', // L1295
  AK: '/\\A\\d{7}\\z/', // L1296
  AZ: '/\\A[A-Z]{1}\\d{8}\\z/ OR /\\A\\d{9}\\z/', // L1297
  AR: '/\\A\\d{9}\\z/', // L1298
  CA: '/\\A[A-Z]{1}\\d{7}\\z/', // L1299
  CO: '/\\A\\d{9}\\z/', // L1300
  CT: '/\\A\\d{9}\\z/', // L1301
  DE: '/\\A\\d{2,7}\\z/', // L1302
  DC: '/\\A\\d{7,9}\\z/', // L1303
  FL: '/\\A[A-Z]{1}\\d{12}\\z/', // L1304
  GA: '/\\A\\d{9}\\z/', // L1305
  HI: '/\\AH\\d{8}\\z/ OR /\\A\\d{9}\\z/', // L1306
  ID: '/\\A[A-Z]{2}\\d{6}[A-Z]{1}\\z/ OR /\\A\\d{9}\\z/', // L1307
  IL: '/\\A[A-Z]{1}\\d{11,12}\\z/', // L1308
  IN: '/\\A\\d{10}\\z/', // L1309
  IA: '/(\\A\\d{9}\\z)/ OR /(\\A\\d{3}[A-Z]{2}\\d{4}\\z)/', // L1310
  KS: '/\\A[K]{1}\\d{8}\\z/', // L1311
  KY: '/\\A[A-Z]{1}\\d{8}\\z/', // L1312
  LA: '/\\A[0]{0,1}\\d{7,8}\\z/', // L1313
  ME: '/\\A\\d{7}\\z/', // L1314
  MD: '/\\A[A-Z]{1}\\d{12}\\z/ OR /\\AMD\\d{11}\\z/', // L1315
  MA: '\\ASA\\d{7}\\z OR \\AS\\d{8}\\z OR \\A\\d{9}\\z', // L1316
  MI: '/\\A[A-Z]{1}\\d{12}\\z/', // L1317
  MN: '/\\A[A-Z]{1}\\d{12}\\z/', // L1318
  MS: '/\\A\\d{9}\\z/', // L1319
  MO: '/(\\A\\d{9}\\z)/ OR /(\\A[A-Z]{1}\\d{5,9}\\z)/ OR /(\\A\\d{3}[A-Z]{1}\\d{6}\\z)/', // L1320
  MT: '/(\\A\\d{13}\\z)/ OR /(\\A(\\d|[A-Z]){9}\\z)/ OR \\ /(\\A[A-Z]{3}\\d{10}\\z)/', // L1321-1323
  NE: '/\\A[A-Z]{1}\\d{3,8}\\z/', // L1325
  NV: '/\\A\\d{10}\\z/', // L1326
  NH: '/(\\A\\d{2}[A-Z]{3}\\d{5}\\z)/ OR /(\\ANHL\\d{8}\\z)/', // L1327
  NJ: '/\\A[A-Z]{1}\\d{14}\\z/', // L1328
  NM: '/\\A\\d{9}\\z/', // L1329
  NY: '/(\\A\\d{9}\\z)/ OR /(\\A[A-Z]{1}\\d{18}\\z)/', // L1330
  NC: '/\\A\\d{1,12}\\z/', // L1331
  ND: '/\\A(\\d|[A-Z]){9}\\z/', // L1332
  OH: '/\\A[A-Z]{2}\\d{6}\\z/ OR /(\\A\\d{8}\\z)/', // L1333
  OK: '/(\\A[A-Z]{1}\\d{9}\\z)/ OR /(\\A\\d{9}\\z)/', // L1334
  OR: '/(\\A\\d{5,7}\\z)/ OR /(\\A[A-Z]{1}\\d{6}\\z)/', // L1335
  PA: '/\\A\\d{8}\\z/', // L1336
  PR: '/\\A\\d{5,7}\\z/ OR /\\A\\d{9}\\z/', // L1337
  RI: '/(\\A\\d{7,8}\\z)/ OR /(\\AV\\d{6}\\z)/', // L1338
  SC: '/\\A\\d{3,10}\\z/', // L1339
  SD: '/\\A\\d{6,9}\\z/', // L1340
  TN: '/\\A\\d{7,9}\\z/', // L1341
  TX: '/\\A\\d{7,8}\\z/', // L1342
  UT: '/\\A\\d{4,10}\\z/', // L1343
  VT: '/(\\A\\d{8}\\z)/ OR /(\\A\\d{7}A\\z)/', // L1344
  VA: '/\\A[A-Z]{1}\\d{8}\\z/ OR /\\A\\d{9}\\z/', // L1345
  WA: '/\\A[A-Z*]{4,8}\\d{2,3}(\\d|[A-Z]){2}\\z/ OR /\\AWDL([A-Z]|\\d){9}\\z/', // L1346
  WV: '/\\A([A-Z]|\\d){7}\\z/', // L1347
  WI: '/\\A[A-Z]{1}\\d{13}\\z/', // L1348
  WY: '/\\A\\d{9}\\z/', // L1349
};

/** A printed Ruby row as JS regexes: \A -> ^, \z -> $, delimiters and the stray "\ " dropped. */
function rubyRow(row: string): RegExp[] {
  return row
    .split(' OR ')
    .map((part) => part.replace(/^\\ /, '').trim().replace(/^\//, '').replace(/\/$/, ''))
    .map((source) => new RegExp(source.replaceAll('\\A', '^').replaceAll('\\z', '$')));
}

export const LICENCE_PATTERNS: ReadonlyMap<string, RegExp[]> = new Map(
  Object.entries(LICENCE_TABLE).map(([state, row]) => [state, rubyRow(row)]),
);

/** "Format: ISO 3166-2:US" (F1 L1838), written as the table's two-letter codes in every example. */
export function isLicenceState(value: unknown): value is string {
  return typeof value === 'string' && LICENCE_PATTERNS.has(value);
}

/**
 * F1 L1357-1365 (and L1769-1773): exactly 9 numeric characters (the examples are dashed, so
 * dashes are separators, not characters), not 666..., not 9... (the table's own text for it is
 * L1380's "TIN was provided"), not one digit repeated, not 123456789. Nothing else: area 000,
 * group 00 and serial 0000 are not in Checkr's list, so the simulator accepts them.
 */
export function ssnError(value: unknown): string | undefined {
  if (typeof value !== 'string') return TEXT.ssnInvalid;
  const digits = value.replaceAll('-', '');
  if (!/^\d{9}$/.test(digits)) return TEXT.ssnInvalid;
  if (digits.startsWith('9')) return TEXT.ssnTin;
  if (digits.startsWith('666')) return TEXT.ssnInvalid;
  if (/^(\d)\1{8}$/.test(digits)) return TEXT.ssnInvalid;
  if (digits === '123456789') return TEXT.ssnInvalid;
  return undefined;
}

/**
 * RFC 5322 addr-spec (F1 L1353): dot-atom or quoted-string local part, dot-atom domain (a domain
 * literal cannot be "configured to accept email" by DNS, so it is refused); at most 255
 * characters; the domain must take mail: an MX that is not the null MX (RFC 7505).
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(${DOT_ATOM})$`);

export async function emailError(value: unknown, dns: MailDns): Promise<string | undefined> {
  if (typeof value !== 'string' || value === '') return TEXT.emailBlank;
  if (value.length > 255) return TEXT.emailInvalid;
  const match = ADDR_SPEC.exec(value);
  if (!match || !match[1]!.includes('.')) return TEXT.emailInvalid;
  try {
    const mx = await dns.resolveMx(match[1]!.toLowerCase());
    if (mx.length === 0 || mx.every((record) => record.exchange === '')) return TEXT.emailInvalid;
  } catch {
    return TEXT.emailInvalid;
  }
  return undefined;
}

/** `string <date>` (F1 L1821): a real calendar date written YYYY-MM-DD, as every example is. */
export function parseDob(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value
    ? undefined
    : date;
}

function ageOn(dob: Date, now: Date): number {
  let age = now.getUTCFullYear() - dob.getUTCFullYear();
  const before =
    now.getUTCMonth() < dob.getUTCMonth() ||
    (now.getUTCMonth() === dob.getUTCMonth() && now.getUTCDate() < dob.getUTCDate());
  if (before) age -= 1;
  return age;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The checks of `POST /v1/candidates` (F1 L1776-1875): required first_name, last_name, email
 * (L1777, L1794, L1805); every field that is present in its documented form. The attributes a
 * report needs are checked when the report is requested (L1765), not here.
 */
export async function candidateErrors(
  body: Record<string, unknown>,
  dns: MailDns,
  now = new Date(),
): Promise<string[]> {
  const errors: string[] = [];
  const name = (value: unknown, blank: string | undefined, chars: string) => {
    if (!present(value)) {
      if (blank) errors.push(blank);
    } else if (typeof value !== 'string' || !NAME_CHARACTERS.test(value)) errors.push(chars);
  };
  name(body.first_name, TEXT.firstNameBlank, TEXT.firstNameChars);
  name(body.middle_name, undefined, TEXT.middleNameChars);
  name(body.last_name, TEXT.lastNameBlank, TEXT.lastNameChars);
  const email = await emailError(body.email, dns);
  if (email) errors.push(email);
  // phone: "string Nullable" (L1811), no format documented: nothing to refuse.
  if (present(body.zipcode) && !/^\d{5}$/.test(String(body.zipcode)))
    errors.push(TEXT.zipcodeInvalid); // "5-digit" (L1818)
  if (present(body.ssn)) {
    const ssn = ssnError(body.ssn);
    if (ssn) errors.push(ssn);
  }
  if (present(body.dob)) {
    const dob = parseDob(body.dob);
    if (!dob) errors.push(TEXT.dobInvalid);
    // L1385 and L1386 give both 16 and 18; which applies is an account setting (§9.10 of the
    // extract). The simulator's account allows 16: the lower bound refuses only what every
    // account refuses, and the kit's own minimum age is the customer's choice above it.
    else if (ageOn(dob, now) < 16) errors.push(TEXT.tooYoung16);
  }
  if (present(body.driver_license_state) && !isLicenceState(body.driver_license_state))
    errors.push(TEXT.licenceStateInvalid);
  if (present(body.driver_license_number)) {
    const number = String(body.driver_license_number);
    if (!/^[A-Za-z0-9 *-]*$/.test(number)) errors.push(TEXT.licenceChars);
    else if (isLicenceState(body.driver_license_state)) {
      // The patterns are upper case with no separators; the L1390 text lets spaces and hyphens
      // in, so they are taken as separators; letters are not folded (the table has none lower).
      const compact = number.replace(/[ -]/g, '');
      if (!LICENCE_PATTERNS.get(body.driver_license_state)!.some((re) => re.test(compact)))
        errors.push(TEXT.licenceNumberForState(body.driver_license_state));
    }
  }
  return [...new Set(errors)];
}

/** WorkLocation (F1 L2401, L1875; the object is F0 L1072-1078). */
export function workLocationErrors(locations: unknown): string[] {
  if (locations === undefined) return [];
  const list = Array.isArray(locations) ? locations : [locations];
  const errors: string[] = [];
  for (const location of list as Array<Record<string, unknown> | null>) {
    const country = location?.country ?? 'US'; // "When country is not specified defaults to US."
    if (country === 'US') {
      if (!present(location?.state) || !isLicenceState(location?.state))
        errors.push(TEXT.workLocationState); // "State is required for US candidates."
    } else {
      // L2365: "/reports does not support ... international Packages. Use /invitations".
      errors.push(TEXT.workLocationCountry);
    }
  }
  return [...new Set(errors)];
}

export const OUTCOMES = ['pending', 'clear', 'consider'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a screening type needs of the candidate (F1 L1740-1763). */
export function isCriminal(type: string): boolean {
  return type === 'ssn_trace' || type.includes('criminal') || type === 'sex_offender_search';
}

/**
 * What a report needs of its candidate for a package (F1 L1740-1765): first_name, middle_name
 * or no_middle_name, last_name, dob always; ssn and zipcode for a criminal screening; the
 * licence number and state for an MVR.
 */
export function reportCandidateErrors(
  candidate: Record<string, unknown>,
  pkg: { slug: string; screenings: Array<{ type: string }> },
): string[] {
  const errors: string[] = [];
  const noMiddle = candidate.no_middle_name === true;
  if (noMiddle && present(candidate.middle_name)) errors.push(TEXT.middleNameForbidden);
  if (!noMiddle && !present(candidate.middle_name)) errors.push(TEXT.middleNameRequired);
  if (!present(candidate.dob)) errors.push(TEXT.missingForPackage('dob', pkg.slug));
  const types = pkg.screenings.map((s) => s.type);
  if (types.some(isCriminal)) {
    if (!present(candidate.ssn)) errors.push(TEXT.ssnMissing(pkg.slug));
    if (!present(candidate.zipcode)) errors.push(TEXT.missingForPackage('zipcode', pkg.slug));
  }
  if (
    types.includes('motor_vehicle_report') &&
    (!present(candidate.driver_license_number) || !present(candidate.driver_license_state))
  )
    errors.push(TEXT.mvrMissing(pkg.slug));
  return errors;
}

/**
 * Test data (F1 L1096-1117, legacy Test Mode): SSN 111-11-2001 clear, 111-11-2002 consider,
 * 111-11-2010 pending, for the SSN trace and every criminal screening; CA licence F1112001
 * clear, F1112002 consider, for the MVR only. Any other data: staging "will remain in pending
 * status indefinitely" (F0 L278) unless `otherData` says how the simulator completes it.
 */
export function screeningOutcome(
  type: string,
  candidate: Record<string, unknown>,
  otherData: Outcome,
): Outcome {
  if (isCriminal(type)) {
    const ssn = typeof candidate.ssn === 'string' ? candidate.ssn.replaceAll('-', '') : '';
    if (ssn === '111112001') return 'clear';
    if (ssn === '111112002') return 'consider';
    if (ssn === '111112010') return 'pending';
    return otherData;
  }
  if (type === 'motor_vehicle_report') {
    if (candidate.driver_license_state === 'CA') {
      if (candidate.driver_license_number === 'F1112001') return 'clear';
      if (candidate.driver_license_number === 'F1112002') return 'consider';
    }
    return otherData;
  }
  return otherData;
}

/** A report is complete once every screening is; `consider` if any screening is (F1 L481: result clear or consider). */
export function reportOutcome(outcomes: Outcome[]): Outcome {
  if (outcomes.includes('pending')) return 'pending';
  return outcomes.includes('consider') ? 'consider' : 'clear';
}

/** F1 L4248: the 25 document types `POST /v1/candidates/{id}/documents` takes. */
export const DOCUMENT_TYPES = [
  'alien_id',
  'consent',
  'citizenship_certificate',
  'credit_report_consent_form',
  'driver_license',
  'driver_license_back',
  'driver_license_history',
  'education_proof',
  'electronic_consent_form',
  'employment_proof',
  'government_id',
  'international_consent_form',
  'military_id',
  'national_id',
  'national_id_back',
  'passport',
  'passport_signature_page',
  'previous_driver_license',
  'professional_license_certification_image',
  'selfie',
  'ssn_card',
  'state_id_card',
  'state_id_card_back',
  'student_id',
  'taxpayer_id',
] as const;

/** F1 L4255: "Valid MIME types". No size limit is documented. */
export const DOCUMENT_MIME_TYPES = [
  'image/gif',
  'image/jpg',
  'image/jpeg',
  'image/png',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'image/heic',
] as const;
