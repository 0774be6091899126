import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as v from '@checkr-kit/validation';
import { formatMessage, validateCandidate } from '@checkr-kit/validation';
import {
  CHECKR_CANDIDATE_ERRORS,
  checkrMessageFor,
  issuesFromCheckrMessage,
} from '@checkr-kit/validation/server';
import { en } from '@checkr-kit/validation/messages/en';
import { es } from '@checkr-kit/validation/messages/es';

const rules = {
  minAge: 18,
  requireSsn: true,
  requireDriverLicense: true,
  today: '2026-11-23',
} as const;

const michael = {
  first_name: ' Michael ',
  middle_name: 'Gary',
  last_name: 'Scott',
  email: 'Michael.Scott@DunderMifflin.com',
  phone: '(203) 540-8926',
  zipcode: '06831-1234',
  dob: '1964-03-15',
  ssn: '111 11 2001',
  driver_license_number: '981-736-076',
  driver_license_state: 'ct',
};

describe('validateCandidate', () => {
  it('normalizes every field of a valid candidate', () => {
    assert.deepEqual(validateCandidate(michael, rules), {
      ok: true,
      value: {
        first_name: 'Michael',
        middle_name: 'Gary',
        no_middle_name: false,
        last_name: 'Scott',
        email: 'Michael.Scott@dundermifflin.com',
        phone: '2035408926',
        zipcode: '06831',
        dob: '1964-03-15',
        ssn: '111-11-2001',
        driver_license_number: '981736076',
        driver_license_state: 'CT',
      },
    });
  });

  it('lists every failing field at once', () => {
    const result = validateCandidate(
      {
        first_name: 'M!',
        no_middle_name: true,
        middle_name: 'G',
        email: 'x',
        dob: '2020-01-01',
        ssn: '666-12-3456',
        zipcode: '1',
        driver_license_number: 'Z',
        driver_license_state: 'CA',
      },
      rules,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => `${e.pointer}:${e.code}`),
      [
        '/first_name:first_name_invalid_characters',
        '/middle_name:middle_name_not_allowed',
        '/last_name:last_name_required',
        '/email:email_invalid',
        '/dob:dob_too_young',
        '/zipcode:zipcode_invalid',
        '/ssn:ssn_area_666',
        '/driver_license_number:driver_license_number_invalid',
      ],
    );
  });

  it('asks for SSN, zip and licence only when the package needs them, but checks them when given', () => {
    const loose = {
      minAge: 16,
      requireSsn: false,
      requireDriverLicense: false,
      today: '2026-11-23',
    } as const;
    const bare = {
      first_name: 'Ana',
      no_middle_name: true,
      last_name: 'Ruiz',
      email: 'ana@example.com',
      dob: '2000-01-01',
    };
    assert.deepEqual(validateCandidate(bare, loose), {
      ok: true,
      value: {
        first_name: 'Ana',
        no_middle_name: true,
        last_name: 'Ruiz',
        email: 'ana@example.com',
        dob: '2000-01-01',
      },
    });
    const wrongSsn = validateCandidate({ ...bare, ssn: '123-45-6789' }, loose);
    assert.ok(!wrongSsn.ok && wrongSsn.errors[0]!.code === 'ssn_sequential');
    const required = validateCandidate(bare, rules);
    assert.ok(!required.ok);
    assert.deepEqual(
      required.errors.map((e) => e.code),
      [
        'zipcode_required',
        'ssn_required',
        'driver_license_number_required',
        'driver_license_state_required',
      ],
    );
  });

  it('never throws on garbage', () => {
    assert.equal(validateCandidate(null, rules).ok, false);
    assert.equal(validateCandidate({ first_name: {}, dob: 12, ssn: [] } as never, rules).ok, false);
  });
});

