import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auth, json, michael, startSandbox } from './helpers.ts';

/**
 * State documents, case by case, on the BFF (the authority): California, New York and Washington
 * (the seeds' examples, 000 L185, plus New York), with a Texas control that needs none. Every
 * candidate here works in Texas, so only where they live and which state issued their licence
 * choose the documents.
 */
const bff = await startSandbox();
const admin = bff.config.adminKey;
const STATE_DOCUMENTS = ['ca-disclosure', 'ny-disclosure', 'wa-mvr-release'];

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${bff.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as any };
}

async function newSession(extra: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await call(
    '/v1/apply-sessions',
    auth(
      admin,
      json({ package: 'driver_pro', work_locations: [{ country: 'US', state: 'TX' }], ...extra }),
    ),
  );
  assert.equal(status, 201, JSON.stringify(body));
  return body.session_token;
}

let serial = 0;
/** A candidate where the test says, with a new SSN each time (the simulator limits duplicates). */
function person(where: Record<string, unknown>) {
  const n = serial++;
  return {
    ...michael,
    first_name: 'Pam',
    last_name: `Beesly${String.fromCharCode(97 + (n % 26))}`,
    ssn: `111-11-${5001 + n}`,
    ...where,
  };
}

const TEXAN = {
  residence_state: 'TX',
  zipcode: '75201',
  driver_license_state: 'TX',
  driver_license_number: '12345678',
};

/** Lives in Oregon, licensed by Washington: the WA release follows the licence. */
const WA_LICENSED_OREGONIAN = {
  ...TEXAN,
  residence_state: 'OR',
  zipcode: '97201',
  driver_license_state: 'WA',
  driver_license_number: 'WDLAB1234567',
};

async function stateDocumentsFor(candidate: Record<string, unknown>, session = {}) {
  const token = await newSession(session);
  const { status, body } = await call('/v1/apply/candidate', auth(token, json(candidate)));
  assert.equal(status, 201, JSON.stringify(body));
  return {
    token,
    all: body.documents as string[],
    state: (body.documents as string[]).filter((id) => STATE_DOCUMENTS.includes(id)),
  };
}

describe('state documents, case by case', () => {
  it('California: a CA resident gets the California disclosure, and nothing else of a state', async () => {
    const { state } = await stateDocumentsFor(
      person({ ...TEXAN, residence_state: 'CA', zipcode: '94107' }),
    );
    assert.deepEqual(state, ['ca-disclosure']);
  });

  it('New York: a NY resident gets the New York disclosure', async () => {
    const { state } = await stateDocumentsFor(
      person({ ...TEXAN, residence_state: 'NY', zipcode: '10001' }),
    );
    assert.deepEqual(state, ['ny-disclosure']);
  });

  it('Washington: the MVR release follows the residence, or the licence state with a residence elsewhere', async () => {
    const resident = await stateDocumentsFor(
      person({ ...TEXAN, residence_state: 'WA', zipcode: '98101' }),
    );
    assert.deepEqual(resident.state, ['wa-mvr-release']);
    const licensed = await stateDocumentsFor(person(WA_LICENSED_OREGONIAN));
    assert.deepEqual(licensed.state, ['wa-mvr-release']);
    const neither = await stateDocumentsFor(
      person({ ...TEXAN, residence_state: 'OR', zipcode: '97201' }),
    );
    assert.deepEqual(neither.state, []);
  });

  it('Washington: no MVR release for a package without a motor vehicle record', async () => {
    const { state } = await stateDocumentsFor(
      person({
        ...TEXAN,
        residence_state: 'WA',
        zipcode: '98101',
        driver_license_state: 'WA',
        driver_license_number: 'WDLAB1234567',
      }),
      { package: 'tasker_standard' },
    );
    assert.deepEqual(state, []);
    const token = await newSession({ package: 'tasker_standard' });
    const config = await call('/v1/apply/config', auth(token));
    assert.ok(!config.body.documents.some((d: any) => d.id === 'wa-mvr-release'));
  });

  it('Texas control: a Texan working in Texas sees only the federal documents', async () => {
    const { all } = await stateDocumentsFor(person(TEXAN));
    assert.deepEqual(all, ['fcra-summary-of-rights', 'background-check-disclosure']);
  });

  it('the consent is refused until the WA release chosen by the licence state is acknowledged', async () => {
    const { token, all } = await stateDocumentsFor(person(WA_LICENSED_OREGONIAN));
    const config = await call('/v1/apply/config', auth(token));
    const byId = (id: string) => config.body.documents.find((d: any) => d.id === id);
    for (const id of all.filter((id) => id !== 'wa-mvr-release')) {
      const { version, sha256 } = byId(id);
      const ack = await call(
        '/v1/apply/acknowledgements',
        auth(token, json({ document_id: id, version, sha256 })),
      );
      assert.equal(ack.status, 201);
    }
    const authorization = byId('authorization');
    const consent = await call(
      '/v1/apply/consent',
      auth(
        token,
        json({
          signature_name: 'Pam Beesly',
          esign_consent: true,
          authorization: {
            document_id: authorization.id,
            version: authorization.version,
            sha256: authorization.sha256,
          },
        }),
      ),
    );
    assert.equal(consent.status, 409, JSON.stringify(consent.body));
    assert.equal(consent.body.errors[0].code, 'acknowledgements_missing');
    assert.match(consent.body.errors[0].title, /wa-mvr-release/);
  });
});

