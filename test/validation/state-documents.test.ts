import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as browserEntry from '@checkr-kit/validation';
import {
  US_STATES,
  formatMessage,
  residenceStateNeeded,
  stateDocumentApplies,
  type StateDocumentFacts,
  type StateDocumentRule,
} from '@checkr-kit/validation';
import { validateResidenceState, zipcodeStates } from '@checkr-kit/validation/server';
import { en } from '@checkr-kit/validation/messages/en';
import { es } from '@checkr-kit/validation/messages/es';
import { sampleDocuments } from '../../server/src/documents/samples.ts';

/** One ZIP code of each jurisdiction's capital or largest city. */
const ZIP_OF: Record<string, string> = {
  AL: '35203',
  AK: '99501',
  AZ: '85001',
  AR: '72201',
  CA: '94107',
  CO: '80202',
  CT: '06831',
  DE: '19901',
  DC: '20001',
  FL: '33101',
  GA: '30303',
  HI: '96813',
  ID: '83702',
  IL: '60601',
  IN: '46204',
  IA: '50309',
  KS: '66603',
  KY: '40202',
  LA: '70112',
  ME: '04101',
  MD: '21201',
  MA: '02108',
  MI: '48226',
  MN: '55401',
  MS: '39201',
  MO: '63101',
  MT: '59601',
  NE: '68102',
  NV: '89101',
  NH: '03301',
  NJ: '07102',
  NM: '87501',
  NY: '10001',
  NC: '27601',
  ND: '58501',
  OH: '43215',
  OK: '73102',
  OR: '97201',
  PA: '18505',
  PR: '00901',
  RI: '02903',
  SC: '29201',
  SD: '57501',
  TN: '37203',
  TX: '75201',
  UT: '84101',
  VT: '05601',
  VA: '23219',
  WA: '98101',
  WV: '25301',
  WI: '53202',
  WY: '82001',
};

describe('zipcodeStates: USPS 3-digit prefixes as data', () => {
  it('places a ZIP code of each of the 52 jurisdictions in its state', () => {
    for (const [code] of US_STATES) assert.deepEqual(zipcodeStates(ZIP_OF[code]!), [code], code);
  });

  it('names no state for military (AA, AE, AP) and territory ZIP codes outside the list', () => {
    for (const zip of ['09021', '34002', '96201', '00802', '96910', '96950', '96799'])
      assert.equal(zipcodeStates(zip), null, zip);
  });

  it('gives every state a border ZIP code may be in, and nothing for unassigned or malformed codes', () => {
    assert.deepEqual(zipcodeStates('73949'), ['OK', 'TX']);
    assert.deepEqual(zipcodeStates('97635'), ['OR', 'CA']);
    assert.equal(zipcodeStates('00100'), null);
    assert.equal(zipcodeStates('00400'), null);
    assert.equal(zipcodeStates('9410'), null);
  });

  it("is the BFF's alone: not in the entry point browsers load, where no component reads it", () => {
    assert.equal('zipcodeStates' in browserEntry, false);
    assert.equal('validateResidenceState' in browserEntry, false);
  });

  it('maps every prefix to at most one state', () => {
    for (let prefix = 0; prefix < 1000; prefix++) {
      const states = zipcodeStates(`${String(prefix).padStart(3, '0')}50`);
      assert.ok(states === null || states.length === 1, String(prefix));
    }
  });
});

const TEXAS: StateDocumentFacts = { residence: 'TX', work: ['TX'], license: 'TX', mvr: true };
/** The sample documents' rules, as the BFF ships them. */
const rule = (id: string): StateDocumentRule =>
  sampleDocuments.find((d) => d.id === id && d.locale === 'en')!.appliesTo!;

