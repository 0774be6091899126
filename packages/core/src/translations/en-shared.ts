import type { Translation } from './types.ts';

/** The words every component needs (the base element, the Pay embed). */
export const enShared: Translation = {
  locale: 'en',
  dir: 'ltr',
  terms: {
    optional: '(optional)',
    error_prefix: 'Error:',
    loading: 'Loading…',
    error_network:
      'We could not reach the server. Check your connection and try again; nothing you entered is lost.',
    error_generic: 'Something went wrong on our side. Try again in a moment.',
    retry: 'Try again',
    pay_title: 'Checkr Pay wallet',
    pay_loading: 'Opening your wallet…',
    pay_error: 'We could not open your wallet.',
    pay_expired: 'Your wallet session expired.',
    pay_too_small:
      'This space is too small to show the wallet. It needs at least 351 × 461 pixels.',
    pay_signed_out: 'Sign in to see your wallet.',
  },
};
