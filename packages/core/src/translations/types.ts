import type { ValidationCatalog } from '@checkr-kit/validation';

export type TermParams = Record<string, string | number>;
export type Term = string | ((params: TermParams) => string);

/** Every user-facing word of the kit's components, keyed; validation messages come with it. */
export interface Translation {
  locale: string;
  dir: 'ltr' | 'rtl';
  terms: Readonly<Record<TermKey, Term>>;
  validation: ValidationCatalog;
}

export type TermKey =
  | 'optional'
  | 'error_prefix'
  | 'ssn_show'
  | 'ssn_show_what'
  | 'ssn_hint'
  | 'email_suggestion'
  | 'email_suggestion_accept'
  | 'select_placeholder'
  | 'dob_day'
  | 'dob_month'
  | 'dob_year'
  | 'dob_hint'
  | 'license_number_hint'
  | 'error_summary_title';
