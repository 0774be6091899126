/**
 * The consent PDF's own words, in the session's language. A label in another language carries
 * its English beside it ("Firma / Signature"): the employer's reviewer, or a court, may read only
 * English, and the candidate must read the record of what they signed in their own.
 */
const en = {
  title: 'Consent to background check: signed authorization',
  document: 'Document',
  version: 'version',
  signature: 'Signature',
  signedBy: 'Signed electronically by (typed name)',
  esignConsent: 'Consent to sign electronically (ESIGN Act)',
  given: 'given',
  drawnSignature: 'Drawn signature',
  date: 'Date (UTC)',
  time: 'Time (UTC)',
  timeZone: "Candidate's time zone",
  notReported: 'not reported',
  ip: 'IP address',
  userAgent: 'User agent (as reported by the browser)',
  notSent: 'not sent',
  applySession: 'Apply session',
  candidate: 'Checkr candidate',
  copyRequested: 'Copy of report requested',
  yes: 'yes',
  no: 'no',
  documents: 'Documents presented and acknowledged',
  acknowledged: 'acknowledged',
  evidence: 'Evidence',
  consent: 'consent',
  page: 'page',
};

export type PdfLabelKey = keyof typeof en;

const es: Record<PdfLabelKey, string> = {
  title: 'Consentimiento para la verificación de antecedentes: autorización firmada',
  document: 'Documento',
  version: 'versión',
  signature: 'Firma',
  signedBy: 'Firmado electrónicamente por (nombre escrito)',
  esignConsent: 'Consentimiento para firmar electrónicamente (Ley ESIGN)',
  given: 'otorgado',
  drawnSignature: 'Firma dibujada',
  date: 'Fecha (UTC)',
  time: 'Hora (UTC)',
  timeZone: 'Zona horaria del candidato',
  notReported: 'no informada',
  ip: 'Dirección IP',
  userAgent: 'Navegador (user agent, según lo informa el navegador)',
  notSent: 'no enviado',
  applySession: 'Sesión de solicitud',
  candidate: 'Candidato en Checkr',
  copyRequested: 'Copia del informe solicitada',
  yes: 'sí',
  no: 'no',
  documents: 'Documentos presentados y aceptados',
  acknowledged: 'aceptado',
  evidence: 'Evidencia',
  consent: 'consentimiento',
  page: 'página',
};

const catalogs: Record<string, Record<PdfLabelKey, string>> = { en, es };

/**
 * The labels for a locale: `label(key)` is the session language's word followed by the English
 * one when they differ; an unknown locale falls back to English alone.
 */
export function pdfLabels(locale: string): (key: PdfLabelKey) => string {
  const own = catalogs[locale.split('-')[0]!.toLowerCase()] ?? en;
  return (key) => (own === en || own[key] === en[key] ? en[key] : `${own[key]} / ${en[key]}`);
}
