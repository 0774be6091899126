import type { Translation } from './types.ts';

/**
 * The Pay embed's words, built into every component: the Pay-embed-only script carries these and
 * nothing else (the fields and the flow register theirs, `enApply`, with their code).
 */
export const enShared: Translation = {
  locale: 'en',
  dir: 'ltr',
  terms: {
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
