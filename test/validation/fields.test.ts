import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageOn,
  formatSsn,
  maskSsn,
  parseCalendarDate,
  suggestEmail,
  validateDob,
  validateEmail,
  validateFirstName,
  validateLastName,
  validateMiddleName,
  validatePhone,
  validateSsn,
  validateZipcode,
} from '@checkr-kit/validation';
import { checkEmailDomain, type MailResolver } from '@checkr-kit/validation/server';

const codeOf = (result: { ok: boolean; errors?: Array<{ code: string }> }) =>
  result.ok ? 'ok' : result.errors![0]!.code;

describe('SSN', () => {
  const cases: Array<[string, string]> = [
    ['111-11-2001', 'ok'],
    ['847 43 4645', 'ok'],
    ['847434645', 'ok'],
    ['', 'ssn_required'],
    ['84743464', 'ssn_wrong_length'],
    ['8474346450', 'ssn_wrong_length'],
    ['847-43-464a', 'ssn_invalid'],
    ['666-34-3768', 'ssn_area_666'],
    ['967-65-4325', 'ssn_itin'],
    ['900-12-3456', 'ssn_itin'],
    ['111-11-1111', 'ssn_repeated_digit'],
    ['222222222', 'ssn_repeated_digit'],
    ['123-45-6789', 'ssn_sequential'],
    ['000-12-3456', 'ssn_area_000'],
    ['123-00-4567', 'ssn_group_00'],
    ['123-45-0000', 'ssn_serial_0000'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => {
      const result = validateSsn(input);
      assert.equal(codeOf(result), expected);
      if (!result.ok) assert.equal(result.errors[0]!.pointer, '/ssn');
    });
  }
  it('normalizes to XXX-XX-XXXX, formats partial input, masks to the last four', () => {
    assert.deepEqual(validateSsn(' 847434645 '), { ok: true, value: '847-43-4645' });
    assert.equal(formatSsn('8474'), '847-4');
    assert.equal(formatSsn('84743464599'), '847-43-4645');
    assert.equal(maskSsn('847-43-4645'), 'XXX-XX-4645');
    assert.equal(maskSsn(''), 'XXX-XX-XXXX');
  });
});

describe('names', () => {
  it('accepts the supported characters, including Õ and decomposed accents', () => {
    assert.deepEqual(validateFirstName('  José   María '), { ok: true, value: 'José María' });
    assert.equal(codeOf(validateLastName("O'Brien-Núñez, Jr.")), 'ok');
    assert.equal(codeOf(validateLastName('Õunapuu')), 'ok');
    assert.deepEqual(validateFirstName('Jose\u0301'), { ok: true, value: 'José' });
  });
  it('refuses what Checkr refuses, with a code per field', () => {
    assert.equal(codeOf(validateFirstName('Zoë!')), 'first_name_invalid_characters');
    assert.equal(codeOf(validateLastName('李')), 'last_name_invalid_characters');
    assert.equal(codeOf(validateFirstName('×')), 'first_name_invalid_characters');
    assert.equal(codeOf(validateFirstName('   ')), 'first_name_required');
    assert.equal(codeOf(validateFirstName('.')), 'first_name_required');
    assert.equal(codeOf(validateLastName('a'.repeat(101))), 'last_name_too_long');
    assert.equal(codeOf(validateLastName('a'.repeat(100))), 'ok');
  });
  it('enforces middle_name and no_middle_name both ways', () => {
    assert.deepEqual(validateMiddleName('', true), { ok: true, value: '' });
    assert.equal(codeOf(validateMiddleName('Gary', true)), 'middle_name_not_allowed');
    assert.equal(codeOf(validateMiddleName('', false)), 'middle_name_required');
    assert.equal(codeOf(validateMiddleName(undefined, undefined)), 'middle_name_required');
    assert.deepEqual(validateMiddleName(' Gary ', false), { ok: true, value: 'Gary' });
  });
});