describe('stateDocumentApplies: the sample rules, case by case', () => {
  it('California and New York: by residence or work location', () => {
    for (const [id, state] of [
      ['ca-disclosure', 'CA'],
      ['ny-disclosure', 'NY'],
    ] as const) {
      assert.equal(stateDocumentApplies(rule(id), { ...TEXAS, residence: state }), true, id);
      assert.equal(stateDocumentApplies(rule(id), { ...TEXAS, work: ['TX', state] }), true, id);
      assert.equal(stateDocumentApplies(rule(id), { ...TEXAS, license: state }), false, id);
      assert.equal(stateDocumentApplies(rule(id), TEXAS), false, id);
    }
  });

  it('Washington: the MVR release by residence, licence state or work location, only with an MVR', () => {
    const wa = rule('wa-mvr-release');
    assert.equal(stateDocumentApplies(wa, { ...TEXAS, residence: 'WA' }), true);
    assert.equal(stateDocumentApplies(wa, { ...TEXAS, residence: 'OR', license: 'WA' }), true);
    assert.equal(stateDocumentApplies(wa, { ...TEXAS, work: ['WA'] }), true);
    assert.equal(stateDocumentApplies(wa, { ...TEXAS, residence: 'OR', license: 'OR' }), false);
    assert.equal(
      stateDocumentApplies(wa, { residence: 'WA', work: ['WA'], license: 'WA', mvr: false }),
      false,
    );
  });

  it('Texas control: no sample state document applies', () => {
    for (const id of ['ca-disclosure', 'ny-disclosure', 'wa-mvr-release'])
      assert.equal(stateDocumentApplies(rule(id), TEXAS), false, id);
  });
});

describe('residenceStateNeeded', () => {
  const rules = ['ca-disclosure', 'ny-disclosure', 'wa-mvr-release'].map(rule);

  it('is true while a residence rule is not already met by a work location', () => {
    assert.equal(residenceStateNeeded(rules, { work: ['TX'], mvr: false }), true);
    assert.equal(residenceStateNeeded(rules, { work: ['CA', 'NY'], mvr: true }), true);
  });

  it('is false when work locations cover every residence rule the package can meet', () => {
    assert.equal(residenceStateNeeded(rules, { work: ['CA', 'NY'], mvr: false }), false);
    assert.equal(residenceStateNeeded(rules, { work: ['CA', 'NY', 'WA'], mvr: true }), false);
    assert.equal(
      residenceStateNeeded([null, undefined, { work: ['CA'] }], { work: [], mvr: true }),
      false,
    );
  });
});

describe('validateResidenceState', () => {
  it('requires the state only when asked to', () => {
    assert.deepEqual(validateResidenceState('', { required: false }), { ok: true, value: null });
    assert.deepEqual(validateResidenceState(' ', { required: true }), {
      ok: false,
      errors: [{ code: 'residence_state_required', pointer: '/residence_state' }],
    });
  });

  it('normalizes the code and refuses what is no jurisdiction', () => {
    assert.deepEqual(validateResidenceState('us-wa', { required: true, zipcode: '98101' }), {
      ok: true,
      value: 'WA',
    });
    assert.equal(
      (validateResidenceState('GU', { required: true }) as any).errors[0].code,
      'residence_state_invalid',
    );
  });

  it('refuses a state the ZIP code is not in, naming the state chosen in both languages', () => {
    const result = validateResidenceState('TX', { required: true, zipcode: '94107' });
    assert.deepEqual(result, {
      ok: false,
      errors: [
        {
          code: 'residence_state_zip_mismatch',
          pointer: '/residence_state',
          params: { state: 'TX' },
        },
      ],
    });
    const issue = (result as any).errors[0];
    assert.match(formatMessage(en, issue), /ZIP code is not in Texas\./);
    assert.match(formatMessage(es, { ...issue, params: { state: 'NY' } }), /no es de Nueva York\./);
    assert.match(formatMessage(en, { ...issue, params: {} }), /not in that state/);
  });

  it('accepts any state with a military ZIP code, and each state of a border ZIP code', () => {
    assert.equal(validateResidenceState('TX', { required: true, zipcode: '09021' }).ok, true);
    assert.equal(validateResidenceState('OK', { required: true, zipcode: '73949' }).ok, true);
    assert.equal(validateResidenceState('TX', { required: true, zipcode: '73949' }).ok, true);
    assert.equal(validateResidenceState('KS', { required: true, zipcode: '73949' }).ok, false);
  });
});