describe('Checkr error texts', () => {
  it('maps every candidate-field message of the docs table to codes and pointers', () => {
    const table = [
      ['SSN is invalid', 'ssn_invalid'],
      ['Zipcode is invalid', 'zipcode_invalid'],
      ['Email is not a valid email address', 'email_invalid'],
      [
        'First name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas',
        'first_name_invalid_characters',
      ],
      [
        'Last name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas',
        'last_name_invalid_characters',
      ],
      [
        'Candidate must have a driver license number and a driver license state for the package mvr',
        'driver_license_required',
      ],
      ['SSN is invalid. TIN was provided.', 'ssn_itin'],
      ['SSN has already been taken', 'ssn_taken'],
      [
        'First name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas", "Last name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas',
        'first_name_invalid_characters,last_name_invalid_characters',
      ],
      [
        'Candidate must_not have middle name when no_middle_name flag is set to true for the candidate report_id=abc123',
        'middle_name_not_allowed',
      ],
      [
        'Report driver license state not supported or not enabled for account',
        'driver_license_state_not_supported',
      ],
      ['Candidate must be at least 16 years old', 'dob_too_young'],
      ['Candidate must be at least 18 years old', 'dob_too_young'],
      ['Candidate must have SSN for the package driver_premium', 'ssn_required'],
      [
        'Middle name must only contain letters, numbers, spaces, hyphens, apostrophes, periods, and commas.',
        'middle_name_invalid_characters',
      ],
      [
        'Number Driver license number must only contain letters, numbers, spaces, hyphens, and asterisks',
        'driver_license_number_invalid_characters',
      ],
      [
        'Candidate must have middle name when no_middle_name flag is set for the candidate report_id=',
        'middle_name_required',
      ],
      [
        "Number can't be blank, State can't be blank, State is not a valid US state",
        'driver_license_number_required,driver_license_state_required,driver_license_state_invalid',
      ],
      [
        'No middle name can not be updated, No middle name must have middle name when no_middle_name flag is set to false for the candidate candidate_id=x',
        'no_middle_name_locked,middle_name_required',
      ],
    ] as const;
    for (const [text, codes] of table) {
      const found = issuesFromCheckrMessage(text)
        .map((i) => i.code)
        .sort()
        .join(',');
      assert.equal(found, codes.split(',').sort().join(','), text);
    }
    assert.deepEqual(
      issuesFromCheckrMessage('Candidate must be at least 16 years old')[0]!.params,
      { minAge: 16 },
    );
    assert.deepEqual(issuesFromCheckrMessage('Report is too old to upgrade'), []);
  });

  it('gives the sandbox the exact text for a code', () => {
    assert.equal(
      checkrMessageFor({ code: 'ssn_itin', pointer: '/ssn' }),
      'SSN is invalid. TIN was provided.',
    );
    assert.equal(
      checkrMessageFor({ code: 'dob_too_young', pointer: '/dob', params: { minAge: 16 } }),
      'Candidate must be at least 16 years old',
    );
    assert.equal(checkrMessageFor({ code: 'ssn_area_666', pointer: '/ssn' }), undefined);
  });
});

describe('catalogs', () => {
  it('have a non-empty English and Spanish message for every code, different from each other', () => {
    const codes = new Set<string>(Object.keys(en.messages));
    assert.deepEqual(new Set(Object.keys(es.messages)), codes);
    for (const entry of CHECKR_CANDIDATE_ERRORS)
      for (const issue of entry.issues) assert.ok(codes.has(issue.code), issue.code);
    for (const code of codes) {
      const issue = {
        code: code as v.ErrorCode,
        pointer: '/x',
        params: { max: 100, minAge: 18, maxAge: 120, state: 'CA' },
      };
      const english = formatMessage(en, issue);
      const spanish = formatMessage(es, issue);
      assert.ok(english.length > 5 && spanish.length > 5, code);
      assert.notEqual(english, spanish, code);
      assert.ok(!/undefined/.test(english + spanish), code);
    }
  });
});

describe('properties (fast-check)', () => {
  const fieldValidators: Array<[string, (x: unknown) => v.ValidationResult<unknown>]> = [
    ['first name', v.validateFirstName],
    ['last name', v.validateLastName],
    ['middle name', (x) => v.validateMiddleName(x, false)],
    ['email', v.validateEmail],
    ['ssn', v.validateSsn],
    ['dob', (x) => v.validateDob(x, { minAge: 18, today: '2026-11-23' })],
    ['zipcode', v.validateZipcode],
    ['phone', v.validatePhone],
    ['licence (CA)', (x) => v.validateLicenseNumber(x, 'CA')],
    ['licence (WA)', (x) => v.validateLicenseNumber(x, 'WA')],
  ];
  const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything());

  for (const [name, validate] of fieldValidators) {
    it(`${name}: never throws; normalizing twice equals once; a valid value stays valid`, () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const first = validate(input);
          if (!first.ok) return;
          const second = validate(first.value);
          assert.deepEqual(second, first);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('candidate: valid inputs built from valid parts stay valid and normalize idempotently', () => {
    const digits = (n: number) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
        .map((d) => d.join(''));
    const ssn = fc
      .tuple(
        fc.integer({ min: 1, max: 665 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9999 }),
      )
      .map(
        ([a, g, s]) =>
          `${String(a).padStart(3, '0')} ${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`,
      );
    fc.assert(
      fc.property(
        fc.record({
          first_name: fc.stringMatching(/^[A-Za-zÀ-Ö][a-zà-ö' -]{0,20}$/),
          last_name: fc.stringMatching(/^[A-Za-zØ-ö][a-zø-ÿ.,-]{0,20}$/),
          email: fc.emailAddress().filter((e) => !e.includes('"') && e.length <= 255),
          zipcode: digits(5).filter((z) => z !== '00000'),
          ssn,
          dob: fc
            .date({ min: new Date('1910-01-01'), max: new Date('2000-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          driver_license_number: digits(7).map((d) => `f${d}`),
        }),
        (input) => {
          const candidate = { ...input, no_middle_name: true, driver_license_state: 'CA' };
          const result = validateCandidate(candidate, rules);
          if (!result.ok) {
            // fast-check emails may use TLDs we call implausible (digits); nothing else may fail.
            assert.deepEqual(
              result.errors
                .map((e) => e.code)
                .filter(
                  (c) =>
                    c !== 'email_domain_invalid' &&
                    c !== 'email_invalid' &&
                    c !== 'ssn_repeated_digit',
                ),
              [],
            );
            return;
          }
          assert.deepEqual(validateCandidate(result.value, rules), result);
        },
      ),
      { numRuns: 500 },
    );
  });
});
