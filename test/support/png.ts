import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG built by hand, so a test can claim any size in IHDR and put any bytes in IDAT: the
 * shapes of an image bomb. `rows` is the already-filtered image data (a filter byte per row).
 */
export function pngOf(
  header: { width: number; height: number; colorType?: number; bitDepth?: number },
  idat: Buffer,
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr[8] = header.bitDepth ?? 8;
  ihdr[9] = header.colorType ?? 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An RGBA PNG of `width` x `height` whose pixels come from `pixel`, as a canvas exports one. */
export function rgbaPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const stride = width * 4 + 1;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * stride + 1 + x * 4);
  return pngOf({ width, height }, deflateSync(rows));
}

/** A signature-like stroke on transparent paper, the pad's size. */
export function drawnSignature(width = 600, height = 200): Buffer {
  return rgbaPng(width, height, (x, y) =>
    Math.abs(y - height / 2 - (height / 4) * Math.sin(x / 40)) < 3
      ? [17, 17, 17, 255]
      : [0, 0, 0, 0],
  );
}

export function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
