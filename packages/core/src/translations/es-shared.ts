import type { Translation } from './types.ts';

/** The words every component needs (the base element, the Pay embed). */
export const esShared: Translation = {
  locale: 'es',
  dir: 'ltr',
  terms: {
    optional: '(opcional)',
    error_prefix: 'Error:',
    loading: 'Cargando…',
    error_network:
      'No pudimos conectar con el servidor. Revise su conexión e intente de nuevo; no se perdió nada de lo que escribió.',
    error_generic: 'Algo salió mal de nuestro lado. Intente de nuevo en un momento.',
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
