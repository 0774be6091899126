import { en as validation } from '@checkr-kit/validation/messages/en';
import type { Translation } from './types.ts';

export const en: Translation = {
  locale: 'en',
  dir: 'ltr',
  validation,
  terms: {
    optional: '(optional)',
    error_prefix: 'Error:',
    ssn_show: 'Show',
    ssn_show_what: 'Social Security number',
    ssn_hint: '9 digits, like 123-45-6780',
    email_suggestion: ({ suggestion }) => `Did you mean ${suggestion}?`,
    email_suggestion_accept: ({ suggestion }) => `Use ${suggestion}`,
    select_placeholder: 'Choose…',
    dob_day: 'Day',
    dob_month: 'Month',
    dob_year: 'Year',
    dob_hint: 'For example, 27 3 1990',
    license_number_hint: ({ format }) => `Format: ${format}`,
    error_summary_title: 'There is a problem',
  },
};

export default en;
