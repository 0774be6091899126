import { asText, ok, type ValidationResult } from './result.ts';
import { normalizeState, type UsState } from './states.ts';

/**
 * One piece of a licence-number format, so hints can be written in any language:
 * `[{ kind: 'letters', min: 1 }, { kind: 'digits', min: 7 }]` reads "1 letter followed by 7 digits".
 */
export type LicensePart =
  | { kind: 'digits'; min: number; max?: number }
  | { kind: 'letters'; min: number; max?: number }
  | { kind: 'alphanumeric'; min: number; max?: number }
  /** WA's `[A-Z*]`: letters, where an asterisk may stand for one. */
  | { kind: 'letters_or_asterisks'; min: number; max?: number }
  | { kind: 'literal'; text: string }
  | { kind: 'optional_literal'; text: string };

export interface LicenseFormat {
  /** Checkr's regexes, transcribed: Ruby `\A…\z` became `^…$` (no `m` flag, so the same meaning). */
  patterns: readonly RegExp[];
  /** One entry per alternative in Checkr's "Validation Criteria" column. */
  hint: readonly (readonly LicensePart[])[];
}

const d = (min: number, max?: number): LicensePart =>
  max ? { kind: 'digits', min, max } : { kind: 'digits', min };
const a = (min: number, max?: number): LicensePart =>
  max ? { kind: 'letters', min, max } : { kind: 'letters', min };
const an = (min: number): LicensePart => ({ kind: 'alphanumeric', min });
const lit = (text: string): LicensePart => ({ kind: 'literal', text });

/** The table of §3.2 of the spec (seed 000 L1481-1913), row for row. */
export const LICENSE_FORMATS: Readonly<Record<UsState, LicenseFormat>> = {
  AL: { patterns: [/^\d{7,8}$/], hint: [[d(7, 8)]] },
  AK: { patterns: [/^\d{7}$/], hint: [[d(7)]] },
  AZ: { patterns: [/^[A-Z]{1}\d{8}$/, /^\d{9}$/], hint: [[a(1), d(8)], [d(9)]] },
  AR: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  CA: { patterns: [/^[A-Z]{1}\d{7}$/], hint: [[a(1), d(7)]] },
  CO: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  CT: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  DE: { patterns: [/^\d{2,7}$/], hint: [[d(2, 7)]] },
  DC: { patterns: [/^\d{7,9}$/], hint: [[d(7, 9)]] },
  FL: { patterns: [/^[A-Z]{1}\d{12}$/], hint: [[a(1), d(12)]] },
  GA: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  HI: { patterns: [/^H\d{8}$/, /^\d{9}$/], hint: [[lit('H'), d(8)], [d(9)]] },
  ID: {
    patterns: [/^[A-Z]{2}\d{6}[A-Z]{1}$/, /^\d{9}$/],
    hint: [[a(2), d(6), a(1)], [d(9)]],
  },
  IL: { patterns: [/^[A-Z]{1}\d{11,12}$/], hint: [[a(1), d(11, 12)]] },
  IN: { patterns: [/^\d{10}$/], hint: [[d(10)]] },
  IA: { patterns: [/(^\d{9}$)/, /(^\d{3}[A-Z]{2}\d{4}$)/], hint: [[d(9)], [d(3), a(2), d(4)]] },
  KS: { patterns: [/^[K]{1}\d{8}$/], hint: [[lit('K'), d(8)]] },
  KY: { patterns: [/^[A-Z]{1}\d{8}$/], hint: [[a(1), d(8)]] },
  // ("0" + 7) OR ("0" + 8) OR 7 OR 8 digits: one regex in the docs.
  LA: {
    patterns: [/^[0]{0,1}\d{7,8}$/],
    hint: [[{ kind: 'optional_literal', text: '0' }, d(7, 8)]],
  },
  ME: { patterns: [/^\d{7}$/], hint: [[d(7)]] },
  MD: {
    patterns: [/^[A-Z]{1}\d{12}$/, /^MD\d{11}$/],
    hint: [
      [a(1), d(12)],
      [lit('MD'), d(11)],
    ],
  },
  // The docs print MA's regexes without `/` delimiters; the patterns are the same.
  MA: {
    patterns: [/^SA\d{7}$/, /^S\d{8}$/, /^\d{9}$/],
    hint: [[lit('SA'), d(7)], [lit('S'), d(8)], [d(9)]],
  },
  MI: { patterns: [/^[A-Z]{1}\d{12}$/], hint: [[a(1), d(12)]] },
  MN: { patterns: [/^[A-Z]{1}\d{12}$/], hint: [[a(1), d(12)]] },
  MS: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  MO: {
    patterns: [/(^\d{9}$)/, /(^[A-Z]{1}\d{5,9}$)/, /(^\d{3}[A-Z]{1}\d{6}$)/],
    hint: [[d(9)], [a(1), d(5, 9)], [d(3), a(1), d(6)]],
  },
  // The docs have a stray `\ ` before MT's third alternative; it is a typo, not part of a pattern.
  MT: {
    patterns: [/(^\d{13}$)/, /(^(\d|[A-Z]){9}$)/, /(^[A-Z]{3}\d{10}$)/],
    hint: [[d(13)], [an(9)], [a(3), d(10)]],
  },
  NE: { patterns: [/^[A-Z]{1}\d{3,8}$/], hint: [[a(1), d(3, 8)]] },
  NV: { patterns: [/^\d{10}$/], hint: [[d(10)]] },
  NH: {
    patterns: [/(^\d{2}[A-Z]{3}\d{5}$)/, /(^NHL\d{8}$)/],
    hint: [
      [d(2), a(3), d(5)],
      [lit('NHL'), d(8)],
    ],
  },
  NJ: { patterns: [/^[A-Z]{1}\d{14}$/], hint: [[a(1), d(14)]] },
  NM: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
  NY: { patterns: [/(^\d{9}$)/, /(^[A-Z]{1}\d{18}$)/], hint: [[d(9)], [a(1), d(18)]] },
  NC: { patterns: [/^\d{1,12}$/], hint: [[d(1, 12)]] },
  ND: { patterns: [/^(\d|[A-Z]){9}$/], hint: [[an(9)]] },
  OH: { patterns: [/^[A-Z]{2}\d{6}$/, /(^\d{8}$)/], hint: [[a(2), d(6)], [d(8)]] },
  OK: { patterns: [/(^[A-Z]{1}\d{9}$)/, /(^\d{9}$)/], hint: [[a(1), d(9)], [d(9)]] },
  OR: { patterns: [/(^\d{5,7}$)/, /(^[A-Z]{1}\d{6}$)/], hint: [[d(5, 7)], [a(1), d(6)]] },
  PA: { patterns: [/^\d{8}$/], hint: [[d(8)]] },
  PR: { patterns: [/^\d{5,7}$/, /^\d{9}$/], hint: [[d(5, 7)], [d(9)]] },
  RI: { patterns: [/(^\d{7,8}$)/, /(^V\d{6}$)/], hint: [[d(7, 8)], [lit('V'), d(6)]] },
  SC: { patterns: [/^\d{3,10}$/], hint: [[d(3, 10)]] },
  SD: { patterns: [/^\d{6,9}$/], hint: [[d(6, 9)]] },
  TN: { patterns: [/^\d{7,9}$/], hint: [[d(7, 9)]] },
  TX: { patterns: [/^\d{7,8}$/], hint: [[d(7, 8)]] },
  UT: { patterns: [/^\d{4,10}$/], hint: [[d(4, 10)]] },
  VT: { patterns: [/(^\d{8}$)/, /(^\d{7}A$)/], hint: [[d(8)], [d(7), lit('A')]] },
  VA: { patterns: [/^[A-Z]{1}\d{8}$/, /^\d{9}$/], hint: [[a(1), d(8)], [d(9)]] },
  // WA keeps the `*` of `[A-Z*]`: Washington pads short surnames with asterisks.
  WA: {
    patterns: [/^[A-Z*]{4,8}\d{2,3}(\d|[A-Z]){2}$/, /^WDL([A-Z]|\d){9}$/],
    hint: [
      [{ kind: 'letters_or_asterisks', min: 4, max: 8 }, d(2, 3), an(2)],
      [lit('WDL'), an(9)],
    ],
  },
  WV: { patterns: [/^([A-Z]|\d){7}$/], hint: [[an(7)]] },
  WI: { patterns: [/^[A-Z]{1}\d{13}$/], hint: [[a(1), d(13)]] },
  WY: { patterns: [/^\d{9}$/], hint: [[d(9)]] },
};

