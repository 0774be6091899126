import type { LicensePart } from '../driver-license.ts';
import { stateName, type UsState } from '../states.ts';
import type { ValidationCatalog } from './types.ts';

const US_JURISDICTION = 'Elija un estado de EE. UU., DC o Puerto Rico.';
const NAME_CHARACTERS = 'letras, números, espacios, guiones, apóstrofos, puntos y comas';

function count(min: number, max: number | undefined, one: string, many: string): string {
  if (max !== undefined && max !== min) return `de ${min} a ${max} ${many}`;
  return `${min} ${min === 1 ? one : many}`;
}

function part(p: LicensePart): string {
  switch (p.kind) {
    case 'digits':
      return count(p.min, p.max, 'dígito', 'dígitos');
    case 'letters':
      return count(p.min, p.max, 'letra', 'letras');
    case 'alphanumeric':
      return count(p.min, undefined, 'letra o dígito', 'letras o dígitos');
    case 'letters_or_asterisks':
      return count(p.min, p.max, 'letra o *', 'letras o *');
    case 'literal':
      return `«${p.text}»`;
    case 'optional_literal':
      return `un «${p.text}» opcional`;
  }
}

export const es: ValidationCatalog = {
  locale: 'es',
  messages: {
    first_name_required: 'Escriba su nombre.',
    first_name_invalid_characters: `Su nombre solo puede contener ${NAME_CHARACTERS}.`,
    first_name_too_long: ({ max }) => `Su nombre debe tener como máximo ${max} caracteres.`,
    middle_name_required: 'Escriba su segundo nombre o marque «No tengo segundo nombre».',
    middle_name_not_allowed:
      'Marcó «No tengo segundo nombre». Borre el segundo nombre o desmarque la casilla.',
    middle_name_invalid_characters: `Su segundo nombre solo puede contener ${NAME_CHARACTERS}.`,
    middle_name_too_long: ({ max }) =>
      `Su segundo nombre debe tener como máximo ${max} caracteres.`,
    no_middle_name_locked:
      'Ya no se puede cambiar la opción de segundo nombre. Comuníquese con el empleador.',
    last_name_required: 'Escriba su apellido.',
    last_name_invalid_characters: `Su apellido solo puede contener ${NAME_CHARACTERS}.`,
    last_name_too_long: ({ max }) => `Su apellido debe tener como máximo ${max} caracteres.`,
    email_required: 'Escriba su correo electrónico.',
    email_invalid: 'Escriba un correo electrónico como nombre@ejemplo.com.',
    email_too_long: ({ max }) => `Su correo electrónico debe tener como máximo ${max} caracteres.`,
    email_unsupported_format:
      'Escriba un correo electrónico sin comillas ni dirección IP, como nombre@ejemplo.com.',
    email_domain_invalid: 'La parte después de @ no parece correcta. Revísela, como ejemplo.com.',
    email_domain_no_mail: 'Ese dominio no recibe correo. Revise la parte después de @.',
    phone_invalid: 'Escriba un número de teléfono de EE. UU. de 10 dígitos, como 203 540 8926.',
    zipcode_required: 'Escriba su código postal.',
    zipcode_invalid: 'Escriba un código postal de 5 dígitos, como 06831.',
    dob_required: 'Escriba su fecha de nacimiento.',
    dob_invalid: 'Escriba una fecha de nacimiento real.',
    dob_in_future: 'Su fecha de nacimiento debe ser en el pasado.',
    dob_too_young: ({ minAge }) => `Debe tener al menos ${minAge} años.`,
    dob_too_old: ({ maxAge }) => `Revise el año: eso fue hace más de ${maxAge} años.`,
    ssn_required: 'Escriba su número de Seguro Social.',
    ssn_invalid: 'Escriba un número de Seguro Social válido, como 123-45-6780.',
    ssn_wrong_length: 'Su número de Seguro Social debe tener 9 dígitos.',
    ssn_itin: 'Parece un ITIN (empieza por 9). Escriba su número de Seguro Social en su lugar.',
    ssn_area_666: 'Un número de Seguro Social no puede empezar por 666. Revise el número.',
    ssn_area_000: 'Un número de Seguro Social no puede empezar por 000. Revise el número.',
    ssn_group_00: 'Los dos dígitos del medio no pueden ser 00. Revise el número.',
    ssn_serial_0000: 'Los últimos cuatro dígitos no pueden ser 0000. Revise el número.',
    ssn_repeated_digit:
      'Un número de Seguro Social no puede ser un mismo dígito repetido. Revise el número.',
    ssn_sequential: '123-45-6789 no es un número de Seguro Social real. Escriba el suyo.',
    ssn_taken: 'Este número de Seguro Social ya está en uso. Comuníquese con el empleador.',
    driver_license_required:
      'Escriba el número de su licencia de conducir y el estado que la emitió.',
    driver_license_number_required: 'Escriba el número de su licencia de conducir.',
    driver_license_number_invalid: ({ state }) =>
      `No coincide con el formato de una licencia de conducir de ${state}. Revise el número.`,
    driver_license_number_invalid_characters:
      'El número de licencia solo puede contener letras, números, espacios, guiones y *.',
    driver_license_state_required: 'Elija el estado que emitió su licencia de conducir.',
    driver_license_state_invalid: US_JURISDICTION,
    driver_license_state_not_supported:
      'Las licencias de este estado no se pueden verificar para este empleo. Comuníquese con el empleador.',
    residence_state_required: 'Elija el estado donde vive.',
    residence_state_invalid: US_JURISDICTION,
    residence_state_zip_mismatch: ({ state }) =>
      `Su código postal no es de ${state ? (es.stateNames[state as UsState] ?? stateName(String(state))) : 'ese estado'}. Elija el estado donde vive o revise el código postal.`,
  },
  licenseHint(alternatives) {
    const phrases = alternatives.map((parts) => parts.map(part).join(' y luego '));
    return phrases.length < 2
      ? (phrases[0] ?? '')
      : `${phrases.slice(0, -1).join(', ')} o ${phrases[phrases.length - 1]}`;
  },
  stateNames: {
    DC: 'Distrito de Columbia',
    HI: 'Hawái',
    LA: 'Luisiana',
    MI: 'Míchigan',
    MS: 'Misisipi',
    NH: 'Nuevo Hampshire',
    NJ: 'Nueva Jersey',
    NM: 'Nuevo México',
    NY: 'Nueva York',
    NC: 'Carolina del Norte',
    ND: 'Dakota del Norte',
    OR: 'Oregón',
    PA: 'Pensilvania',
    SC: 'Carolina del Sur',
    SD: 'Dakota del Sur',
    WV: 'Virginia Occidental',
  },
};

export default es;
