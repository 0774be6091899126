import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/config.ts';
import type { ConsentEvidence } from '../../server/src/pdf/consent-pdf.ts';
import { auth, json, michael, readyToSign, startSandbox } from './helpers.ts';

/** Findings 3 (a spoofable IP) and 4 (candidate-written free text in the signed evidence). */
const bff = await startSandbox({ env: { TRUST_PROXY: '1' } });

/** A consent submitted over node:http, so a header may carry any byte a client can send. */
function submit(
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${bff.url}/v1/apply/consent`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function evidenceOf(consentId: string) {
  const consent = (await bff.store.getConsent(consentId))!;
  const text = spawnSync('pdftotext', ['-', '-'], { input: consent.pdf }).stdout.toString();
  return { evidence: JSON.parse(consent.evidenceJson) as ConsentEvidence, text };
}

describe('the IP in the evidence and TRUST_PROXY', () => {
  it('refuses TRUST_PROXY=true in one line, and anything but a hop count or addresses', () => {
    assert.throws(
      () => parseConfig({ TRUST_PROXY: 'true' }),
      /^Error: Configuration error: TRUST_PROXY must not be true \(any client could choose its IP\)/,
    );
    assert.throws(
      () => parseConfig({ TRUST_PROXY: 'everyone' }),
      /TRUST_PROXY must be a hop count/,
    );
    assert.equal(parseConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(
      parseConfig({ TRUST_PROXY: '10.0.0.1,10.1.0.0/16, loopback' }).trustProxy,
      '10.0.0.1, 10.1.0.0/16, loopback',
    );
    assert.throws(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY/);
  });

  it('records a valid forwarded address, and the socket address when the header is not one', async () => {
    const first = await readyToSign(bff);
    const forwarded = await submit(first.token, first.consent, {
      'x-forwarded-for': '203.0.113.9',
    });
    assert.equal(forwarded.status, 201);
    assert.equal((await evidenceOf(forwarded.body.consent_id)).evidence.ip, '203.0.113.9');

    const second = await readyToSign(bff);
    const forged = await submit(second.token, second.consent, {
      'x-forwarded-for': 'IP NOT RECORDED - see attached letter',
    });
    assert.equal(forged.status, 201);
    const { evidence, text } = await evidenceOf(forged.body.consent_id);
    assert.equal(evidence.ip, '127.0.0.1');
    assert.doesNotMatch(text, /NOT RECORDED/);
  });
});

describe('free text in the signed evidence', () => {
  it('keeps a real IANA time zone and drops anything else', async () => {
    const kept = await readyToSign(bff);
    const ok = await submit(kept.token, { ...kept.consent, time_zone: 'America/New_York' });
    assert.equal(
      (await evidenceOf(ok.body.consent_id)).evidence.client_time_zone,
      'America/New_York',
    );
    const spoofed = await readyToSign(bff);
    const duress = await submit(spoofed.token, {
      ...spoofed.consent,
      time_zone: 'I DO NOT CONSENT - signed under duress',
    });
    assert.equal(duress.status, 201);
    const { evidence, text } = await evidenceOf(duress.body.consent_id);
    assert.equal(evidence.client_time_zone, null);
    assert.doesNotMatch(text, /DO NOT CONSENT/);
  });

  it('prints the user agent as reported by the browser, printable characters only', async () => {
    const { token, consent } = await readyToSign(bff);
    const signed = await submit(token, consent, { 'user-agent': 'Mozilla/5.0 \xe9\xff(X11)' });
    const { evidence, text } = await evidenceOf(signed.body.consent_id);
    assert.equal(evidence.user_agent, 'Mozilla/5.0 ????(X11)');
    assert.match(text, /User agent \(as reported by the browser\): Mozilla\/5\.0 \?\?\?\?\(X11\)/);
  });

  it('compares the typed name letter for letter after folding case and accents', async () => {
    for (const added of [
      'Michael Scott НЕ СОГЛАСЕН',
      'Michael Scott 不同意',
      'Michael Scott.',
      'Michael Scott2',
    ]) {
      const { token, consent } = await readyToSign(bff);
      const refused = await submit(token, { ...consent, signature_name: added });
      assert.equal(refused.status, 422, added);
      assert.equal(refused.body.errors[0].code, 'signature_name_mismatch');
    }
    const { token, consent } = await readyToSign(bff);
    const folded = await submit(token, { ...consent, signature_name: '  MICHAËL   scott ' });
    assert.equal(folded.status, 201, JSON.stringify(folded.body));
  });

  it('refuses control and bidirectional-override characters in every text field', async () => {
    const { token, consent } = await readyToSign(bff);
    for (const signature_name of [
      'Michael Scott\u0000',
      'Michael \u202eScott',
      'Michael\u2066 Scott',
    ]) {
      const refused = await submit(token, { ...consent, signature_name });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.errors[0].source.pointer, '/signature_name');
    }
    const zone = await submit(token, { ...consent, time_zone: 'America/New_York\u202e' });
    assert.equal(zone.status, 400);
    const created = await fetch(
      `${bff.url}/v1/apply-sessions`,
      auth(
        bff.config.adminKey,
        json({ package: 'driver_pro', prefill: { first_name: 'Mi\u202echael' } }),
      ),
    );
    assert.equal(created.status, 400);
    assert.equal((await created.json()).errors[0].source.pointer, '/prefill/first_name');
    const candidate = await fetch(
      `${bff.url}/v1/apply/candidate`,
      auth(token, json({ ...michael, email: 'michael\u200f@dundermifflin.com' })),
    );
    assert.equal(candidate.status, 400);
    assert.equal((await candidate.json()).errors[0].source.pointer, '/email');
  });
});