/**
 * Trim, upper-case, and drop the spaces and hyphens people type between groups. Checkr's own
 * error text allows "spaces, hyphens, and asterisks" while its regexes reject spaces and hyphens,
 * so removing them is the reading that lets both agree. Asterisks stay (WA uses them).
 */
export function normalizeLicenseNumber(input: unknown): string {
  return asText(input)
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

export interface DriverLicense {
  driver_license_number: string;
  driver_license_state: UsState;
}

/** Number and state together: a number needs its state, and the state's format decides. */
export function validateDriverLicense(
  number: unknown,
  state: unknown,
): ValidationResult<DriverLicense> {
  const value = normalizeLicenseNumber(number);
  const rawState = asText(state).trim();
  const code = normalizeState(rawState);
  const errors = [];
  if (value === '') {
    errors.push({
      code: 'driver_license_number_required' as const,
      pointer: '/driver_license_number',
    });
  }
  if (rawState === '') {
    errors.push({
      code: 'driver_license_state_required' as const,
      pointer: '/driver_license_state',
    });
  } else if (!code) {
    errors.push({
      code: 'driver_license_state_invalid' as const,
      pointer: '/driver_license_state',
    });
  }
  if (value !== '' && !/^[A-Z0-9*]+$/.test(value)) {
    errors.push({
      code: 'driver_license_number_invalid_characters' as const,
      pointer: '/driver_license_number',
    });
  } else if (value !== '' && code && !LICENSE_FORMATS[code].patterns.some((p) => p.test(value))) {
    errors.push({
      code: 'driver_license_number_invalid' as const,
      pointer: '/driver_license_number',
      params: { state: code },
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return ok({ driver_license_number: value, driver_license_state: code! });
}

/** Live validation of the number field alone, once a state is chosen. */
export function validateLicenseNumber(number: unknown, state: unknown): ValidationResult<string> {
  const result = validateDriverLicense(number, state);
  if (result.ok) return ok(result.value.driver_license_number);
  const own = result.errors.filter((e) => e.pointer === '/driver_license_number');
  return own.length > 0 ? { ok: false, errors: own } : ok(normalizeLicenseNumber(number));
}
