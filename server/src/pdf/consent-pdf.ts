import {
  PDFDocument,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from '@pdfme/pdf-lib';
import { SignaturePngError, checkSignatureHeader, readPng } from './signature-png.ts';
import { pdfLabels } from './labels.ts';

/** Everything the consent PDF shows; stored as canonical JSON so the PDF can be rebuilt. */
export interface ConsentEvidence {
  consent_id: string;
  apply_session_id: string;
  candidate_id: string;
  locale: string;
  signed_at: string;
  client_time_zone: string | null;
  ip: string;
  user_agent: string;
  signer: { typed_name: string; esign_consent: true; drawn_signature_png_base64?: string };
  authorization: { id: string; version: string; sha256: string; title: string; text: string[] };
  acknowledgements: Array<{
    id: string;
    version: string;
    sha256: string;
    title: string;
    acknowledged_at: string;
  }>;
  copy_requested: boolean;
}

const PAGE = { width: 612, height: 792, margin: 54 };
const SIZE = { title: 15, heading: 11, body: 10, small: 8 };

/** The standard fonts speak WinAnsi only; anything else (a user agent's emoji) becomes "?". */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text.replace(/\s+/g, ' '), (ch) =>
    supported.has(ch.codePointAt(0)!) ? ch : '?',
  ).join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line (a long hash, a user agent token) is cut by characters.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly italic: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
  }

  private ensure(height: number): void {
    if (this.y - height < PAGE.margin + 24) this.newPage();
  }

  text(text: string, { font = this.regular, size = SIZE.body, gap = 4, indent = 0 } = {}): void {
    const width = PAGE.width - 2 * PAGE.margin - indent;
    for (const line of wrap(font, size, encodable(font, text), width)) {
      this.ensure(size + 3);
      this.y -= size + 3;
      this.page.drawText(line, {
        x: PAGE.margin + indent,
        y: this.y,
        size,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
    }
    this.y -= gap;
  }

  field(label: string, value: string): void {
    this.text(`${label}: ${value}`, { gap: 2 });
  }

  space(height: number): void {
    this.y -= height;
  }

  /**
   * The drawn signature. What the BFF stores is an RGB PNG (normalizeSignaturePng), whose image
   * data goes into the PDF as it is (PNG predictors are PDF's own, ISO 32000 7.4.4.4), so a
   * render never decodes candidate pixels. Evidence stored before that (RGBA from the pad) is
   * decoded by the library, and only once its header is within the pad's size.
   */
  async image(png: Buffer, maxWidth: number, maxHeight: number): Promise<void> {
    let parsed: ReturnType<typeof readPng>;
    try {
      parsed = readPng(png);
      checkSignatureHeader(parsed.header);
    } catch (error) {
      if (!(error instanceof SignaturePngError)) throw error;
      this.text(`(stored image not rendered: ${error.message})`, { size: SIZE.small });
      return;
    }
    const { header, idat } = parsed;
    const scale = Math.min(maxWidth / header.width, maxHeight / header.height, 1);
    const width = header.width * scale;
    const height = header.height * scale;
    this.ensure(height + 8);
    this.y -= height + 4;
    if (header.colorType === 2) {
      const context = this.doc.context;
      const ref = context.register(
        context.stream(idat, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: header.width,
          Height: header.height,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'FlateDecode',
          DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: header.width },
        }),
      );
      const name = this.page.node.newXObject('Image', ref);
      this.page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(width, 0, 0, height, PAGE.margin, this.y),
        drawObject(name),
        popGraphicsState(),
      );
    } else {
      const image = await this.doc.embedPng(png);
      this.page.drawImage(image, { x: PAGE.margin, y: this.y, width, height });
    }
    this.page.drawRectangle({
      x: PAGE.margin,
      y: this.y,
      width,
      height,
      borderColor: rgb(0.6, 0.6, 0.6),
      borderWidth: 0.5,
    });
    this.y -= 6;
  }
}

