import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_STATES } from '@checkr-kit/validation';
import { auth, json, startSandbox } from './helpers.ts';

/**
 * Work locations Checkr's POST /v1/reports would refuse (seed 001 L2365, L2401) are refused when
 * the apply session is created, never after the candidate signed; and what the kit accepts, the
 * simulator (the sandbox's own reading of the same lines) accepts when the report is ordered.
 */
const bff = await startSandbox();
const admin = bff.config.adminKey;

async function createSession(workLocations: unknown[]) {
  const response = await fetch(
    `${bff.url}/v1/apply-sessions`,
    auth(admin, json({ package: 'driver_pro', work_locations: workLocations })),
  );
  return { status: response.status, body: (await response.json()) as any };
}

let serial = 0;
/** Straight to the Checkr simulator, as the BFF's outbox would order the report. */
async function simulatorOrders(workLocations: unknown[]): Promise<number> {
  const basic = `Basic ${Buffer.from(`${bff.sandbox.checkrKey}:`).toString('base64')}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${bff.sandbox.env.CHECKR_API_BASE}${path}`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const candidate = await post('/v1/candidates', {
    first_name: 'Pam',
    middle_name: 'Morgan',
    last_name: `Beesly${serial++}`,
    email: 'pam@dundermifflin.com',
    zipcode: '18505',
    dob: '1979-03-25',
    ssn: '111-11-2001',
    driver_license_number: 'F1112001',
    driver_license_state: 'CA',
  });
  assert.equal(candidate.status, 201, JSON.stringify(candidate.body));
  const report = await post('/v1/reports', {
    candidate_id: candidate.body.id,
    package: 'driver_pro',
    work_locations: workLocations,
  });
  return report.status;
}

describe('work locations at session creation', () => {
  it('refuses a work location outside the US, pointing at its country', async () => {
    for (const country of ['GB', 'CA', 'us']) {
      const { status, body } = await createSession([
        { country: 'US', state: 'PA' },
        { country, state: 'ON', city: 'Toronto' },
      ]);
      assert.equal(status, 400, `${country}: ${JSON.stringify(body)}`);
      assert.equal(body.errors[0].code, 'work_location_country_unsupported');
      assert.equal(body.errors[0].source.pointer, '/work_locations/1/country');
    }
  });

  it('refuses a US work location without a state, or with one that is not a US state', async () => {
    for (const location of [
      { country: 'US' },
      {},
      { country: 'US', state: 'ZZ' },
      { state: 'XX' },
    ]) {
      const { status, body } = await createSession([location]);
      assert.equal(status, 400, `${JSON.stringify(location)}: ${JSON.stringify(body)}`);
      assert.equal(body.errors[0].code, 'work_location_state_required');
      assert.equal(body.errors[0].source.pointer, '/work_locations/0/state');
    }
  });

  it('accepts what the Checkr simulator accepts, and refuses what it refuses', async () => {
    const cases: unknown[][] = [
      ...US_STATES.map(([state]) => [{ country: 'US', state, city: 'Springfield' }]),
      [{ state: 'PA' }], // country defaults to US (L2401)
      [],
      [{ country: 'GB', city: 'London' }],
      [{ country: 'US' }],
      [{ country: 'US', state: 'ZZ' }],
      [
        { country: 'US', state: 'CA' },
        { country: 'MX', state: 'JA' },
      ],
    ];
    for (const locations of cases) {
      const kit = (await createSession(locations)).status;
      assert.ok(kit === 201 || kit === 400, `${JSON.stringify(locations)}: kit ${kit}`);
      const simulator = await simulatorOrders(locations);
      assert.equal(
        simulator === 201,
        kit === 201,
        `${JSON.stringify(locations)}: kit ${kit}, simulator ${simulator}`,
      );
    }
  });
});
