import { promisify } from 'node:util';
import { crc32, deflate, inflate } from 'node:zlib';
import { SIGNATURE_IMAGE_SIZE } from '@checkr-kit/validation';

const inflateAsync = promisify(inflate);
const deflateAsync = promisify(deflate);

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type (PNG 11.2.2) for the types accepted: grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

/** Why a drawn signature was refused; the message is safe to show (no image content). */
export class SignaturePngError extends Error {}

/**
 * The chunks of a PNG, read without decoding a pixel: the magic, IHDR first, every CRC, the IDAT
 * data concatenated, IEND. Costs one pass over the bytes whatever the image claims to hold.
 */
export function readPng(bytes: Buffer): { header: PngHeader; idat: Buffer } {
  if (bytes.length < 8 + 25 || !bytes.subarray(0, 8).equals(PNG_MAGIC))
    throw new SignaturePngError('not a PNG');
  let offset = 8;
  let header: PngHeader | undefined;
  const idat: Buffer[] = [];
  for (;;) {
    if (offset + 12 > bytes.length) throw new SignaturePngError('truncated PNG');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw new SignaturePngError('truncated PNG');
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(end - 4))
      throw new SignaturePngError('corrupt PNG chunk');
    if (!header) {
      if (type !== 'IHDR' || length !== 13) throw new SignaturePngError('PNG without IHDR');
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8]!,
        colorType: data[9]!,
        interlaced: data[12] !== 0,
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset = end;
  }
  if (idat.length === 0) throw new SignaturePngError('PNG without image data');
  return { header, idat: Buffer.concat(idat) };
}

/** Refuses, from the header alone, anything the signature pad cannot have produced. */
export function checkSignatureHeader(header: PngHeader): void {
  const { width, height } = SIGNATURE_IMAGE_SIZE;
  if (header.width < 1 || header.height < 1 || header.width > width || header.height > height)
    throw new SignaturePngError(
      `${header.width} x ${header.height} px is larger than the signature pad's ${width} x ${height}`,
    );
  if (header.bitDepth !== 8 || !(header.colorType in CHANNELS) || header.interlaced)
    throw new SignaturePngError(
      'only 8-bit, non-interlaced grey or RGB PNGs, with or without alpha',
    );
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-row filters (PNG 9.2); `raw` holds one filter byte before each row. */
function unfilter(raw: Buffer, header: PngHeader, bpp: number): Buffer {
  const stride = header.width * bpp;
  const out = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp]! : 0;
      const above = y > 0 ? out[up + x]! : 0;
      const corner = y > 0 && x >= bpp ? out[up + x - bpp]! : 0;
      const value = raw[src + x]!;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = above;
      else if (filter === 3) predicted = (left + above) >> 1;
      else if (filter === 4) predicted = paeth(left, above, corner);
      else throw new SignaturePngError('corrupt PNG filter');
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/**
 * The drawn signature as the evidence keeps it: checked from its header before any decoding,
 * inflated off the event loop with the output capped at what the header allows (a deflate bomb
 * stops at the cap), then laid on white paper as an 8-bit RGB PNG, which the consent PDF embeds
 * as it is, with no decoding at all, however often it is rendered again.
 */
export async function normalizeSignaturePng(bytes: Buffer): Promise<Buffer> {
  const { header, idat } = readPng(bytes);
  checkSignatureHeader(header);
  const bpp = CHANNELS[header.colorType]!;
  const expected = header.height * (header.width * bpp + 1);
  let raw: Buffer;
  try {
    raw = await inflateAsync(idat, { maxOutputLength: expected });
  } catch {
    throw new SignaturePngError('PNG image data is corrupt or larger than its header says');
  }
  if (raw.length !== expected)
    throw new SignaturePngError('PNG image data does not match its header');
  const pixels = unfilter(raw, header, bpp);

  const rowBytes = header.width * 3 + 1;
  const rgb = Buffer.alloc(header.height * rowBytes); // filter byte 0 (None) on every row
  const hasAlpha = header.colorType === 4 || header.colorType === 6;
  const grey = header.colorType === 0 || header.colorType === 4;
  for (let y = 0; y < header.height; y++) {
    for (let x = 0; x < header.width; x++) {
      const at = (y * header.width + x) * bpp;
      const alpha = hasAlpha ? pixels[at + bpp - 1]! : 255;
      const out = y * rowBytes + 1 + x * 3;
      for (let c = 0; c < 3; c++) {
        const value = pixels[at + (grey ? 0 : c)]!;
        // Over white: value * a + 255 * (1 - a), rounded.
        rgb[out + c] = Math.round((value * alpha + 255 * (255 - alpha)) / 255);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    PNG_MAGIC,
    chunk('IHDR', ihdr),
    chunk('IDAT', await deflateAsync(rgb, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
