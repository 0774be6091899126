import type { LicensePart } from '../driver-license.ts';
import { stateName } from '../states.ts';
import type { ValidationCatalog } from './types.ts';

const US_JURISDICTION = 'Choose a US state, DC or Puerto Rico.';
const NAME_CHARACTERS = 'letters, numbers, spaces, hyphens, apostrophes, periods and commas';

function count(min: number, max: number | undefined, one: string, many: string): string {
  if (max !== undefined && max !== min) return `${min} to ${max} ${many}`;
  return `${min} ${min === 1 ? one : many}`;
}

function part(p: LicensePart): string {
  switch (p.kind) {
    case 'digits':
      return count(p.min, p.max, 'digit', 'digits');
    case 'letters':
      return count(p.min, p.max, 'letter', 'letters');
    case 'alphanumeric':
      return count(p.min, undefined, 'letter or digit', 'letters or digits');
    case 'letters_or_asterisks':
      return count(p.min, p.max, 'letter or *', 'letters or *');
    case 'literal':
      return `"${p.text}"`;
    case 'optional_literal':
      return `an optional "${p.text}"`;
  }
}

export const en: ValidationCatalog = {
  locale: 'en',
  messages: {
    first_name_required: 'Enter your first name.',
    first_name_invalid_characters: `Your first name can only contain ${NAME_CHARACTERS}.`,
    first_name_too_long: ({ max }) => `Your first name must be ${max} characters or fewer.`,
    middle_name_required: 'Enter your middle name, or tick "I have no middle name".',
    middle_name_not_allowed:
      'You ticked "I have no middle name". Clear the middle name or untick it.',
    middle_name_invalid_characters: `Your middle name can only contain ${NAME_CHARACTERS}.`,
    middle_name_too_long: ({ max }) => `Your middle name must be ${max} characters or fewer.`,
    no_middle_name_locked:
      'Your middle-name choice can no longer be changed. Contact the employer.',
    last_name_required: 'Enter your last name.',
    last_name_invalid_characters: `Your last name can only contain ${NAME_CHARACTERS}.`,
    last_name_too_long: ({ max }) => `Your last name must be ${max} characters or fewer.`,
    email_required: 'Enter your email address.',
    email_invalid: 'Enter an email address like name@example.com.',
    email_too_long: ({ max }) => `Your email address must be ${max} characters or fewer.`,
    email_unsupported_format:
      'Enter an email address without quotation marks or an IP address, like name@example.com.',
    email_domain_invalid: 'The part after @ does not look right. Check it, like example.com.',
    email_domain_no_mail: 'That email domain does not receive email. Check the part after @.',
    phone_invalid: 'Enter a 10-digit US phone number, like 203 540 8926.',
    zipcode_required: 'Enter your ZIP code.',
    zipcode_invalid: 'Enter a 5-digit ZIP code, like 06831.',
    dob_required: 'Enter your date of birth.',
    dob_invalid: 'Enter a real date of birth.',
    dob_in_future: 'Your date of birth must be in the past.',
    dob_too_young: ({ minAge }) => `You must be at least ${minAge} years old.`,
    dob_too_old: ({ maxAge }) => `Check the year: that is more than ${maxAge} years ago.`,
    ssn_required: 'Enter your Social Security number.',
    ssn_invalid: 'Enter a valid Social Security number, like 123-45-6780.',
    ssn_wrong_length: 'Your Social Security number must have 9 digits.',
    ssn_itin:
      'That looks like an ITIN (it starts with 9). Enter your Social Security number instead.',
    ssn_area_666: 'A Social Security number cannot start with 666. Check the number.',
    ssn_area_000: 'A Social Security number cannot start with 000. Check the number.',
    ssn_group_00: 'The middle two digits cannot be 00. Check the number.',
    ssn_serial_0000: 'The last four digits cannot be 0000. Check the number.',
    ssn_repeated_digit: 'A Social Security number cannot be one digit repeated. Check the number.',
    ssn_sequential: '123-45-6789 is not a real Social Security number. Enter yours.',
    ssn_taken: 'This Social Security number is already in use. Contact the employer.',
    driver_license_required: 'Enter your driver’s license number and the state that issued it.',
    driver_license_number_required: 'Enter your driver’s license number.',
    driver_license_number_invalid: ({ state }) =>
      `That does not match the format of a ${state} driver’s license. Check the number.`,
    driver_license_number_invalid_characters:
      'A driver’s license number can only contain letters, numbers, spaces, hyphens and *.',
    driver_license_state_required: 'Choose the state that issued your driver’s license.',
    driver_license_state_invalid: US_JURISDICTION,
    driver_license_state_not_supported:
      'Licenses from this state cannot be checked for this job. Contact the employer.',
    residence_state_required: 'Choose the state where you live.',
    residence_state_invalid: US_JURISDICTION,
    residence_state_zip_mismatch: ({ state }) =>
      `Your ZIP code is not in ${state ? stateName(String(state)) : 'that state'}. Choose the state where you live, or check the ZIP code.`,
  },
  licenseHint(alternatives) {
    const phrases = alternatives.map((parts) => parts.map(part).join(' followed by '));
    return phrases.length < 2
      ? (phrases[0] ?? '')
      : `${phrases.slice(0, -1).join(', ')}, or ${phrases[phrases.length - 1]}`;
  },
  stateNames: {},
};

export default en;
