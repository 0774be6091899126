import { hashDocument, type HashedDocument, type LegalDocument } from './types.ts';

/**
 * SAMPLE TEXTS ONLY. They show the structure and order Checkr's self-hosted flow requires; they
 * are not legal advice. Replace them with the templates Checkr supplies and your counsel approves,
 * through `createApp({ documents })`. Every title says "Sample" so nobody ships them by mistake.
 */
const SAMPLE_EN = 'SAMPLE TEXT: replace with the version your legal counsel approves.';
const SAMPLE_ES = 'TEXTO DE MUESTRA: reemplácelo por la versión que apruebe su asesor legal.';

const en: LegalDocument[] = [
  {
    id: 'fcra-summary-of-rights',
    version: '2026-01',
    kind: 'summary_of_rights',
    locale: 'en',
    title: 'Sample: A Summary of Your Rights Under the Fair Credit Reporting Act',
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'The federal Fair Credit Reporting Act (FCRA) promotes the accuracy, fairness, and privacy of information in the files of consumer reporting agencies.',
      },
      {
        type: 'list',
        items: [
          'You must be told if information in your file has been used against you.',
          'You have the right to know what is in your file.',
          'You have the right to dispute incomplete or inaccurate information.',
          'Consumer reporting agencies must correct or delete inaccurate, incomplete, or unverifiable information.',
          'Access to your file is limited, and you must give your consent for reports to be provided to employers.',
        ],
      },
    ],
  },
  {
    id: 'background-check-disclosure',
    version: '2026-01',
    kind: 'disclosure',
    locale: 'en',
    title: 'Sample: Disclosure Regarding Background Investigation',
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'Dunder Mifflin ("the Company") may obtain information about you from a third-party consumer reporting agency, Checkr, Inc., for employment purposes. You may be the subject of a "consumer report" that may include information about your character, general reputation, personal characteristics, and mode of living.',
      },
      {
        type: 'paragraph',
        text: 'These reports may contain information regarding your criminal history, Social Security verification, motor vehicle records, and verification of your education or employment history.',
      },
    ],
  },
  {
    id: 'ca-disclosure',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'en',
    title: 'Sample: California Disclosure Regarding Investigative Consumer Report',
    // "California requires its own disclosure separate from the general background check
    // disclosure" (seed 000 L185): for a California resident or work location.
    appliesTo: { residence: ['CA'], work: ['CA'] },
    offersCopy: true,
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'Under California Civil Code section 1786.22, you may view the file maintained on you by the investigative consumer reporting agency during normal business hours.',
      },
    ],
  },
  {
    id: 'ny-disclosure',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'en',
    title: 'Sample: New York Disclosure and Article 23-A',
    // Not in the seeds, which give only California and Washington as examples: a sample of a
    // disclosure chosen by residence or work location, like California's.
    appliesTo: { residence: ['NY'], work: ['NY'] },
    offersCopy: true,
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'You have the right, upon written request, to be informed of whether or not a consumer report was requested. New York Correction Law Article 23-A limits how a criminal conviction may be used in employment decisions.',
      },
    ],
  },
  {
    id: 'wa-mvr-release',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'en',
    title: 'Sample: Washington Release of Liability for Motor Vehicle Records',
    // The Washington State DMV's release "for accessing Motor Vehicle Records for employment"
    // (seed 000 L185): only with an MVR, and whenever Washington's records are read (a WA
    // licence) or the candidate lives or works in Washington, the safer reading of where the
    // seed is silent.
    appliesTo: { residence: ['WA'], work: ['WA'], license: ['WA'], mvr: true },
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'I release the Washington State Department of Licensing from liability for the release of my driving record to the Company for employment purposes.',
      },
    ],
  },
  {
    id: 'authorization',
    version: '2026-01',
    kind: 'authorization',
    locale: 'en',
    title: 'Sample: Authorization of Background Investigation',
    body: [
      { type: 'paragraph', text: SAMPLE_EN },
      {
        type: 'paragraph',
        text: 'I acknowledge receipt of the Disclosure Regarding Background Investigation and A Summary of Your Rights Under the Fair Credit Reporting Act, and I certify that I have read and understand them.',
      },
      {
        type: 'paragraph',
        text: 'I authorize Dunder Mifflin and Checkr, Inc. to obtain consumer reports about me for employment purposes, now and, where the law allows, throughout my engagement.',
      },
    ],
  },
];

