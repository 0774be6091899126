import { en as validation } from '@checkr-kit/validation/messages/en';
import { enShared } from './en-shared.ts';
import type { Translation } from './types.ts';

export { enShared };

/** The words of the fields and the apply flow, and the validation messages. */
export const enApply: Translation = {
  locale: 'en',
  dir: 'ltr',
  dateOrder: ['month', 'day', 'year'],
  validation,
  terms: {
    optional: '(optional)',
    error_prefix: 'Error:',
    loading: 'Loading…',
    error_network:
      'We could not reach the server. Check your connection and try again; nothing you entered is lost.',
    error_generic: 'Something went wrong on our side. Try again in a moment.',
    candidate_duplicate:
      'An application with these details was already received in the last 24 hours. Contact the employer.',
    ssn_show: 'Show',
    ssn_show_what: 'Social Security number',
    ssn_hint: '9 digits, like 123-45-6780',
    email_suggestion: ({ suggestion }) => `Did you mean ${suggestion}?`,
    email_suggestion_accept: ({ suggestion }) => `Use ${suggestion}`,
    select_placeholder: 'Choose…',
    dob_day: 'Day',
    dob_month: 'Month',
    dob_year: 'Year',
    dob_hint: 'For example, 3 27 1990',
    license_number_hint: ({ format }) => `Format: ${format}`,
    error_summary_title: 'There is a problem',
    label_first_name: 'First name',
    label_middle_name: 'Middle name',
    label_no_middle_name: 'I have no middle name',
    label_last_name: 'Last name',
    label_email: 'Email address',
    hint_email: 'We and Checkr use it only about this background check.',
    label_phone: 'Mobile phone number',
    label_zipcode: 'ZIP code',
    label_dob: 'Date of birth',
    label_ssn: 'Social Security number',
    label_residence_state: 'State where you live',
    label_license_state: 'State that issued your driver’s license',
    label_license_number: 'Driver’s license number',
    label_copy_requested: 'Send me a free copy of my background check report',
    pii_title: 'Your details',
    pii_intro: 'Enter your details as they appear on your official documents.',
    acknowledge_receipt: 'I have received and read this document',
    acknowledge_required: 'Confirm you have read this document to continue.',
    continue: 'Continue',
    back: 'Back',
    progress: ({ current, total }) => `Step ${current} of ${total}`,
    request_copy: 'Send me a copy of the report, as this state allows',
    signature_title: 'Authorization and signature',
    signature_name_label: 'Type your full name to sign',
    signature_name_hint: ({ name }) => `Type it as you entered it: ${name}`,
    signature_name_required: 'Type your full name to sign.',
    signature_name_mismatch: 'The name you type must match your first and last name.',
    esign_consent: 'I agree to sign electronically, and my typed name is my signature',
    esign_required: 'Agree to sign electronically to continue.',
    signature_date: ({ date }) => `Date: ${date}`,
    draw_signature: 'Draw your signature (optional)',
    draw_signature_hint: 'Use a finger, pen or mouse. Your typed name is enough to sign.',
    clear_signature: 'Clear drawing',
    sign_and_submit: 'Sign and submit',
    submitting: 'Submitting…',
    complete_title: 'Thank you, your authorization is signed',
    complete_body:
      'We have started your background check. Checkr will email you if they need anything else.',
    error_session: 'Your session ended. Reload the page to start again.',
    sample_notice: 'Sample text',
  },
};

/** Everything, for `registerTranslation(en)`. */
export const en: Translation = {
  locale: 'en',
  dir: 'ltr',
  dateOrder: ['month', 'day', 'year'],
  validation,
  terms: { ...enShared.terms, ...enApply.terms },
};

export default en;
