import type { ApplyDocument } from '@checkr-kit/core';

/** A short FCRA summary of rights, for a ck-pii-form that shows it (and its acknowledgement). */
export const summaryOfRights: ApplyDocument = {
  id: 'fcra-summary-of-rights',
  version: '1',
  sha256: 'a'.repeat(64),
  kind: 'summary_of_rights',
  locale: 'en',
  title: 'A Summary of Your Rights',
  body: [{ type: 'paragraph', text: 'You have the right to know what is in your file.' }],
  applies_to: null,
  offers_copy: false,
};
