import { crc32, deflateSync } from "node:zlib";

// A tiny PNG encoder for flat colours (demo menus and tests): 8-bit RGB, no filter, one IDAT. Flat
// colour compresses to a few kilobytes even at 2500×1686, well under LINE's 1 MB.

export type Rgb = readonly [number, number, number];

/** A PNG `width`×`height` filled with `background`, then each rectangle in its colour (later ones on top). */
export function flatPng(
  width: number,
  height: number,
  background: Rgb,
  rects: Array<{ x: number; y: number; width: number; height: number; color: Rgb }> = [],
): Uint8Array {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  const row = Buffer.alloc(width * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) row.set(background, x * 3);
    for (const r of rects) {
      if (y < r.y || y >= r.y + r.height) continue;
      for (let x = Math.max(0, r.x); x < Math.min(width, r.x + r.width); x++) row.set(r.color, x * 3);
    }
    raw[y * stride] = 0;
    row.copy(raw, y * stride + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
