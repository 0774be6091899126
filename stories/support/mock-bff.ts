import { BffError, type ApplyApi, type ApplyConfig, type ApplyDocument } from '@checkr-kit/core';
import { stateDocumentApplies, validateZipcode } from '@checkr-kit/validation';
// The BFF's own residence check (ZIP table included), as this stands in for the BFF.
import { validateResidenceState } from '@checkr-kit/validation/server';

/** What the mocked BFF answers: switch it from the story's controls. */
export type Scenario =
  | 'happy'
  | 'server-field-errors'
  | 'duplicate-candidate'
  | 'network-error'
  | 'session-expired'
  | 'slow';

const sample = (
  id: string,
  kind: ApplyDocument['kind'],
  title: string,
  paragraphs: string[],
  extra: Partial<ApplyDocument> = {},
): ApplyDocument => ({
  id,
  version: '2026-01',
  sha256: id
    .padEnd(64, '0')
    .slice(0, 64)
    .replace(/[^0-9a-f]/g, 'a'),
  kind,
  locale: 'en',
  title,
  body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
  applies_to: null,
  offers_copy: false,
  ...extra,
});

export const storyDocuments: ApplyDocument[] = [
  sample(
    'fcra-summary-of-rights',
    'summary_of_rights',
    'Sample: A Summary of Your Rights Under the Fair Credit Reporting Act',
    [
      'SAMPLE TEXT: replace with the version your legal counsel approves.',
      'The federal Fair Credit Reporting Act (FCRA) promotes the accuracy, fairness, and privacy of information in the files of consumer reporting agencies.',
    ],
  ),
  sample(
    'background-check-disclosure',
    'disclosure',
    'Sample: Disclosure Regarding Background Investigation',
    [
      'SAMPLE TEXT: replace with the version your legal counsel approves.',
      'Dunder Mifflin may obtain information about you from a consumer reporting agency, Checkr, Inc., for employment purposes.',
    ],
  ),
  sample(
    'ca-disclosure',
    'state_disclosure',
    'Sample: California Disclosure Regarding Investigative Consumer Report',
    [
      'SAMPLE TEXT: replace with the version your legal counsel approves.',
      'Under California Civil Code section 1786.22, you may view the file maintained on you.',
    ],
    { applies_to: { residence: ['CA'], work: ['CA'] }, offers_copy: true },
  ),
  sample('authorization', 'authorization', 'Sample: Authorization of Background Investigation', [
    'SAMPLE TEXT: replace with the version your legal counsel approves.',
    'I authorize Dunder Mifflin and Checkr, Inc. to obtain consumer reports about me for employment purposes.',
  ]),
];

export const storyConfig: ApplyConfig = {
  session: { id: 'as_story', locale: 'en' },
  requirements: {
    min_age: 18,
    ssn: true,
    zipcode: true,
    driver_license: true,
    residence_state: true,
  },
  work_states: ['CA'],
  prefill: {},
  documents: storyDocuments,
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The kit's own `ApplyApi`, answered in memory: no network in Storybook. */
export function mockBff(scenario: Scenario = 'happy', config: ApplyConfig = storyConfig): ApplyApi {
  let failedOnce = false;
  const fail = async () => {
    if (scenario === 'slow') await wait(1500);
    if (scenario === 'network-error' && !failedOnce) {
      failedOnce = true;
      throw new BffError(0, [{ code: 'network_error', title: 'The network request failed' }]);
    }
    if (scenario === 'session-expired')
      throw new BffError(401, [{ code: 'session_closed', title: 'closed' }]);
  };
  return {
    async config() {
      if (scenario === 'slow') await wait(100_000);
      await fail();
      return config;
    },
    async submitCandidate(candidate) {
      await fail();
      if (scenario === 'server-field-errors') {
        throw new BffError(422, [
          { code: 'ssn_taken', title: 'x', source: { pointer: '/ssn' } },
          { code: 'email_domain_no_mail', title: 'x', source: { pointer: '/email' } },
        ]);
      }
      // Checkr's 409 for a fourth identical candidate within 24 hours, as the BFF answers it.
      if (scenario === 'duplicate-candidate')
        throw new BffError(409, [
          { code: 'candidate_duplicate', title: 'Checkr refused a duplicate candidate' },
        ]);
      // The BFF's rules, from the same data: the state of residence and the documents it selects.
      const zipcode = validateZipcode(candidate.zipcode);
      const residence = validateResidenceState(candidate.residence_state, {
        required: config.requirements.residence_state !== false,
        zipcode: zipcode.ok ? zipcode.value : undefined,
      });
      if (!residence.ok)
        throw new BffError(
          422,
          residence.errors.map((e) => ({
            code: e.code,
            title: 'x',
            source: { pointer: e.pointer },
          })),
        );
      const facts = {
        residence: residence.value,
        work: config.work_states,
        license:
          typeof candidate.driver_license_state === 'string'
            ? candidate.driver_license_state
            : null,
        mvr: config.requirements.driver_license,
      };
      return {
        candidate_id: 'cand_story',
        documents: config.documents
          .filter((d) => d.kind !== 'authorization')
          .filter(
            (d) => d.kind !== 'state_disclosure' || stateDocumentApplies(d.applies_to ?? {}, facts),
          )
          .map((d) => d.id),
      };
    },
    async acknowledge(document) {
      await fail();
      return { document_id: document.document_id, acknowledged_at: new Date().toISOString() };
    },
    async consent() {
      await fail();
      return { consent_id: 'cs_story', signed_at: new Date().toISOString() };
    },
  };
}
