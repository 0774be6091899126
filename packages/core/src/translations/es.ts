import { es as validation } from '@checkr-kit/validation/messages/es';
import type { Translation } from './types.ts';

export const es: Translation = {
  locale: 'es',
  dir: 'ltr',
  validation,
  terms: {
    optional: '(opcional)',
    error_prefix: 'Error:',
    ssn_show: 'Mostrar',
    ssn_show_what: 'número de Seguro Social',
    ssn_hint: '9 dígitos, como 123-45-6780',
    email_suggestion: ({ suggestion }) => `¿Quiso decir ${suggestion}?`,
    email_suggestion_accept: ({ suggestion }) => `Usar ${suggestion}`,
    select_placeholder: 'Elija…',
    dob_day: 'Día',
    dob_month: 'Mes',
    dob_year: 'Año',
    dob_hint: 'Por ejemplo, 27 3 1990',
    license_number_hint: ({ format }) => `Formato: ${format}`,
    error_summary_title: 'Hay un problema',
  },
};

export default es;
