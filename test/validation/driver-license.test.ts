import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LICENSE_FORMATS,
  US_STATES,
  normalizeLicenseNumber,
  validateDriverLicense,
  type UsState,
} from '@checkr-kit/validation';
import { en } from '@checkr-kit/validation/messages/en';
import { es } from '@checkr-kit/validation/messages/es';

/** The "Validation Criteria" column (seed 000 L1481-1913) in the English catalog's words. */
const CRITERIA: Record<UsState, string> = {
  AL: '7 to 8 digits',
  AK: '7 digits',
  AZ: '1 letter followed by 8 digits, or 9 digits',
  AR: '9 digits',
  CA: '1 letter followed by 7 digits',
  CO: '9 digits',
  CT: '9 digits',
  DE: '2 to 7 digits',
  DC: '7 to 9 digits',
  FL: '1 letter followed by 12 digits',
  GA: '9 digits',
  HI: '"H" followed by 8 digits, or 9 digits',
  ID: '2 letters followed by 6 digits followed by 1 letter, or 9 digits',
  IL: '1 letter followed by 11 to 12 digits',
  IN: '10 digits',
  IA: '9 digits, or 3 digits followed by 2 letters followed by 4 digits',
  KS: '"K" followed by 8 digits',
  KY: '1 letter followed by 8 digits',
  LA: 'an optional "0" followed by 7 to 8 digits',
  ME: '7 digits',
  MD: '1 letter followed by 12 digits, or "MD" followed by 11 digits',
  MA: '"SA" followed by 7 digits, "S" followed by 8 digits, or 9 digits',
  MI: '1 letter followed by 12 digits',
  MN: '1 letter followed by 12 digits',
  MS: '9 digits',
  MO: '9 digits, 1 letter followed by 5 to 9 digits, or 3 digits followed by 1 letter followed by 6 digits',
  MT: '13 digits, 9 letters or digits, or 3 letters followed by 10 digits',
  NE: '1 letter followed by 3 to 8 digits',
  NV: '10 digits',
  NH: '2 digits followed by 3 letters followed by 5 digits, or "NHL" followed by 8 digits',
  NJ: '1 letter followed by 14 digits',
  NM: '9 digits',
  NY: '9 digits, or 1 letter followed by 18 digits',
  NC: '1 to 12 digits',
  ND: '9 letters or digits',
  OH: '2 letters followed by 6 digits, or 8 digits',
  OK: '1 letter followed by 9 digits, or 9 digits',
  OR: '5 to 7 digits, or 1 letter followed by 6 digits',
  PA: '8 digits',
  PR: '5 to 7 digits, or 9 digits',
  RI: '7 to 8 digits, or "V" followed by 6 digits',
  SC: '3 to 10 digits',
  SD: '6 to 9 digits',
  TN: '7 to 9 digits',
  TX: '7 to 8 digits',
  UT: '4 to 10 digits',
  VT: '8 digits, or 7 digits followed by "A"',
  VA: '1 letter followed by 8 digits, or 9 digits',
  WA: '4 to 8 letters or * followed by 2 to 3 digits followed by 2 letters or digits, or "WDL" followed by 9 letters or digits',
  WV: '7 letters or digits',
  WI: '1 letter followed by 13 digits',
  WY: '9 digits',
};