const es: LegalDocument[] = [
  {
    id: 'fcra-summary-of-rights',
    version: '2026-01',
    kind: 'summary_of_rights',
    locale: 'es',
    title: 'Muestra: Resumen de sus derechos según la Ley de Informe Justo de Crédito',
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'La Ley federal de Informe Justo de Crédito (FCRA) promueve la exactitud, imparcialidad y privacidad de la información en los archivos de las agencias de informes de consumidores.',
      },
      {
        type: 'list',
        items: [
          'Se le debe informar si la información de su archivo se usó en su contra.',
          'Tiene derecho a saber qué hay en su archivo.',
          'Tiene derecho a disputar información incompleta o inexacta.',
          'Las agencias deben corregir o eliminar la información inexacta, incompleta o no verificable.',
          'El acceso a su archivo es limitado y debe dar su consentimiento para que se entreguen informes a empleadores.',
        ],
      },
    ],
  },
  {
    id: 'background-check-disclosure',
    version: '2026-01',
    kind: 'disclosure',
    locale: 'es',
    title: 'Muestra: Divulgación sobre la investigación de antecedentes',
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'Dunder Mifflin ("la Empresa") puede obtener información sobre usted de una agencia de informes de consumidores, Checkr, Inc., con fines de empleo. Usted puede ser objeto de un "informe de consumidor" que puede incluir información sobre su carácter, reputación general, características personales y modo de vida.',
      },
      {
        type: 'paragraph',
        text: 'Estos informes pueden contener información sobre antecedentes penales, verificación del Seguro Social, registros de vehículos motorizados y verificación de estudios o empleos.',
      },
    ],
  },
  {
    id: 'ca-disclosure',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'es',
    title: 'Muestra: Divulgación de California sobre informes de investigación',
    appliesTo: { residence: ['CA'], work: ['CA'] },
    offersCopy: true,
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'Según la sección 1786.22 del Código Civil de California, puede ver el archivo que la agencia mantiene sobre usted en horario laboral normal.',
      },
    ],
  },
  {
    id: 'ny-disclosure',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'es',
    title: 'Muestra: Divulgación de Nueva York y Artículo 23-A',
    appliesTo: { residence: ['NY'], work: ['NY'] },
    offersCopy: true,
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'Tiene derecho, mediante solicitud por escrito, a saber si se solicitó un informe de consumidor. El Artículo 23-A de la Ley de Corrección de Nueva York limita el uso de condenas penales en decisiones de empleo.',
      },
    ],
  },
  {
    id: 'wa-mvr-release',
    version: '2026-01',
    kind: 'state_disclosure',
    locale: 'es',
    title: 'Muestra: Liberación de responsabilidad de Washington para registros de vehículos',
    // The same rule as the English version's.
    appliesTo: { residence: ['WA'], work: ['WA'], license: ['WA'], mvr: true },
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'Libero al Departamento de Licencias del Estado de Washington de responsabilidad por entregar mi historial de manejo a la Empresa con fines de empleo.',
      },
    ],
  },
  {
    id: 'authorization',
    version: '2026-01',
    kind: 'authorization',
    locale: 'es',
    title: 'Muestra: Autorización de investigación de antecedentes',
    body: [
      { type: 'paragraph', text: SAMPLE_ES },
      {
        type: 'paragraph',
        text: 'Confirmo que recibí la Divulgación sobre la investigación de antecedentes y el Resumen de sus derechos según la FCRA, y certifico que los leí y los entiendo.',
      },
      {
        type: 'paragraph',
        text: 'Autorizo a Dunder Mifflin y a Checkr, Inc. a obtener informes de consumidor sobre mí con fines de empleo, ahora y, cuando la ley lo permita, durante toda mi relación laboral.',
      },
    ],
  },
];

export const sampleDocuments: readonly HashedDocument[] = [...en, ...es].map(hashDocument);