/**
 * Renders the consent record. Deterministic: the same evidence gives the same bytes (dates come
 * from the evidence, no random ids, no object streams), so a PDF regenerated on demand can be
 * compared byte for byte with the stored one.
 */
export async function renderConsentPdf(
  evidence: ConsentEvidence,
  evidenceSha256: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const signedAt = new Date(evidence.signed_at);
  doc.setTitle(`Consent record ${evidence.consent_id}`);
  doc.setSubject(evidence.authorization.title);
  doc.setProducer('checkr-kit');
  doc.setCreator('checkr-kit');
  doc.setCreationDate(signedAt);
  doc.setModificationDate(signedAt);

  const writer = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    await doc.embedFont(StandardFonts.HelveticaOblique),
  );
  const { bold, italic } = writer;
  const L = pdfLabels(evidence.locale);

  writer.text(L('title'), {
    font: bold,
    size: SIZE.title,
    gap: 10,
  });

  writer.text(evidence.authorization.title, { font: bold, size: SIZE.heading });
  writer.text(
    `${L('document')}: ${evidence.authorization.id} v${evidence.authorization.version}, SHA-256 ${evidence.authorization.sha256}`,
    { size: SIZE.small, gap: 8 },
  );
  for (const paragraph of evidence.authorization.text) writer.text(paragraph, { gap: 6 });

  writer.space(6);
  writer.text(L('signature'), { font: bold, size: SIZE.heading });
  writer.field(L('signedBy'), evidence.signer.typed_name);
  writer.text(evidence.signer.typed_name, { font: italic, size: 18, gap: 4 });
  writer.field(L('esignConsent'), L('given'));
  if (evidence.signer.drawn_signature_png_base64) {
    writer.text(`${L('drawnSignature')}:`, { gap: 0 });
    await writer.image(Buffer.from(evidence.signer.drawn_signature_png_base64, 'base64'), 240, 90);
  }
  writer.field(L('date'), evidence.signed_at.slice(0, 10));
  writer.field(L('time'), evidence.signed_at.slice(11, 19));
  writer.field(L('timeZone'), evidence.client_time_zone ?? L('notReported'));
  writer.field(L('ip'), evidence.ip);
  writer.field(L('userAgent'), evidence.user_agent || L('notSent'));
  writer.field(L('applySession'), evidence.apply_session_id);
  writer.field(L('candidate'), evidence.candidate_id);
  writer.field(L('copyRequested'), L(evidence.copy_requested ? 'yes' : 'no'));

  writer.space(8);
  writer.text(L('documents'), { font: bold, size: SIZE.heading });
  for (const ack of evidence.acknowledgements) {
    writer.text(`${ack.title}`, { gap: 0 });
    writer.text(
      `${ack.id} v${ack.version}, SHA-256 ${ack.sha256}, ${L('acknowledged')} ${ack.acknowledged_at}`,
      {
        size: SIZE.small,
        indent: 12,
        gap: 4,
      },
    );
  }

  const footerFont = writer.regular;
  writer.pages.forEach((page, index) => {
    const parts = [
      `${L('evidence')} SHA-256 ${evidenceSha256}`,
      `${L('consent')} ${evidence.consent_id}  |  ${L('page')} ${index + 1}/${writer.pages.length}`,
    ];
    // Bilingual labels make the one-line footer wider than the page: then it takes two lines.
    const oneLine = parts.join('  |  ');
    const lines =
      footerFont.widthOfTextAtSize(oneLine, 6.5) <= PAGE.width - 2 * PAGE.margin
        ? [oneLine]
        : parts;
    lines.forEach((line, row) =>
      page.drawText(line, {
        x: PAGE.margin,
        y: 30 + (lines.length - 1 - row) * 8,
        size: 6.5,
        font: footerFont,
        color: rgb(0.35, 0.35, 0.35),
      }),
    );
  });

  return doc.save({ useObjectStreams: false });
}
