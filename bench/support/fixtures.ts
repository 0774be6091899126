// What the server benches send and render, in one place, so they measure the same candidate and
// the same consent.
import type { ConsentEvidence } from '../../server/src/pdf/consent-pdf.ts';
import { michael } from '../../test/support/candidates.ts';

/** The tests' candidate, as the benches send it. */
export const benchCandidate = JSON.stringify(michael);

/**
 * A realistic consent: six paragraphs of authorization and three acknowledged documents, signed
 * with the typed name and, when given, the drawn signature.
 */
export function benchEvidence(drawnSignaturePngBase64?: string): ConsentEvidence {
  return {
    consent_id: 'cs_bench',
    apply_session_id: 'as_bench',
    candidate_id: 'cand_bench',
    locale: 'en',
    signed_at: '2026-11-23T08:00:00.000Z',
    client_time_zone: 'America/New_York',
    ip: '203.0.113.7',
    user_agent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
    signer: {
      typed_name: 'Michael Scott',
      esign_consent: true,
      ...(drawnSignaturePngBase64 ? { drawn_signature_png_base64: drawnSignaturePngBase64 } : {}),
    },
    authorization: {
      id: 'authorization',
      version: '2026-01',
      sha256: 'a'.repeat(64),
      title: 'Authorization of Background Investigation',
      text: Array.from(
        { length: 6 },
        () =>
          'I authorize Dunder Mifflin and Checkr, Inc. to obtain consumer reports about me for employment purposes, now and, where the law allows, throughout my engagement.',
      ),
    },
    acknowledgements: [
      'fcra-summary-of-rights',
      'background-check-disclosure',
      'ca-disclosure',
    ].map((id) => ({
      id,
      version: '2026-01',
      sha256: 'b'.repeat(64),
      title: id,
      acknowledged_at: '2026-11-23T07:59:00.000Z',
    })),
    copy_requested: false,
  };
}
