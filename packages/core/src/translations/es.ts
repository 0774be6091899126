import { es as validation } from '@checkr-kit/validation/messages/es';
import { esShared } from './es-shared.ts';
import type { Translation } from './types.ts';

export { esShared };

/** The words of the fields and the apply flow, and the validation messages. */
export const esApply: Translation = {
  locale: 'es',
  dir: 'ltr',
  dateOrder: ['day', 'month', 'year'],
  validation,
  terms: {
    optional: '(opcional)',
    error_prefix: 'Error:',
    loading: 'Cargando…',
    error_network:
      'No pudimos conectar con el servidor. Revise su conexión e intente de nuevo; no se perdió nada de lo que escribió.',
    error_generic: 'Algo salió mal de nuestro lado. Intente de nuevo en un momento.',
    candidate_duplicate:
      'Ya se recibió una solicitud con estos datos en las últimas 24 horas. Comuníquese con el empleador.',
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
    label_first_name: 'Nombre',
    label_middle_name: 'Segundo nombre',
    label_no_middle_name: 'No tengo segundo nombre',
    label_last_name: 'Apellido',
    label_email: 'Correo electrónico',
    hint_email: 'Nosotros y Checkr lo usamos solo para esta verificación de antecedentes.',
    label_phone: 'Número de teléfono móvil',
    label_zipcode: 'Código postal',
    label_dob: 'Fecha de nacimiento',
    label_ssn: 'Número de Seguro Social',
    label_residence_state: 'Estado donde vive',
    label_license_state: 'Estado que emitió su licencia de conducir',
    label_license_number: 'Número de licencia de conducir',
    label_copy_requested: 'Envíenme una copia gratuita de mi informe de antecedentes',
    pii_title: 'Sus datos',
    pii_intro: 'Escriba sus datos tal como aparecen en sus documentos oficiales.',
    acknowledge_receipt: 'Recibí y leí este documento',
    acknowledge_required: 'Confirme que leyó este documento para continuar.',
    continue: 'Continuar',
    back: 'Atrás',
    progress: ({ current, total }) => `Paso ${current} de ${total}`,
    request_copy: 'Envíenme una copia del informe, como lo permite este estado',
    signature_title: 'Autorización y firma',
    signature_name_label: 'Escriba su nombre completo para firmar',
    signature_name_hint: ({ name }) => `Escríbalo como lo ingresó: ${name}`,
    signature_name_required: 'Escriba su nombre completo para firmar.',
    signature_name_mismatch: 'El nombre debe coincidir con su nombre y apellido.',
    esign_consent: 'Acepto firmar electrónicamente y mi nombre escrito es mi firma',
    esign_required: 'Acepte firmar electrónicamente para continuar.',
    signature_date: ({ date }) => `Fecha: ${date}`,
    draw_signature: 'Dibuje su firma (opcional)',
    draw_signature_hint: 'Use un dedo, lápiz o ratón. Su nombre escrito es suficiente para firmar.',
    clear_signature: 'Borrar dibujo',
    sign_and_submit: 'Firmar y enviar',
    submitting: 'Enviando…',
    complete_title: 'Gracias, su autorización está firmada',
    complete_body:
      'Iniciamos su verificación de antecedentes. Checkr le escribirá si necesita algo más.',
    error_session: 'Su sesión terminó. Vuelva a cargar la página para empezar de nuevo.',
    sample_notice: 'Texto de muestra',
  },
};

/** Everything, for `registerTranslation(es)`. */
export const es: Translation = {
  locale: 'es',
  dir: 'ltr',
  dateOrder: ['day', 'month', 'year'],
  validation,
  terms: { ...esShared.terms, ...esApply.terms },
};

export default es;
