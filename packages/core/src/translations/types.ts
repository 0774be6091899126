import type { ValidationCatalog } from '@checkr-kit/validation';

export type TermParams = Record<string, string | number>;
export type Term = string | ((params: TermParams) => string);

/** Every user-facing word of the kit's components, keyed; validation messages come with it. */
export interface Translation {
  locale: string;
  dir?: 'ltr' | 'rtl';
  /**
   * The order people of this language write a date of birth in, the order of ck-dob-field's inputs
   * (and of its hint's example). When absent, the browser's `Intl` data for the page's `lang` decides.
   */
  dateOrder?: readonly [
    'day' | 'month' | 'year',
    'day' | 'month' | 'year',
    'day' | 'month' | 'year',
  ];
  /** Registrations for one locale merge, so each package can bring only the words it uses. */
  terms: Readonly<Partial<Record<TermKey, Term>>>;
  validation?: ValidationCatalog;
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
  | 'error_summary_title'
  | 'label_first_name'
  | 'label_middle_name'
  | 'label_no_middle_name'
  | 'label_last_name'
  | 'label_email'
  | 'hint_email'
  | 'label_phone'
  | 'label_zipcode'
  | 'label_dob'
  | 'label_ssn'
  | 'label_residence_state'
  | 'label_license_state'
  | 'label_license_number'
  | 'label_copy_requested'
  | 'pii_title'
  | 'pii_intro'
  | 'acknowledge_receipt'
  | 'acknowledge_required'
  | 'continue'
  | 'back'
  | 'progress'
  | 'request_copy'
  | 'signature_title'
  | 'signature_name_label'
  | 'signature_name_hint'
  | 'signature_name_required'
  | 'signature_name_mismatch'
  | 'esign_consent'
  | 'esign_required'
  | 'signature_date'
  | 'draw_signature'
  | 'draw_signature_hint'
  | 'clear_signature'
  | 'sign_and_submit'
  | 'submitting'
  | 'loading'
  | 'complete_title'
  | 'complete_body'
  | 'error_network'
  | 'error_session'
  | 'error_generic'
  | 'candidate_duplicate'
  | 'retry'
  | 'sample_notice'
  | 'pay_title'
  | 'pay_loading'
  | 'pay_error'
  | 'pay_expired'
  | 'pay_too_small'
  | 'pay_signed_out';