describe('the state of residence', () => {
  it('is required when documents depend on it: 422 residence_state_required at /residence_state', async () => {
    const token = await newSession();
    const config = await call('/v1/apply/config', auth(token));
    assert.equal(config.body.requirements.residence_state, true);
    const before = bff.sandbox.checkr.candidates.size;
    const { residence_state: _left, ...candidate } = person(TEXAN);
    const { status, body } = await call('/v1/apply/candidate', auth(token, json(candidate)));
    assert.equal(status, 422);
    assert.deepEqual(body.errors, [
      {
        code: 'residence_state_required',
        title: 'Invalid value at /residence_state',
        source: { pointer: '/residence_state' },
      },
    ]);
    assert.equal(bff.sandbox.checkr.candidates.size, before, 'nothing reached Checkr');
  });

  it('is not required when no document depends on it (work locations already cover them, no MVR)', async () => {
    const session = {
      package: 'tasker_standard',
      work_locations: [
        { country: 'US', state: 'CA' },
        { country: 'US', state: 'NY' },
      ],
    };
    const token = await newSession(session);
    const config = await call('/v1/apply/config', auth(token));
    assert.equal(config.body.requirements.residence_state, false);
    const { residence_state: _left, ...candidate } = person(TEXAN);
    const { state } = await stateDocumentsFor(candidate, session);
    assert.deepEqual(state, ['ca-disclosure', 'ny-disclosure']);
  });

  it('must match the ZIP code: 422 residence_state_zip_mismatch', async () => {
    const token = await newSession();
    const before = bff.sandbox.checkr.candidates.size;
    const { status, body } = await call(
      '/v1/apply/candidate',
      auth(token, json(person({ ...TEXAN, zipcode: '94107' }))),
    );
    assert.equal(status, 422);
    assert.equal(body.errors[0].code, 'residence_state_zip_mismatch');
    assert.equal(body.errors[0].source.pointer, '/residence_state');
    assert.equal(bff.sandbox.checkr.candidates.size, before, 'nothing reached Checkr');
  });

  it('is refused when it is no US jurisdiction, and accepted with a military or border ZIP code', async () => {
    const token = await newSession();
    const invalid = await call(
      '/v1/apply/candidate',
      auth(token, json(person({ ...TEXAN, residence_state: 'XX' }))),
    );
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.errors[0].code, 'residence_state_invalid');
    // An APO address (AE, 090-099) says nothing of the legal residence; 73949 spans OK and TX.
    await stateDocumentsFor(person({ ...TEXAN, zipcode: '09021' }));
    await stateDocumentsFor(person({ ...TEXAN, zipcode: '73949' }));
  });

  it('the config tells the component each state document’s rule', async () => {
    const token = await newSession();
    const { body } = await call('/v1/apply/config', auth(token));
    const rules = Object.fromEntries(
      body.documents
        .filter((d: any) => d.kind === 'state_disclosure')
        .map((d: any) => [d.id, d.applies_to]),
    );
    assert.deepEqual(rules, {
      'ca-disclosure': { residence: ['CA'], work: ['CA'] },
      'ny-disclosure': { residence: ['NY'], work: ['NY'] },
      'wa-mvr-release': { residence: ['WA'], work: ['WA'], license: ['WA'], mvr: true },
    });
  });
});
