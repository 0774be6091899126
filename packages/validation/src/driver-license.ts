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

/**
 * One piece of a pattern as the table writes it: a class with a count (`\d{7,8}`, `[A-Z]{1}`,
 * `[A-Z*]{4,8}`, `(\d|[A-Z]){9}`), one bracketed character, optional or not (`[0]{0,1}`, `[K]{1}`),
 * plain letters (`MD`), or an anchor or wrapping parenthesis, which reads as nothing.
 */
const PIECE =
  /(\\d|\[A-Z\*?\]|\((?:\\d\|\[A-Z\]|\[A-Z\]\|\\d)\))\{(\d+)(?:,(\d+))?\}|\[(\w)\]\{(0,)?1\}|([A-Z]+)|[\^$()]/y;
const UNITS: Readonly<Record<string, 'digits' | 'letters' | 'letters_or_asterisks'>> = {
  '\\d': 'digits',
  '[A-Z]': 'letters',
  '[A-Z*]': 'letters_or_asterisks',
};

/**
 * The hint of one pattern, read from the pattern itself: the docs' "Validation Criteria" column
 * says in words what its regex says, so the words are derived rather than transcribed twice (a
 * test checks every state against the column). A construct outside the table's small vocabulary
 * throws, so a new row cannot ship without a hint.
 */
function hintOf(pattern: RegExp): LicensePart[] {
  const parts: LicensePart[] = [];
  const source = pattern.source;
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < source.length) {
    const piece = PIECE.exec(source);
    if (!piece) throw new Error(`LICENSE_FORMATS: no hint for ${source}`);
    const [, unit, min, max, char, optional, text] = piece;
    if (unit) {
      const kind = UNITS[unit] ?? 'alphanumeric';
      parts.push(max ? { kind, min: +min!, max: +max } : { kind, min: +min! });
    } else if (char) parts.push({ kind: optional ? 'optional_literal' : 'literal', text: char });
    else if (text) parts.push({ kind: 'literal', text });
  }
  return parts;
}

/**
 * Hints are read from the patterns when first asked for (a field shows the chosen state's), not
 * while the kit's script evaluates: that task is the page's longest of the kit's at start-up. The
 * validation tests ask for every state's hint, so a pattern without one still fails before shipping.
 */
const f = (...patterns: RegExp[]): LicenseFormat => {
  let hint: LicensePart[][] | undefined;
  return {
    patterns,
    get hint() {
      return (hint ??= patterns.map(hintOf));
    },
  };
};

/** The table of §3.2 of the spec (seed 000 L1481-1913): Checkr's regexes, row for row. */
export const LICENSE_FORMATS: Readonly<Record<UsState, LicenseFormat>> = {
  AL: f(/^\d{7,8}$/),
  AK: f(/^\d{7}$/),
  AZ: f(/^[A-Z]{1}\d{8}$/, /^\d{9}$/),
  AR: f(/^\d{9}$/),
  CA: f(/^[A-Z]{1}\d{7}$/),
  CO: f(/^\d{9}$/),
  CT: f(/^\d{9}$/),
  DE: f(/^\d{2,7}$/),
  DC: f(/^\d{7,9}$/),
  FL: f(/^[A-Z]{1}\d{12}$/),
  GA: f(/^\d{9}$/),
  HI: f(/^H\d{8}$/, /^\d{9}$/),
  ID: f(/^[A-Z]{2}\d{6}[A-Z]{1}$/, /^\d{9}$/),
  IL: f(/^[A-Z]{1}\d{11,12}$/),
  IN: f(/^\d{10}$/),
  IA: f(/(^\d{9}$)/, /(^\d{3}[A-Z]{2}\d{4}$)/),
  KS: f(/^[K]{1}\d{8}$/),
  KY: f(/^[A-Z]{1}\d{8}$/),
  // ("0" + 7) OR ("0" + 8) OR 7 OR 8 digits: one regex in the docs.
  LA: f(/^[0]{0,1}\d{7,8}$/),
  ME: f(/^\d{7}$/),
  MD: f(/^[A-Z]{1}\d{12}$/, /^MD\d{11}$/),
  // The docs print MA's regexes without `/` delimiters; the patterns are the same.
  MA: f(/^SA\d{7}$/, /^S\d{8}$/, /^\d{9}$/),
  MI: f(/^[A-Z]{1}\d{12}$/),
  MN: f(/^[A-Z]{1}\d{12}$/),
  MS: f(/^\d{9}$/),
  MO: f(/(^\d{9}$)/, /(^[A-Z]{1}\d{5,9}$)/, /(^\d{3}[A-Z]{1}\d{6}$)/),
  // The docs have a stray `\ ` before MT's third alternative; it is a typo, not part of a pattern.
  MT: f(/(^\d{13}$)/, /(^(\d|[A-Z]){9}$)/, /(^[A-Z]{3}\d{10}$)/),
  NE: f(/^[A-Z]{1}\d{3,8}$/),
  NV: f(/^\d{10}$/),
  NH: f(/(^\d{2}[A-Z]{3}\d{5}$)/, /(^NHL\d{8}$)/),
  NJ: f(/^[A-Z]{1}\d{14}$/),
  NM: f(/^\d{9}$/),
  NY: f(/(^\d{9}$)/, /(^[A-Z]{1}\d{18}$)/),
  NC: f(/^\d{1,12}$/),
  ND: f(/^(\d|[A-Z]){9}$/),
  OH: f(/^[A-Z]{2}\d{6}$/, /(^\d{8}$)/),
  OK: f(/(^[A-Z]{1}\d{9}$)/, /(^\d{9}$)/),
  OR: f(/(^\d{5,7}$)/, /(^[A-Z]{1}\d{6}$)/),
  PA: f(/^\d{8}$/),
  PR: f(/^\d{5,7}$/, /^\d{9}$/),
  RI: f(/(^\d{7,8}$)/, /(^V\d{6}$)/),
  SC: f(/^\d{3,10}$/),
  SD: f(/^\d{6,9}$/),
  TN: f(/^\d{7,9}$/),
  TX: f(/^\d{7,8}$/),
  UT: f(/^\d{4,10}$/),
  VT: f(/(^\d{8}$)/, /(^\d{7}A$)/),
  VA: f(/^[A-Z]{1}\d{8}$/, /^\d{9}$/),
  // WA keeps the `*` of `[A-Z*]`: Washington pads short surnames with asterisks.
  WA: f(/^[A-Z*]{4,8}\d{2,3}(\d|[A-Z]){2}$/, /^WDL([A-Z]|\d){9}$/),
  WV: f(/^([A-Z]|\d){7}$/),
  WI: f(/^[A-Z]{1}\d{13}$/),
  WY: f(/^\d{9}$/),
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