/** Written by hand from the "Validation Criteria" column, not derived from the regexes. */
const CASES: Record<UsState, { valid: string[]; invalid: string[] }> = {
  AL: { valid: ['1234567', '12345678'], invalid: ['123456', '123456789'] },
  AK: { valid: ['1234567', '7654321'], invalid: ['123456', 'A123456'] },
  AZ: { valid: ['A12345678', '123456789'], invalid: ['AB1234567', '12345678'] },
  AR: { valid: ['123456789', '987654321'], invalid: ['12345678', 'A12345678'] },
  CA: { valid: ['F1112001', 'A1234567'], invalid: ['12345678', 'AB123456'] },
  CO: { valid: ['123456789', '000000001'], invalid: ['1234567890', 'A23456789'] },
  CT: { valid: ['981736076', '123456789'], invalid: ['98173607', '9817360761'] },
  DE: { valid: ['12', '1234567'], invalid: ['1', '12345678'] },
  DC: { valid: ['1234567', '123456789'], invalid: ['123456', '1234567890'] },
  FL: { valid: ['A123456789012', 'Z000000000000'], invalid: ['A12345678901', '1234567890123'] },
  GA: { valid: ['123456789', '555555555'], invalid: ['12345678', 'G12345678'] },
  HI: { valid: ['H12345678', '123456789'], invalid: ['A12345678', 'H1234567'] },
  ID: { valid: ['AB123456C', '123456789'], invalid: ['AB1234567', 'A1234567C'] },
  IL: { valid: ['A12345678901', 'A123456789012'], invalid: ['A1234567890', '123456789012'] },
  IN: { valid: ['1234567890', '0000000001'], invalid: ['123456789', 'A234567890'] },
  IA: { valid: ['123456789', '123AB4567'], invalid: ['12AB34567', '123A45678'] },
  KS: { valid: ['K12345678', 'K00000000'], invalid: ['A12345678', 'K1234567'] },
  KY: { valid: ['A12345678', 'Z87654321'], invalid: ['123456789', 'A1234567'] },
  LA: { valid: ['01234567', '012345678'], invalid: ['123456', '1234567890'] },
  ME: { valid: ['1234567', '7654321'], invalid: ['12345678', 'M123456'] },
  MD: { valid: ['A123456789012', 'MD12345678901'], invalid: ['MD1234567890', 'A12345678901'] },
  MA: { valid: ['SA1234567', 'S12345678'], invalid: ['SB1234567', 'S1234567'] },
  MI: { valid: ['A123456789012', 'M000000000000'], invalid: ['A12345678901', '1234567890123'] },
  MN: { valid: ['A123456789012', 'Z123456789012'], invalid: ['AB12345678901', 'A1234567890123'] },
  MS: { valid: ['123456789', '801234567'], invalid: ['12345678', '1234567890'] },
  MO: { valid: ['A12345', '123A456789'], invalid: ['A1234', '12AB456789'] },
  MT: { valid: ['1234567890123', 'ABC1234567890'], invalid: ['12345678', 'AB12345678901'] },
  NE: { valid: ['A123', 'A12345678'], invalid: ['A12', 'A123456789'] },
  NV: { valid: ['1234567890', '0987654321'], invalid: ['123456789', 'N234567890'] },
  NH: { valid: ['12ABC12345', 'NHL12345678'], invalid: ['12AB123456', 'NHL1234567'] },
  NJ: {
    valid: ['A12345678901234', 'Z00000000000000'],
    invalid: ['A1234567890123', '123456789012345'],
  },
  NM: { valid: ['123456789', '999999999'], invalid: ['12345678', 'NM1234567'] },
  NY: { valid: ['123456789', 'A123456789012345678'], invalid: ['12345678', 'A12345678901234567'] },
  NC: { valid: ['1', '123456789012'], invalid: ['1234567890123', 'A12345'] },
  ND: { valid: ['ABC123456', '123456789'], invalid: ['ABC12345', 'ABC1234567'] },
  OH: { valid: ['AB123456', '12345678'], invalid: ['A1234567', '123456789'] },
  OK: { valid: ['A123456789', '123456789'], invalid: ['A12345678', 'AB12345678'] },
  OR: { valid: ['12345', 'A123456'], invalid: ['1234', 'A1234567'] },
  PA: { valid: ['12345678', '87654321'], invalid: ['1234567', '123456789'] },
  PR: { valid: ['12345', '123456789'], invalid: ['12345678', '1234'] },
  RI: { valid: ['1234567', 'V123456'], invalid: ['123456', 'V1234567'] },
  SC: { valid: ['123', '1234567890'], invalid: ['12', '12345678901'] },
  SD: { valid: ['123456', '123456789'], invalid: ['12345', '1234567890'] },
  TN: { valid: ['1234567', '123456789'], invalid: ['123456', '1234567890'] },
  TX: { valid: ['1234567', '12345678'], invalid: ['123456', '123456789'] },
  UT: { valid: ['1234', '1234567890'], invalid: ['123', '12345678901'] },
  VT: { valid: ['12345678', '1234567A'], invalid: ['1234567B', '123456789'] },
  VA: { valid: ['A12345678', '123456789'], invalid: ['AB1234567', '12345678'] },
  WA: { valid: ['SMITH**123AB', 'WDLABC123456'], invalid: ['ABC12345', 'WDL12345678'] },
  WV: { valid: ['A1B2C3D', '1234567'], invalid: ['A1B2C3', 'A1B2C3D4'] },
  WI: { valid: ['A1234567890123', 'Z0000000000000'], invalid: ['A123456789012', '12345678901234'] },
  WY: { valid: ['123456789', '000000000'], invalid: ['12345678', 'W12345678'] },
};

