import { asText, fail, ok, type ErrorCode, type ValidationResult } from './result.ts';

/**
 * Checkr's supported characters (the docs' regex). Õ (U+00D5) is inside `À-Ö` although the docs'
 * table leaves it out; we follow the regex, which is what the API runs.
 */
const NAME_CHARACTERS = /^[a-zA-Z0-9ªµºÀ-ÖØ-öø-ÿ\-'., ]+$/;
const HAS_LETTER_OR_DIGIT = /[a-zA-Z0-9ªµºÀ-ÖØ-öø-ÿ]/;

/**
 * Checkr documents no maximum. 100 characters holds every real name we know of (the longest
 * registered legal names run to about 60) and keeps the consent PDF's layout sane.
 */
export const NAME_MAX_LENGTH = 100;

/** NFC so a decomposed "é" (e + U+0301) matches the composed range; spaces folded. */
export function normalizeName(input: unknown): string {
  return asText(input).normalize('NFC').replace(/\s+/g, ' ').trim();
}

type NameField = 'first_name' | 'middle_name' | 'last_name';

function validateName(
  field: NameField,
  input: unknown,
  required: boolean,
): ValidationResult<string> {
  const value = normalizeName(input);
  const pointer = `/${field}`;
  if (value === '') {
    return required ? fail(`${field}_required` as ErrorCode, pointer) : ok('');
  }
  if (value.length > NAME_MAX_LENGTH) {
    return fail(`${field}_too_long` as ErrorCode, pointer, { max: NAME_MAX_LENGTH });
  }
  if (!NAME_CHARACTERS.test(value))
    return fail(`${field}_invalid_characters` as ErrorCode, pointer);
  // Punctuation alone (".", "-") is not a name; ask for one rather than call it invalid.
  if (!HAS_LETTER_OR_DIGIT.test(value)) {
    return required
      ? fail(`${field}_required` as ErrorCode, pointer)
      : fail(`${field}_invalid_characters` as ErrorCode, pointer);
  }
  return ok(value);
}

export function validateFirstName(input: unknown): ValidationResult<string> {
  return validateName('first_name', input, true);
}

export function validateLastName(input: unknown): ValidationResult<string> {
  return validateName('last_name', input, true);
}

/**
 * The error table's two directions: `no_middle_name: true` with a middle name is refused
 * ("must_not have middle name"), and no middle name without the flag is refused ("must have
 * middle name"). The value is `''` when the candidate has none.
 */
export function validateMiddleName(
  input: unknown,
  noMiddleName: unknown,
): ValidationResult<string> {
  const value = normalizeName(input);
  if (noMiddleName === true) {
    return value === '' ? ok('') : fail('middle_name_not_allowed', '/middle_name');
  }
  return validateName('middle_name', value, true);
}

/**
 * A typed signature compared with the names given letter for letter, after Unicode normalization
 * folds case and accents ("JOSÉ O'NEIL" is "josé o'neil" is "jose o'neil") and runs of spaces.
 * Nothing else is removed: a name with words, digits or punctuation added is another text, not
 * the name. Typographic apostrophes and hyphens (a phone keyboard's ’ and ‐) count as the plain
 * ones the name fields accept. Used by the signature field and the BFF.
 */
export function normalizeSignatureName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Characters refused in every text field: controls (C0, DEL, C1; tab and newline included) and
 * the bidirectional marks, embeddings, overrides and isolates that make a text read otherwise
 * than it is stored (Trojan Source, CVE-2021-42574), zero-width joiners aside.
 */
const UNSAFE_TEXT = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/**
 * The size of the PNG the signature pad exports, whatever its size on screen. The BFF refuses a
 * drawn signature with a larger header before decoding it, so an image bomb costs nothing.
 */
export const SIGNATURE_IMAGE_SIZE = Object.freeze({ width: 600, height: 200 });