describe('email', () => {
  const cases: Array<[string, string]> = [
    ['michael.scott@dundermifflin.com', 'ok'],
    ['first+tag@sub.example.co.uk', 'ok'],
    ["o'brien@example.org", 'ok'],
    ['', 'email_required'],
    ['plainaddress', 'email_invalid'],
    ['a@b', 'email_invalid'],
    ['a..b@example.com', 'email_invalid'],
    ['.a@example.com', 'email_invalid'],
    ['a@-example.com', 'email_invalid'],
    ['a b@example.com', 'email_invalid'],
    ['josé@example.com', 'email_invalid'],
    ['"john doe"@example.com', 'email_unsupported_format'],
    ['john@[192.0.2.1]', 'email_unsupported_format'],
    ['john@example.c0m', 'email_domain_invalid'],
    ['john@example.c', 'email_domain_invalid'],
    [`${'a'.repeat(64)}@example.com`, 'ok'],
    [`${'a'.repeat(65)}@example.com`, 'email_invalid'],
    [
      `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.com`,
      'email_too_long',
    ],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input.slice(0, 40))} -> ${expected}`, () => {
      assert.equal(codeOf(validateEmail(input)), expected);
    });
  }
  it('lower-cases the domain only', () => {
    assert.deepEqual(validateEmail(' Ana.Ruiz@GMAIL.COM '), {
      ok: true,
      value: 'Ana.Ruiz@gmail.com',
    });
  });
  it('suggests the provider people mean, and nothing for real domains', () => {
    assert.equal(suggestEmail('ana@gmeil.con'), 'ana@gmail.com');
    assert.equal(suggestEmail('ana@gmail.con'), 'ana@gmail.com');
    assert.equal(suggestEmail('ana@yaho.com'), 'ana@yahoo.com');
    assert.equal(suggestEmail('ana@hotmial.com'), 'ana@hotmail.com');
    assert.equal(suggestEmail('ana@acme.cmo'), 'ana@acme.com');
    assert.equal(suggestEmail('ana@gmail.com'), undefined);
    assert.equal(suggestEmail('ana@mail.com'), undefined);
    assert.equal(suggestEmail('ana@dundermifflin.com'), undefined);
    assert.equal(suggestEmail('not an email'), undefined);
  });
});

describe('email domain (server-only DNS check)', () => {
  const notFound = () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
  const noData = () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENODATA' }));
  const resolver = (over: Partial<MailResolver>): MailResolver => ({
    resolveMx: noData,
    resolve4: noData,
    resolve6: noData,
    ...over,
  });
  it('accepts a domain with MX records', async () => {
    const result = await checkEmailDomain(
      'a@example.com',
      resolver({
        resolveMx: async () => [{ exchange: 'mx.example.com', priority: 10 }],
      }),
    );
    assert.deepEqual(result, { ok: true, value: { verified: true } });
  });
  it('falls back to A/AAAA as the implicit MX (RFC 5321 §5.1)', async () => {
    const result = await checkEmailDomain(
      'a@example.com',
      resolver({ resolve6: async () => ['2001:db8::1'] }),
    );
    assert.deepEqual(result, { ok: true, value: { verified: true } });
  });
  // A working resolver: gmail.com (the canary) takes mail; other names are as each test says.
  const gmail = async () => [{ exchange: 'gmail-smtp-in.l.google.com', priority: 5 }];
  const withCanary =
    (other: MailResolver['resolveMx']): MailResolver['resolveMx'] =>
    (domain) =>
      domain === 'gmail.com' ? gmail() : other(domain);

  it('refuses a domain that does not exist, or a null MX', async () => {
    const gone = await checkEmailDomain(
      'a@gmeil.con',
      resolver({ resolveMx: withCanary(notFound), resolve4: notFound, resolve6: notFound }),
    );
    assert.equal(codeOf(gone), 'email_domain_no_mail');
    const nullMx = await checkEmailDomain(
      'a@example.com',
      resolver({
        resolveMx: withCanary(async () => [{ exchange: '', priority: 0 }]),
        resolve4: async () => ['192.0.2.1'],
      }),
    );
    assert.equal(codeOf(nullMx), 'email_domain_no_mail');
  });
  it('lets the address through, unverified, when the resolver says "not found" for everything', async () => {
    // What a host cut off from DNS often does: NXDOMAIN for every name, the canary too.
    const cutOff = await checkEmailDomain(
      'a@gmeil.con',
      resolver({ resolveMx: notFound, resolve4: notFound, resolve6: notFound }),
    );
    assert.deepEqual(cutOff, { ok: true, value: { verified: false } });
  });
  it('lets the address through, unverified, when DNS itself fails or hangs', async () => {
    const servfail = await checkEmailDomain(
      'a@example.com',
      resolver({
        resolveMx: () => Promise.reject(Object.assign(new Error('x'), { code: 'ESERVFAIL' })),
      }),
    );
    assert.deepEqual(servfail, { ok: true, value: { verified: false } });
    const hang = await checkEmailDomain(
      'a@example.com',
      resolver({ resolveMx: () => new Promise(() => {}) }),
      { timeoutMs: 20 },
    );
    assert.deepEqual(hang, { ok: true, value: { verified: false } });
  });
});

describe('date of birth', () => {
  const today = '2026-11-23';
  it('normalizes real dates and refuses unreal ones', () => {
    assert.deepEqual(validateDob('1964-3-15', { minAge: 18, today }), {
      ok: true,
      value: '1964-03-15',
    });
    assert.deepEqual(validateDob('03/15/1964', { minAge: 18, today }), {
      ok: true,
      value: '1964-03-15',
    });
    assert.equal(codeOf(validateDob('1964-02-30', { minAge: 18, today })), 'dob_invalid');
    assert.equal(codeOf(validateDob('1900-02-29', { minAge: 18, today })), 'dob_invalid');
    assert.equal(codeOf(validateDob('15/03/1964', { minAge: 18, today })), 'dob_invalid');
    assert.equal(codeOf(validateDob('', { minAge: 18, today })), 'dob_required');
  });
  it('handles leap days: 2000-02-29 exists, 1900-02-29 does not', () => {
    assert.ok(parseCalendarDate('2000-02-29'));
    assert.equal(parseCalendarDate('1900-02-29'), undefined);
  });
  it('checks the minimum age on the birthday itself', () => {
    assert.equal(codeOf(validateDob('2008-11-23', { minAge: 18, today })), 'ok');
    const young = validateDob('2008-11-24', { minAge: 18, today });
    assert.ok(!young.ok);
    assert.deepEqual(young.errors[0], {
      code: 'dob_too_young',
      pointer: '/dob',
      params: { minAge: 18 },
    });
    assert.equal(codeOf(validateDob('2010-11-23', { minAge: 16, today })), 'ok');
    assert.equal(codeOf(validateDob('2010-11-24', { minAge: 16, today })), 'dob_too_young');
  });
  it('counts a 29 February birthday as 1 March in common years', () => {
    const birth = { year: 2008, month: 2, day: 29 };
    assert.equal(ageOn(birth, { year: 2026, month: 2, day: 28 }), 17);
    assert.equal(ageOn(birth, { year: 2026, month: 3, day: 1 }), 18);
    assert.equal(ageOn(birth, { year: 2028, month: 2, day: 29 }), 20);
    assert.equal(
      codeOf(validateDob('2008-02-29', { minAge: 18, today: '2026-02-28' })),
      'dob_too_young',
    );
    assert.equal(codeOf(validateDob('2008-02-29', { minAge: 18, today: '2026-03-01' })), 'ok');
  });
  it('refuses the future and more than 120 years', () => {
    assert.equal(codeOf(validateDob('2026-11-24', { minAge: 16, today })), 'dob_in_future');
    assert.equal(codeOf(validateDob('1905-11-24', { minAge: 16, today })), 'ok');
    assert.equal(codeOf(validateDob('1905-11-23', { minAge: 16, today })), 'dob_too_old');
  });
});

describe('zip code and phone', () => {
  it('takes 5 digits, reduces ZIP+4', () => {
    assert.deepEqual(validateZipcode('06831'), { ok: true, value: '06831' });
    assert.deepEqual(validateZipcode(' 06831-1234 '), { ok: true, value: '06831' });
    assert.deepEqual(validateZipcode('068311234'), { ok: true, value: '06831' });
    assert.equal(codeOf(validateZipcode('6831')), 'zipcode_invalid');
    assert.equal(codeOf(validateZipcode('00000')), 'zipcode_invalid');
    assert.equal(codeOf(validateZipcode('ABCDE')), 'zipcode_invalid');
    assert.equal(codeOf(validateZipcode('')), 'zipcode_required');
  });
  it('takes a US number in any usual formatting, normalized to 10 digits', () => {
    for (const input of [
      '2035408926',
      '(203) 540-8926',
      '203.540.8926',
      '+1 203 540 8926',
      '1-203-540-8926',
    ]) {
      assert.deepEqual(validatePhone(input), { ok: true, value: '2035408926' }, input);
    }
    assert.deepEqual(validatePhone(''), { ok: true, value: '' });
    for (const input of [
      '540-8926',
      '+44 20 7946 0958',
      '103 540 8926',
      '203 140 8926',
      'call me',
    ]) {
      assert.equal(codeOf(validatePhone(input)), 'phone_invalid', input);
    }
  });
});