describe('driver licence numbers, 52 jurisdictions', () => {
  it('covers every jurisdiction of the table exactly once', () => {
    assert.equal(US_STATES.length, 52);
    assert.deepEqual(Object.keys(CASES).sort(), US_STATES.map(([code]) => code).sort());
    assert.deepEqual(Object.keys(LICENSE_FORMATS).sort(), Object.keys(CASES).sort());
  });

  for (const [state, { valid, invalid }] of Object.entries(CASES)) {
    it(`${state}: accepts ${valid.join(', ')}; refuses ${invalid.join(', ')}`, () => {
      for (const number of valid) {
        const result = validateDriverLicense(number, state);
        assert.ok(result.ok, `${state} ${number} should be valid`);
      }
      for (const number of invalid) {
        const result = validateDriverLicense(number, state);
        assert.ok(!result.ok, `${state} ${number} should be invalid`);
        assert.deepEqual(result.errors, [
          {
            code: 'driver_license_number_invalid',
            pointer: '/driver_license_number',
            params: { state },
          },
        ]);
      }
    });
  }

  it('normalizes case, spaces and hyphens before matching', () => {
    assert.equal(normalizeLicenseNumber('  f111-2001 '), 'F1112001');
    const result = validateDriverLicense(' f 111-2001', 'ca');
    assert.deepEqual(result, {
      ok: true,
      value: { driver_license_number: 'F1112001', driver_license_state: 'CA' },
    });
  });

  it('accepts the ISO 3166-2 form of the state', () => {
    const result = validateDriverLicense('F1112001', 'US-CA');
    assert.ok(result.ok && result.value.driver_license_state === 'CA');
  });

  it('keeps the asterisks Washington uses, refuses other symbols with their own code', () => {
    assert.ok(validateDriverLicense('SMITH**123AB', 'WA').ok);
    const result = validateDriverLicense('F111#2001', 'CA');
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.code, 'driver_license_number_invalid_characters');
  });

  it('needs a state with a number, and a real one', () => {
    const missing = validateDriverLicense('F1112001', '');
    assert.ok(!missing.ok);
    assert.deepEqual(missing.errors, [
      { code: 'driver_license_state_required', pointer: '/driver_license_state' },
    ]);
    const unknown = validateDriverLicense('F1112001', 'ZZ');
    assert.ok(!unknown.ok);
    assert.equal(unknown.errors[0]!.code, 'driver_license_state_invalid');
    const neither = validateDriverLicense('', '');
    assert.ok(!neither.ok);
    assert.deepEqual(
      neither.errors.map((e) => e.code),
      ['driver_license_number_required', 'driver_license_state_required'],
    );
  });

  it('has a human hint per state in both languages', () => {
    assert.equal(en.licenseHint(LICENSE_FORMATS.CA.hint), '1 letter followed by 7 digits');
    assert.equal(es.licenseHint(LICENSE_FORMATS.CA.hint), '1 letra y luego 7 dígitos');
    assert.equal(es.licenseHint(LICENSE_FORMATS.AZ.hint), '1 letra y luego 8 dígitos o 9 dígitos');
    assert.equal(
      en.licenseHint(LICENSE_FORMATS.AZ.hint),
      '1 letter followed by 8 digits, or 9 digits',
    );
    assert.equal(en.licenseHint(LICENSE_FORMATS.AL.hint), '7 to 8 digits');
    assert.equal(
      en.licenseHint(LICENSE_FORMATS.MA.hint),
      '"SA" followed by 7 digits, "S" followed by 8 digits, or 9 digits',
    );
    for (const [state] of US_STATES) {
      assert.ok(en.licenseHint(LICENSE_FORMATS[state].hint).length > 0);
      assert.ok(es.licenseHint(LICENSE_FORMATS[state].hint).length > 0);
    }
  });

  it('reads each hint off its regex, saying what the "Validation Criteria" column says', () => {
    for (const [state] of US_STATES)
      assert.equal(en.licenseHint(LICENSE_FORMATS[state].hint), CRITERIA[state], state);
    assert.deepEqual(LICENSE_FORMATS.LA.hint, [
      [
        { kind: 'optional_literal', text: '0' },
        { kind: 'digits', min: 7, max: 8 },
      ],
    ]);
    assert.deepEqual(LICENSE_FORMATS.WA.hint, [
      [
        { kind: 'letters_or_asterisks', min: 4, max: 8 },
        { kind: 'digits', min: 2, max: 3 },
        { kind: 'alphanumeric', min: 2 },
      ],
      [
        { kind: 'literal', text: 'WDL' },
        { kind: 'alphanumeric', min: 9 },
      ],
    ]);
  });
});
