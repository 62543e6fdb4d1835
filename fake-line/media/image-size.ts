// Reads the pixel size of a PNG (IHDR chunk) or a JPEG (first SOF marker) from its header, so the fake
// can refuse a rich menu image whose size differs from the menu's as LINE does, without an image library.

export type ImageKind = "png" | "jpeg";
export type ImageSize = { kind: ImageKind; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image's kind and size, or undefined when the bytes are neither a readable PNG nor JPEG. */
export function readImageSize(bytes: Buffer): ImageSize | undefined {
  return pngSize(bytes) ?? jpegSize(bytes);
}

function pngSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { kind: "png", width, height } : undefined;
}

// SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
const NOT_SOF = new Set([0xc4, 0xc8, 0xcc]);

function jpegSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    // Fill bytes and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      i++;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / start of scan before any frame
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && !NOT_SOF.has(marker)) {
      if (i + 9 > bytes.length) return undefined;
      const height = bytes.readUInt16BE(i + 5);
      const width = bytes.readUInt16BE(i + 7);
      return width > 0 && height > 0 ? { kind: "jpeg", width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}
