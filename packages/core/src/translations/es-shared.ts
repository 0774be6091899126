import type { Translation } from './types.ts';

/**
 * The Pay embed's words, built into every component: the Pay-embed-only script carries these and
 * nothing else (the fields and the flow register theirs, `esApply`, with their code).
 */
export const esShared: Translation = {
  locale: 'es',
  dir: 'ltr',
  terms: {
    retry: 'Intentar de nuevo',
    pay_title: 'Billetera de Checkr Pay',
    pay_loading: 'Abriendo su billetera…',
    pay_error: 'No pudimos abrir su billetera.',
    pay_expired: 'Su sesión de la billetera expiró.',
    pay_too_small:
      'Este espacio es demasiado pequeño para mostrar la billetera. Necesita al menos 351 × 461 píxeles.',
    pay_signed_out: 'Inicie sesión para ver su billetera.',
  },
};
