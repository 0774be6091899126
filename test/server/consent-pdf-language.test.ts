import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { renderConsentPdf, type ConsentEvidence } from '../../server/src/pdf/consent-pdf.ts';
import { auth, json, michael, readyToSign, startSandbox } from './helpers.ts';

/** The PDF's own labels follow the session's language, with the English beside them. */
function evidence(locale: string): ConsentEvidence {
  return {
    consent_id: 'con_0001',
    apply_session_id: 'as_0001',
    candidate_id: 'cand_0001',
    locale,
    signed_at: '2026-11-23T16:20:05.000Z',
    client_time_zone: 'America/Chicago',
    ip: '203.0.113.7',
    user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
    signer: { typed_name: 'María José Ruiz Peña', esign_consent: true },
    authorization: {
      id: 'authorization',
      version: '2026-01',
      sha256: 'a'.repeat(64),
      title: 'Autorización para la verificación de antecedentes',
      text: ['Autorizo a la empresa a obtener un informe de antecedentes sobre mí.'],
    },
    acknowledgements: [
      {
        id: 'background-check-disclosure',
        version: '2026-01',
        sha256: 'b'.repeat(64),
        title: 'Divulgación sobre la verificación de antecedentes',
        acknowledged_at: '2026-11-23T16:19:40.000Z',
      },
    ],
    copy_requested: true,
  };
}

const text = (pdf: Uint8Array) =>
  spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).stdout.toString();

describe('consent PDF language', () => {
  it('a Spanish session: each label in Spanish with its English beside it', async () => {
    const read = text(await renderConsentPdf(evidence('es'), 'c'.repeat(64)));
    for (const label of [
      'Consentimiento para la verificación de antecedentes: autorización firmada / Consent to',
      'Firmado electrónicamente por (nombre escrito) / Signed electronically by (typed name): María José Ruiz Peña',
      'Fecha (UTC) / Date (UTC): 2026-11-23',
      'Hora (UTC) / Time (UTC): 16:20:05',
      'Copia del informe solicitada / Copy of report requested: sí / yes',
      'Documentos presentados y aceptados / Documents presented and acknowledged',
      'aceptado / acknowledged 2026-11-23T16:19:40.000Z',
      'página / page 1/1',
    ])
      assert.ok(read.replace(/\s+/g, ' ').includes(label), `missing: ${label}\n${read}`);
  });

  it('an English session: English labels only', async () => {
    const read = text(await renderConsentPdf(evidence('en'), 'c'.repeat(64)));
    assert.match(read, /Signed electronically by \(typed name\): María José Ruiz Peña/);
    assert.doesNotMatch(read, /Firmado|Fecha|página| \/ Date/);
  });

  it('stays deterministic: the same evidence gives the same bytes', async () => {
    const first = await renderConsentPdf(evidence('es'), 'c'.repeat(64));
    const second = await renderConsentPdf(evidence('es'), 'c'.repeat(64));
    assert.ok(Buffer.from(first).equals(Buffer.from(second)));
  });

  it('a Spanish candidate through the whole flow: Spanish documents under bilingual labels', async () => {
    const bff = await startSandbox();
    const candidate = {
      ...michael,
      first_name: 'María',
      last_name: 'Ruiz',
      ssn: '111-11-4001',
      zipcode: '94107',
      residence_state: 'CA',
    };
    const { token, consent } = await readyToSign(bff, candidate, { locale: 'es' });
    const signed = await fetch(`${bff.url}/v1/apply/consent`, auth(token, json(consent)));
    assert.equal(signed.status, 201);
    const { consent_id: id } = (await signed.json()) as { consent_id: string };
    const pdf = await fetch(`${bff.url}/v1/consents/${id}/pdf`, auth(bff.config.adminKey));
    const read = text(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    assert.match(
      read,
      /Firmado electrónicamente por \(nombre escrito\) \/ Signed electronically by \(typed name\): María Ruiz/,
    );
    assert.match(
      read,
      /Documentos presentados y aceptados \/ Documents presented and acknowledged/,
    );
    assert.match(read, /Autorización/, 'the documents themselves are the Spanish ones');
  });
});
