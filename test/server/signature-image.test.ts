import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { renderConsentPdf, type ConsentEvidence } from '../../server/src/pdf/consent-pdf.ts';
import { dataUrl, drawnSignature, pngOf } from '../support/png.ts';
import { auth, json, readyToSign, startSandbox } from './helpers.ts';

/** Finding 1 (image decompression bomb): the drawn signature is judged by its header first. */
// Built before the BFF starts (this process serves it): 20 KB of deflate that inflates to 20 MB,
// forty times what a 600 x 200 RGBA image holds.
const deflateBomb = pngOf(
  { width: 600, height: 200 },
  deflateSync(Buffer.alloc(20_000_000), { level: 9 }),
);
const bff = await startSandbox();

async function sign(drawn: string) {
  const { token, consent } = await readyToSign(bff);
  const response = await fetch(
    `${bff.url}/v1/apply/consent`,
    auth(token, json({ ...consent, drawn_signature: drawn })),
  );
  return { status: response.status, body: await response.json() };
}

function pdfImages(pdf: Uint8Array): string {
  return spawnSync('pdfimages', ['-list', '-'], { input: pdf }).stdout.toString();
}

describe('the drawn signature', () => {
  it('a 17 KB PNG claiming 12000 x 12000 is refused from its header, and nothing is committed', async () => {
    const rows = deflateSync(Buffer.alloc(12000 * 4 + 1), { level: 9 });
    const bomb = pngOf({ width: 12000, height: 12000 }, Buffer.concat(Array(40).fill(rows)));
    const before = (await bff.store.listConsents(1000)).length;
    const { status, body } = await sign(dataUrl(bomb));
    assert.equal(status, 422);
    assert.equal(body.errors[0].code, 'signature_image_invalid');
    assert.match(
      body.errors[0].title,
      /12000 x 12000 px is larger than the signature pad's 600 x 200/,
    );
    assert.equal((await bff.store.listConsents(1000)).length, before);
  });

  it('46341 x 46341 (width x height overflows 32 bits) is a 422, not a 500', async () => {
    const { status, body } = await sign(
      dataUrl(pngOf({ width: 46341, height: 46341 }, deflateSync(Buffer.alloc(10)))),
    );
    assert.equal(status, 422);
    assert.equal(body.errors[0].code, 'signature_image_invalid');
  });

  it('a pad-sized header over a deflate bomb stops at the size the header allows', async () => {
    const bomb = deflateBomb;
    assert.ok(bomb.length < 300_000);
    const { status, body } = await sign(dataUrl(bomb));
    assert.equal(status, 422);
    assert.match(body.errors[0].title, /larger than its header says/);
  });

  it('refuses 16-bit, interlaced or corrupt PNGs with a reason', async () => {
    const sixteen = await sign(
      dataUrl(pngOf({ width: 10, height: 10, bitDepth: 16 }, deflateSync(Buffer.alloc(810)))),
    );
    assert.equal(sixteen.status, 422);
    const corrupt = drawnSignature();
    corrupt[40] = corrupt[40]! ^ 0xff; // inside IDAT: the CRC no longer matches
    const broken = await sign(dataUrl(corrupt));
    assert.equal(broken.status, 422);
    assert.match(broken.body.errors[0].title, /corrupt/);
  });

  it("keeps the pad's drawing as RGB on white, embedded in the PDF without decoding it again", async () => {
    const { status, body } = await sign(dataUrl(drawnSignature()));
    assert.equal(status, 201, JSON.stringify(body));
    const consent = (await bff.store.getConsent(body.consent_id))!;
    const evidence = JSON.parse(consent.evidenceJson) as ConsentEvidence;
    const stored = Buffer.from(evidence.signer.drawn_signature_png_base64!, 'base64');
    assert.equal(stored.readUInt32BE(16), 600);
    assert.equal(stored[25], 2, 'colour type RGB');
    const list = pdfImages(consent.pdf);
    assert.match(list, /\s600\s+200\s+rgb\s+3\s+8\s/, list);
    assert.doesNotMatch(list, /smask/);
    const again = await renderConsentPdf(evidence, consent.evidenceSha256);
    assert.ok(Buffer.from(again).equals(Buffer.from(consent.pdf)), 'deterministic');
  });

  it('a bomb already in stored evidence is named in the PDF, never decoded', async () => {
    const { status, body } = await sign(dataUrl(drawnSignature()));
    assert.equal(status, 201);
    const consent = (await bff.store.getConsent(body.consent_id))!;
    const evidence = JSON.parse(consent.evidenceJson) as ConsentEvidence;
    evidence.signer.drawn_signature_png_base64 = pngOf(
      { width: 12000, height: 12000 },
      deflateSync(Buffer.alloc(12000 * 4 + 1)),
    ).toString('base64');
    const pdf = await renderConsentPdf(evidence, consent.evidenceSha256);
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString();
    assert.match(text, /stored image not rendered: 12000 x 12000 px/);
    assert.equal(pdfImages(pdf).trim().split('\n').length, 2, 'no image in the PDF');
  });
});
